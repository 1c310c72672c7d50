// How one value of a query result reads in a table cell and in an export. Values come straight
// from the Arrow vectors, so the column's type decides the reading: DATE and TIMESTAMP arrive as
// epoch milliseconds, and a number alone cannot say whether it is a count or a day.
// Types are told apart by typeId, never instanceof: the Node bindings bundle their own Arrow.
import { Type } from 'apache-arrow';
import type { DataType, Table, Vector } from 'apache-arrow';
import { hugeintToNumber } from '../db/rows';
import { numberFormat, type Lang } from '../i18n/format';

/** What a column holds, as far as showing it goes. */
export type ValueKind =
  'number' | 'text' | 'boolean' | 'date' | 'timestamp' | 'time' | 'list' | 'struct' | 'other';

export interface ResultColumn {
  name: string;
  /** The Arrow type as text (Float64, Date32<DAY>, List<Int32>…), for a tooltip. */
  type: string;
  kind: ValueKind;
  numeric: boolean;
  /** Nested values are read field by field with it. */
  dataType: DataType;
}

/** A value as CSV/XLSX take it. */
export type ExportValue = string | number | boolean | null;

const KIND_LABELS: Record<Exclude<ValueKind, 'other'>, Record<Lang, string>> = {
  number: { vi: 'số', en: 'number' },
  text: { vi: 'chữ', en: 'text' },
  boolean: { vi: 'đúng/sai', en: 'boolean' },
  date: { vi: 'ngày', en: 'date' },
  timestamp: { vi: 'ngày giờ', en: 'date-time' },
  time: { vi: 'giờ', en: 'time' },
  list: { vi: 'danh sách', en: 'list' },
  struct: { vi: 'bản ghi', en: 'struct' },
};

const BOOLEAN_WORDS: Record<Lang, [string, string]> = {
  vi: ['đúng', 'sai'],
  en: ['true', 'false'],
};

// A table repaints hundreds of cells per scroll frame: the formatters are the kept ones.
const formatters = (options: Intl.NumberFormatOptions): Record<Lang, Intl.NumberFormat> => ({
  vi: numberFormat('vi', options),
  en: numberFormat('en', options),
});
const PLAIN = formatters({ maximumFractionDigits: 6 });
// Years, codes and small counts read better ungrouped ("2024", not "2.024").
const UNGROUPED = formatters({ maximumFractionDigits: 0, useGrouping: false });
// From 10^21 a double has more digits than meaning, and below 10^-6 six fraction digits show 0.
const SCIENTIFIC = formatters({ notation: 'scientific', maximumFractionDigits: 6 });

const TEMPORAL: ReadonlySet<ValueKind> = new Set(['date', 'timestamp', 'time']);

/** Widths in characters a sized column keeps between. */
const MIN_WIDTH = 4;
const MAX_WIDTH = 40;

export function columnsOf(table: Table): ResultColumn[] {
  return table.schema.fields.map((f) => {
    const kind = kindOf(f.type);
    return {
      name: f.name,
      type: String(f.type),
      kind,
      numeric: kind === 'number',
      dataType: f.type,
    };
  });
}

/** The short type shown under a column's name. */
export function kindLabel(column: ResultColumn, lang: Lang): string {
  return column.kind === 'other' ? column.type : KIND_LABELS[column.kind][lang];
}

/**
 * One value by row index. Arrow throws on a few values it cannot convert (DuckDB's 'infinity'
 * timestamps); those read as '?' so one value cannot take the whole table down.
 */
export function valueAt(vector: Vector | null | undefined, row: number): unknown {
  try {
    return vector?.get(row) ?? null;
  } catch {
    return '?';
  }
}

/** A value as the table shows it; NULL is '' (the view marks it apart). */
export function cellText(value: unknown, column: ResultColumn, lang: Lang): string {
  const v = scalar(value, column.dataType);
  if (v === null || v === undefined) return '';
  switch (column.kind) {
    case 'number':
      return typeof v === 'number' ? numberText(v, lang) : String(v);
    case 'boolean':
      return BOOLEAN_WORDS[lang][v ? 0 : 1];
    case 'date':
      return dateText(millis(v), lang);
    case 'timestamp':
      return timestampText(millis(v), lang, isZoned(column.dataType) ? ' UTC' : '');
    case 'text':
      return String(v);
    default:
      return literal(v, column.dataType);
  }
}

/** Every row of the table, raw: numbers stay numbers, dates become ISO text. */
export function exportRows(table: Table, columns: readonly ResultColumn[]): ExportValue[][] {
  const vectors = columns.map((_, i) => table.getChildAt(i));
  const rows: ExportValue[][] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    rows[r] = columns.map((c, i) => exportValue(valueAt(vectors[i], r), c));
  }
  return rows;
}

/**
 * Column widths in characters, measured once over a spread of rows so they hold still while rows
 * scroll past; a longer value elsewhere is cut with an ellipsis.
 */
export function columnWidths(
  table: Table,
  columns: readonly ResultColumn[],
  lang: Lang,
  samples = 200,
): number[] {
  const step = Math.max(1, Math.floor(table.numRows / samples));
  return columns.map((c, i) => {
    const vector = table.getChildAt(i);
    let widest = Math.max(c.name.length, kindLabel(c, lang).length);
    for (let r = 0; r < table.numRows; r += step) {
      widest = Math.max(widest, cellText(valueAt(vector, r), c, lang).length);
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 1));
  });
}

function kindOf(type: DataType): ValueKind {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
    case Type.Decimal:
      return 'number';
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'text';
    case Type.Dictionary:
      // DuckDB ENUMs: the dictionary holds the labels.
      return kindOf((type as DataType & { dictionary: DataType }).dictionary);
    case Type.Bool:
      return 'boolean';
    case Type.Date:
      return 'date';
    case Type.Timestamp:
      return 'timestamp';
    case Type.Time:
      return 'time';
    case Type.List:
    case Type.FixedSizeList:
      return 'list';
    case Type.Struct:
    case Type.Map:
      return 'struct';
    default:
      return 'other';
  }
}

/**
 * A value as a chart takes it: a number (BigInt and 128-bit words folded), a Date for dates and
 * timestamps (Plot then draws a time axis), text and booleans as they are.
 */
export function chartValue(value: unknown, column: ResultColumn): unknown {
  const v = scalar(value, column.dataType);
  if (v === null || v === undefined) return null;
  return column.kind === 'date' || column.kind === 'timestamp' ? new Date(millis(v)) : v;
}

function exportValue(value: unknown, column: ResultColumn): ExportValue {
  const v = scalar(value, column.dataType);
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' || TEMPORAL.has(column.kind)) return literal(v, column.dataType);
  // A spreadsheet has no NaN or infinity; as text they still say what DuckDB returned.
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return typeof v === 'boolean' ? v : String(v);
}

function numberText(x: number, lang: Lang): string {
  const size = Math.abs(x);
  const scientific = size !== 0 && Number.isFinite(size) && (size >= 1e21 || size < 1e-6);
  if (scientific) return SCIENTIFIC[lang].format(x);
  return (Number.isInteger(x) && size < 10_000 ? UNGROUPED : PLAIN)[lang].format(x);
}

/**
 * BigInt (BIGINT left uncast) and 128-bit words as plain numbers. HUGEINT arrives as a
 * Uint32Array(4) even with castBigIntToDouble, as a DECIMAL of scale 0.
 */
function scalar(v: unknown, type: DataType | undefined): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint32Array && v.length === 4) {
    return hugeintToNumber(v) / 10 ** decimalScale(type);
  }
  return v;
}

function decimalScale(type: DataType | undefined): number {
  return type?.typeId === Type.Decimal ? (type as DataType & { scale: number }).scale : 0;
}

/**
 * A nested value (or a top-level one of a type without its own reading) as DuckDB writes
 * literals: [1, 2], {'k': 'x'}, NULL. Numbers are unformatted inside: with vi-VN grouping,
 * '1,5' would read as two list items.
 */
function literal(v: unknown, type: DataType | undefined): string {
  const x = scalar(v, type);
  if (x === null || x === undefined) return 'NULL';
  const kind = type ? kindOf(type) : 'other';
  if (kind === 'date') return dateText(millis(x), 'en');
  if (kind === 'timestamp') return timestampText(millis(x), 'en', isZoned(type) ? 'Z' : '');
  if (kind === 'time') return clock(timeMillis(x, type));
  if (typeof x === 'string') return `'${x.replaceAll("'", "''")}'`;
  if (isIterable(x)) {
    return `[${Array.from(x, (item) => literal(item, childType(type))).join(', ')}]`;
  }
  if (typeof x === 'object') return structText(x as Record<string, unknown>, type);
  return String(x);
}

function structText(row: Record<string, unknown>, type: DataType | undefined): string {
  // Arrow's struct and map rows are proxies; toJSON lists their fields.
  const toJSON = (row as { toJSON?: () => Record<string, unknown> }).toJSON;
  const fields = typeof toJSON === 'function' ? toJSON.call(row) : row;
  const parts = Object.entries(fields).map(
    ([name, item]) => `'${name}': ${literal(item, memberType(type, name))}`,
  );
  return `{${parts.join(', ')}}`;
}

function isIterable(v: unknown): v is Iterable<unknown> {
  return typeof v === 'object' && v !== null && Symbol.iterator in v;
}

function childType(type: DataType | undefined): DataType | undefined {
  return type?.children?.[0]?.type;
}

function memberType(type: DataType | undefined, name: string): DataType | undefined {
  if (type?.typeId === Type.Map) return childType(type)?.children?.[1]?.type;
  return type?.children?.find((f) => f.name === name)?.type;
}

function isZoned(type: DataType | undefined): boolean {
  return Boolean((type as { timezone?: string | null } | undefined)?.timezone);
}

function millis(v: unknown): number {
  return v instanceof Date ? v.getTime() : Number(v);
}

/** TIME counts its unit (s, ms, µs or ns) from midnight. */
function timeMillis(v: unknown, type: DataType | undefined): number {
  const unit = (type as { unit?: number } | undefined)?.unit ?? 1;
  return Number(v) * 10 ** (3 - 3 * unit);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const DAY = 86_400_000;

/** Year, month and day in UTC, where DuckDB's wall-clock values sit; undefined past JS dates. */
function dayParts(ms: number): [string, string, string] | undefined {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  const year = d.getUTCFullYear();
  return [
    year < 0 ? `-${pad(-year, 4)}` : pad(year, 4),
    pad(d.getUTCMonth() + 1),
    pad(d.getUTCDate()),
  ];
}

/** DuckDB's own words for its infinite dates, the only ones beyond what JS dates hold. */
const infinity = (ms: number): string => (ms > 0 ? 'infinity' : ms < 0 ? '-infinity' : '?');

/** dd/mm/yyyy in Vietnamese; ISO yyyy-mm-dd in English and in exports. */
function dateText(ms: number, lang: Lang): string {
  const parts = dayParts(ms);
  if (!parts) return infinity(ms);
  const [y, m, d] = parts;
  return lang === 'vi' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/** Stored in UTC; a zoned one says so (`zone`), a plain one is wall-clock time as written. */
function timestampText(ms: number, lang: Lang, zone: string): string {
  if (!dayParts(ms)) return infinity(ms);
  return `${dateText(ms, lang)} ${clock(ms - Math.floor(ms / DAY) * DAY)}${zone}`;
}

/** hh:mm:ss from midnight, with milliseconds when there are any. */
function clock(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const fraction = Math.floor(ms % 1000);
  const text = `${pad(h)}:${pad(m)}:${pad(s)}`;
  return fraction ? `${text}.${pad(fraction, 3).replace(/0+$/, '')}` : text;
}
