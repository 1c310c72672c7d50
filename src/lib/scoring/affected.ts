// The unit-years a value edit can change. Points are computed per unit-year from that
// unit-year's inputs, except where a rule or the missing-data policy reads other units' values:
// a relative rule reads its peers' (the year's units, or the parent's), a group-median
// imputation the parent's units' that year, a carried-forward value the unit's earlier years.
import type { Framework } from '../framework/types';
import { peerGroupOf } from '../framework/peers';
import { lit } from '../sql/quote';

export interface UnitYear {
  unit: string;
  year: number;
}

/** Filled before a partial replay; created with the workspace, so that filling it defines nothing. */
export const AFFECTED_TABLE = 'scoring_affected';

export const AFFECTED_DDL = `CREATE TABLE IF NOT EXISTS ${AFFECTED_TABLE} (unit_code VARCHAR, year INTEGER)`;

/**
 * The unit-years whose values differ between two sets of value edits: an edit added, changed or
 * taken back.
 */
export function changedUnitYears(
  before: readonly (UnitYear & { measure: string })[],
  after: readonly (UnitYear & { measure: string })[],
): UnitYear[] {
  const key = (e: object): string => JSON.stringify(e);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const changed = new Map<string, UnitYear>();
  for (const e of [
    ...before.filter((x) => !has.has(key(x))),
    ...after.filter((x) => !had.has(key(x))),
  ])
    changed.set(key([e.unit, e.year]), { unit: e.unit, year: e.year });
  return [...changed.values()];
}

/**
 * Statements that fill the affected table: the edited unit-years and every unit-year whose
 * points read them. The unit-years scored are those of `totals` (the last run's), with the
 * edited ones (an edit may bring a unit-year into scope). A carried-forward value changes the
 * unit's later years, whose peers read them in turn.
 */
export function affectedSql(fw: Framework, edited: readonly UnitYear[]): string[] {
  if (edited.length === 0) return [`DELETE FROM ${AFFECTED_TABLE}`];
  const peers = new Set(fw.indicators.map((x) => peerGroupOf(x.rule)));
  const m = fw.missing;
  // The unit-years whose values the edits change.
  const changed = ['SELECT unit_code, year, parent_code FROM edited'];
  if (m.policy === 'impute' && m.method === 'carryForward')
    changed.push(`SELECT s.unit_code, s.year, s.parent_code FROM scored s JOIN edited e
      ON s.unit_code = e.unit_code AND s.year > e.year`);
  // … and those whose points read them.
  const reach = ['SELECT unit_code, year FROM changed'];
  if (peers.has('all'))
    reach.push('SELECT s.unit_code, s.year FROM scored s JOIN changed c USING (year)');
  else if (peers.has('parent') || (m.policy === 'impute' && m.method === 'groupMedian'))
    reach.push(`SELECT s.unit_code, s.year FROM scored s JOIN changed c USING (year)
      WHERE s.parent_code IS NOT DISTINCT FROM c.parent_code`);
  const keys = edited.map((k) => `(${lit(k.unit)}, ${lit(k.year)})`).join(', ');
  return [
    `DELETE FROM ${AFFECTED_TABLE}`,
    `INSERT INTO ${AFFECTED_TABLE}
WITH edited AS (
  SELECT k.unit_code, k.year::INTEGER AS year, u.parent_code
  FROM (VALUES ${keys}) k(unit_code, year) LEFT JOIN units u USING (unit_code)
),
scored AS (SELECT unit_code, year, parent_code FROM totals),
changed AS (${changed.join('\nUNION ALL\n')})
SELECT DISTINCT unit_code, year FROM (${reach.join('\nUNION ALL\n')})`,
  ];
}
