// measures → indicator_inputs: for every unit and year in scope, every measure each indicator
// reads (its "slot"), observed or — under the impute policy — imputed and flagged as such.
// Only keys and values: where a value came from stays in `measures` (the explain view joins it),
// so a national set does not copy file and cell names millions of times.
import { lit } from '../../sql/quote';
import type { ScoringSettings, Step } from '../step';

/** Units of the framework's level (or of unknown level) with at least one measure that year. */
export function scopeSql(s: ScoringSettings): string {
  return `SELECT DISTINCT m.unit_code, m.year, u.parent_code
  FROM measures m JOIN units u USING (unit_code)
  WHERE u.level IS NULL OR u.level = ${lit(s.framework.level)}`;
}

/** Under the impute policy: the value a missing input takes, and how it was found. */
function imputedSql(s: ScoringSettings): string {
  const m = s.framework.missing;
  if (m.policy !== 'impute') throw new Error('imputedSql needs the impute policy');
  if (m.method === 'carryForward') {
    return `SELECT p.value, p.folded, 'carryForward:' || p.year AS method
      FROM measures p
      WHERE p.unit_code = g.unit_code AND p.measure = g.measure AND p.year < g.year
        AND (p.value IS NOT NULL OR p.folded IS NOT NULL)
      ORDER BY p.year DESC LIMIT 1`;
  }
  return `SELECT median(p.value) AS value, NULL AS folded, 'groupMedian' AS method
      FROM measures p JOIN units pu USING (unit_code)
      WHERE p.measure = g.measure AND p.year = g.year AND p.value IS NOT NULL
        AND pu.parent_code IS NOT DISTINCT FROM g.parent_code
      HAVING count(*) > 0`;
}

/** The inputs as read, or with missing ones imputed (flagged) under the impute policy. */
function inputsSql(s: ScoringSettings): string {
  if (s.framework.missing.policy !== 'impute') {
    return `SELECT unit_code, year, parent_code, indicator, slot, measure, value, folded,
      FALSE AS imputed, NULL::VARCHAR AS impute_method, missing FROM grid`;
  }
  return `SELECT g.unit_code, g.year, g.parent_code, g.indicator, g.slot, g.measure,
    CASE WHEN g.missing THEN i.value ELSE g.value END AS value,
    CASE WHEN g.missing THEN i.folded ELSE g.folded END AS folded,
    g.missing AND (i.value IS NOT NULL OR i.folded IS NOT NULL) AS imputed,
    CASE WHEN g.missing THEN i.method END AS impute_method,
    g.missing AND i.value IS NULL AND i.folded IS NULL AS missing
  FROM grid g LEFT JOIN LATERAL (${imputedSql(s)}) i ON TRUE`;
}

export const indicatorInputsStep: Step = {
  name: 'indicator_inputs',
  output: 'indicator_inputs',
  // A view: read once by indicator_points and by explain for one unit; storing it for a
  // national set would hold millions of rows no view needs at once.
  view: true,
  reads: ['measures', 'data', 'framework'],
  describe: {
    vi: 'Ghép số liệu của từng đơn vị, từng năm với các chỉ tiêu mà mỗi chỉ số đọc',
    en: 'Match each unit-year with the measures every indicator reads',
  },
  sql: (s) => `
CREATE OR REPLACE VIEW indicator_inputs AS
${inputsQuery(s, null)}`,
};

/**
 * The inputs of every indicator, or of those `indicators` lists (SQL for IN: a list, or a
 * subquery): then only their measures are read (a run in groups reads the inputs of a group of
 * indicators at a time, a partial run those of the indicators an edit reaches).
 */
export function inputsQuery(s: ScoringSettings, indicators: string | null): string {
  const only = indicators ? ` AND indicator IN ${indicators}` : '';
  return `WITH scope AS (${scopeSql(s)}),
slots AS (
  SELECT indicator, slot, measure FROM fw_indicator_measures WHERE framework_id = ${lit(s.framework.id)}${only}
),
grid AS (
  SELECT sc.unit_code, sc.year, sc.parent_code, sl.indicator, sl.slot, sl.measure, m.value, m.folded,
    (m.value IS NULL AND m.folded IS NULL) AS missing
  FROM scope sc CROSS JOIN slots sl
  LEFT JOIN ${indicators ? '(SELECT * FROM measures WHERE measure IN (SELECT measure FROM slots))' : 'measures'} m
    ON m.unit_code = sc.unit_code AND m.year = sc.year AND m.measure = sl.measure
)
${inputsSql(s)}`;
}
