// measures + the target profile → gaps: for every unit in scope, year and target: the gap
// g = d·(T − x) (positive = shortfall), met, attainment, progress since the baseline year and,
// with two or more years, the pace projected to the deadline.
import { valueBoundSql } from '../../text/valueBound';
import { lit } from '../../sql/quote';
import type { ScoringSettings, Step } from '../step';
import { scopeSql } from './indicatorInputs';

const EMPTY = `
CREATE OR REPLACE VIEW gaps AS SELECT
  NULL::VARCHAR AS unit_code, NULL::INTEGER AS year, NULL::VARCHAR AS profile_id,
  NULL::VARCHAR AS target_id, NULL::VARCHAR AS measure, NULL::VARCHAR AS comparator,
  NULL::DOUBLE AS target, NULL::DOUBLE AS target_high, NULL::INTEGER AS deadline,
  NULL::DOUBLE AS x, NULL::VARCHAR AS x_bound, NULL::VARCHAR AS status, NULL::DOUBLE AS gap, NULL::BOOLEAN AS met,
  NULL::DOUBLE AS attainment, NULL::INTEGER AS baseline_year, NULL::DOUBLE AS baseline,
  NULL::DOUBLE AS progress, NULL::INTEGER AS years_observed, NULL::DOUBLE AS slope,
  NULL::DOUBLE AS projected, NULL::BOOLEAN AS on_track, NULL::DOUBLE AS needed_per_year
WHERE FALSE`;

/**
 * Each comparator as the bounds a value must keep: `lo` from below, `hi` from above, each strict
 * or not. A `range` ("đạt 15–20 %") is a level to reach: only its near end binds, which end
 * following the measure's direction, so going past the far end is not a shortfall.
 */
const BOUNDS = `
  CASE WHEN comparator IN ('>=', '>', '=', 'band') THEN value
       WHEN comparator = 'range' AND direction <> 'lower' THEN value END AS lo,
  comparator = '>' AS lo_strict,
  CASE WHEN comparator IN ('<=', '<', '=') THEN value
       WHEN comparator = 'band' THEN value_hi
       WHEN comparator = 'range' AND direction = 'lower' THEN value_hi END AS hi,
  comparator = '<' AS hi_strict`;

const EPS = '1e-9';

/** How far value `x` is short of its bounds (≤ 0 inside them); a missing bound does not count. */
const gapOf = (x: string): string =>
  `greatest(coalesce(lo - ${x}, ${x} - hi), coalesce(${x} - hi, lo - ${x}))`;

/** Whether `x` keeps its bounds; a strict bound is not kept by a value equal to it. */
const metOf = (x: string): string => `(
    (lo IS NULL OR CASE WHEN lo_strict THEN ${x} - lo > ${EPS} ELSE lo - ${x} <= ${EPS} END)
    AND (hi IS NULL OR CASE WHEN hi_strict THEN hi - ${x} > ${EPS} ELSE ${x} - hi <= ${EPS} END))`;

/**
 * Whether the measured value keeps the target's bounds when the report gave only a bound of it
 * (x_bound '>': "trên 70 %", the value is above x; '<': below x). Three-valued: NULL when the
 * bound cannot tell ("trên 60 %" against "≥ 70 %").
 */
const keptSql = `CASE
    WHEN x_bound IS NULL THEN ${metOf('x')}
    WHEN x_bound = '>' THEN (CASE WHEN lo IS NULL OR x - lo >= -${EPS} THEN TRUE END)
      AND (CASE WHEN hi IS NOT NULL AND x - hi >= -${EPS} THEN FALSE WHEN hi IS NOT NULL THEN NULL ELSE TRUE END)
    ELSE (CASE WHEN hi IS NULL OR hi - x >= -${EPS} THEN TRUE END)
      AND (CASE WHEN lo IS NOT NULL AND lo - x >= -${EPS} THEN FALSE WHEN lo IS NOT NULL THEN NULL ELSE TRUE END)
  END`;

/** The bound a unit moves towards: the one it is short of, else the lower one when it has it. */
const aim = `CASE WHEN lo IS NOT NULL AND (hi IS NULL OR x IS NULL OR x <= lo) THEN lo ELSE hi END`;

function gapsSql(s: ScoringSettings): string {
  const p = s.profile!;
  const fromBaseline = p.baselineYear === undefined ? '' : `AND m.year >= ${lit(p.baselineYear)}`;
  return `
CREATE OR REPLACE VIEW gaps AS
WITH scope AS (${scopeSql(s)}),
t AS (
  SELECT tt.*, ${BOUNDS}
  FROM (
    SELECT tp.*, tp.high AS value_hi, coalesce(k.direction, 'higher') AS direction
    FROM tp_targets tp LEFT JOIN measure_catalog k ON k.measure = tp.measure
    WHERE tp.profile_id = ${lit(p.id)}
  ) tt
),
observed AS (
  SELECT m.unit_code, m.year, m.measure, m.value, ${valueBoundSql('m.folded')} AS x_bound
  FROM measures m
  WHERE m.value IS NOT NULL AND m.measure IN (SELECT measure FROM t)
),
-- Baseline and trend count only from the profile's baseline year (all years when it has none).
trend AS (
  SELECT m.unit_code, m.year, m.measure,
    first_value(m.year) OVER w AS baseline_year,
    first_value(m.value) OVER w AS baseline,
    count(*) OVER w AS years_observed,
    regr_slope(m.value, m.year) OVER w AS slope
  FROM observed m
  WHERE TRUE ${fromBaseline}
  WINDOW w AS (PARTITION BY m.unit_code, m.measure ORDER BY m.year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
joined AS (
  SELECT sc.unit_code, sc.year, t.profile_id, t.target_id, t.measure, t.comparator,
    t.value AS target, t.high AS target_high, t.lo, t.lo_strict, t.hi, t.hi_strict,
    t.deadline, t.ord, o.value AS x, o.x_bound,
    tr.baseline_year, tr.baseline, coalesce(tr.years_observed, 0) AS years_observed, tr.slope
  FROM scope sc CROSS JOIN t
  LEFT JOIN observed o ON o.unit_code = sc.unit_code AND o.year = sc.year AND o.measure = t.measure
  LEFT JOIN trend tr ON tr.unit_code = sc.unit_code AND tr.year = sc.year AND tr.measure = t.measure
),
measured AS (
  SELECT *, ${gapOf('x')} AS gap, ${keptSql} AS kept, ${aim} AS aim,
    CASE WHEN years_observed >= 2 AND deadline > year THEN x + slope * (deadline - year) END AS projected
  FROM joined
)
SELECT unit_code, year, profile_id, target_id, measure, comparator, target, target_high, deadline, x, x_bound,
  CASE WHEN x IS NULL THEN 'missing' WHEN kept THEN 'met' WHEN NOT kept THEN 'behind'
       ELSE 'unsure' END AS status,
  gap,
  CASE WHEN x IS NOT NULL THEN kept END AS met,
  -- x ÷ T below the aim, T ÷ x above it (for ≤, <, =, and the top of a band).
  CASE WHEN x IS NULL OR kept IS NULL THEN NULL
       WHEN kept THEN 1.0
       WHEN x < aim THEN CASE WHEN aim > 0 THEN greatest(0.0, x / aim) ELSE 0.0 END
       WHEN x > 0 THEN least(1.0, greatest(0.0, aim / x))
       ELSE 0.0 END AS attainment,
  CASE WHEN years_observed >= 2 THEN baseline_year END AS baseline_year,
  CASE WHEN years_observed >= 2 THEN baseline END AS baseline,
  CASE WHEN years_observed >= 2 AND aim <> baseline THEN (x - baseline) / (aim - baseline) END AS progress,
  years_observed::INTEGER AS years_observed,
  CASE WHEN years_observed >= 2 THEN slope END AS slope,
  projected,
  CASE WHEN x IS NULL THEN NULL
       WHEN deadline <= year OR years_observed < 2 THEN NULL
       ELSE ${metOf('projected')} END AS on_track,
  CASE WHEN x IS NOT NULL AND deadline > year AND NOT kept THEN greatest(gap, 0.0) / (deadline - year) END AS needed_per_year
FROM measured`;
}

export const gapsStep: Step = {
  name: 'gaps',
  output: 'gaps',
  // A view: read for one unit at a time (its targets), so a re-score computes none of it.
  view: true,
  reads: ['measures', 'data', 'profile'],
  describe: {
    vi: 'Khoảng cách tới chỉ tiêu kế hoạch, mức đạt, tiến độ từ năm gốc, dự báo tới hạn',
    en: 'Gap to plan targets, attainment, progress since baseline, pace to the deadline',
  },
  sql: (s) => (s.profile === null ? EMPTY : gapsSql(s)),
};
