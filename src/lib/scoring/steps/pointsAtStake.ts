// indicator_points → points_at_stake: what each indicator could still add (missing data
// included: it is where points are lost), and its effect on the total — "where do we gain".
import type { Step } from '../step';

export const pointsAtStakeStep: Step = {
  name: 'points_at_stake',
  output: 'points_at_stake',
  // A view: asked for one unit at a time ("where do we gain"), never for the whole set.
  view: true,
  reads: ['indicator_points', 'totals', 'framework'],
  describe: {
    vi: 'Điểm còn có thể đạt ở mỗi chỉ số và ảnh hưởng tới chỉ số tổng hợp',
    en: 'Points still to gain per indicator and their effect on the total',
  },
  sql: (s) => `
CREATE OR REPLACE VIEW points_at_stake AS
SELECT p.unit_code, p.year, p.main_index, p.indicator, p.status, p.points, p.max_points,
  p.max_points - coalesce(p.points, 0) AS at_stake,
  -- The rise of the total (Σ points ÷ Σ max counted) if this indicator reached its max — an
  -- indicator left out of the denominator comes back into it. Only the points aggregation adds
  -- up this way; weighted and geometric totals get no figure rather than a wrong one.
  ${
    s.framework.aggregation.method === 'points' && !s.framework.aggregation.weights
      ? `(t.points + p.max_points - coalesce(p.points, 0)) / nullif(t.max_counted + p.max_points - p.max_counted, 0)
    - t.points / nullif(t.max_counted, 0)`
      : 'NULL::DOUBLE'
  } AS effect_on_total,
  rank() OVER (PARTITION BY p.unit_code, p.year ORDER BY p.max_points - coalesce(p.points, 0) DESC) AS stake_rank
FROM indicator_points p
JOIN totals t USING (unit_code, year)
WHERE p.scored AND p.status <> 'na' AND p.max_points > 0`,
};
