// A framework table as a decision prints it, loaded in the page: the review opens above the
// pages with every indicator's rule read from its text and what was not understood; a row is
// corrected in place (read again as it is typed), and the corrected framework is used at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './support/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TABLE = 'tests/fixtures/real-frameworks/heldout/unidentified-huyen-tvpl-bulletin-4cac85e7';

const SHEET = readFileSync(
  path.join(ROOT, 'tests/fixtures/framework-tables/bo-chi-so-huyen-thu.csv'),
  'utf8',
);

describe('reviewing a framework read from a table', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a published table (LibreOffice .xlsx) opens its review with the rules read', async () => {
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'bo-chi-so-huyen-tvpl.xlsx',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(path.join(ROOT, TABLE, 'table.xlsx')),
    });
    const review = s.page.getByTestId('framework-review');
    await expect.poll(() => review.isVisible()).toBe(true);
    await expect
      .poll(() => s.page.getByTestId('review-summary').innerText())
      .toMatch(/3 chỉ số: 3 đọc được, 0 theo bộ chỉ số đã có, 0 chưa hiểu/);
    const rows = review.getByTestId('review-row');
    expect(await rows.nth(0).innerText()).toMatch(/theo mức \(bậc\)/);
    expect(await rows.nth(1).innerText()).toMatch(/tỷ lệ a ÷ b/);
    await screenshot(s.page, 'framework-review-real-1366');
    await review.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => review.count()).toBe(0);
  });

  it('corrects a row in place and uses the corrected framework at once', async () => {
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'bo-chi-so-thu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SHEET),
    });
    const review = s.page.getByTestId('framework-review');
    await expect
      .poll(() => s.page.getByTestId('review-summary').innerText())
      .toMatch(/3 chỉ số: 2 đọc được, 0 theo bộ chỉ số đã có, 1 chưa hiểu/);
    await screenshot(s.page, 'framework-review-vi-1366');
    const doubtful = review.getByTestId('review-row').nth(1);
    expect(await doubtful.innerText()).toMatch(/chưa hiểu/);
    await doubtful.getByRole('button', { name: 'Sửa' }).click();
    await review.locator('textarea').fill('Có văn bản: Điểm tối đa; Không có: 0 điểm');
    await expect
      .poll(() => review.getByTestId('review-preview').innerText())
      .toMatch(/có \/ không.*có → 20 điểm; không → 0 điểm/);
    await screenshot(s.page, 'framework-review-editing-1366');
    // At a laptop's width the review needs no sideways scrolling, editor open.
    const [wide, room] = await review
      .locator('.scroll')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(wide).toBeLessThanOrEqual(room!);
    await review.getByRole('button', { name: 'Ghi nhận' }).click();
    expect(await doubtful.innerText()).toMatch(/đã sửa/);
    await review.getByRole('button', { name: 'Dùng bộ chỉ số đã sửa' }).click();
    await expect
      .poll(() => s.page.getByTestId('framework-select').inputValue())
      .toBe('bang-bo-chi-so-thu-da-sua');
    const kinds = await s.page.evaluate(() =>
      window.dtiLab.query(
        "SELECT indicator, rule FROM fw_indicators WHERE framework_id = 'bang-bo-chi-so-thu-da-sua' ORDER BY ord",
      ),
    );
    expect(kinds.map((k) => k.rule)).toEqual(['tiers', 'boolean', 'boolean']);
    // Once used, the review of the table it corrects closes.
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect.poll(() => review.count()).toBe(0);
  });

  it('reads in English and fits a phone', async () => {
    await s.page.getByRole('button', { name: 'English' }).click();
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'bo-chi-so-thu-2.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SHEET),
    });
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect
      .poll(() => s.page.getByTestId('review-summary').innerText())
      .toMatch(/3 indicators: 2 read, 0 from a known framework, 1 not understood/);
    // A new table's review starts with nothing corrected.
    expect(await s.page.getByTestId('framework-review').locator('tr.fixed').count()).toBe(0);
    await screenshot(s.page, 'framework-review-en-1366');
    await s.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.page, 'framework-review-en-390');
    const overflow = await s.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await s.page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await screenshot(s.page, 'framework-review-vi-390');
  });
});
