// ranks → scores: the band (xếp loại) whose threshold the total reaches, plus the unit's names.
// `scores` is the table views read for the ranking.
import { lit } from '../../sql/quote';
import type { Band } from '../../framework/types';
import type { Step } from '../step';

/** The band code a total falls in, as one CASE over the framework's few thresholds. */
function bandOf(bands: Band[], total: string): string {
  if (bands.length === 0) return 'NULL';
  const whens = [...bands]
    .sort((a, b) => b.min - a.min)
    .map((b) => `WHEN ${total} >= ${lit(b.min)} THEN ${lit(b.code)}`)
    .join(' ');
  return `(CASE ${whens} END)`;
}

export const bandsStep: Step = {
  name: 'bands',
  output: 'scores',
  // A year's ranking, and the next year's rank changes, read that year's totals alone.
  partialBy: 'year',
  reads: ['ranks', 'data', 'framework'],
  describe: {
    vi: 'Xếp loại theo ngưỡng của bộ chỉ số',
    en: 'Band by the framework’s thresholds',
  },
  sql: (s) => {
    const id = lit(s.framework.id);
    const rounded = `round(r.value, ${lit(s.framework.rankDecimals)})`;
    return `
CREATE OR REPLACE TABLE scores AS
SELECT r.unit_code, u.unit_name, r.year, r.parent_code, u.parent_name,
  r.value AS total, r.points, r.max_counted, f.total_max,
  r.rank, r.rank_in_parent, r.ranked_units, r.ranked_in_parent, r.previous_rank, r.rank_change,
  b.band, b.position AS band_index, b.name_vi AS band_vi, b.name_en AS band_en,
  r.indicators, r.observed, r.imputed, r.missing, r.coverage
FROM ranks r
JOIN units u USING (unit_code)
JOIN fw_frameworks f ON f.framework_id = ${id}
LEFT JOIN fw_bands b ON b.framework_id = ${id} AND b.band = ${bandOf(s.framework.bands, rounded)}`;
  },
};
