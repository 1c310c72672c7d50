// The dashboard a district officer opens every week: overview, a unit's profile with the
// explain trace, three units side by side, the plan targets — each view opened, exported, and
// photographed at 1366×768 and at phone size (390×844).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookHere } from '../../src/lib/ingest/workbook';
import { foreignRequests, openApp, screenshot, type Session } from './support/browser';

const THREE = ['17944', '17956', '17986'];

/** Clicks a download button and returns the file's name and bytes. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

// One browser for the dashboard and then the forms: neither needs more than the sample loaded.
let s: Session;
beforeAll(async () => {
  s = await openApp();
});
afterAll(async () => {
  await s?.close();
});

describe('dashboard', () => {
  it('overview: ranking, band counts, distribution and heatmap with their data tables', async () => {
    await expect
      .poll(() => s.page.locator('[data-testid="figure"] svg').count())
      .toBeGreaterThan(1);
    expect(await s.page.getByTestId('band-counts').innerText()).toMatch(/Nâng cao\s*8/);
    const heatmap = s.page.locator('[data-testid="figure"][data-name^="ban-do-nhiet"]');
    await heatmap.locator('summary').click();
    // The data table is drawn once its <details> opens.
    await expect.poll(() => heatmap.locator('tbody tr').count()).toBe(19);
    expect(await heatmap.locator('figcaption').innerText()).toMatch(/giá trị 0–1/);
    await screenshot(s.page, 'dashboard-overview-1366');
  });

  it('sorts the ranking by a column and back, from the keyboard', async () => {
    await s.page.getByTestId('sort-name').focus();
    await s.page.keyboard.press('Enter');
    const names = await s.page.locator('[data-testid="ranking"] tbody th.unit').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(await s.page.locator('th[aria-sort="ascending"]').innerText()).toMatch(/Đơn vị/);
    await s.page.getByTestId('sort-rank').click();
  });

  it('exports the ranking as CSV in both flavours and XLSX, and a chart as SVG', async () => {
    const ranking = s.page.locator('section.ranking');
    // Excel (Tiếng Việt) first, as a new visitor gets it: BOM, ";", decimal comma, rounded.
    expect(await ranking.getByTestId('csv-flavour').inputValue()).toBe('excel-vi');
    const csv = await downloaded(s.page, () => ranking.getByTestId('export-csv').click());
    expect(csv.name).toBe('xep-hang-2024.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^Hạng;Mã;Đơn vị;Chỉ số tổng hợp/); // trim() took the BOM
    expect(lines[1]).toMatch(/^1;17944;Xã Nam Xuân;0,9645;/);
    expect(text).not.toMatch(/\d\.\d/);

    // "dữ liệu", chosen once, is remembered across a reload and used by every table.
    await ranking.getByTestId('csv-flavour').selectOption('data');
    await s.page.reload();
    await s.page.locator('section.ranking [data-testid="export-csv"]').waitFor();
    expect(await ranking.getByTestId('csv-flavour').inputValue()).toBe('data');
    const data = (
      await downloaded(s.page, () => ranking.getByTestId('export-csv').click())
    ).bytes.toString('utf8');
    expect(data.startsWith('\uFEFF')).toBe(false);
    const dataLines = data.trim().split('\r\n');
    expect(dataLines[0]).toMatch(/^Hạng,Mã,Đơn vị,Chỉ số tổng hợp/);
    expect(dataLines[1]).toMatch(/^1,17944,Xã Nam Xuân,0\.964/);
    await ranking.getByTestId('csv-flavour').selectOption('excel-vi');

    const xlsx = await downloaded(s.page, () => ranking.getByTestId('export-xlsx').click());
    const [sheet] = await readWorkbookHere(new Uint8Array(xlsx.bytes));
    expect(sheet!.rows).toHaveLength(20);
    expect(sheet!.rows[1]!.slice(0, 3)).toEqual([1, '17944', 'Xã Nam Xuân']);

    const chart = s.page.locator('[data-testid="figure"][data-name^="phan-bo"]');
    const svg = await downloaded(s.page, () => chart.getByTestId('export-svg').click());
    const markup = svg.bytes.toString('utf8');
    expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(markup).toContain('Số đơn vị');
    // It says what it is and where it comes from: title, framework and year, source and day.
    expect(markup).toContain('>Phân bố chỉ số tổng hợp</text>');
    expect(markup).toContain('>DTI cấp xã — bộ chỉ số minh họa, 2024</text>');
    expect(markup).toMatch(/>Nguồn: DTI Lab, tính từ số liệu đã nạp — nam-dan-2023-2024\.csv/);
    expect(markup).toMatch(/xuất ngày \d{1,2}\/\d{1,2}\/\d{4}<\/text>/);
    // The heatmap has a colour legend: the file holds the legend and the plot together.
    const heat = s.page.locator('[data-testid="figure"][data-name^="ban-do-nhiet"]');
    const heatSvg = (
      await downloaded(s.page, () => heat.getByTestId('export-svg').click())
    ).bytes.toString('utf8');
    expect(heatSvg.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
    expect(heatSvg).toContain('Xã Nam Xuân');
    expect(heatSvg).toContain('Nhận thức số');
    // Its rotated column names run above the plot's box: the drawing is tall enough to hold them.
    const drawing = await s.context.newPage();
    await drawing.setContent(heatSvg);
    const fits = await drawing.evaluate(() => {
      const root = document.querySelector('svg')!;
      const outer = root.getBoundingClientRect();
      return [...root.querySelectorAll('text')].every((t) => {
        const r = t.getBoundingClientRect();
        return (
          r.top >= outer.top - 1 &&
          r.bottom <= outer.bottom + 1 &&
          r.left >= outer.left - 1 &&
          r.right <= outer.right + 1
        );
      });
    });
    await drawing.close();
    expect(fits).toBe(true);
    const png = await downloaded(s.page, () => chart.getByTestId('export-png').click());
    expect([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('unit profile: the explain chain of one indicator matches the hand computation', async () => {
    await s.page.getByTestId('open-17944').click();
    await s.page.getByTestId('unit-profile').waitFor();
    expect(s.page.url()).toMatch(/view=unit.*unit=17944/);
    const rows = s.page.getByTestId('indicator-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    // nl_dinh_danh: percent rule, max 4; Xã Nam Xuân 2024 has 88,5 % → 0,885 × 4 = 3,54 points.
    await s.page.getByTestId('explain-nl_dinh_danh').click();
    const chain = s.page.getByTestId('explain-chain');
    expect(await chain.getByTestId('explain-formula').innerText()).toMatch(
      /88,5 % → 0,885 × 4 = 3,54 điểm/,
    );
    expect(await chain.innerText()).toMatch(/nam-dan-2023-2024\.csv, Ô Q\d+/);
    expect(await s.page.getByTestId('strengths').locator('li').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'dashboard-unit-1366');
  });

  it('compares three units, marks the best in each row, and keeps them in the URL', async () => {
    await s.page.getByTestId('nav-overview').click();
    for (const c of THREE) await s.page.getByTestId(`compare-${c}`).check();
    await s.page.getByTestId('nav-compare').click();
    const table = s.page.getByTestId('compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      'Chỉ số',
      'Xã Nam Xuân',
      'Xã Nam Giang',
      'Xã Khánh Sơn',
    ]);
    // A row whose units differ marks its best; a row where all are equal marks none.
    const rows = table.locator('tbody tr');
    const n = await rows.count();
    let marked = 0;
    for (let i = 0; i < n; i++) {
      const points = (await rows.nth(i).locator('td').allInnerTexts()).map((c) =>
        c.split('\n')[0]!.replace('★', '').trim(),
      );
      const best = await rows.nth(i).locator('[data-best]').count();
      expect(best > 0, `row ${i}: ${points.join(' | ')}`).toBe(new Set(points).size > 1);
      marked += best;
    }
    expect(marked).toBeGreaterThan(10);
    expect(s.page.url()).toContain(`compare=${THREE.join('%2C')}`);
    await screenshot(s.page, 'dashboard-compare-1366');

    await s.page.reload();
    await s.page.evaluate(() => window.dtiLab.ready);
    await s.page.getByTestId('compare-table').waitFor();
    expect(await s.page.getByTestId('nav-compare').getAttribute('aria-current')).toBe('page');
  });

  it('targets of a unit: met or behind, gaps, and where to gain', async () => {
    await s.page.getByTestId('nav-targets').click();
    const table = s.page.getByTestId('targets-table');
    await table.waitFor();
    expect(await table.innerText()).toMatch(/đã đạt/);
    expect(await s.page.getByTestId('where-to-gain').locator('li').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'dashboard-targets-1366');
  });

  it('Back and Forward move between the pages opened', async () => {
    await s.page.getByTestId('nav-overview').click();
    await s.page.getByTestId('open-17932').click();
    await s.page.getByTestId('unit-profile').waitFor();
    await s.page.goBack();
    await expect
      .poll(() => s.page.getByTestId('nav-overview').getAttribute('aria-current'))
      .toBe('page');
    await s.page.goForward();
    await expect
      .poll(() => s.page.getByTestId('nav-unit').getAttribute('aria-current'))
      .toBe('page');
    expect(await s.page.getByTestId('unit-headline').isVisible()).toBe(true);
    expect(s.page.url()).toContain('unit=17932');
  });

  it('switches every view to English', async () => {
    await s.page.getByTestId('nav-targets').click();
    await s.page.getByTestId('targets-table').waitFor();
    await s.page.getByRole('button', { name: 'English' }).click();
    expect(await s.page.getByTestId('nav-targets').innerText()).toMatch(/Plan targets/);
    expect(await s.page.getByTestId('targets-table').innerText()).toMatch(/met|behind/);
    await s.page.getByTestId('nav-compare').click();
    expect(await s.page.getByTestId('compare-table').locator('caption').innerText()).toMatch(
      /Points per indicator/,
    );
    await s.page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expect(foreignRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('self-assessed, appraised and computed points', () => {
  it('three forms dropped at once appear beside the computed points, differences marked', async () => {
    // The dashboard's browser, back on the overview: it has loaded nothing but the sample.
    await s.page.getByTestId('nav-overview').click();
    const dir = path.resolve(import.meta.dirname, '../fixtures/ingest/files');
    await s.page
      .getByTestId('file-input')
      .setInputFiles(
        [
          'tu-danh-gia-khanh-son-2024.xlsx',
          'tu-danh-gia-kim-lien-2024.xlsx',
          'tu-danh-gia-nam-anh-2024.csv',
        ].map((f) => path.join(dir, f)),
      );
    await s.page.evaluate(() => window.dtiLab.settled());
    expect(await s.page.evaluate(() => window.dtiLab.reports().map((r) => r.shape))).toEqual([
      'wide',
      'selfAssessment',
      'selfAssessment',
      'selfAssessment',
    ]);
    await s.page.getByTestId('open-17971').click();
    const table = s.page.getByTestId('assessed-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(13);
    // Kim Liên's smartphone indicator: self 4,5, appraised 3,5 — the appraisal differs.
    const row = table.locator('tbody tr', { hasText: 'điện thoại thông minh' });
    expect(await row.innerText()).toMatch(/4,5\s+3,5/);
    expect(await row.locator('td.diff').count()).toBe(1);
    await table.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'dashboard-assessed-1366');
    await s.page.emulateMedia({ media: 'print' });
    await screenshot(s.page, 'dashboard-unit-print');
  });
});

describe('dashboard on a phone', () => {
  it('each view fits 390×844 without widening the page', async () => {
    const s = await openApp({ width: 390, height: 844 });
    try {
      const fits = () =>
        s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      await expect
        .poll(() => s.page.locator('[data-testid="figure"] svg').count())
        .toBeGreaterThan(1);
      expect(await fits()).toBe(true);
      await screenshot(s.page, 'dashboard-overview-390');
      await s.page.getByTestId('open-17956').click();
      await s.page.getByTestId('indicator-table').waitFor();
      expect(await fits()).toBe(true);
      await screenshot(s.page, 'dashboard-unit-390');
      await s.page.getByTestId('nav-overview').click();
      for (const c of THREE) await s.page.getByTestId(`compare-${c}`).check();
      await s.page.getByTestId('nav-compare').click();
      await s.page.getByTestId('compare-table').waitFor();
      expect(await fits()).toBe(true);
      await screenshot(s.page, 'dashboard-compare-390');
      await s.page.getByTestId('nav-workshop').click();
      await expect.poll(() => s.page.locator('[data-testid="ba-row"]').count()).toBe(19);
      expect(await fits()).toBe(true);
      await screenshot(s.page, 'workshop-390');
      // English titles are longer: the toolbar's selects must still fit.
      await s.page.getByRole('button', { name: 'English' }).click();
      await s.page.getByTestId('nav-overview').click();
      await expect
        .poll(() => s.page.getByTestId('nav-overview').textContent())
        .toContain('Overview');
      expect(await fits()).toBe(true);
    } finally {
      await s.close();
    }
  });
});
