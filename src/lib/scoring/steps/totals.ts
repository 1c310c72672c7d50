// main_index_scores / pillar_scores → totals: the unit's DTI under the framework's aggregation.
import { lit } from '../../sql/quote';
import { exactSum } from '../exactSum';
import { scoped, type Scope } from '../scope';
import type { ScoringSettings, Step } from '../step';

/** Under the points method: 1, unless the main index was given a weight other than its max. */
const POINTS_SCALE = 'coalesce(weight / nullif(max_points, 0), 1.0)';

/** The scored main indices with their weights (value, weight, points, max_counted, max_points). */
const weighedMainIndices = (s: ScoringSettings, scope: Scope | undefined): string => `(
    SELECT ms.*, w.weight FROM ${scoped('main_index_scores', scope)} ms
    JOIN fw_main_indices w ON w.framework_id = ${lit(s.framework.id)} AND w.main_index = ms.main_index
    WHERE ms.scored)`;

/** The total's expression over the groups `from` gives (value, weight, points, max_counted). */
function totalExpr(s: ScoringSettings, scope: Scope | undefined): { from: string; value: string } {
  const agg = s.framework.aggregation;
  switch (agg.method) {
    case 'points':
      // Σ points ÷ Σ max = the max-points-weighted mean of main-index values (not their plain
      // mean). A main index given its own weight counts as weight ÷ max times its points and max.
      return {
        from: weighedMainIndices(s, scope),
        value: `CASE WHEN ${exactSum(`max_counted * ${POINTS_SCALE}`)} > 0
          THEN ${exactSum(`points * ${POINTS_SCALE}`)} / ${exactSum(`max_counted * ${POINTS_SCALE}`)} END`,
      };
    case 'weighted':
      return {
        from: agg.by === 'pillar' ? scoped('pillar_scores', scope) : weighedMainIndices(s, scope),
        value: `${exactSum('weight * value', 'value IS NOT NULL')}
          / nullif(${exactSum('weight', 'value IS NOT NULL')}, 0)`,
      };
    case 'geometric':
      // Weighted geometric mean of main-index values, weights = max points; any zero gives zero.
      return {
        from: weighedMainIndices(s, scope),
        value: `CASE WHEN bool_or(value = 0) THEN 0.0
          ELSE exp(${exactSum('max_counted * ln(CASE WHEN value > 0 THEN value END)', 'value > 0')}
            / nullif(${exactSum('max_counted', 'value > 0')}, 0)) END`,
      };
  }
}

export const totalsStep: Step = {
  name: 'totals',
  output: 'totals',
  partialBy: 'unitYear',
  reads: ['main_index_scores', 'pillar_scores', 'framework', 'weights'],
  describe: {
    vi: 'Chỉ số tổng hợp = tổng điểm ÷ tổng điểm tối đa (hoặc theo trọng số của bộ chỉ số)',
    en: 'Total = Σ points ÷ Σ max points (or the framework’s weighting)',
  },
  sql: (s, partial) => {
    const scope = partial?.scope;
    const t = totalExpr(s, scope);
    return `
CREATE OR REPLACE TABLE totals AS
WITH agg AS (
  SELECT unit_code, year, parent_code, ${t.value} AS value
  FROM ${t.from}
  GROUP BY unit_code, year, parent_code
),
counts AS (
  SELECT unit_code, year, ${exactSum('points')} AS points, ${exactSum('max_counted')} AS max_counted,
    sum(indicators) AS indicators, sum(observed) AS observed, sum(imputed) AS imputed,
    sum(missing) AS missing, sum(not_applicable) AS not_applicable
  FROM ${scoped('main_index_scores', scope)} WHERE scored GROUP BY unit_code, year
)
SELECT a.unit_code, a.year, a.parent_code, a.value, c.points, c.max_counted,
  c.indicators::INTEGER AS indicators, c.observed::INTEGER AS observed,
  c.imputed::INTEGER AS imputed, c.missing::INTEGER AS missing,
  -- Share of the indicators that apply to the unit for which it gave every input.
  c.observed / nullif(c.indicators - c.not_applicable, 0) AS coverage
FROM agg a JOIN counts c USING (unit_code, year)`;
  },
};
