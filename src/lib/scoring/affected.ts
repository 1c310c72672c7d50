// The rows a value edit can change. An indicator's points for a unit-year are computed from
// that unit-year's values of the measures the indicator reads, except where a rule or the
// missing-data policy reads other values of the same measure: a relative rule reads its peers'
// (the year's units, or the parent's), a group-median imputation the parent's units' that year,
// a carried-forward value the unit's earlier years. Main indices and totals are per unit-year.
import type { Framework } from '../framework/types';
import { lit } from '../sql/quote';

export interface UnitYear {
  unit: string;
  year: number;
}

/** A value a what-if edit set, changed or took back. */
export interface EditedValue extends UnitYear {
  measure: string;
}

/**
 * Filled before a partial replay, by grain: the unit-year-indicators whose points an edit
 * reaches, their unit-years, and the years whose ranking they change (theirs, and the next,
 * whose rank change reads it). Created with the workspace, so that filling them defines nothing.
 * `byUnit`: whether a scope's units bound the rows (a year's ranking holds every unit).
 */
export const AFFECTED = {
  unitYear: { table: 'scoring_affected', keys: ['unit_code', 'year'], byUnit: true },
  indicator: {
    table: 'scoring_affected_points',
    keys: ['unit_code', 'year', 'indicator'],
    byUnit: true,
  },
  year: { table: 'scoring_affected_years', keys: ['year'], byUnit: false },
} as const;

export type AffectedGrain = keyof typeof AFFECTED;

/** An edited value's cell (unit, year, measure) as a key, whatever value it was given. */
export const editedKey = (e: EditedValue): string => JSON.stringify([e.unit, e.year, e.measure]);

/** The values that differ between two sets of value edits: an edit added, changed or taken back. */
export function changedValues(
  before: readonly EditedValue[],
  after: readonly EditedValue[],
): EditedValue[] {
  const full = (e: EditedValue): string => JSON.stringify(e);
  const had = new Set(before.map(full));
  const has = new Set(after.map(full));
  const changed = new Map<string, EditedValue>();
  for (const e of [
    ...before.filter((x) => !has.has(full(x))),
    ...after.filter((x) => !had.has(full(x))),
  ])
    changed.set(editedKey(e), { unit: e.unit, year: e.year, measure: e.measure });
  return [...changed.values()];
}

/** The values changed since the last run, written before a partial replay. */
export const EDITED_TABLE = 'scoring_edited';

export const AFFECTED_DDL = [
  `CREATE TABLE IF NOT EXISTS ${EDITED_TABLE} (unit_code VARCHAR, year INTEGER, measure VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ${AFFECTED.unitYear.table} (unit_code VARCHAR, year INTEGER)`,
  `CREATE TABLE IF NOT EXISTS ${AFFECTED.indicator.table} (unit_code VARCHAR, year INTEGER, indicator VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ${AFFECTED.year.table} (year INTEGER)`,
];

/**
 * Statements that write the edited values and empty the affected tables, before the fill: its
 * text is then the same from edit to edit, and kept prepared.
 */
export function editedSql(edited: readonly EditedValue[]): string[] {
  const rows = edited.map((k) => `(${lit(k.unit)}, ${lit(k.year)}, ${lit(k.measure)})`);
  return [
    ...[EDITED_TABLE, ...Object.values(AFFECTED).map((a) => a.table)].map(
      (t) => `DELETE FROM ${t}`,
    ),
    ...(rows.length > 0 ? [`INSERT INTO ${EDITED_TABLE} VALUES ${rows.join(', ')}`] : []),
  ];
}

/**
 * The statement that fills the affected indicators' table from the edited values. The
 * unit-years scored are those of `totals` (the last run's) with the edited ones. A changed value
 * reaches the indicators reading its measure: for the edited unit-year, the unit's later years
 * a carried-forward value takes it to, and the peers of each under a relative rule or a
 * group-median imputation. A unit-year with no value loaded is scored only while an edit gives
 * it one: all its indicators come or go, and change their peers' statistics.
 */
export function affectedPointsSql(fw: Framework): string {
  const id = lit(fw.id);
  const m = fw.missing;
  const carried =
    m.policy === 'impute' && m.method === 'carryForward'
      ? `
  UNION ALL
  SELECT s.unit_code, s.year, s.parent_code, e.measure, FALSE FROM scored s JOIN edited e
    ON s.unit_code = e.unit_code AND s.year > e.year`
      : '';
  const byParent =
    m.policy === 'impute' && m.method === 'groupMedian' ? 'TRUE' : "r.peers = 'parent'";
  return `INSERT INTO ${AFFECTED.indicator.table}
WITH loaded AS (
  SELECT DISTINCT o.unit_code, o.year FROM observed_measures o SEMI JOIN ${EDITED_TABLE} k USING (unit_code, year)
),
edited AS (
  SELECT k.*, u.parent_code, l.unit_code IS NULL AS whole
  FROM ${EDITED_TABLE} k LEFT JOIN units u USING (unit_code) LEFT JOIN loaded l USING (unit_code, year)
),
scored AS (SELECT unit_code, year, parent_code FROM totals),
changed AS (
  SELECT unit_code, year, parent_code, measure, whole FROM edited${carried}
),
reading AS (
  SELECT DISTINCT c.unit_code, c.year, c.parent_code, i.indicator, i.peers
  FROM changed c JOIN fw_indicators i ON i.framework_id = ${id}
  LEFT JOIN fw_indicator_measures im ON im.framework_id = ${id}
    AND im.indicator = i.indicator AND im.measure = c.measure
  WHERE c.whole OR im.indicator IS NOT NULL
)
SELECT DISTINCT unit_code, year, indicator FROM (
  SELECT unit_code, year, indicator FROM reading
  UNION ALL
  SELECT s.unit_code, s.year, r.indicator FROM scored s JOIN reading r USING (year)
  WHERE r.peers = 'all' OR (${byParent} AND s.parent_code IS NOT DISTINCT FROM r.parent_code)
)`;
}

/** The statements that fill the coarser affected tables, unit-years and years, from the indicators'. */
export const COARSER_AFFECTED_SQL = [
  `INSERT INTO ${AFFECTED.unitYear.table}
SELECT DISTINCT unit_code, year FROM ${AFFECTED.indicator.table}`,
  `INSERT INTO ${AFFECTED.year.table}
SELECT DISTINCT year FROM ${AFFECTED.unitYear.table}
UNION SELECT DISTINCT year + 1 FROM ${AFFECTED.unitYear.table}`,
];
