// All earlier tables → explain: one row per unit, year and indicator holding the whole chain
// raw value(s) and their cells → rule → points → main index → total. A view: computed when a
// unit is explained, not kept for every unit of a national set.
import { lit } from '../../sql/quote';
import type { Step } from '../step';

export const explainStep: Step = {
  name: 'explain',
  output: 'explain',
  view: true,
  reads: [
    'indicator_inputs',
    'measures',
    'indicator_points',
    'main_index_scores',
    'scores',
    'framework',
  ],
  describe: {
    vi: 'Truy vết: số liệu gốc và ô nguồn → cách tính → điểm → chỉ số chính → tổng',
    en: 'Trace: raw values and source cells → rule → points → main index → total',
  },
  sql: (s) => `
CREATE OR REPLACE VIEW explain AS
WITH inputs AS (
  SELECT ii.unit_code, ii.year, ii.indicator,
    list({
      'slot': ii.slot, 'measure': ii.measure, 'kind': k.kind, 'unit': k.unit,
      'value': ii.value, 'raw_value': m.raw_value, 'text': m.text,
      'imputed': ii.imputed, 'impute_method': ii.impute_method, 'missing': ii.missing,
      'file': m.source_file, 'sheet': m.source_sheet, 'row': m.source_row, 'column': m.source_column,
      'cell': m.source_cell
    } ORDER BY ii.slot) AS inputs
  FROM indicator_inputs ii
  LEFT JOIN measures m ON m.unit_code = ii.unit_code AND m.year = ii.year AND m.measure = ii.measure
  LEFT JOIN measure_catalog k ON k.measure = ii.measure
  GROUP BY ii.unit_code, ii.year, ii.indicator
)
SELECT p.unit_code, p.year, p.indicator, i.name_vi AS indicator_vi, i.name_en AS indicator_en,
  i.rule, i.direction, i.rule_vi, i.rule_en, i.relative, inp.inputs,
  p.status, p.fraction, p.points, p.max_points, p.max_counted,
  p.main_index, m.name_vi AS main_index_vi, m.name_en AS main_index_en, p.scored,
  ms.points AS main_index_points, ms.max_counted AS main_index_max, ms.value AS main_index_value,
  sc.total, sc.points AS total_points, sc.max_counted AS total_max, sc.rank, sc.band_vi, sc.band_en,
  i.ord
FROM indicator_points p
JOIN fw_indicators i ON i.framework_id = ${lit(s.framework.id)} AND i.indicator = p.indicator
JOIN fw_main_indices m ON m.framework_id = ${lit(s.framework.id)} AND m.main_index = p.main_index
JOIN inputs inp ON inp.unit_code = p.unit_code AND inp.year = p.year AND inp.indicator = p.indicator
JOIN main_index_scores ms ON ms.unit_code = p.unit_code AND ms.year = p.year AND ms.main_index = p.main_index
LEFT JOIN scores sc ON sc.unit_code = p.unit_code AND sc.year = p.year`,
};
