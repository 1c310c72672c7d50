// indicator_points + totals → points_at_stake: what each indicator could still add, and its
// effect on the total, to answer "where do we gain the most".
import type { Step } from '../step';

export const pointsAtStakeStep: Step = {
  name: 'points_at_stake',
  output: 'points_at_stake',
  describe: {
    vi: 'Điểm còn có thể đạt ở mỗi chỉ số và ảnh hưởng tới chỉ số tổng hợp',
    en: 'Points still to gain per indicator and their effect on the total',
  },
  sql: () => `
CREATE OR REPLACE TABLE points_at_stake AS
SELECT p.unit_code, p.year, p.main_index, p.indicator, p.status, p.points, p.max_counted,
  p.max_counted - coalesce(p.points, 0) AS at_stake,
  (p.max_counted - coalesce(p.points, 0)) / nullif(t.max_counted, 0) AS effect_on_total,
  rank() OVER (PARTITION BY p.unit_code, p.year ORDER BY p.max_counted - coalesce(p.points, 0) DESC) AS stake_rank
FROM indicator_points p
JOIN totals t USING (unit_code, year)
WHERE p.scored AND p.max_counted > 0`,
};
