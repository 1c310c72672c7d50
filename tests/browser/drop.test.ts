// Files dropped on the page load like chosen ones; a large file shows its progress and can be
// cancelled, leaving what was loaded before exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './support/browser';

/** Drops files made in the page (name → text) on the drop zone, as a drag from the desktop. */
function dropFiles(s: Session, files: { name: string; text?: string; longRows?: number }[]) {
  return s.page.evaluate((specs) => {
    const dt = new DataTransfer();
    for (const f of specs) {
      let text = f.text ?? '';
      if (f.longRows) {
        // A long table of Nam Đàn communes: unit, year, measure, value — about 40 bytes a row.
        const codes = ['17932', '17935', '17938', '17941', '17944'];
        const parts = ['unit_code,year,measure,value\n'];
        for (let i = 0; i < f.longRows; i++)
          parts.push(`${codes[i % 5]},${2000 + (i % 25)},do_thi_${i % 97},${i % 1000}\n`);
        text = parts.join('');
      }
      dt.items.add(new File([text], f.name, { type: 'text/csv' }));
    }
    const zone = document.querySelector('[data-testid="drop-zone"]')!;
    zone.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  }, files);
}

describe('dropping files', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads a file dropped anywhere on the page', async () => {
    await dropFiles(s, [
      { name: 'tha-vao-2024.csv', text: 'unit_code,year,camera_an_ninh_so_luong\n17932,2024,41\n' },
    ]);
    await expect
      .poll(() => s.page.evaluate(() => window.dtiLab.reports().at(-1)?.file))
      .toBe('tha-vao-2024.csv');
    await s.page.evaluate(() => window.dtiLab.settled());
    const [v] = await s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT value FROM observations WHERE source_file = 'tha-vao-2024.csv' AND unit_code = '17932'`,
      ),
    );
    expect(v).toEqual({ value: 41 });
  });

  it('shows how each rate column is read, and reads it again the other way when asked', async () => {
    await dropFiles(s, [
      {
        name: 'ty-le-2024.csv',
        text: 'unit_code,year,dvctt_toan_trinh_ty_le\n17932,2024,0.45\n17935,2024,0.6\n',
      },
    ]);
    await expect
      .poll(() => s.page.evaluate(() => window.dtiLab.reports().at(-1)?.file))
      .toBe('ty-le-2024.csv');
    await s.page.evaluate(() => window.dtiLab.settled());
    const entry = s.page.locator('details.report', { hasText: 'ty-le-2024.csv' });
    await entry.locator('summary').click();
    const select = entry.getByTestId('rate-scale-dvctt_toan_trinh_ty_le');
    expect(await select.inputValue()).toBe('fraction');
    await select.selectOption('percent');
    await s.page.evaluate(() => window.dtiLab.settled());
    const value = () =>
      s.page.evaluate(() =>
        window.dtiLab.query(
          `SELECT value FROM measures WHERE unit_code = '17932' AND year = 2024 AND measure = 'dvctt_toan_trinh_ty_le'`,
        ),
      );
    expect(Number((await value())[0]!.value)).toBeCloseTo(0.0045, 12);
    expect(
      await s.page
        .locator('details.report', { hasText: 'ty-le-2024.csv' })
        .getByTestId('rate-scale-dvctt_toan_trinh_ty_le')
        .inputValue(),
    ).toBe('percent');
  });

  it('shows the progress of a large file, and a cancel leaves everything as it was', async () => {
    const counts = () =>
      s.page.evaluate(() =>
        window.dtiLab.query(
          `SELECT (SELECT count(*) FROM observations)::INTEGER AS obs, (SELECT count(*) FROM loads)::INTEGER AS loads`,
        ),
      );
    const before = await counts();
    const reports = await s.page.evaluate(() => window.dtiLab.reports().length);
    await dropFiles(s, [{ name: 'rat-lon-2000-2024.csv', longRows: 1_500_000 }]);
    const bar = s.page.getByTestId('load-progress');
    await bar.waitFor({ state: 'visible' });
    expect(await bar.innerText()).toMatch(/rat-lon-2000-2024\.csv/);
    await screenshot(s.page, 'load-progress-1366');
    await bar.getByTestId('cancel-load').click();
    await s.page.evaluate(() => window.dtiLab.settled());
    await bar.waitFor({ state: 'detached' });
    const notice = await s.page.evaluate(() => window.dtiLab.notices().at(-1)!);
    expect(notice.code).toBe('cancelled');
    expect(notice.title.vi).toContain('rat-lon-2000-2024.csv');
    expect(await counts()).toEqual(before);
    expect(await s.page.evaluate(() => window.dtiLab.reports().length)).toBe(reports);
    await expect.poll(() => s.page.getByTestId('ranking').locator('tbody tr').count()).toBe(19);
  });
});
