// The shipped samples: the Nam Đàn district in three shapes, and Thành Thọ's measured 2023
// results, loaded and scored as a person would, plus the explain trace of one indicator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainUnit } from '../../src/lib/scoring/explainTrace';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, ROOT, rows } from './support/workspace';

const WIDE = 'data-samples/nam-dan-2023-2024.csv';
const LONG = 'data-samples/nam-dan-2023-2024-long.csv';
const XLSX = 'data-samples/nam-dan-bao-cao-2023-2024.xlsx';

describe('sample district: Nam Đàn (wide CSV)', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
    const report = await ws.loadFile(fileAt(WIDE));
    expect(report).toMatchObject({ shape: 'wide', rowsRead: 38, units: 19, skippedRows: [] });
    await ws.score('dti-xa-minh-hoa', 'kh-cds-khanh-son-2024');
  });

  it('has 19 communes of Huyện Nam Đàn with official codes, ranked 1…19 each year', async () => {
    const units = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n, min(parent_code) AS p, max(parent_code) AS q, min(level) AS l FROM units`,
    );
    expect(units[0]).toEqual({ n: 19, p: '430', q: '430', l: 'xa' });
    const ks = await rows(ws, `SELECT unit_name FROM units WHERE unit_code = '17986'`);
    expect(ks[0]!.unit_name).toBe('Xã Khánh Sơn');
    const byYear = await rows(
      ws,
      `SELECT year, count(*)::INTEGER AS n, min(rank)::INTEGER AS lo, max(rank_in_parent)::INTEGER AS hi FROM scores GROUP BY year ORDER BY year`,
    );
    expect(byYear).toEqual([
      { year: 2023, n: 19, lo: 1, hi: 19 },
      { year: 2024, n: 19, lo: 1, hi: 19 },
    ]);
  });

  it('totals are Σ points ÷ 100 over the 8 scored main indices; the relative group is not counted', async () => {
    const got = await rows(
      ws,
      `SELECT s.unit_code, s.year, s.total, s.total_max, sum(m.points) AS pts
       FROM scores s JOIN main_index_scores m USING (unit_code, year)
       WHERE m.scored GROUP BY ALL`,
    );
    for (const r of got) {
      expect(r.total_max).toBe(100);
      expect(Number(r.total)).toBeCloseTo(Number(r.pts) / 100, 12);
    }
  });

  it('some data is missing, shown as missing and counted in coverage', async () => {
    const [m] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n FROM indicator_points WHERE status = 'missing'`,
    );
    expect(m!.n).toBeGreaterThan(5);
    const [partial] = await rows(
      ws,
      `SELECT coverage FROM scores WHERE unit_code = '17944' AND year = 2023`,
    );
    expect(Number(partial!.coverage)).toBeLessThan(0.8);
  });

  it('explains one indicator down to its source cell (hand-computed)', async () => {
    const csv = readFileSync(path.join(ROOT, WIDE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const header = csv[0]!;
    const rowIndex = csv.findIndex((r) => r[0] === '17986' && r[4] === '2024');
    const trained = Number(csv[rowIndex]![header.indexOf('so_cbcc_boi_duong_ky_nang_so')]);
    const staff = Number(csv[rowIndex]![header.indexOf('tong_so_cbcc')]);
    const expected = Math.min(trained / staff, 1) * 6;

    const trace = await explainUnit(ws.engine, '17986', 2024);
    const step = trace.find((t) => t.indicator === 'nl_boi_duong')!;
    expect(step.rule).toBe('ratio');
    expect(step.points).toBeCloseTo(expected, 12);
    expect(step.inputs.map((i) => [i.measure, i.value])).toEqual([
      ['so_cbcc_boi_duong_ky_nang_so', trained],
      ['tong_so_cbcc', staff],
    ]);
    const col = header.indexOf('so_cbcc_boi_duong_ky_nang_so');
    expect(step.inputs[0]!.source).toEqual({
      file: 'nam-dan-2023-2024.csv',
      sheet: null,
      row: rowIndex + 1,
      column: 'so_cbcc_boi_duong_ky_nang_so',
      cell: `${String.fromCharCode(65 + col)}${rowIndex + 1}`,
    });
    expect(step.formula.vi).toBe(
      `min(${trained} ÷ ${staff}; 1) × 6 = ${expected.toLocaleString('vi-VN', { maximumFractionDigits: 4 })} điểm`,
    );
    const sumOfMain = trace
      .filter((t) => t.mainIndex === 'nhan_luc_so')
      .reduce((s, t) => s + (t.points ?? 0), 0);
    expect(step.mainIndexPoints).toBeCloseTo(sumOfMain, 12);
    expect(step.total).toBeCloseTo((step.totalPoints ?? 0) / 100, 12);
  });

  it('gaps to the Khánh Sơn plan: every target, for every commune and year', async () => {
    const [n] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n, count(DISTINCT target_id)::INTEGER AS t FROM gaps`,
    );
    expect(n).toEqual({ n: 19 * 2 * 20, t: 20 });
    const paced = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n FROM gaps WHERE year = 2024 AND on_track IS NOT NULL`,
    );
    expect(paced[0]!.n).toBe(0); // the plan's deadline is 2024: no projection past it
  });
});

describe('sample district in long form and as a government XLSX', () => {
  it('the long CSV holds exactly the observations of the wide one', async () => {
    const wide = await freshWorkspace();
    await wide.loadFile(fileAt(WIDE));
    const long = await freshWorkspace();
    const report = await long.loadFile(fileAt(LONG));
    expect(report.shape).toBe('long');
    const q = `SELECT unit_code, year, measure, value, text FROM observations ORDER BY ALL`;
    expect(await rows(long, q)).toEqual(await rows(wide, q));
  });

  it('the XLSX has title rows, a merged two-row header, STT, a total row and notes, with the CSV’s numbers', async () => {
    const file = path.join(ROOT, XLSX);
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(['Năm 2023', 'Năm 2024']);
    const sheet = sheets[1]!.data as unknown[][];
    expect(String(sheet[0]![0])).toBe('UBND HUYỆN NAM ĐÀN');
    expect(String(sheet[2]![0])).toMatch(/^BIỂU TỔNG HỢP/);
    expect(sheet[5]!.slice(0, 3)).toEqual(['STT', 'Mã xã', 'Đơn vị']);
    expect(String(sheet[6]![3])).toMatch(/\(cuộc họp\)$/);
    const data = sheet.slice(7, 26);
    expect(data.map((r) => r[0])).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(sheet[26]![2]).toBe('Tổng cộng');
    expect(sheet.slice(27).some((r) => String(r[0] ?? '').startsWith('Ghi chú'))).toBe(true);

    const csv = readFileSync(path.join(ROOT, WIDE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const ks = csv.find((r) => r[0] === '17986' && r[4] === '2024')!;
    const xl = data.find((r) => String(r[1]) === '17986')!;
    const num = (v: unknown): number | null => (v === null || v === '' ? null : Number(v));
    const csvNumbers = ks
      .slice(5)
      .map(num)
      .filter((v) => v !== null && !Number.isNaN(v))
      .sort();
    const xlNumbers = xl
      .slice(3)
      .map(num)
      .filter((v) => v !== null && !Number.isNaN(v))
      .sort();
    expect(xlNumbers).toEqual(csvNumbers);
  });
});

describe('Thành Thọ 2023: measured results from the plan', () => {
  it('loads as a long file and is measured against its own plan’s targets', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(fileAt('data-samples/thanh-tho-2023-ket-qua.csv'));
    expect(report).toMatchObject({ shape: 'long', units: 1, observations: 27 });
    await ws.score('dti-xa-minh-hoa', 'kh-cds-thanh-tho-2023');
    const [online] = await rows(
      ws,
      `SELECT value FROM measures WHERE unit_code = '15253' AND measure = 'ho_so_truc_tuyen_ty_le'`,
    );
    expect(Number(online!.value)).toBeCloseTo(0.99, 12);
    // Part I writes two results only as bounds; they are kept as written, read as their number.
    const bounds = await rows(
      ws,
      `SELECT measure, value, text FROM measures WHERE unit_code = '15253'
       AND measure IN ('dien_thoai_thong_minh_dan_so_ty_le', 'dn_htx_ho_ung_dung_nen_tang_so_ty_le')
       ORDER BY measure`,
    );
    expect(bounds.map((b) => [b.measure, Number(b.value), b.text])).toEqual([
      ['dien_thoai_thong_minh_dan_so_ty_le', 0.7, 'Trên 70%'],
      ['dn_htx_ho_ung_dung_nen_tang_so_ty_le', 0.1, 'chưa đạt (10%)'],
    ]);
    const gaps = await rows(
      ws,
      `SELECT status, count(*)::INTEGER AS n FROM gaps GROUP BY status ORDER BY status`,
    );
    expect(gaps.reduce((s, r) => s + Number(r.n), 0)).toBe(16);
    expect(gaps.some((r) => r.status === 'met' || r.status === 'behind')).toBe(true);
  });
});

describe('more government-style samples', () => {
  it('Thạch Thành: semicolon CSV with decimal commas, BOM, titles, a two-row header and notes', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(fileAt('data-samples/thach-thanh-2024-bieu-tong-hop.csv'));
    expect(r).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ';',
      headerRows: [6, 7],
      units: 25,
      year: 2024,
      issues: [],
    });
    expect(r.columns.filter((c) => c.role === 'measureColumn' && c.matchedBy === 'none')).toEqual(
      [],
    );
    expect(r.skippedRows.map((s) => s.reason)).toEqual([
      'title',
      'title',
      'title',
      'title',
      'blank',
      'total',
      'blank',
      'note',
      'note',
      'note',
    ]);
    await ws.score('dti-xa-minh-hoa', null);
    const [n] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n, max(rank)::INTEGER AS last FROM scores`,
    );
    expect(n).toEqual({ n: 25, last: 25 });
  });

  it('Thanh Chương: a workbook with a guide sheet first and communes named without codes', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(fileAt('data-samples/thanh-chuong-2024-bao-cao.xlsx'));
    expect(r).toMatchObject({
      sheet: 'Số liệu 2024',
      sheets: ['Hướng dẫn', 'Số liệu 2024'],
      year: 2024,
      issues: [],
    });
    const units = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n, min(parent_code) AS p, max(parent_code) AS q FROM units`,
    );
    expect(units[0]).toEqual({ n: r.units, p: '428', q: '428' });
    expect(r.units).toBeGreaterThan(30);
  });
});
