// The unit-years (and indicators) of a partial re-score as constants in the SQL. Joined to the
// affected tables, a partial step still computed every unit-year before keeping the few it
// needed (a national value edit took 11 s); a constant filter on unit_code and year DuckDB
// applies in the scans themselves, so a step reads only the rows it recomputes.
import { toRows } from '../db/rows';
import type { Engine } from '../db/engine';
import { lit } from '../sql/quote';
import { AFFECTED } from './affected';

/**
 * The units and years of the affected unit-years (every pair of them is a superset of those),
 * and the indicators whose points are affected.
 */
export interface Scope {
  units: readonly string[];
  years: readonly number[];
  indicators: readonly string[];
}

/**
 * Past this many unit-years (an edit under a rule over all units reaches the whole year) the
 * constants would cost more to plan than the join costs to run.
 */
export const SCOPE_LIMIT = 2_000;

/**
 * A scope pays only when it leaves most rows out: over a tenth of the unit-years scored (a
 * district's edit reaches all its communes that year), the kept prepared statement, planned
 * once, costs less than planning the constants for every edit.
 */
const SCOPE_SHARE = 0.1;

/**
 * Nor below this many unit-years scored: the kept statement then reads every one of them (for the
 * indicators an edit reaches) in less time than the constants take to plan.
 */
export const SCOPE_FROM = 5_000;

/**
 * Fills the affected tables with `fill` and reads them as a scope, in one round trip to the
 * engine; undefined when they hold more than `upTo` unit-years, or fewer than `from` are
 * scored. The lists are made distinct and sorted here: in the engine that costs a millisecond
 * each.
 */
export async function readScope(
  engine: Engine,
  fill: readonly string[],
  upTo = SCOPE_LIMIT,
  from = SCOPE_FROM,
): Promise<Scope | undefined> {
  const [r] = toRows(
    await engine.query(
      [
        ...fill,
        `SELECT count(*)::INTEGER AS n, (SELECT count(*) FROM totals)::INTEGER AS scored,
         CASE WHEN count(*) <= ${upTo} THEN list(unit_code) END AS units,
         CASE WHEN count(*) <= ${upTo} THEN list(year) END AS years,
         (SELECT list(DISTINCT indicator) FROM ${AFFECTED.indicator.table}) AS indicators
       FROM ${AFFECTED.unitYear.table}`,
      ].join(';\n'),
    ),
  );
  const n = Number(r?.n ?? 0);
  const scored = Number(r!.scored);
  if (n === 0 || n > upTo || n > SCOPE_SHARE * scored || scored < from) return undefined;
  const sorted = <T extends string | number>(xs: unknown, as: (x: unknown) => T): T[] =>
    [...new Set((xs as unknown[]).map(as))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    units: sorted(r!.units, String),
    years: sorted(r!.years, Number),
    indicators: sorted(r!.indicators, String),
  };
}
/** The scope as a predicate over `unit_code` and `year` (of `alias` when given). */
export function scopeWhere(scope: Scope, alias?: string): string {
  const col = (c: string): string => (alias ? `${alias}.${c}` : c);
  return `${col('year')} IN (${scope.years.map(lit).join(', ')}) AND ${col('unit_code')} IN (${scope.units.map(lit).join(', ')})`;
}

/** A table (or view) as a step reads it: restricted to the scope when there is one. */
export function scoped(table: string, scope: Scope | undefined): string {
  return scope ? `(SELECT * FROM ${table} WHERE ${scopeWhere(scope)})` : table;
}
