// The district summary as .xlsx, Excel 97–2003 .xls and OpenDocument .ods dropped in the page:
// each ranks the communes the same, the report names each format, and the SheetJS chunk (the
// reader of .xls and .ods) is fetched by the page only when such a file comes.
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './support/browser';

const DIR = path.resolve(import.meta.dirname, '../fixtures/office-formats');
const BASE = 'thach-thanh-2024-tong-hop';
const CHUNK = /\/sheetjsWorkbook-[\w-]+\.js$/;

describe('office formats in the browser', () => {
  let s: Session;
  /** Scripts the page and its workers asked for (the service worker's precache left out). */
  const fetched: string[] = [];
  const record = (r: Request) => {
    if (!r.serviceWorker()) fetched.push(r.url());
  };
  beforeAll(async () => {
    s = await openApp();
    s.context.on('request', record);
  });
  afterAll(async () => {
    s?.context.off('request', record);
    await s?.close();
  });

  /** Drops one file through the file input, waits until it is loaded and scored. */
  const load = async (file: string) => {
    const count = () => s.page.evaluate(() => window.dtiLab.reports().length);
    const before = await count();
    await s.page.getByTestId('file-input').setInputFiles(path.join(DIR, file));
    await expect.poll(count).toBeGreaterThan(before);
    await s.page.evaluate(() => window.dtiLab.settled());
    return s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
  };
  /** The communes of the file as the ranking has them. */
  const ranking = () =>
    s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT * FROM scores WHERE unit_code BETWEEN '15187' AND '15223' ORDER BY ALL`,
      ),
    );

  it('ranks the communes of the .xls and the .ods as those of the .xlsx', async () => {
    const xlsx = await load(`${BASE}.xlsx`);
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.units).toBe(12);
    const expected = await ranking();
    expect(expected.length).toBe(12);
    // Read by read-excel-file: the SheetJS chunk is not wanted yet.
    expect(fetched.filter((u) => CHUNK.test(u))).toEqual([]);
    await s.page.evaluate(() => window.dtiLab.undoLastLoad());

    for (const [file, format, label] of [
      [`${BASE}.xls`, 'xls', 'Excel 97–2003'],
      [`${BASE}.ods`, 'ods', 'OpenDocument'],
    ] as const) {
      const report = await load(file);
      expect(report.format).toBe(format);
      expect(report.units).toBe(12);
      expect(await ranking()).toEqual(expected);
      await expect.poll(() => s.page.getByTestId('report-format').first().innerText()).toBe(label);
      await s.page.evaluate(() => window.dtiLab.undoLastLoad());
    }
    // Fetched when the .xls came, by its worker (each workbook has a worker of its own).
    expect(fetched.filter((u) => CHUNK.test(u)).length).toBeGreaterThanOrEqual(1);
  });
});
