// One whole session with hostile input — unit names, headers and text that look like HTML, a
// template expression and `__proto__` — through load, scoring, every page, a notebook, exports,
// a what-if edit and the handout: everything renders as text, nothing runs, nothing is polluted,
// and no request leaves the page's origin. The page is served with its Content-Security-Policy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, screenshot, type Session } from './support/browser';

const PWN = 'window.__pwned = 1';
const IMG = `<img src=x onerror="${PWN}">`;
const TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
const HOSTILE_CSV = [
  `ma_xa,ten_xa,nam,"${IMG.replaceAll('"', '""')}",__proto__,bang_rong_phu_ho_gia_dinh_ty_le`,
  `99001,"${IMG.replaceAll('"', '""')}",2024,1,{"polluted":1},80`,
  `99002,${TEMPLATE},2024,2,__proto__,70`,
  `99003,Xã <b>đậm</b> & "trích",2024,3,constructor,60`,
].join('\n');

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('hostile input in one whole session', () => {
  let s: Session;
  const dialogs: string[] = [];
  const csp: string[] = [];

  beforeAll(async () => {
    s = await openApp({ width: 1280, height: 800 });
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    s.page.on('response', (r) => {
      if (r.request().resourceType() === 'document')
        csp.push(r.headers()['content-security-policy'] ?? '');
    });
    await s.page.reload();
    await s.page.evaluate(() => window.dtiLab.ready);
  });
  afterAll(() => s.close());

  const untouched = () =>
    s.page.evaluate(() => ({
      pwned: (window as { __pwned?: number }).__pwned ?? null,
      polluted: ({} as { polluted?: unknown }).polluted ?? null,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].filter((x) => !x.src).length,
    }));

  it('is served with a policy that allows no other origin and no inline script', () => {
    expect(csp.length).toBeGreaterThan(0);
    const policy = csp.at(-1)!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toMatch(/https?:/);
  });

  it('loads names and headers that look like HTML as text', async () => {
    const page = s.page;
    await page.getByTestId('file-input').setInputFiles({
      name: `${IMG}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(HOSTILE_CSV),
    });
    await page.evaluate(() => window.dtiLab.settled());
    const names = await page.evaluate(() =>
      window.dtiLab.query("SELECT unit_name FROM units WHERE unit_code LIKE '9900%' ORDER BY 1"),
    );
    expect(names.map((r) => r.unit_name)).toEqual(
      expect.arrayContaining([IMG, TEMPLATE, 'Xã <b>đậm</b> & "trích"']),
    );
    // The ranking shows them as written.
    const ranking = await page.getByTestId('ranking').innerText();
    expect(ranking).toContain(IMG);
    expect(ranking).toContain(TEMPLATE);
    // The load report names the file and the header as text.
    expect(await page.locator('body').innerText()).toContain(`${IMG}.csv`);
    expect(await untouched()).toEqual({ pwned: null, polluted: null, images: 0, scripts: 0 });
    await screenshot(page, 'security-ranking');
  });

  it('opens every page and a unit profile with a hostile name; exports keep it as text', async () => {
    const page = s.page;
    await page.getByTestId('open-99001').click();
    await page.getByTestId('unit-profile').waitFor();
    expect(await page.locator('#unit-title').innerText()).toContain(IMG);
    for (const p of ['compare', 'targets', 'workshop', 'overview'] as const) {
      const nav = page.getByTestId(`nav-${p}`);
      if (await nav.isEnabled()) await nav.click();
    }
    const csv = await download(page, () =>
      page.locator('section.ranking').getByTestId('export-csv').click(),
    );
    // Formula-looking text is neutralised; HTML stays plain text in the file.
    expect(csv).toContain('<img src=x onerror=');
    expect(await untouched()).toEqual({ pwned: null, polluted: null, images: 0, scripts: 0 });
  });

  it('runs a notebook over the hostile rows and exports its result', async () => {
    const page = s.page;
    await page.getByTestId('nav-notebook').click();
    await page.getByTestId('new-notebook').click();
    const cell = page.locator('[data-testid="cell"]').first();
    await cell.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(
      `SELECT unit_name AS "${IMG.replaceAll('"', '""')}", '${TEMPLATE.replaceAll("'", "''")}' AS t FROM units WHERE unit_code LIKE '9900%'`,
    );
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => cell.getAttribute('data-status')).toBe('fresh');
    expect(await cell.innerText()).toContain(IMG);
    expect(await cell.innerText()).toContain(TEMPLATE);
    const csv = await download(page, () => cell.getByTestId('export-csv').click());
    expect(csv).toContain(TEMPLATE);
    expect(await untouched()).toEqual({ pwned: null, polluted: null, images: 0, scripts: 0 });
  });

  it('edits a hostile unit in the workshop and prints its summary', async () => {
    const page = s.page;
    await page.getByTestId('nav-workshop').click();
    await page.evaluate(() =>
      window.dtiLab.addEdit({
        kind: 'value',
        unit: '99001',
        year: 2024,
        measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
        value: 1,
        text: null,
      }),
    );
    await expect.poll(() => page.getByTestId('edit').count()).toBe(1);
    expect(await page.getByTestId('edit').innerText()).toContain(IMG);
    await page.getByTestId('workshop-handout').click();
    await page.getByTestId('handout-unit').selectOption('99001');
    await expect.poll(() => page.getByTestId('handout').innerText()).toContain(IMG);
    await page.evaluate(() => window.dtiLab.removeEdit());
    expect(await untouched()).toEqual({ pwned: null, polluted: null, images: 0, scripts: 0 });
  });

  it('asked nothing of any other origin, opened no dialog and logged no error', () => {
    expect(foreignRequests(s)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
