// indicator_points → main_index_scores: value = points achieved ÷ max points counted (0–1).
// The groups' weights stay in fw_main_indices, read by the totals: a what-if weight then
// re-adds the totals alone, not every indicator's points.
import { lit } from '../../sql/quote';
import { exactSum } from '../exactSum';
import { scoped } from '../scope';
import type { Step } from '../step';

export const mainIndexScoresStep: Step = {
  name: 'main_index_scores',
  output: 'main_index_scores',
  partialBy: 'unitYear',
  reads: ['indicator_points', 'framework'],
  describe: {
    vi: 'Chỉ số chính = điểm đạt được ÷ điểm tối đa',
    en: 'Main index = points achieved ÷ max points',
  },
  sql: (s, partial) => `
CREATE OR REPLACE TABLE main_index_scores AS
SELECT p.unit_code, p.year, p.parent_code, p.main_index, m.pillar, m.scored,
  m.max_points,
  ${exactSum('coalesce(p.points, 0)')} AS points,
  ${exactSum('p.max_counted')} AS max_counted,
  -- An unscored index with no data has no value (0 would read as a measured zero).
  CASE WHEN NOT m.scored AND count(*) FILTER (WHERE p.status IN ('ok', 'imputed', 'partial')) = 0 THEN NULL
       WHEN ${exactSum('p.max_counted')} > 0 THEN ${exactSum('coalesce(p.points, 0)')} / ${exactSum('p.max_counted')} END AS value,
  count(*) AS indicators,
  count(*) FILTER (WHERE p.status = 'ok') AS observed,
  count(*) FILTER (WHERE p.status = 'imputed') AS imputed,
  count(*) FILTER (WHERE p.status = 'partial') AS partial,
  count(*) FILTER (WHERE p.status IN ('missing', 'unreadable')) AS missing,
  count(*) FILTER (WHERE p.status = 'na') AS not_applicable
FROM ${scoped('indicator_points', partial?.scope)} p
JOIN fw_main_indices m ON m.framework_id = ${lit(s.framework.id)} AND m.main_index = p.main_index
GROUP BY p.unit_code, p.year, p.parent_code, p.main_index, m.pillar, m.scored, m.max_points`,
};
