// The person's own reading of columns — "this column is that measure", "skip this column" —
// and the header signature under which it is remembered for the next file of the same shape.
import { fold } from '../sql/fold';
import type { ColumnRole } from './columnRoles';
import type { HeaderColumn } from './findLayout';
import type { ColumnReport, LoadReport } from './loadReport';

/** A count column that is one side of a rate: "Số hồ sơ trực tuyến" ÷ "Tổng số hồ sơ". */
export interface RatePart {
  rate: string;
  part: 'numerator' | 'denominator';
}

/** What the person says a column is: a measure code, one side of a rate, or null: not loaded. */
export type MappingChoice = string | null | RatePart;

/** Column name → the person's choice for it. */
export type ColumnMapping = Record<string, MappingChoice>;

export const isRatePart = (choice: MappingChoice | undefined): choice is RatePart =>
  typeof choice === 'object' && choice !== null;

/** Files with the same header (after folding) share a signature, whatever their data. */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => fold(c.name)).join(' | ');
}

/** The roles after the person's choices: only measure columns can be re-read or skipped. */
export function applyMapping(
  columns: readonly HeaderColumn[],
  roles: ColumnRole[],
  mapping: ColumnMapping,
): ColumnRole[] {
  // Choices apply by folded column name: "CỘT LẠ" in the next file is the "Cột lạ" chosen before.
  const byName = new Map(Object.entries(mapping).map(([name, measure]) => [fold(name), measure]));
  return roles.map((role, i) => {
    const name = fold(columns[i]!.name);
    const mappable =
      role.role === 'measureColumn' || role.role === 'ignored' || role.role === 'ratePart';
    if (!byName.has(name) || !mappable) return role;
    const chosen = byName.get(name);
    if (chosen === null || chosen === undefined) return { role: 'ignored' };
    return isRatePart(chosen)
      ? { role: 'ratePart', measure: chosen.rate, part: chosen.part }
      : { role: 'measureColumn', measure: chosen, matchedBy: 'person' };
  });
}

/**
 * Measure columns the person should look at: not matched to the catalog, only guessed, or one
 * side of a rate whose other side no column is yet.
 */
export function columnsToMap(report: LoadReport): ColumnReport[] {
  // A long table names its measures in a column: its other columns are not read at all.
  if (report.shape !== 'wide') return [];
  return report.columns.filter(
    (c) =>
      (c.role === 'measureColumn' &&
        (c.matchedBy === 'none' || c.matchedBy === 'guess') &&
        !holdsNothing(c)) ||
      (c.role === 'ratePart' && !rateComplete(report.columns, c.measure)),
  );
}

/** A column no header word places and no row fills (an empty column beside the table). */
export function holdsNothing(c: ColumnReport): boolean {
  return c.role === 'measureColumn' && c.matchedBy === 'none' && (c.samples?.length ?? 0) === 0;
}

/** A rate from counts is computed when exactly one column is each of its two sides. */
export function rateComplete(columns: readonly ColumnReport[], rate: string | undefined): boolean {
  const sides = columns.filter((c) => c.role === 'ratePart' && c.measure === rate);
  return (
    sides.filter((c) => c.part === 'numerator').length === 1 &&
    sides.filter((c) => c.part === 'denominator').length === 1
  );
}

/** Rates this load computes from two of its count columns. */
export function computedRates(columns: readonly ColumnReport[]): string[] {
  const rates = columns.flatMap((c) => (c.role === 'ratePart' && c.measure ? [c.measure] : []));
  return [...new Set(rates)].filter((r) => rateComplete(columns, r));
}

/** The load's choices with every guessed column confirmed as the person's own. */
export function withGuessesAccepted(report: LoadReport): ColumnMapping {
  const guessed = report.columns.filter(
    (c) => c.role === 'measureColumn' && c.matchedBy === 'guess' && c.measure,
  );
  return {
    ...report.mapping,
    ...Object.fromEntries(guessed.map((c) => [c.header, c.measure!])),
  };
}

/** Rates offered to one count column, and how near its words must be (a count scores half
 * against a rate: 0.15 is 0.3 of shared words). */
const RATES_OFFERED = 2;
const RATE_SCORE = 0.15;

/**
 * The rates a count column may be a side of: those another column of the file already feeds,
 * then the rates its words are near — never one a column of the file gives as such. A count
 * already matched to a count measure is offered none: it is most likely that.
 */
export function ratesToOffer(
  columns: readonly ColumnReport[],
  column: ColumnReport,
  isRate: (measure: string) => boolean,
): string[] {
  if (column.kind !== 'count') return [];
  if (column.role === 'measureColumn' && column.matchedBy !== 'none') return [];
  const given = new Set(columns.flatMap((c) => (c.role === 'measureColumn' ? [c.measure] : [])));
  const inUse = columns.flatMap((c) => (c.role === 'ratePart' && c.measure ? [c.measure] : []));
  const near = (column.candidates ?? [])
    .filter((s) => s.score >= RATE_SCORE && isRate(s.measure))
    .map((s) => s.measure);
  return [...new Set([...inUse, ...near])].filter((m) => !given.has(m)).slice(0, RATES_OFFERED);
}
