// assessments + indicator_points → assessed_points: for every indicator a unit assessed itself
// on, the self-assessed, appraised and computed points side by side. A difference is a finding:
// either the form or the data behind the computed points deserves a second look.
import { lit } from '../../sql/quote';
import type { Step } from '../step';

export const assessedPointsStep: Step = {
  name: 'assessed_points',
  output: 'assessed_points',
  view: true,
  reads: ['data', 'indicator_points', 'framework'],
  describe: {
    vi: 'Điểm tự chấm, điểm thẩm định và điểm tính từ số liệu, đặt cạnh nhau',
    en: 'Self-assessed, appraised and computed points side by side',
  },
  sql: (s) => `
CREATE OR REPLACE VIEW assessed_points AS
WITH forms AS (
  -- A form loaded again for the same unit and year replaces the earlier one, whole.
  SELECT unit_code, year, max(load_id) AS load_id FROM assessments
  WHERE load_id IN (SELECT load_id FROM loads WHERE active)
  GROUP BY unit_code, year
),
latest AS (
  SELECT a.* FROM assessments a JOIN forms USING (unit_code, year, load_id)
  WHERE a.indicator IN (SELECT indicator FROM fw_indicators WHERE framework_id = ${lit(s.framework.id)})
  QUALIFY row_number() OVER (PARTITION BY a.unit_code, a.year, a.indicator ORDER BY a.source_row DESC) = 1
)
SELECT a.unit_code, a.year, a.indicator, p.main_index, coalesce(p.max_points, a.max_points) AS max_points,
  a.self_points, a.appraised_points, p.points AS computed_points, p.status AS computed_status,
  a.appraised_points - a.self_points AS appraised_minus_self,
  p.points - coalesce(a.appraised_points, a.self_points) AS computed_minus_assessed,
  a.self_text, a.appraised_text, a.evidence,
  a.source_file, a.source_sheet, a.source_row, a.self_cell, a.appraised_cell
FROM latest a
LEFT JOIN indicator_points p USING (unit_code, year, indicator)`,
};
