// Rows of a read CSV table → INSERT … SELECT statements into `observations`, each value with
// its file, row, column and cell. Empty cells are not observations: they stay missing data.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { foldSql } from '../sql/fold';
import { ident, lit, litList } from '../sql/quote';
import { columnLetter } from './cellRef';
import type { ColumnRole } from './columnRoles';
import { decimalMarkSql, parseNumberSql, type DecimalMark } from './numbersSql';
import { unboundedTextSql } from '../text/valueBound';
import { hasCodeSql } from './unitColumns';
import { MISSING_MARKERS } from '../text/cellWords';

export interface Source {
  table: string;
  /** Column names in the staged table, in order. */
  headers: string[];
  roles: ColumnRole[];
  sheet: string | null;
  /** Code and year as SQL over the table's columns. */
  code: string;
  codeColumn: string;
  year: string;
  file: string;
  loadId: number;
}

const nonEmpty = (col: string): string => `nullif(trim(${col}), '') IS NOT NULL`;
/** A cell holding something other than a "no data" marker. */
const given = (col: string): string =>
  `${nonEmpty(col)} AND ${foldSql(col)} NOT IN ${litList(MISSING_MARKERS)}`;

/** Staged rows `from` to `to` (physical rows, both included): a load writes a chunk at a time. */
export interface RowRange {
  from: number;
  to: number;
}

const inRange = (r: RowRange): string => `__row BETWEEN ${r.from} AND ${r.to}`;

/** Rows 1 to `last` in ranges of `size` rows. */
export function rowRanges(last: number, size: number): RowRange[] {
  const ranges: RowRange[] = [];
  for (let from = 1; from <= last; from += size)
    ranges.push({ from, to: Math.min(from + size - 1, last) });
  return ranges;
}

/** The decimal mark of each listed column, decided from all its cells at once. */
export async function decimalMarks(
  engine: Engine,
  table: string,
  columns: string[],
): Promise<Map<string, DecimalMark>> {
  if (columns.length === 0) return new Map();
  const [row] = toRows(
    await engine.query(
      `SELECT ${columns.map((c, i) => `${decimalMarkSql(ident(c))} AS m${i}`).join(', ')} FROM ${table}`,
    ),
  );
  return new Map(columns.map((c, i) => [c, row?.[`m${i}`] === '.' ? '.' : ',']));
}

/**
 * One INSERT for every measure column of a chunk: the columns unpivoted into one column of cell
 * texts, read by one number-reading expression. A statement per column repeated that expression
 * (a dozen regular expressions) per column, and cost more than reading a district's values.
 */
export function wideInsert(
  s: Source,
  marks: Map<string, DecimalMark>,
  rows: RowRange,
): string | null {
  const columns = s.headers.flatMap((header, i) => {
    const role = s.roles[i]!;
    return role.role === 'measureColumn' ? [{ header, i, measure: role.measure }] : [];
  });
  if (columns.length === 0) return null;
  const alias = (i: number) => `c${i}`;
  const read = columns.map(({ header, i }) => `${ident(header)}::VARCHAR AS ${alias(i)}`);
  const about = columns.map(
    ({ header, i, measure }) =>
      `(${[alias(i), measure, header, columnLetter(i), marks.get(header) ?? ','].map(lit).join(', ')})`,
  );
  const text = 'u.__text';
  const value = `CASE WHEN m.mark = '.' THEN ${parseNumberSql(unboundedTextSql(text), '.')}
    ELSE ${parseNumberSql(unboundedTextSql(text), ',')} END`;
  return `INSERT INTO observations
    SELECT u.__code, u.__year, m.measure, ${value}, trim(${text}),
      ${lit(s.file)}, ${lit(s.sheet)}, u.__row, m.header, m.letter || u.__row, ${s.loadId}
    FROM (UNPIVOT (
        SELECT __row, ${s.code} AS __code, ${s.year} AS __year, ${read.join(', ')}
        FROM ${s.table}
        WHERE ${inRange(rows)} AND ${hasCodeSql(s.codeColumn)})
      ON ${columns.map(({ i }) => alias(i)).join(', ')} INTO NAME __column VALUE __text) u
    JOIN (VALUES ${about.join(', ')}) m(col, measure, header, letter, mark) ON m.col = u.__column
    WHERE ${nonEmpty(text)}`;
}

/** Long files name measures in a column: codes as given, else the header-style key of the text. */
/**
 * A long table's measure cell as a measure key: a catalog code as written, a name the catalog
 * knows (`named`: cell text → code), else the cell's words folded into a key of its own.
 */
export function measureKeySql(
  text: string,
  known: ReadonlySet<string>,
  named: ReadonlyMap<string, string> = new Map(),
): string {
  const t = `trim(${text})`;
  const key = `trim(regexp_replace(${foldSql(t)}, '[^a-z0-9]+', '_', 'g'), '_')`;
  const byName = [...named].map(([label, code]) => `WHEN ${lit(label)} THEN ${lit(code)}`);
  const fromName = byName.length > 0 ? `CASE ${t} ${byName.join(' ')} END` : 'NULL';
  return `CASE WHEN ${t} IN ${litList([...known])} THEN ${t} ELSE coalesce(${fromName}, ${key}) END`;
}

export function longInsert(
  s: Source,
  known: ReadonlySet<string>,
  mark: DecimalMark,
  rows: RowRange,
  named: ReadonlyMap<string, string> = new Map(),
): string {
  const at = (role: ColumnRole['role']): number => s.roles.findIndex((r) => r.role === role);
  const measure = ident(s.headers[at('measure')]!);
  const valueIndex = at('value');
  const value = ident(s.headers[valueIndex]!);
  return `INSERT INTO observations
    SELECT ${s.code}, ${s.year}, ${measureKeySql(measure, known, named)}, ${parseNumberSql(unboundedTextSql(value), mark)}, trim(${value}),
      ${lit(s.file)}, ${lit(s.sheet)}, __row, ${lit(s.headers[valueIndex]!)}, ${lit(columnLetter(valueIndex))} || __row, ${s.loadId}
    FROM ${s.table}
    WHERE ${inRange(rows)} AND ${hasCodeSql(s.codeColumn)} AND ${nonEmpty(measure)} AND ${nonEmpty(value)}`;
}

/**
 * The rates to compute from two counts: each with exactly one numerator and one denominator
 * column (a rate given one side, or a side twice, is not loaded: the mapping view asks).
 */
export function ratesFromCounts(
  roles: readonly ColumnRole[],
): Map<string, { numerator: number; denominator: number }> {
  const sides = new Map<string, { numerator: number[]; denominator: number[] }>();
  roles.forEach((r, i) => {
    if (r.role !== 'ratePart') return;
    const found = sides.get(r.measure) ?? { numerator: [], denominator: [] };
    found[r.part].push(i);
    sides.set(r.measure, found);
  });
  return new Map(
    [...sides].flatMap(([measure, { numerator, denominator }]) =>
      numerator.length === 1 && denominator.length === 1
        ? [[measure, { numerator: numerator[0]!, denominator: denominator[0]! }] as const]
        : [],
    ),
  );
}

/**
 * Rates the person said to compute from two counts of each row: numerator ÷ denominator, as a
 * fraction, the text and cells of both kept ("12 / 40" from "D7÷E7"). A row with no files to
 * divide by (0), or either side written as "no data", has no rate: missing, not an issue.
 */
export function rateInserts(s: Source, marks: Map<string, DecimalMark>, rows: RowRange): string[] {
  return [...ratesFromCounts(s.roles)].flatMap(([measure, { numerator, denominator }]) => {
    const [n, d] = [s.headers[numerator]!, s.headers[denominator]!];
    const value = (h: string) => parseNumberSql(ident(h), marks.get(h) ?? ',');
    const cell = (i: number) => `${lit(columnLetter(i))} || __row`;
    return [
      `INSERT INTO observations
       SELECT ${s.code}, ${s.year}, ${lit(measure)}, ${value(n)} / nullif(${value(d)}, 0),
         trim(${ident(n)}) || ' / ' || trim(${ident(d)}),
         ${lit(s.file)}, ${lit(s.sheet)}, __row, ${lit(`${n} ÷ ${d}`)}, ${cell(numerator)} || '÷' || ${cell(denominator)}, ${s.loadId}
       FROM ${s.table}
       WHERE ${inRange(rows)} AND ${hasCodeSql(s.codeColumn)}
         AND ${given(ident(n))} AND ${given(ident(d))} AND coalesce(${value(d)}, 1) <> 0`,
    ];
  });
}
