// One district summary in every office format officials send — .xlsx, Excel 97–2003 .xls,
// .xlsb, OpenDocument .ods and flat .fods, an HTML table saved as .xls — loads as the same
// table: the same units, year, measures and values, the same header and skipped rows, each
// value traced to the same cell. Fixtures: tests/fixtures/office-formats/README.md.
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cfbContent, cfbStreams } from '../../src/lib/ingest/cfbStreams';
import { IngestError } from '../../src/lib/ingest/errors';
import { lostLetters } from '../../src/lib/ingest/lostLetters';
import { officeFormat, SNIFF_BYTES, sniffFile } from '../../src/lib/ingest/sniffFile';
import type { LoadReport } from '../../src/lib/ingest/loadReport';
import { readWorkbookHere } from '../../src/lib/ingest/workbook';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, inputFile, ROOT, rows } from './support/workspace';

const DIR = 'tests/fixtures/office-formats';
const BASE = 'thach-thanh-2024-tong-hop';
const FILES = {
  xlsx: `${BASE}.xlsx`,
  xls: `${BASE}.xls`,
  xlsb: `${BASE}.xlsb`,
  ods: `${BASE}.ods`,
  fods: `${BASE}.fods`,
  html: `${BASE}-html.xls`,
} as const;
type Format = keyof typeof FILES;
const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(ROOT, DIR, name)));

describe('reading the same sheet from every format', () => {
  it('gives the rows the .xlsx reader gives: merges empty, numbers, percentages, dates', async () => {
    const [xlsx] = await readWorkbookHere(bytesOf(FILES.xlsx), 'xlsx');
    for (const format of ['xls', 'xlsb', 'ods', 'fods'] as const) {
      const [sheet] = await readWorkbookHere(bytesOf(FILES[format]), format);
      expect(sheet, format).toEqual(xlsx);
    }
    // The merged group header over two columns: its text in the first, the second empty.
    expect(xlsx!.rows[5]!.slice(3, 5)).toEqual(['Dịch vụ công trực tuyến', null]);
    // A percentage cell is its stored fraction; a date cell a Date at UTC midnight.
    expect(xlsx!.rows[7]).toEqual([1, '15187', 'Thị trấn Kim Tân', 82.5, 0.913, 97.2, 46, 21, 24]);
    expect(xlsx!.rows[22]![2]).toEqual(new Date(Date.UTC(2025, 0, 15)));
  });

  it('reads an HTML table as text, merged cells as a spreadsheet has them', async () => {
    const [sheet] = await readWorkbookHere(bytesOf(FILES.html), 'html');
    const [xlsx] = await readWorkbookHere(bytesOf(FILES.xlsx), 'xlsx');
    // The same grid: the same cells filled and empty, row by row.
    const filled = (rows: unknown[][]) => rows.map((r) => r.map((v) => v !== null));
    expect(filled(sheet!.rows)).toEqual(filled(xlsx!.rows));
    expect(sheet!.rows[5]!.slice(0, 5)).toEqual([
      'STT',
      'Mã xã',
      'Tên đơn vị',
      'Dịch vụ công trực tuyến',
      null,
    ]);
    // As the web page shows them: the app reads "82,5" and "91,3%" as it reads a CSV's cells.
    expect(sheet!.rows[7]).toEqual([
      '1',
      '15187',
      'Thị trấn Kim Tân',
      '82,5',
      '91,3%',
      '97,2',
      '46',
      '21',
      '24',
    ]);
  });
});

describe('loading the district summary from every format', () => {
  let ws: Workspace;
  const reports = new Map<Format, LoadReport>();
  beforeAll(async () => {
    ws = await freshWorkspace();
    for (const format of Object.keys(FILES) as Format[])
      reports.set(format, await ws.loadFile(fileAt(`${DIR}/${FILES[format]}`)));
  });

  /** What a load found, without what names the file, the load or the sheet. */
  const reading = (r: LoadReport) => ({
    shape: r.shape,
    year: r.year,
    yearSource: r.yearSource,
    headerRows: r.headerRows,
    rowsRead: r.rowsRead,
    units: r.units,
    observations: r.observations,
    columns: r.columns.map((c) => ({
      header: c.header,
      column: c.column,
      role: c.role,
      measure: c.measure,
    })),
    skippedRows: r.skippedRows.map((s) => ({ row: s.row, reason: s.reason })),
    issues: r.issues,
  });

  /** Each value as scored (a rate on its 0–1 scale), with the cell it came from. */
  const values = async (r: LoadReport) => {
    const percent = new Set(
      r.rateScales.filter((s) => s.scale === 'percent').map((s) => s.measure),
    );
    const found = await rows(
      ws,
      `SELECT unit_code, year, measure, value, source_row, source_cell
       FROM observations WHERE load_id = ${r.loadId} ORDER BY ALL`,
    );
    return found.map((o) => ({
      ...o,
      value: Math.round((o.value as number) * (percent.has(o.measure as string) ? 1e7 : 1e9)) / 1e9,
    }));
  };

  it('the .xlsx: 12 communes of 2024, titles, a two-row header, a total and notes skipped', () => {
    const r = reports.get('xlsx')!;
    expect(r.format).toBe('xlsx');
    expect(r.units).toBe(12);
    expect(r.year).toBe(2024);
    expect(r.headerRows).toEqual([6, 7]);
    expect(r.skippedRows.map((s) => s.reason)).toContain('total');
    expect(r.columns.filter((c) => c.measure).length).toBe(6);
  });

  it('names the sheet as the file does; a web page’s table is "Bảng 1"', () => {
    for (const format of ['xlsx', 'xls', 'xlsb', 'ods', 'fods'] as const)
      expect(reports.get(format)!.sheet).toBe('Tổng hợp 2024');
    expect(reports.get('html')!.sheet).toBe('Bảng 1');
  });

  for (const format of ['xls', 'xlsb', 'ods', 'fods', 'html'] as const) {
    it(`the ${format} reads as the .xlsx: same units, measures, values and cells`, async () => {
      const r = reports.get(format)!;
      const xlsx = reports.get('xlsx')!;
      expect(r.format).toBe(format);
      expect(reading(r)).toEqual(reading(xlsx));
      expect(await values(r)).toEqual(await values(xlsx));
    });
  }

  it('a percentage cell is its fraction in a workbook, "91,3%" on a web page: the same rate', () => {
    const scale = (f: Format) =>
      reports.get(f)!.rateScales.find((s) => s.measure === 'so_hoa_ho_so_ty_le')?.scale;
    expect(scale('xlsx')).toBe('fraction');
    expect(scale('ods')).toBe('fraction');
    expect(scale('html')).toBe('percent');
  });
});

describe('a file the app cannot read says why, naming it, and changes nothing', () => {
  let ws: Workspace;
  const state = async () =>
    rows(
      ws,
      `SELECT (SELECT count(*) FROM loads)::INTEGER AS loads,
              (SELECT count(*) FROM observations)::INTEGER AS observations,
              (SELECT sum(value) FROM observations) AS total`,
    );
  let before: Awaited<ReturnType<typeof state>>;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt(`${DIR}/${FILES.xlsx}`));
    before = await state();
  });

  const refused = async (name: string, bytes = bytesOf(name)): Promise<IngestError> => {
    const e = await ws.loadFile(inputFile(name, bytes)).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).at.file).toBe(name);
    expect(await state()).toEqual(before);
    return e as IngestError;
  };

  for (const name of [`${BASE}-mat-khau.xlsx`, `${BASE}-mat-khau.xls`, `${BASE}-mat-khau.ods`]) {
    it(`a password-protected workbook (${name.split('.').pop()}): remove the password, save again`, async () => {
      const e = await refused(name);
      expect(e.code).toBe('passwordProtected');
      expect(e.text.vi).toMatch(/^Tệp được đặt mật khẩu nên ứng dụng không đọc được\./);
      expect(e.text.vi).toContain('bỏ mật khẩu');
      expect(e.text.vi).toContain('lưu lại rồi nạp lại tệp');
      expect(e.text.en).toMatch(/^The file is password-protected, so the app cannot read it\./);
      expect(e.text.en).toContain('remove the password');
      expect(e.text.en).toContain('save it again and load it again');
    });
  }

  it('a PDF: ask for the Excel or Word copy the office has', async () => {
    const e = await refused(`${BASE}.pdf`);
    expect(e.code).toBe('pdf');
    expect(e.text.vi).toContain('Hãy xin bản Word (.docx) hoặc Excel (.xlsx)');
    expect(e.text.en).toContain('Ask for the Word (.docx) or Excel (.xlsx) copy');
  });

  it('a CSV saved in a Western code page: its letters are lost; save as CSV UTF-8', async () => {
    const e = await refused(`${BASE}-windows-1252.csv`);
    expect(e.code).toBe('lostLetters');
    // The row the first lost letter is on: the district's name in the first title row.
    expect(e.at.row).toBe(1);
    expect(e.text.vi).toMatch(
      /^Chữ tiếng Việt trong tệp đã bị mất: chúng thành dấu "\?" \(ví dụ "\?Y", "HUY\?N", "TH\?CH"\)/,
    );
    expect(e.text.vi).toContain('«CSV UTF-8 (Comma delimited) (*.csv)»');
    expect(e.text.vi).toContain('Bộ ký tự «Unicode (UTF-8)»');
    expect(e.text.en).toMatch(/^The file's Vietnamese letters are lost: they became "\?"/);
    expect(e.text.en).toContain('“CSV UTF-8 (Comma delimited) (*.csv)”');
    expect(e.text.en).toContain('Character set “Unicode (UTF-8)”');
  });

  it('a damaged .ods: said in both languages, the library’s words kept apart', async () => {
    const whole = bytesOf(FILES.ods);
    const e = await refused('hong.ods', whole.slice(0, Math.floor(whole.length / 2)));
    expect(e.code).toBe('corruptWorkbook');
    expect(e.text.vi).toMatch(/^Tệp OpenDocument bị hỏng hoặc không đầy đủ/);
    expect(e.text.en).toMatch(/^The OpenDocument file is damaged or incomplete/);
    expect(e.technical).toBeTruthy();
    expect(e.text.vi).not.toContain(e.technical!);
    expect(e.text.en).not.toContain(e.technical!);
  });

  it('a Word 97–2003 .doc (the same container as an .xls): save it as .docx', async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/WordDocument', new Uint8Array(4096));
    const doc = new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as number[]);
    const e = await refused('quyet-dinh.doc', doc);
    expect(e.code).toBe('legacyDoc');
    expect(e.text.vi).toContain('lưu thành «Word Document (.docx)»');
    expect(e.text.en).toContain('save it as “Word Document (.docx)”');
  });

  it('a damaged .xls: an Excel 97–2003 file, not "an Excel file"', async () => {
    const whole = bytesOf(FILES.xls);
    const e = await refused('hong.xls', whole.slice(0, 2048));
    expect(e.code).toBe('corruptWorkbook');
    expect(e.text.vi).toMatch(/^Tệp Excel 97–2003 bị hỏng/);
    expect(e.text.en).toMatch(/^The Excel 97–2003 file is damaged/);
  });
});

describe('told apart by their bytes, whatever their names', () => {
  it('every format named .csv is still what it is', () => {
    const kind = (file: string) => {
      const bytes = bytesOf(file);
      return sniffFile('bang.csv', bytes.subarray(0, SNIFF_BYTES), bytes.length).kind;
    };
    expect(kind(FILES.xlsx)).toBe('xlsx');
    // The library writes xl/workbook.bin after the first 8 KB: the directory at the end tells.
    expect(officeFormat(bytesOf(FILES.xlsb))).toBe('xlsb');
    expect(kind(FILES.ods)).toBe('ods');
    expect(kind(FILES.fods)).toBe('fods');
    expect(kind(FILES.html)).toBe('html');
    expect(kind(FILES.xls)).toBe('cfb');
    expect(kind(`${BASE}-mat-khau.ods`)).toBe('ods');
    expect(kind(`${BASE}-windows-1252.csv`)).toBe('text');
  });

  it('an OLE2 container is a workbook, a protected .xlsx or a .doc by its streams', () => {
    expect(cfbContent(cfbStreams(bytesOf(FILES.xls)))).toBe('xls');
    expect(cfbContent(cfbStreams(bytesOf(`${BASE}-mat-khau.xls`)))).toBe('xls');
    expect(cfbContent(cfbStreams(bytesOf(`${BASE}-mat-khau.xlsx`)))).toBe('encrypted');
    expect(cfbContent(['Root Entry', 'WordDocument', '1Table'])).toBe('doc');
    expect(cfbStreams(bytesOf(FILES.xls).slice(0, 1024))).toBeNull();
  });

  it('web pages: a table alone, a doctype, an Excel page after a BOM; not a CSV with a "<"', () => {
    const kind = (text: string) => sniffFile('a.xls', new TextEncoder().encode(text)).kind;
    expect(kind('<table><tr><td>1</td></tr></table>')).toBe('html');
    expect(kind('\uFEFF\r\n  <!DOCTYPE html><html><body><table></table></body></html>')).toBe(
      'html',
    );
    expect(kind('<?xml version="1.0"?>\n<!-- x --><HTML><TABLE></TABLE></HTML>')).toBe('html');
    expect(kind('Mã xã,Ghi chú\n15187,<b>giá trị</b> < 5\n')).toBe('text');
  });

  it('a header that asks a question is not lost letters', () => {
    const records = [
      { line: 1, cells: ['Mã xã', 'Tên xã', 'Có website?', 'Đã ký số?'] },
      { line: 2, cells: ['15187', 'Thị trấn Kim Tân', 'có', 'không'] },
    ];
    expect(lostLetters(records)).toBeNull();
  });
});

describe('OpenDocument from other writers', () => {
  it('an .ods whose `mimetype` is not its first entry (as SheetJS writes it) is still an .ods', async () => {
    const [sheet] = await readWorkbookHere(bytesOf(FILES.xlsx), 'xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet!.rows), 'S');
    const ods = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
    expect(new TextDecoder().decode(ods.subarray(30, 38))).not.toBe('mimetype');
    expect(officeFormat(ods)).toBe('ods');
  });
});
