// The spreadsheets read-excel-file does not read — Excel 97–2003 (.xls), .xlsb, OpenDocument
// (.ods and flat .fods) and HTML tables saved as .xls — read by SheetJS into the rows an .xlsx
// of the same table gives: row n of the sheet at index n − 1 from A1, a merged cell's value in
// its top-left cell and the cells it covers empty, numbers as numbers (a percentage as its
// stored fraction), dates as Date at UTC midnight, so the layout finder and the cell references
// see the same table whatever format it came in. SheetJS is large (≈ 1 MB): this module is only
// ever imported dynamically, from the workbook worker, when such a file arrives.
import { read, utils, type CellObject, type WorkSheet } from '@e965/xlsx';
import { markupText } from './markupText';
import type { CellValue, WorkbookSheet } from './workbook';

export type SheetjsFormat = 'xls' | 'xlsb' | 'ods' | 'fods' | 'html';

/** Thrown for a workbook that needs a password: the page tells the person so, by this name. */
export class ProtectedWorkbook extends Error {
  constructor() {
    super('the workbook is password-protected');
    this.name = 'ProtectedWorkbook';
  }
}

const OPTIONS = {
  dense: true,
  cellDates: true,
  // Only values are used: formulas, rich text, styles and number formats are not kept.
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  cellNF: false,
  cellText: false,
} as const;

export function readWithSheetjs(bytes: Uint8Array, format: SheetjsFormat): WorkbookSheet[] {
  let book;
  try {
    book =
      format === 'html'
        ? // An HTML table is text, as a CSV is: its cells go to the app's own number reading
          // (decimal comma, "%"), not SheetJS's guess, which takes "82,5" for 825.
          read(markupText(bytes), { ...OPTIONS, type: 'string', raw: true })
        : read(bytes, { ...OPTIONS, type: 'array' });
  } catch (e) {
    if (/password|encrypt/i.test((e as Error)?.message ?? '')) throw new ProtectedWorkbook();
    throw e;
  }
  return book.SheetNames.map((name, i) => ({
    // A page's tables have no names: "Bảng 1", "Bảng 2" …, as a Word document's tables are called.
    name: format === 'html' ? `Bảng ${i + 1}` : name,
    rows: sheetRows(book.Sheets[name]!),
  }));
}

/** The sheet's rows from A1 to its last cell holding something, each as wide as the widest. */
function sheetRows(sheet: WorkSheet): CellValue[][] {
  const data: (CellObject | undefined)[][] = sheet['!data'] ?? [];
  const rows = data.map((row) => Array.from(row ?? [], cellValue));
  let height = rows.length;
  while (height > 0 && rows[height - 1]!.every((v) => v === null)) height -= 1;
  const kept = rows.slice(0, height);
  const width = kept.reduce((w, row) => Math.max(w, lastFilled(row) + 1), 0);
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => kept[r]?.[c] ?? null),
  );
}

function lastFilled(row: CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (row[c] !== null) return c;
  return -1;
}

function cellValue(cell: CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return Number.isFinite(cell.v) ? (cell.v as number) : null;
    case 's':
      return cell.v === '' ? null : (cell.v as string);
    case 'b':
      return cell.v as boolean;
    case 'd':
      return cell.v as Date;
    // An error (#DIV/0!, #N/A …) as the text the sheet shows: the report lists it as unreadable.
    case 'e':
      return utils.format_cell(cell);
    default:
      return null;
  }
}
