// The app as a person meets it: the sample district ranked on first load, a file dropped in
// through the picker, the language switch — and no request ever leaving the page's origin.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, screenshot, SCREENSHOTS, type Session } from './support/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOLDEN = path.resolve(ROOT, 'tests/fixtures/golden/dti-2022-top5.csv');

describe('first view', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the sample district ranked, in Vietnamese, with vi-VN numbers', async () => {
    const table = s.page.getByTestId('ranking');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(19);
    const first = await table.locator('tbody tr').first().innerText();
    expect(await table.locator('tbody tr td.rank').first().innerText()).toMatch(/^1\b/);
    expect(first).toMatch(/\d,\d{4}/); // 0,8123 — decimal comma
    expect(await s.page.getByTestId('year-select').inputValue()).toBe('2024');
    expect(await s.page.locator('h2#ranking-title').innerText()).toMatch(/Bảng xếp hạng/);
    expect(await s.page.getByTestId('illustrative-note').innerText()).toMatch(/MINH HỌA/);
    await screenshot(s.page, 'first-view-1366');
  });

  it('ranks in the table match the scores table, ties and all', async () => {
    const ui = await s.page
      .getByTestId('ranking')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-unit'),
          Number.parseInt((tr.querySelector('td.rank') as HTMLElement).innerText, 10),
        ]),
      );
    const db = await s.page.evaluate(() =>
      window.dtiLab.query(
        'SELECT unit_code, rank FROM scores WHERE year = 2024 ORDER BY rank, unit_code',
      ),
    );
    expect(ui).toEqual(db.map((r) => [r.unit_code, r.rank]));
  });

  it('switches year and language', async () => {
    await s.page.getByTestId('year-select').selectOption('2023');
    await expect.poll(() => s.page.locator('h2#ranking-title').innerText()).toMatch(/2023/);
    await s.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => s.page.locator('h2#ranking-title').innerText()).toMatch(/^Ranking/);
    expect(await s.page.getByTestId('ranking').locator('tbody tr').first().innerText()).toMatch(
      /\d\.\d{4}/,
    );
    await screenshot(s.page, 'first-view-english-2023');
    await s.page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('exposes the pipeline tables to window.dtiLab.query, BIGINT as numbers', async () => {
    const r = await s.page.evaluate(() =>
      window.dtiLab
        .query(`SELECT (SELECT count(*) FROM measures) AS measures, (SELECT count(*) FROM indicator_points) AS points,
        (SELECT count(*) FROM main_index_scores) AS mains, (SELECT count(*) FROM pillar_scores) AS pillars,
        (SELECT count(*) FROM gaps) AS gaps, (SELECT count(*) FROM explain) AS explain, (SELECT count(*) FROM assessed_points) AS assessed, (SELECT count(*) FROM pipeline_log) AS steps`),
    );
    expect(r[0]).toMatchObject({ points: 19 * 2 * 27, assessed: 0, steps: 13 });
    expect(typeof r[0]!.measures).toBe('number');
  });

  it('loads the official 2022 province table through the file input and switches to QĐ 922', async () => {
    await s.page.getByTestId('file-input').setInputFiles(GOLDEN);
    await expect
      .poll(() => s.page.getByTestId('framework-select').inputValue())
      .toBe('dti-tinh-922');
    const rows = s.page.getByTestId('ranking').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.first().innerText()).toMatch(/TP\. Đà Nẵng\s+0,8002/);
    expect(await s.page.getByTestId('year-select').inputValue()).toBe('2022');
    await screenshot(s.page, 'golden-922-1366');
    // What was loaded before is still there.
    const units = await s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT level, count(*)::INTEGER AS n FROM units GROUP BY level ORDER BY level`,
      ),
    );
    expect(units).toEqual([
      { level: 'tinh', n: 5 },
      { level: 'xa', n: 19 },
    ]);
  });

  it('reports a bad file in Vietnamese, naming it, and keeps what was loaded', async () => {
    await s.page
      .getByTestId('file-input')
      .setInputFiles({ name: 'rong.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    const notice = s.page.getByTestId('notice').last();
    await expect.poll(() => notice.innerText()).toMatch(/rong\.csv/);
    expect(await notice.innerText()).toMatch(/Tệp rỗng/);
    expect(await s.page.getByTestId('ranking').locator('tbody tr').count()).toBe(5);
  });

  it('never requested anything outside its own origin, and logged no errors', () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(foreignRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

// A second browser, opened at phone size with nothing but the sample loaded: the phone layout
// looks at it as it opens, then replace and undo use it at 1366×768 (they change nothing the
// phone test reads, and read nothing the phone size changes).
let fresh: Session | undefined;
const freshApp = async (): Promise<Session> =>
  (fresh ??= await openApp({ width: 390, height: 844 }));
afterAll(async () => {
  await fresh?.close();
});

describe('phone layout', () => {
  it('renders the ranking at 390×844', async () => {
    const s = await freshApp();
    await expect.poll(() => s.page.getByTestId('ranking').locator('tbody tr').count()).toBe(19);
    await screenshot(s.page, 'first-view-390');
    const overflow = await s.page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('replace and undo', () => {
  it('replacing the sample shows only the new file; undo brings the sample back', async () => {
    const s = await freshApp();
    await s.page.setViewportSize({ width: 1366, height: 768 });
    await s.page.getByTestId('load-mode').selectOption('replace');
    await s.page.getByTestId('file-input').setInputFiles(GOLDEN);
    await s.page.evaluate(() => window.dtiLab.settled());
    const rows = s.page.getByTestId('ranking').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const [active] = await s.page.evaluate(() =>
      window.dtiLab.query('SELECT count(DISTINCT unit_code)::INTEGER AS n FROM measures'),
    );
    expect(active!.n).toBe(5);
    await screenshot(s.page, 'replace-1366');

    await s.page.getByTestId('undo-load').click();
    await s.page.evaluate(() => window.dtiLab.settled());
    // Only commune data is left: the commune framework comes back with it.
    await expect
      .poll(() => s.page.getByTestId('framework-select').inputValue())
      .toBe('dti-xa-minh-hoa');
    await expect.poll(() => rows.count()).toBe(19);
    expect(await s.page.evaluate(() => window.dtiLab.reports().map((r) => r.file))).toEqual([
      'nam-dan-2023-2024.csv',
    ]);
  });
});

describe('a ranking of hundreds of units', () => {
  it('draws 200 rows at a time, says how many there are, and narrows by parent', async () => {
    const s = await freshApp();
    // 450 communes in three districts, replacing the sample (the load mode the test before chose).
    const lines = ['unit_code,unit_name,parent_code,year,dvctt_toan_trinh_ty_le'];
    for (let i = 0; i < 450; i++)
      lines.push(`${40000 + i},Xã thử ${i},${900 + (i % 3)},2024,${(i % 97) + 1}`);
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'nhieu-xa-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n') + '\n'),
    });
    await s.page.evaluate(() => window.dtiLab.settled());
    const rows = s.page.getByTestId('ranking').locator('tbody tr');
    const more = s.page.getByTestId('ranking-more');
    await expect.poll(() => rows.count()).toBe(200);
    expect(await more.innerText()).toMatch(/Đang hiện 200 trên 450 đơn vị/);
    // The rows drawn are the first 200 of the ranking, in its order.
    const ranks = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number.parseInt((tr.querySelector('td.rank') as HTMLElement).innerText, 10)),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    // The heatmap draws the first 60 of the ranking, and says so.
    const heat = s.page.locator('[data-testid=figure][data-name^=ban-do-nhiet]');
    expect(await heat.locator('figcaption').innerText()).toMatch(
      /Có 450 đơn vị: bản đồ vẽ 60 đơn vị đứng đầu/,
    );
    await heat.locator('summary').click();
    await expect.poll(() => heat.locator('tbody tr').count()).toBe(60);
    await screenshot(s.page, 'ranking-450-units');
    // The foot of the table and the heatmap, at the size a person sees them.
    await s.page.getByTestId('ranking-more').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'ranking-450-more.png') });
    await heat.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'ranking-450-heatmap.png') });
    await s.page.getByTestId('ranking-show-more').click();
    await expect.poll(() => rows.count()).toBe(400);
    await s.page.getByTestId('ranking-show-more').click();
    await expect.poll(() => rows.count()).toBe(450);
    expect(await more.count()).toBe(0);
    // One district: 150 communes, all drawn.
    await s.page.getByTestId('parent-select').selectOption('901');
    await expect.poll(() => rows.count()).toBe(150);
    expect(await more.count()).toBe(0);
  });
});
