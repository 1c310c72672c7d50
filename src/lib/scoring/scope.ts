// The unit-years of a partial re-score as constants in the SQL. Joined to the affected table,
// a partial step still computed every unit-year before keeping the few it needed (a national
// value edit took 11 s); a constant filter on unit_code and year DuckDB applies in the scans
// themselves, so a step reads only the rows it recomputes.
import { toRows } from '../db/rows';
import type { Engine } from '../db/engine';
import { lit } from '../sql/quote';
import { AFFECTED_TABLE } from './affected';

/** The units and years of the affected unit-years: every pair of them is a superset of those. */
export interface Scope {
  units: readonly string[];
  years: readonly number[];
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

/** The affected unit-years as a scope, or undefined when there are more than `upTo`. */
export async function readScope(engine: Engine, upTo = SCOPE_LIMIT): Promise<Scope | undefined> {
  const [r] = toRows(
    await engine.query(
      `SELECT count(*)::INTEGER AS n, list(DISTINCT unit_code ORDER BY unit_code) AS units,
         list(DISTINCT year ORDER BY year) AS years,
         (SELECT count(*) FROM totals)::INTEGER AS scored
       FROM ${AFFECTED_TABLE}`,
    ),
  );
  const n = Number(r?.n ?? 0);
  if (n === 0 || n > upTo || n > SCOPE_SHARE * Number(r!.scored)) return undefined;
  return {
    units: (r!.units as unknown[]).map(String),
    years: (r!.years as unknown[]).map(Number),
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
