import { writeXlsx } from './xlsxWriter.mjs';
// Any table as CSV a spreadsheet opens safely: UTF-8 with BOM (Excel reads Vietnamese right),
// and text that a spreadsheet would run as a formula (=, +, -, @) kept as text.
export type Cell = string | number | boolean | null | undefined;

/** A text cell a spreadsheet would read as a formula, prefixed with ' so it stays text. */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralised(v) : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tableCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
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
        rows: [[...headers], ...rows.map((r) => r.map((v) => (v === undefined ? null : v)))],
        boldRows: [0],
        colWidths: headers.map((h) => Math.min(60, Math.max(10, h.length + 2))),
      },
    ],
  });
}
