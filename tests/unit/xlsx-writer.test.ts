import { describe, it, expect } from 'vitest';
import zlib from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { writeXlsx, columnLetter, cellRef } from '../../scripts/lib/xlsx-writer.mjs';
import { writeXlsx as writeStored } from '../../src/lib/export/xlsxWriter.mjs';
import { readWorkbookHere } from '../../src/lib/ingest/workbook';

type Cell = string | number | boolean | null | undefined;

const SHEET1_ROWS: Cell[][] = [
  ['BÁO CÁO CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) CẤP XÃ', null, null, null],
  ['Đơn vị', 'Chỉ tiêu', 'Tỷ lệ hồ sơ (%)', 'Đạt'],
  ['Xã Thành Thọ', 'Hồ sơ trực tuyến', 87.25, true],
  [undefined, 'Thay đổi so với kỳ trước', -3.5, false],
  [],
  ['Ghi chú', '<b>&"x"</b>', 0, null],
  ['  khoảng trắng đầu/cuối  ', 'Dòng 1\nDòng 2\r\nDòng 3\tcột', 0.1 + 0.2, 'Số liệu 📊'],
  ['_x0041_ literal', 'Phường Đông Hòa, tỉnh Bình Dương', -0.000001, 1e21],
];

const SHEET2_ROWS: Cell[][] = [
  ['Mã xã', 'Tên xã', 'Điểm'],
  [26734, 'Xã Thành Thọ', 612.4],
  [26737, 'Xã Vạn Thọ', Number.MAX_SAFE_INTEGER],
  [null, null, -42],
];

const WORKBOOK = {
  sheets: [
    {
      name: 'Tổng hợp',
      rows: SHEET1_ROWS,
      merges: ['A1:D1', 'A3:A4'],
      colWidths: [36, 28, 16, 8],
      boldRows: [0, 1],
    },
    { name: 'Chi tiết xã', rows: SHEET2_ROWS, colWidths: [10, 30] },
  ],
};

/**
 * What read-excel-file returns for a grid: empty cells as null, trailing empty rows/columns
 * dropped, every row padded to the same width.
 */
function expectedGrid(rows: Cell[][]): (string | number | boolean | null)[][] {
  const filled = (cell: Cell) => cell !== null && cell !== undefined;
  // Index just past the last filled cell (the repo targets ES2022, so no findLastIndex).
  const usedLength = (row: Cell[]) =>
    row.reduce<number>((n, cell, i) => (filled(cell) ? i + 1 : n), 0);
  const height = rows.reduce((n, row, r) => (usedLength(row) > 0 ? r + 1 : n), 0);
  const width = Math.max(0, ...rows.map(usedLength));
  return rows
    .slice(0, height)
    .map((row) => Array.from({ length: width }, (_, c) => (filled(row[c]) ? row[c]! : null)));
}

interface ZipEntry {
  xml: string;
  flags: number;
  method: number;
  time: number;
  date: number;
}

/**
 * Tiny independent ZIP reader (central directory → local header → inflate), used to look at
 * parts read-excel-file does not expose (merges, styles) and to cross-check sizes and CRCs.
 */
function unzip(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.length - 22; // we never write an archive comment
  expect(buf.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = buf.readUInt16LE(eocd + 10);
  expect(buf.readUInt32LE(eocd + 12) + buf.readUInt32LE(eocd + 16)).toBe(eocd);
  const entries = new Map<string, ZipEntry>();
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    // Local header must agree with the central entry byte-for-byte on the shared fields.
    expect(buf.subarray(local + 4, local + 30)).toEqual(buf.subarray(p + 6, p + 32));
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(buf.subarray(start, start + buf.readUInt32LE(p + 20)));
    expect(data.length).toBe(buf.readUInt32LE(p + 24));
    expect(zlib.crc32(data)).toBe(buf.readUInt32LE(p + 16));
    entries.set(name, {
      xml: data.toString('utf8'),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

describe('columnLetter / cellRef', () => {
  it('uses bijective base-26 column letters', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  it('builds A1 references from 0-based indexes', () => {
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(6, 1)).toBe('B7');
    expect(cellRef(99, 26)).toBe('AA100');
  });
});

describe('writeXlsx', () => {
  it('round-trips every cell value through read-excel-file', async () => {
    const bytes = writeXlsx(WORKBOOK);
    expect(bytes).toBeInstanceOf(Uint8Array);
    // trim: false — read-excel-file trims text by default, which would hide whitespace bugs.
    const sheets = await readXlsxFile(Buffer.from(bytes), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['Tổng hợp', 'Chi tiết xã']);
    expect(sheets[0]?.data).toEqual(expectedGrid(SHEET1_ROWS));
    expect(sheets[1]?.data).toEqual(expectedGrid(SHEET2_ROWS));
    // Spot-check a few values explicitly so a bug in expectedGrid cannot mask one here.
    expect(sheets[0]?.data[2]).toEqual(['Xã Thành Thọ', 'Hồ sơ trực tuyến', 87.25, true]);
    expect(sheets[0]?.data[1]?.[2]).toBe('Tỷ lệ hồ sơ (%)');
    expect(sheets[0]?.data[5]?.[1]).toBe('<b>&"x"</b>');
    expect(sheets[0]?.data[7]?.[0]).toBe('_x0041_ literal');
    expect(sheets[0]?.data[4]).toEqual([null, null, null, null]);
  });

  it('writes merges, column widths, bold rows and shared strings as expected', () => {
    const parts = unzip(writeXlsx(WORKBOOK));
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    for (const entry of parts.values()) {
      expect(entry.flags).toBe(0x0800); // UTF-8 names
      expect(entry.method).toBe(8); // deflate
      expect([entry.date, entry.time]).toEqual([0x21, 0]); // 1980-01-01 00:00
    }
    const sheet1 = parts.get('xl/worksheets/sheet1.xml')!.xml;
    expect(sheet1).toContain('<dimension ref="A1:D8"/>');
    expect(sheet1).toContain(
      '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A3:A4"/></mergeCells>',
    );
    expect(sheet1).toContain('<col min="1" max="1" width="36" customWidth="1"/>');
    expect(sheet1).toMatch(/<row r="1" s="1" customFormat="1"><c r="A1" s="1" t="s">/);
    expect(sheet1).toMatch(/<row r="3"><c r="A3" t="s">/);
    expect(sheet1).toContain('<c r="D3" t="b"><v>1</v></c>');
    expect(sheet1).not.toContain('r="5"'); // fully empty, non-bold row is omitted

    const sst = parts.get('xl/sharedStrings.xml')!.xml;
    expect(sst).toContain('<t>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</t>');
    expect(sst).toContain('<t xml:space="preserve">  khoảng trắng đầu/cuối  </t>');
    expect(sst).toContain('<t>_x005F_x0041_ literal</t>');
    // A literal CR would be normalised to LF by conforming XML parsers (Excel's included).
    expect(sst).toContain('Dòng 1\nDòng 2&#xD;\nDòng 3\tcột');
    // "Xã Thành Thọ" appears on both sheets but is stored once.
    expect(sst.match(/Xã Thành Thọ/g)).toHaveLength(1);
    expect(parts.get('xl/workbook.xml')!.xml).toContain('<sheet name="Chi tiết xã" sheetId="2"');
  });

  it('is byte-for-byte deterministic', () => {
    const a = writeXlsx(WORKBOOK);
    const b = writeXlsx(structuredClone(WORKBOOK));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes the same workbook stored (as the browser does) and deflated (as the scripts do)', async () => {
    const stored = writeStored(WORKBOOK);
    const deflated = writeXlsx(WORKBOOK);
    expect(stored.length).toBeGreaterThan(deflated.length);
    expect(await readWorkbookHere(stored)).toEqual(await readWorkbookHere(deflated));
  });

  it('strips characters XML 1.0 cannot carry, keeping everything else', async () => {
    const bytes = writeXlsx({
      sheets: [{ name: 'S', rows: [['a\u0001b\u001Fc\uFFFEd', 'x\uD800y']] }],
    });
    const [sheet] = await readXlsxFile(Buffer.from(bytes), { trim: false });
    expect(sheet?.data).toEqual([['abcd', 'xy']]);
  });

  it('writes an empty sheet', async () => {
    const bytes = writeXlsx({ sheets: [{ name: 'Trống', rows: [] }] });
    expect(unzip(bytes).get('xl/worksheets/sheet1.xml')!.xml).toContain(
      '<dimension ref="A1"/><sheetData/>',
    );
    const [sheet] = await readXlsxFile(Buffer.from(bytes));
    expect(sheet?.sheet).toBe('Trống');
    expect(sheet?.data).toEqual([]);
  });

  it('rejects invalid sheet names with a clear error', () => {
    const sheetNamed = (...names: string[]) => ({
      sheets: names.map((name) => ({ name, rows: [] })),
    });
    expect(() => writeXlsx(sheetNamed('x'.repeat(32)))).toThrow(
      /Invalid sheet name.*31 characters/,
    );
    for (const bad of ['a/b', 'a\\b', 'a[1]', 'a:b', 'a*', 'a?']) {
      expect(() => writeXlsx(sheetNamed(bad))).toThrow(/Invalid sheet name.*must not contain/);
    }
    expect(() => writeXlsx(sheetNamed(''))).toThrow(/Invalid sheet name/);
    expect(() => writeXlsx(sheetNamed('Dữ liệu', 'DỮ LIỆU'))).toThrow(/duplicate/);
    expect(() => writeXlsx(sheetNamed('x'.repeat(31)))).not.toThrow();
  });

  it('rejects values and ranges that would make a corrupt file', () => {
    const one = (sheet: object) => ({ sheets: [{ name: 'S', rows: [], ...sheet }] });
    expect(() => writeXlsx(one({ rows: [[Number.NaN]] }))).toThrow(/A1: non-finite/);
    expect(() => writeXlsx(one({ rows: [[null, {}]] }))).toThrow(/B1: unsupported/);
    expect(() => writeXlsx(one({ merges: ['A1'] }))).toThrow(/Invalid merge range/);
    expect(() => writeXlsx(one({ merges: ['B2:A1'] }))).toThrow(/Invalid merge range/);
    expect(() => writeXlsx(one({ merges: ['A1:C3', 'B2:D4'] }))).toThrow(/overlap/);
    expect(() => writeXlsx({ sheets: [] })).toThrow(/non-empty/);
  });
});
