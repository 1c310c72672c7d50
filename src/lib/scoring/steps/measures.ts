// observations → observed_measures: one value per unit, year and measure, rates normalised to
// 0–1 (0–100 or 0–1 decided per loaded column), dates read day first, "no data" markers read
// as missing, the latest load winning when a cell was loaded twice.
// observed_measures + what_if_values → measures: the what-if values set over the loaded ones.
// Kept apart so that a what-if edit replays from `measures` without reading the files again.
import { MISSING_MARKERS } from '../../text/cellWords';
import { foldSql } from '../../sql/fold';
import { lit, litArray, litList } from '../../sql/quote';
import type { Step } from '../step';
import { parseDateSql } from '../../text/datesSql';
import { autoDivisorSql } from '../../text/rateScaleSql';

/** The source file named by a value that a what-if edit set (its row is the edit's number). */
export const WHAT_IF_SOURCE = 'what-if';

const missing = (folded: string): string => `${folded} IN ${litList(MISSING_MARKERS)}`;

export const observedMeasuresStep: Step = {
  name: 'observed_measures',
  output: 'observed_measures',
  reads: ['data'],
  describe: {
    vi: 'Chuẩn hoá số liệu: tỷ lệ về 0–1, ô "-", "N/A", "chưa có" là thiếu số liệu',
    en: 'Normalise values: rates to 0–1; "-", "N/A", "chưa có" cells are missing',
  },
  sql: () => observedMeasuresSql(null),
  // The dedup (latest load per unit, year and measure) and a rate's divisor (per load and
  // measure) are both taken within one measure.
  inGroups: {
    keysSql: () => `SELECT measure AS key, count(*) AS n FROM observations
      WHERE load_id IN (SELECT load_id FROM loads WHERE active) GROUP BY measure ORDER BY measure`,
    sql: (_s, measures) => observedMeasuresSql(measures),
  },
};

function observedMeasuresSql(measures: readonly string[] | null): string {
  return `
CREATE OR REPLACE TABLE observed_measures AS
WITH latest AS (
  SELECT o.*, ${foldSql('o.text')} AS folded
  FROM observations o
  WHERE o.load_id IN (SELECT load_id FROM loads WHERE active)${measures ? ` AND o.measure IN ${litList(measures)}` : ''}
  QUALIFY row_number() OVER (
    PARTITION BY o.unit_code, o.year, o.measure ORDER BY o.load_id DESC, o.source_row DESC) = 1
),
cleaned AS (
  SELECT * REPLACE (
    CASE WHEN ${missing('folded')} THEN NULL ELSE value END AS value,
    CASE WHEN ${missing('folded')} THEN NULL ELSE text END AS text,
    CASE WHEN ${missing('folded')} THEN NULL ELSE folded END AS folded)
  FROM latest
),
scale AS (
  SELECT c.measure, c.load_id, coalesce(k.kind, 'number') AS kind,
    CASE WHEN k.kind IS DISTINCT FROM 'rate' THEN 1.0
         WHEN any_value(ls.divisor) IS NOT NULL THEN any_value(ls.divisor)
         WHEN k.scale = 'fraction' THEN 1.0
         WHEN k.scale = 'percent' THEN 100.0
         -- A "%" anywhere in the column, or a value above 1, means the column is in 0–100.
         ELSE ${autoDivisorSql('c.text', 'c.value')} END AS divisor
  FROM cleaned c LEFT JOIN measure_catalog k ON k.measure = c.measure
  LEFT JOIN load_scales ls ON ls.load_id = c.load_id AND ls.measure = c.measure
  GROUP BY c.measure, c.load_id, k.kind, k.scale
)
SELECT c.unit_code, c.year, c.measure, s.kind,
  -- A date is not a quantity: "01.04.2024" must not become 1.04 of anything.
  CASE WHEN s.kind = 'date' THEN NULL ELSE c.value / s.divisor END AS value,
  c.value AS raw_value, c.text, c.folded, s.divisor AS divisor,
  CASE WHEN s.kind = 'date' THEN ${parseDateSql('c.text')} END AS date,
  c.source_file, c.source_sheet, c.source_row, c.source_column, c.source_cell
FROM cleaned c JOIN scale s ON s.measure = c.measure AND s.load_id IS NOT DISTINCT FROM c.load_id`;
}

export const measuresStep: Step = {
  name: 'measures',
  output: 'measures',
  // A view: without what-if values it is `observed_measures` itself; with some, the few edited
  // cells are set over it when read, so an edit costs no copy of the whole set.
  view: true,
  reads: ['observed_measures', 'whatIf', 'data'],
  describe: {
    vi: 'Số liệu dùng để chấm: số liệu đã nạp, với các giá trị thay đổi thử (nếu có) đặt lên trên',
    en: 'The figures scored: those loaded, with any trial (what-if) values set over them',
  },
  sql: (s) =>
    !s.whatIfValues
      ? 'CREATE OR REPLACE VIEW measures AS SELECT * FROM observed_measures'
      : `
CREATE OR REPLACE VIEW measures AS
SELECT o.* FROM observed_measures o
WHERE NOT EXISTS (SELECT 1 FROM what_if_values w
  WHERE w.unit_code = o.unit_code AND w.year = o.year AND w.measure = o.measure)
UNION ALL BY NAME
SELECT w.unit_code, w.year, w.measure, coalesce(k.kind, 'number') AS kind,
  -- Typed by a person as the table holds it: rates already 0–1, so the divisor is 1.
  CASE WHEN w.is_missing OR k.kind = 'date' THEN NULL ELSE w.value END AS value,
  w.value AS raw_value,
  CASE WHEN w.is_missing THEN NULL ELSE w.text END AS text,
  CASE WHEN w.is_missing THEN NULL ELSE w.folded END AS folded,
  1.0 AS divisor,
  CASE WHEN k.kind = 'date' THEN ${parseDateSql('w.text')} END AS date,
  ${lit(WHAT_IF_SOURCE)} AS source_file, NULL::VARCHAR AS source_sheet, w.edit AS source_row,
  NULL::VARCHAR AS source_column, NULL::VARCHAR AS source_cell
FROM (
  -- The markers as a list, not IN: for the few edited values, IN would cost a join to plan and
  -- start each time the view is read, and the scoring reads it at every edit.
  SELECT *, list_contains(${litArray(MISSING_MARKERS)}, folded) AS is_missing
  FROM (SELECT *, ${foldSql('text')} AS folded FROM what_if_values)
) w LEFT JOIN measure_catalog k ON k.measure = w.measure`,
};
