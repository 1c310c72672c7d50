// main_index_scores → pillar_scores, only for frameworks that define pillars.
import { lit } from '../../sql/quote';
import { exactSum } from '../exactSum';
import type { Step } from '../step';

export const pillarScoresStep: Step = {
  name: 'pillar_scores',
  output: 'pillar_scores',
  // A view: only a framework weighing pillars reads it, once per scoring.
  view: true,
  reads: ['main_index_scores', 'framework', 'weights'],
  describe: {
    vi: 'Trụ cột = điểm các chỉ số chính thuộc trụ cột ÷ điểm tối đa (chỉ khi bộ chỉ số có định nghĩa trụ cột)',
    en: 'Pillar = its main indices’ points ÷ their max (only where the framework defines pillars)',
  },
  sql: (s) => `
CREATE OR REPLACE VIEW pillar_scores AS
SELECT ms.unit_code, ms.year, ms.parent_code, ms.pillar, p.weight,
  ${exactSum('ms.points')} AS points,
  ${exactSum('ms.max_counted')} AS max_counted,
  CASE WHEN ${exactSum('ms.max_counted')} > 0 THEN ${exactSum('ms.points')} / ${exactSum('ms.max_counted')} END AS value
FROM main_index_scores ms
JOIN fw_pillars p ON p.framework_id = ${lit(s.framework.id)} AND p.pillar = ms.pillar
WHERE ms.scored
GROUP BY ALL`,
};
