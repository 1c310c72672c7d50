// Every page prints itself (issue 21): the overview, a unit profile, the comparison, the targets,
// a notebook and the workshop handout each render to an A4 PDF (Chromium's page.pdf) whose text —
// read back with poppler's pdftotext, as a person reading the paper would — holds the page's
// header (page, framework, year, plan, day), its names and its figures, and none of its controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './support/browser';
import { printPdf } from './support/printed';

const HEADER = (title: string) =>
  new RegExp(
    `${title} — DTI cấp xã — bộ chỉ số minh họa, 2024 · Kế hoạch CĐS xã Khánh Sơn năm 2024 · in ngày \\d{1,2}/\\d{1,2}/\\d{4}`,
  );

describe('printing', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the overview prints its header, the ranking with names and figures, and no controls', async () => {
    const page = s.page;
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    const { text, pages } = await printPdf(page, 'overview');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(HEADER('Tổng quan'));
    expect(text).toMatch(/17944 Xã Nam Xuân 0,9645 96,45\/100/);
    expect(text).toContain('Xã Nam Lĩnh');
    // Selectors, export menus and the load bar stay on screen.
    expect(text).not.toMatch(/Kiểu tệp CSV|Excel \(Tiếng Việt\)|XLSX|Thả tệp/);
  });

  it('a unit profile, the comparison and the targets print their own content', async () => {
    const page = s.page;
    await page.getByTestId('open-17944').click();
    await page.getByTestId('unit-profile').waitFor();
    await page.getByTestId('indicator-table').waitFor();
    const profile = await printPdf(page, 'unit-profile');
    expect(profile.text).toMatch(HEADER('Hồ sơ đơn vị'));
    expect(profile.text).toContain('Xã Nam Xuân');
    expect(profile.text).toContain('0,9645');

    await page.getByTestId('nav-overview').click();
    await page.getByTestId('compare-17944').check();
    await page.getByTestId('compare-17956').check();
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-table').waitFor();
    const names = await page.locator('[data-testid="compare-table"] thead th').allInnerTexts();
    const compare = await printPdf(page, 'compare');
    expect(compare.text).toMatch(HEADER('So sánh'));
    for (const n of names.slice(1)) expect(compare.text).toContain(n.trim());

    await page.getByTestId('nav-targets').click();
    await page.getByTestId('targets-table').waitFor();
    const firstTarget = (
      await page.locator('[data-testid="targets-table"] tbody th').first().innerText()
    ).trim();
    const targets = await printPdf(page, 'targets');
    expect(targets.text).toMatch(HEADER('Chỉ tiêu kế hoạch'));
    expect(targets.text).toContain(firstTarget.slice(0, 20));
    expect(s.consoleErrors).toEqual([]);
  });

  it('a notebook prints its text and results, not its editors’ buttons', async () => {
    const page = s.page;
    await page.getByTestId('nav-notebook').click();
    await page.getByTestId('notebook-page').waitFor();
    const table = page.locator('[data-testid="notebook-page"] table').first();
    await table.waitFor();
    const cellText = (await table.locator('tbody td').first().innerText()).trim();
    const heading = (
      await page
        .locator('[data-testid="notebook-page"] h1, [data-testid="notebook-page"] h2')
        .first()
        .innerText()
    ).trim();
    const { text, pages } = await printPdf(page, 'notebook');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(heading.slice(0, 20));
    expect(text).toContain(cellText);
    expect(text).not.toMatch(/Chạy tất cả|Ctrl\+Enter/);
  });

  it('the workshop handout prints alone, on one page', async () => {
    const page = s.page;
    await page.getByTestId('nav-workshop').click();
    await page.getByTestId('workshop-handout').click();
    await page.getByTestId('handout-unit').selectOption('17944');
    await expect.poll(() => page.getByTestId('handout-total').innerText()).toBe('0,9645');
    // The gaps are read for the unit a moment after its total.
    await expect.poll(() => page.locator('[data-testid="handout-gaps"] li').count()).toBe(3);
    const gap = (await page.locator('[data-testid="handout-gaps"] li').first().innerText()).trim();
    const { text, pages } = await printPdf(page, 'handout');
    expect(pages).toBe(1);
    expect(text).toContain('Xã Nam Xuân');
    expect(text).toContain('0,9645');
    expect(text).toContain(gap.replace(/\s+/g, ' ').slice(0, 30));
    // Only the handout: the ranking behind it is not printed.
    expect(text).not.toContain('Xã Nam Lĩnh');
  });
});
