// totals → ranks: competition ranking with ties (1, 2, 2, 4), overall and within the parent,
// on the total rounded to the framework's published precision so equal published values tie.
import { lit } from '../../sql/quote';
import type { Step } from '../step';

export const ranksStep: Step = {
  name: 'ranks',
  output: 'ranks',
  // A view: read once, by the bands step that stores the ranking as `scores`.
  view: true,
  reads: ['totals', 'framework'],
  describe: {
    vi: 'Xếp hạng (đồng hạng: 1, 2, 2, 4), toàn bộ và trong đơn vị cấp trên',
    en: 'Ranks with ties (1, 2, 2, 4), overall and within the parent unit',
  },
  sql: (s) => {
    const r = `round(value, ${lit(s.framework.rankDecimals)})`;
    return `
CREATE OR REPLACE VIEW ranks AS
WITH ranked AS (
  SELECT t.*,
    CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year ORDER BY ${r} DESC NULLS LAST) END AS rank,
    CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, parent_code ORDER BY ${r} DESC NULLS LAST) END AS rank_in_parent,
    count(value) OVER (PARTITION BY year) AS ranked_units,
    count(value) OVER (PARTITION BY year, parent_code) AS ranked_in_parent
  FROM totals t
)
SELECT r.*,
  p.rank AS previous_rank,
  p.rank - r.rank AS rank_change
FROM ranked r
LEFT JOIN ranked p ON p.unit_code = r.unit_code AND p.year = r.year - 1`;
  },
};
