// The messy-input corpus end to end in the browser: each file dropped through the file input,
// its report and the resulting rows read back through window.dtiLab — the XLSX files through
// the real XLSX worker, the CSVs through DuckDB-WASM's reader.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, screenshot, SCREENSHOTS, type Session } from './support/browser';
import {
  corpus as manifest,
  CORPUS_DIR as DIR,
  assessedSql,
  type CorpusCase as Case,
} from '../fixtures/ingest/manifest';

describe('ingest corpus in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  const drop = async (c: Case) => {
    const before = await s.page.evaluate(() => ({
      reports: window.dtiLab.reports().length,
      notices: window.dtiLab.notices().length,
    }));
    await s.page.getByTestId('file-input').setInputFiles(path.join(DIR, c.file));
    await expect
      .poll(() =>
        s.page.evaluate(() => ({
          reports: window.dtiLab.reports().length,
          notices: window.dtiLab.notices().length,
        })),
      )
      .not.toEqual(before);
    await s.page.evaluate(() => window.dtiLab.settled());
    return before;
  };

  for (const c of manifest.filter((x) => x.expect.error)) {
    it(`${c.case}: refused (${c.expect.error!.kind}) with a message naming the file; nothing lost`, async () => {
      const count = () =>
        s.page.evaluate(() =>
          window.dtiLab.query('SELECT count(*)::INTEGER AS n FROM observations'),
        );
      const before = await count();
      await drop(c);
      const notice = await s.page.evaluate(() => window.dtiLab.notices().at(-1)!);
      expect(notice.code).toBe(c.expect.error!.kind);
      expect(notice.title.vi).toContain(path.basename(c.file));
      expect(notice.detail?.vi.length ?? 0).toBeGreaterThan(10);
      expect(await count()).toEqual(before);
    });
  }

  for (const c of manifest.filter((x) => !x.expect.error)) {
    it(`${c.case}: read as the manifest says`, async () => {
      await drop(c);
      const report = await s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
      const x = c.expect;
      expect(report.file).toBe(path.basename(c.file));
      if (x.encoding) expect(report.encoding).toBe(x.encoding);
      if (x.delimiter) expect(report.delimiter).toBe(x.delimiter);
      if (x.shape) expect(report.shape).toBe(x.shape);
      if (x.sheet) expect(report.sheet).toBe(x.sheet);
      if (x.headerRows) expect(report.headerRows).toEqual(x.headerRows);
      if (x.units !== undefined) expect(report.units).toBe(x.units);
      if (x.skipped)
        expect(report.skippedRows.map((r) => ({ row: r.row, reason: r.reason }))).toEqual(
          x.skipped,
        );
      if (x.issues)
        expect(
          report.issues.map((i) => ({
            row: i.row,
            column: i.column,
            raw: i.raw,
            reason: i.reason,
          })),
        ).toEqual(x.issues);
      const observed = await s.page.evaluate(
        (id) =>
          window.dtiLab.query(
            `SELECT unit_code, year, measure, value, text FROM observations WHERE load_id = ${id}`,
          ),
        report.loadId,
      );
      for (const v of x.shape === 'selfAssessment' ? (x.values ?? []) : []) {
        const [got] = await s.page.evaluate(
          (sql) => window.dtiLab.query(sql),
          assessedSql(v, report.loadId),
        );
        expect(got, `${v.unit} ${v.measure} ${v.column}`).toBeDefined();
        expect(Number(got!.points)).toBeCloseTo(v.value!, 9);
        expect(String(got!.cell)).toMatch(new RegExp(`^${v.column}\\d+$`));
      }
      if (x.indicatorCount !== undefined) {
        const id = report.framework!.definition.id;
        const indicators = await s.page.evaluate(
          (sql) => window.dtiLab.query(sql),
          `SELECT i.indicator, i.name_vi, i.max_points, m.name_vi AS grp FROM fw_indicators i
           JOIN fw_main_indices m USING (framework_id, main_index) WHERE framework_id = '${id}'`,
        );
        expect(indicators).toHaveLength(x.indicatorCount);
        for (const i of x.indicators ?? []) {
          expect(indicators.find((d) => d.indicator === i.code)).toEqual({
            indicator: i.code,
            name_vi: i.name,
            max_points: i.maxPoints,
            grp: i.group,
          });
        }
        expect(await s.page.getByTestId('framework-select').inputValue()).toBe(id);
      }
      for (const d of x.dates ?? []) {
        const [got] = await s.page.evaluate(
          (sql) => window.dtiLab.query(sql),
          `SELECT date::VARCHAR AS date FROM measures WHERE unit_code = '${d.unit}' AND year = ${d.year} AND measure = '${d.measure}'`,
        );
        expect(got, `${d.unit} ${d.measure}`).toEqual({ date: d.date });
      }
      if (x.targetCount !== undefined) {
        const id = report.profile!.definition.id;
        const targets = await s.page.evaluate(
          (sql) => window.dtiLab.query(sql),
          `SELECT t.measure, t.comparator, t.value, t.high, t.deadline, p.unit_code FROM tp_targets t
           JOIN tp_profiles p USING (profile_id) WHERE profile_id = '${id}'`,
        );
        expect(targets).toHaveLength(x.targetCount);
        for (const t of x.targets ?? []) {
          const got = targets.find((d) => d.measure === t.measure);
          expect(got, t.measure).toMatchObject({
            comparator: t.comparator,
            deadline: t.deadline,
            unit_code: x.targetUnit,
          });
          expect(Number(got!.value)).toBeCloseTo(t.value, 9);
          if (t.high !== undefined) expect(Number(got!.high)).toBeCloseTo(t.high, 9);
        }
        expect(await s.page.getByTestId('profile-select').inputValue()).toBe(id);
      }
      for (const v of x.shape === 'selfAssessment' ? [] : (x.values ?? [])) {
        const got = observed.find(
          (o) => o.unit_code === v.unit && o.year === v.year && o.measure === v.measure,
        );
        expect(got, `${v.unit} ${v.measure}`).toBeDefined();
        if (v.value !== undefined) expect(Number(got!.value)).toBeCloseTo(v.value, 9);
        if (v.text !== undefined) expect(got!.text).toBe(v.text);
      }
    });
  }

  it('shows the reports on screen and nothing left the page', async () => {
    await screenshot(s.page, 'ingest-corpus-page-1366');
    for (const name of [
      'values-missing-unreadable.csv',
      'gov-nam-dan-2024.xlsx',
      'tu-danh-gia-kim-lien-2024.xlsx',
      'framework-bo-chi-so.xlsx',
    ]) {
      await s.page.locator('details.report', { hasText: name }).first().locator('summary').click();
    }
    const form = s.page.locator('details.report', { hasText: 'tu-danh-gia-kim-lien' });
    expect(await form.getByTestId('form-subject').innerText()).toMatch(/Xã Kim Liên.*17971/);
    expect(await form.getByTestId('shape-select').inputValue()).toBe('selfAssessment');
    const sheetFw = s.page.locator('details.report', { hasText: 'framework-bo-chi-so' });
    expect(await sheetFw.getByTestId('framework-read').innerText()).toMatch(/10 chỉ số/);
    await s.page
      .locator('section.reports')
      .screenshot({ path: path.join(SCREENSHOTS, 'ingest-corpus-reports-1366.png') });
    expect(await s.page.getByTestId('load-report').count()).toBeGreaterThan(20);
    expect(foreignRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('reading a file again another way', () => {
  it('picks another sheet and another encoding, replacing the load in place', async () => {
    const s = await openApp();
    try {
      await s.page
        .getByTestId('file-input')
        .setInputFiles(path.join(DIR, 'files/xlsx-three-sheets-2023-2024.xlsx'));
      await s.page.evaluate(() => window.dtiLab.settled());
      const last = () => s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
      expect((await last()).sheet).toBe('Năm 2023');
      const entry = s.page.locator('details.report', { hasText: 'xlsx-three-sheets' });
      await entry.locator('summary').click();
      await entry.getByTestId('sheet-select').selectOption('Năm 2024');
      await s.page.evaluate(() => window.dtiLab.settled());
      expect(await last()).toMatchObject({ sheet: 'Năm 2024', year: 2024 });
      expect(await s.page.evaluate(() => window.dtiLab.reports().length)).toBe(2);

      await s.page
        .getByTestId('file-input')
        .setInputFiles(path.join(DIR, 'files/csv-windows-1258.csv'));
      await s.page.evaluate(() => window.dtiLab.settled());
      expect((await last()).encoding).toBe('windows-1258');
      const ks = () =>
        s.page.evaluate(() =>
          window.dtiLab.query(`SELECT unit_name FROM units WHERE unit_code = '17986'`),
        );
      expect((await ks())[0]!.unit_name).toBe('Xã Khánh Sơn');
      // Read as Windows-1252 the header "Mã xã" is garbled: refused, and the first reading stays.
      const csv = s.page.locator('details.report', { hasText: 'csv-windows-1258' });
      await csv.locator('summary').click();
      await csv.getByTestId('encoding-select').selectOption('windows-1252');
      await s.page.evaluate(() => window.dtiLab.settled());
      expect((await s.page.evaluate(() => window.dtiLab.notices().at(-1)!)).code).toBe(
        'noUnitColumn',
      );
      expect((await last()).encoding).toBe('windows-1258');
      expect(await csv.getByTestId('encoding-select').inputValue()).toBe('windows-1258');
      expect((await ks())[0]!.unit_name).toBe('Xã Khánh Sơn');

      // An English-locale file (codes as headers) reads either way: the names change with it.
      await s.page
        .getByTestId('file-input')
        .setInputFiles(path.join(DIR, 'files/csv-cp1252-english.csv'));
      await s.page.evaluate(() => window.dtiLab.settled());
      expect((await last()).encoding).toBe('windows-1252');
      const western = s.page.locator('details.report', { hasText: 'csv-cp1252-english' });
      await western.locator('summary').click();
      await western.getByTestId('encoding-select').selectOption('windows-1258');
      await s.page.evaluate(() => window.dtiLab.settled());
      expect((await last()).encoding).toBe('windows-1258');
      await screenshot(s.page, 'reread-encoding-1366');
    } finally {
      await s.close();
    }
  });
});

describe('fixing a column’s mapping', () => {
  it('reads the column as the chosen measure, and remembers it after a reload for the same header', async () => {
    const s = await openApp();
    const file = {
      name: 'xa-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Mã xã,Cột DVCTT tự đặt tên\n17986,45\n17932,60\n'),
    };
    try {
      await s.page.getByTestId('file-input').setInputFiles(file);
      await s.page.evaluate(() => window.dtiLab.settled());
      const entry = s.page.locator('details.report', { hasText: 'xa-2024.csv' });
      await entry.locator('summary').click();
      await entry.getByTestId('column-mapping').selectOption('dvctt_toan_trinh_ty_le');
      await s.page.evaluate(() => window.dtiLab.settled());
      const read = () =>
        s.page.evaluate(() =>
          window.dtiLab
            .query(`SELECT o.unit_code, o.value FROM observations o JOIN loads l USING (load_id)
            WHERE l.active AND o.measure = 'dvctt_toan_trinh_ty_le' AND o.source_file = 'xa-2024.csv' ORDER BY o.unit_code`),
        );
      expect(await read()).toEqual([
        { unit_code: '17932', value: 60 },
        { unit_code: '17986', value: 45 },
      ]);
      expect(await s.page.evaluate(() => window.dtiLab.reports().length)).toBe(2);
      await screenshot(s.page, 'column-mapping-1366');

      await s.page.evaluate(() => window.dtiLab.saved());
      await s.page.reload();
      await s.page.evaluate(() => window.dtiLab.ready);
      // The workspace came back with the file read the way the person chose…
      expect(await read()).toHaveLength(2);
      // …and the next file with the same header is read that way too.
      await s.page.getByTestId('file-input').setInputFiles({
        ...file,
        name: 'xa-2025.csv',
        buffer: Buffer.from('Mã xã,Cột DVCTT tự đặt tên\n17986,50\n'),
      });
      await s.page.evaluate(() => window.dtiLab.settled());
      const again = await s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
      expect(again.file).toBe('xa-2025.csv');
      expect(again.columns[1]).toMatchObject({
        measure: 'dvctt_toan_trinh_ty_le',
        matchedBy: 'person',
      });
    } finally {
      await s.close();
    }
  });
});

describe('load report on a phone', () => {
  it('an open report with its mapping selectors does not widen the page at 390×844', async () => {
    const s = await openApp({ width: 390, height: 844 });
    try {
      await s.page
        .getByTestId('file-input')
        .setInputFiles(
          path.resolve(
            import.meta.dirname,
            '../../data-samples/thach-thanh-2024-bieu-tong-hop.csv',
          ),
        );
      await s.page.evaluate(() => window.dtiLab.settled());
      await s.page.locator('details.report').first().locator('summary').click();
      await screenshot(s.page, 'load-report-390');
      expect(
        await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    } finally {
      await s.close();
    }
  });
});
