// A district summary with abbreviated headers, dropped on the page: the mapping view opens above
// the pages with each column's values and suggestions; a choice re-scores at once and the view
// stays open; the new district is shown, and a ranking on little data says so above the table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from './support/printed';
import { openApp, screenshot, type Session } from './support/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUMMARY = readFileSync(
  path.join(ROOT, 'tests/fixtures/mapping/thach-thanh-2024-viet-tat.csv'),
);

async function drop(s: Session): Promise<void> {
  await s.page.getByTestId('file-input').setInputFiles({
    name: 'thach-thanh-2024-viet-tat.csv',
    mimeType: 'text/csv',
    buffer: SUMMARY,
  });
  await s.page.evaluate(() => window.dtiLab.settled());
}

const column = (s: Session, header: string) =>
  s.page.locator(`[data-testid="map-column"][data-header$="${header}"]`);

describe('mapping the columns of a summary', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens where the person looks, with guesses, samples and suggestions', async () => {
    await drop(s);
    const mapper = s.page.getByTestId('column-mapper');
    await expect.poll(() => mapper.isVisible()).toBe(true);
    expect(await s.page.getByTestId('mapper-counts').innerText()).toMatch(
      /0 đã khớp\s*5 đoán\s*1 chưa ghép/,
    );
    // Above the pages: the mapping view comes before the overview in the page.
    const above = await s.page.evaluate(() => {
      const m = document.querySelector('[data-testid="column-mapper"]')!;
      const o = document.getElementById('overview-title')!;
      return Boolean(m.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    const dvc = column(s, 'Tỷ lệ hồ sơ DVCTT toàn trình (%)');
    expect(await dvc.getByTestId('column-state').innerText()).toMatch(
      /Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến toàn trình.*đoán theo tiêu đề/,
    );
    const people = column(s, 'Dân số (người)');
    expect(await people.innerText()).toMatch(/chưa ghép/);
    expect(await people.innerText()).toMatch(/\d{4,5} · \d{4,5} · \d{4,5}/);
    await screenshot(s.page, 'column-mapper-vi-1366');
  });

  it('shows the new district and says the ranking stands on little data', async () => {
    expect(await s.page.getByTestId('new-district').innerText()).toMatch(/Huyện Thạch Thành/);
    expect(await s.page.getByTestId('parent-select').inputValue()).toBe('391');
    expect(await s.page.getByTestId('low-coverage').innerText()).toMatch(/Kết quả chưa đủ số liệu/);
    expect(await s.page.getByTestId('coverage-15187').innerText()).toMatch(/⚠/);
    // Among the sample's communes, the district's own are ranked among themselves too.
    expect(
      await s.page.getByTestId('ranking').locator('tbody tr td.rank').first().innerText(),
    ).toMatch(/^1\s+hạng chung (19|2\d)\b/);
    await screenshot(s.page, 'low-coverage-vi-1366');
  });

  it('prints the ranking, not the mapping view open above it', async () => {
    const { text } = await printPdf(s.page, 'mapping-open');
    expect(text).toContain('Bảng xếp hạng');
    expect(text).toContain('15187');
    expect(text).not.toMatch(/Ghép cột với chỉ tiêu|Không phải chỉ tiêu|Tìm chỉ tiêu/);
  });

  it('a choice from the search re-scores, remembers, and the view stays open', async () => {
    const people = column(s, 'Dân số (người)');
    await people.getByTestId('measure-search').fill('camera');
    await expect.poll(() => people.getByTestId('search-result').count()).toBe(1);
    expect(await people.getByTestId('search-result').innerText()).toMatch(/camera/);
    // "not a measure" for the population column: not loaded, and the view stays open.
    await people.getByTestId('not-a-measure').click();
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect
      .poll(() => column(s, 'Dân số (người)').getByTestId('column-state').innerText())
      .toMatch(/không nạp/);
    expect(await s.page.getByTestId('column-mapper').isVisible()).toBe(true);
    // Skipped, it keeps its values and its search on view, to change one's mind; the keyboard
    // focus is back on the choice made; the counts say it is the person's.
    expect(await people.innerText()).toMatch(/\d{4,5} · \d{4,5} · \d{4,5}/);
    expect(await people.getByTestId('measure-search').count()).toBe(1);
    await expect
      .poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('not-a-measure');
    expect(await s.page.getByTestId('mapper-counts').innerText()).toMatch(/1 bạn đã chọn/);
    // Every guess accepted at once: they become the person's choices.
    await s.page.getByTestId('accept-guesses').click();
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect
      .poll(() => s.page.getByTestId('mapper-counts').innerText())
      .toMatch(/0 đoán\s*0 chưa ghép\s*6 bạn đã chọn/);
    const reports = await s.page.evaluate(() => window.dtiLab.reports());
    const last = reports.at(-1)!;
    expect(last.columns.filter((c) => c.matchedBy === 'person').length).toBe(5);
  });

  it('two count columns make a rate, offered on each count', async () => {
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'ho-so-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Mã xã;Tên xã;Tổng số hồ sơ TTHC;Số hồ sơ nộp trực tuyến\n17932;Xã Nam Hưng;40;12\n17935;Xã Nam Nghĩa;50;30\n',
      ),
    });
    await s.page.evaluate(() => window.dtiLab.settled());
    const online = column(s, 'Số hồ sơ nộp trực tuyến');
    await online.getByTestId('rate-numerator').first().click();
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect
      .poll(() => column(s, 'Số hồ sơ nộp trực tuyến').getByTestId('column-state').innerText())
      .toMatch(/tử số — cần chọn thêm cột kia/);
    // The other count is offered the same rate first: its denominator.
    await column(s, 'Tổng số hồ sơ TTHC').getByTestId('rate-denominator').first().click();
    await s.page.evaluate(() => window.dtiLab.settled());
    await expect
      .poll(() => column(s, 'Tổng số hồ sơ TTHC').getByTestId('column-state').innerText())
      .toMatch(/mẫu số — tỷ lệ được tính từ hai cột/);
    await screenshot(s.page, 'column-mapper-rate-vi-1366');
    const last = (await s.page.evaluate(() => window.dtiLab.reports())).at(-1)!;
    const rate = last.columns.find((c) => c.role === 'ratePart')!.measure!;
    const values = await s.page.evaluate(
      (m) =>
        window.dtiLab.query(
          `SELECT value FROM observations WHERE measure = '${m}' AND source_file = 'ho-so-2024.csv' ORDER BY unit_code`,
        ),
      rate,
    );
    expect(values.map((r) => r.value)).toEqual([0.3, 0.6]);
  });

  it('the same header next time is read with the choices made', async () => {
    await s.page.getByTestId('close-mapper').click();
    await drop(s);
    const reports = await s.page.evaluate(() => window.dtiLab.reports());
    const last = reports.at(-1)!;
    expect(last.columns.filter((c) => c.matchedBy === 'guess')).toEqual([]);
    expect(last.columns.find((c) => c.header.endsWith('Dân số (người)'))!.role).toBe('ignored');
  });
});

describe('the mapping view on a phone, in English', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('fits the screen', async () => {
    await s.page.getByRole('button', { name: 'English' }).click();
    await drop(s);
    await expect.poll(() => s.page.getByTestId('column-mapper').isVisible()).toBe(true);
    expect(await s.page.getByTestId('mapper-counts').innerText()).toMatch(/5 guessed/);
    const overflow = await s.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(s.page, 'column-mapper-en-390');
  });
});
