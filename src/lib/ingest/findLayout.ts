// Where the table is in a sheet as government offices lay it out: title rows above, a header of
// one or two rows (the upper one merged over groups of columns), perhaps a row numbering the
// columns "(1) (2) (3)", then data. Works on the first records of a CSV or the rows of a sheet.
import type { CsvRecord } from './csvRecords';
import { columnLetter } from './cellRef';

export interface HeaderColumn {
  /** The name used for the column: the two header levels joined, "Nhóm / Chỉ tiêu". */
  name: string;
  /** The lower (more specific) label, or the only one. */
  label: string;
  /** The upper label spanning this column, when the header has two rows and it differs. */
  group: string | null;
}

export interface Layout {
  /** Indexes into the records: title rows, header rows, numbering row, first data record. */
  titleRecords: number[];
  headerRecords: number[];
  numberingRecord: number | null;
  dataStart: number;
  columns: HeaderColumn[];
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');
const filled = (cells: string[]): string[] => cells.filter((c) => c.trim() !== '');
const NUMBER = /^[-+]?[\d.,\s]+%?$/;
const NUMBERING = /^\(?[0-9]{1,3}\)?$|^\(?[A-Za-z]\)?$|^\([0-9]+\)\s*=.*$/;

/** Share of a row's non-empty cells that are text rather than numbers. */
function textShare(cells: string[]): number {
  const f = filled(cells);
  return f.length === 0 ? 0 : f.filter((c) => !NUMBER.test(c.trim())).length / f.length;
}

export function findLayout(records: CsvRecord[]): Layout | null {
  const head = records.slice(0, 40);
  const width = Math.max(0, ...head.map((r) => filled(r.cells).length));
  if (width === 0) return null;
  // A header row is text and names at least half the columns — by itself, or together with a
  // second header row under it (an upper row of merged group labels fills few cells alone).
  const headerAt = head.findIndex((r, i) => {
    if (filled(r.cells).length < 2 || textShare(r.cells) < 0.6) return false;
    const next = head[i + 1]?.cells;
    const named =
      next && isSecondHeaderRow(r.cells, next)
        ? coveredColumns(r.cells, next)
        : filled(r.cells).length;
    return named >= Math.max(2, Math.ceil(width * 0.5));
  });
  if (headerAt < 0) return null;

  const upper = records[headerAt]!.cells;
  const next = records[headerAt + 1]?.cells;
  const twoRows = next !== undefined && isSecondHeaderRow(upper, next);
  const headerRecords = twoRows ? [headerAt, headerAt + 1] : [headerAt];
  let dataStart = headerAt + headerRecords.length;
  let numberingRecord: number | null = null;
  const maybeNumbering = records[dataStart]?.cells;
  if (maybeNumbering && isNumberingRow(maybeNumbering)) {
    numberingRecord = dataStart;
    dataStart += 1;
  }
  const titleRecords = head.slice(0, headerAt).map((_, i) => i);
  return {
    titleRecords,
    headerRecords,
    numberingRecord,
    dataStart,
    columns: headerColumns(upper, twoRows ? next : undefined),
  };
}

/**
 * The row under a header is a second header row when it is text (not data, not numbering) and
 * it fills cells that the first row leaves empty under a merged group label.
 */
function isSecondHeaderRow(upper: string[], lower: string[]): boolean {
  if (isBlank(lower) || isNumberingRow(lower) || textShare(lower) < 0.8) return false;
  const width = Math.max(upper.length, lower.length);
  let underGroup = 0;
  for (let i = 1; i < width; i++) {
    const up = (upper[i] ?? '').trim();
    const low = (lower[i] ?? '').trim();
    if (up === '' && low !== '') underGroup += 1;
  }
  return underGroup > 0;
}

/** Columns named by either of two header rows. */
function coveredColumns(upper: string[], lower: string[]): number {
  let n = 0;
  for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
    if ((upper[i] ?? '').trim() !== '' || (lower[i] ?? '').trim() !== '') n += 1;
  }
  return n;
}

function isNumberingRow(cells: string[]): boolean {
  const f = filled(cells);
  return f.length >= 3 && f.every((c) => NUMBERING.test(c.trim()));
}

/** Column names from one or two header rows; a merged group label fills the cells it spans. */
function headerColumns(upper: string[], lower?: string[]): HeaderColumn[] {
  const width = Math.max(upper.length, lower?.length ?? 0);
  const columns: HeaderColumn[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const up = clean(upper[i] ?? '');
    const low = clean(lower?.[i] ?? '');
    // A label in the upper row starts a group; empty upper cells continue it only while the
    // lower row has labels (a merged span), not past the end of the table.
    if (up !== '') group = up;
    else if (low === '') group = '';
    const label =
      low !== '' ? low : up !== '' ? up : group !== '' && lower ? group : `Cột ${columnLetter(i)}`;
    const groupOf = lower && low !== '' && group !== '' && group !== low ? group : null;
    columns.push({ name: groupOf ? `${groupOf} / ${label}` : label, label, group: groupOf });
  }
  return uniqueNames(columns);
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** DuckDB needs distinct column names: a repeated name gets " (2)", " (3)". */
function uniqueNames(columns: HeaderColumn[]): HeaderColumn[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: `${c.name} (${n})` };
  });
}

/** The layout's columns widened to `width`, naming the columns the header left out. */
export function columnsOfWidth(layout: Layout, width: number): HeaderColumn[] {
  return Array.from({ length: Math.max(width, layout.columns.length) }, (_, i) => {
    const name = `Cột ${columnLetter(i)}`;
    return layout.columns[i] ?? { name, label: name, group: null };
  });
}
