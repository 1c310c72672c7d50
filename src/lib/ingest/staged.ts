// A table staged in DuckDB from any input — CSV text or a workbook sheet — in one shape:
// `__row` (the physical row in the file or sheet) and one VARCHAR column per header column.
import type { HeaderColumn } from './findLayout';
import type { TextEncodingName } from './decodeText';

export type SkipReason = 'title' | 'numbering' | 'blank' | 'total' | 'note' | 'noCode';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  text: string;
}

export interface StagedTable {
  table: string;
  columns: HeaderColumn[];
  /** Data rows staged (after title and header rows, blank lines excluded). */
  rowsRead: number;
  sheet: string | null;
  encoding: TextEncodingName | null;
  delimiter: string | null;
  /** Physical rows of the header (one or two). */
  headerRows: number[];
  /** Rows above and inside the table that are not data: titles, numbering, blank lines. */
  skipped: SkippedRow[];
}
