// A table staged in DuckDB from any input — CSV text or a workbook sheet — in one shape:
// `__row` (the physical row in the file or sheet) and one VARCHAR column per header column.
import type { CsvRecord } from './csvRecords';
import type { HeaderColumn } from './findLayout';
import type { TextEncodingName } from './decodeText';
import type { EncodingNote } from './encodingNote';
import type { WorkbookFormat } from './workbook';

export type SkipReason = 'title' | 'numbering' | 'blank' | 'total' | 'note' | 'noCode';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  text: string;
}

/** A non-data row as the report lists it; a row with nothing in it is blank whatever it was. */
export function skippedRow(r: CsvRecord, reason: SkipReason): SkippedRow {
  const text = r.cells
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' | ');
  return { row: r.line, reason: text === '' ? 'blank' : reason, text };
}

export interface StagedTable {
  table: string;
  columns: HeaderColumn[];
  /** Data rows staged (after title and header rows, blank lines excluded). */
  rowsRead: number;
  sheet: string | null;
  /** The office format a sheet was read from; null for text. */
  format: WorkbookFormat | null;
  encoding: TextEncodingName | null;
  /** Rows of a text file in another encoding than the rest, or unreadable as chosen. */
  encodingNote?: EncodingNote;
  delimiter: string | null;
  /** Physical rows of the header (one or two). */
  headerRows: number[];
  /** Rows above and inside the table that are not data: titles, numbering, blank lines. */
  skipped: SkippedRow[];
  /** All sheets of the workbook, so the person can pick another; empty for CSV. */
  sheets: string[];
}

/** How a staged table was read, as every load report states it. */
export function readingFacts(staged: StagedTable, file: string, loadId: number) {
  return {
    file,
    loadId,
    sheet: staged.sheet,
    sheets: staged.sheets,
    format: staged.format,
    encoding: staged.encoding,
    ...(staged.encodingNote ? { encodingNote: staged.encodingNote } : {}),
    delimiter: staged.delimiter,
    headerRows: staged.headerRows,
    rowsRead: staged.rowsRead,
  };
}

/** The table a load stages its file in. */
export const stagedTableName = (loadId: number): string => `raw_load_${loadId}`;

/** Every table staging makes (see stageCsv, unitsByName): those a failure part way leaves. */
export function stagingTables(loadId: number): string[] {
  const table = stagedTableName(loadId);
  return [table, `${table}_lined`, `${table}_matches`];
}
