import { writeXlsx } from './xlsxWriter.mjs';
// Any table as CSV, in two flavours: "Excel (Tiếng Việt)" — UTF-8 with a BOM (how Excel knows it
// is UTF-8), ";" between cells and a decimal comma, as Excel set to Vietnamese reads them, numbers
// rounded as the screen shows them — and "dữ liệu" — plain UTF-8, "," and a decimal point at full
// precision, for other tools. Text a spreadsheet would run as a formula (=, +, -, @) is kept as
// text in both.

/** A number with the decimals the screen shows it with (a rate shown as 69,6 % has 3). */
export interface Figure {
  value: number;
  decimals: number;
}

export type Cell = string | number | boolean | null | undefined | Figure;

export type CsvFlavour = 'excel-vi' | 'data';
export const CSV_FLAVOURS: readonly CsvFlavour[] = ['excel-vi', 'data'];

/** Decimals of a number the screen shows without saying how: an index shows four. */
const SHOWN_DECIMALS = 4;

export const figure = (value: number | null, decimals: number): Figure | null =>
  value === null ? null : { value, decimals };

/** A text cell a spreadsheet would read as a formula, prefixed with ' so it stays text. */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const isFigure = (v: Cell): v is Figure => typeof v === 'object' && v !== null;

/** The number in a cell, for a workbook (numbers stay numbers). */
export const plainValue = (v: Cell): string | number | boolean | null =>
  v === undefined ? null : isFigure(v) ? v.value : v;

function numberText(x: number, decimals: number | null, flavour: CsvFlavour): string {
  if (!Number.isFinite(x)) return '';
  if (flavour === 'data') return String(x);
  // Rounded, then written without trailing zeros or float noise: 0.8943999999999999 → 0,8944.
  const rounded = Number(x.toFixed(decimals ?? SHOWN_DECIMALS));
  return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

function csvCell(v: Cell, flavour: CsvFlavour, sep: string): string {
  if (v === null || v === undefined) return '';
  const s =
    typeof v === 'string'
      ? neutralised(v)
      : typeof v === 'number'
        ? numberText(v, null, flavour)
        : isFigure(v)
          ? numberText(v.value, v.decimals, flavour)
          : String(v);
  // Text is quoted when it holds a separator of either flavour, a quote or a line break; a number
  // only if it held the separator (it never does), so Excel reads "0,8944" as a number.
  const quoted = typeof v === 'string' ? /[",;\n\r]/.test(s) : s.includes(sep);
  return quoted ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tableCsv(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  flavour: CsvFlavour,
): string {
  const excel = flavour === 'excel-vi';
  const sep = excel ? ';' : ',';
  return (
    (excel ? '\uFEFF' : '') +
    [headers, ...rows].map((r) => r.map((c) => csvCell(c, flavour, sep)).join(sep)).join('\r\n') +
    '\r\n'
  );
}

/**
 * The same table as an XLSX workbook. Text goes in as text cells (shared strings), which a
 * spreadsheet never evaluates, so "=…" stays "=…"; numbers stay numbers.
 */
export function tableXlsx(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  sheet = 'Bảng',
): Uint8Array {
  return writeXlsx({
    sheets: [
      {
        name: sheet,
        rows: [[...headers], ...rows.map((r) => r.map(plainValue))],
        boldRows: [0],
        colWidths: headers.map((h) => Math.min(60, Math.max(10, h.length + 2))),
      },
    ],
  });
}
