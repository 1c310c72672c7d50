// Workbooks as plain data: sheet names and rows of cell values. Reading happens in a Worker in
// the browser (see xlsxWorker.ts) and directly in Node; both give the same shape. A Word
// document's tables are read into the same shape (docxTables.ts), one sheet per table, and so
// are the older and other office formats (sheetjsWorkbook.ts).
import readXlsxFile from 'read-excel-file/universal';
import type { CsvRecord } from './csvRecords';
import { readDocxTables } from './docxTables';
import type { SheetjsFormat } from './sheetjsWorkbook';

export type CellValue = string | number | boolean | Date | null;

export interface WorkbookSheet {
  name: string;
  rows: CellValue[][];
}

/**
 * What the bytes are: an Excel workbook (.xlsx; Excel 97–2003 .xls; .xlsb), an OpenDocument
 * spreadsheet (.ods, or flat XML .fods), an HTML table saved as .xls, or a Word document whose
 * tables are the sheets.
 */
export type WorkbookFormat = 'xlsx' | 'docx' | SheetjsFormat;

export type WorkbookReader = (
  bytes: Uint8Array,
  format?: WorkbookFormat,
) => Promise<WorkbookSheet[]>;

/** Reads on the calling thread: Node tests, and inside the browser's XLSX worker. */
export const readWorkbookHere: WorkbookReader = async (bytes, format = 'xlsx') => {
  if (format === 'docx') return readDocxTables(bytes);
  if (format !== 'xlsx') {
    // Loaded only when such a file comes: SheetJS stays out of every bundle until then.
    const { readWithSheetjs } = await import('./sheetjsWorkbook');
    return readWithSheetjs(bytes, format);
  }
  const copy = bytes.slice().buffer;
  const sheets = await readXlsxFile(copy, { trim: false });
  return sheets.map((s) => ({ name: s.sheet, rows: s.data as CellValue[][] }));
};

/** Sheet rows as records: row n of the sheet is line n, cells as the text a person sees. */
export function sheetRecords(sheet: WorkbookSheet): CsvRecord[] {
  return sheet.rows.map((row, i) => ({ line: i + 1, cells: row.map(cellText) }));
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
