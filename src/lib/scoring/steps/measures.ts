// observations → measures: one value per unit, year and measure, rates normalised to 0–1
// (0–100 or 0–1 decided per loaded column), dates read day first,
// "no data" markers read as missing, the latest load winning when a cell was loaded twice.
import { MISSING_MARKERS } from '../../ingest/cellWords';
import { foldSql } from '../../sql/fold';
import { lit, litList } from '../../sql/quote';
import type { Step } from '../step';
import { parseDateSql } from '../../ingest/datesSql';
import { autoDivisorSql } from '../../ingest/rateScales';

/** The source file named by a value that a what-if edit set (its row is the edit's number). */
export const WHAT_IF_SOURCE = 'what-if';

export const measuresStep: Step = {
  name: 'measures',
  output: 'measures',
  describe: {
    vi: 'Chuẩn hoá số liệu: tỷ lệ về 0–1, ô "-", "N/A", "chưa có" là thiếu số liệu',
    en: 'Normalise values: rates to 0–1; "-", "N/A", "chưa có" cells are missing',
  },
  sql: () => `
CREATE OR REPLACE TABLE measures AS
WITH observed AS (
  SELECT o.*, FALSE AS what_if FROM observations o
  WHERE o.load_id IN (SELECT load_id FROM loads WHERE active)
  UNION ALL BY NAME
  -- A what-if edit stands over every load; its source names the edit.
  SELECT unit_code, year, measure, value, text, ${lit(WHAT_IF_SOURCE)} AS source_file,
    NULL AS source_sheet, edit AS source_row, NULL AS source_column, NULL AS source_cell,
    NULL::INTEGER AS load_id, TRUE AS what_if
  FROM what_if_values
),
latest AS (
  SELECT o.*, ${foldSql('o.text')} AS folded
  FROM observed o
  QUALIFY row_number() OVER (PARTITION BY o.unit_code, o.year, o.measure
    ORDER BY o.what_if DESC, o.load_id DESC, o.source_row DESC) = 1
),
cleaned AS (
  SELECT * REPLACE (
    CASE WHEN folded IN ${litList(MISSING_MARKERS)} THEN NULL ELSE value END AS value,
    CASE WHEN folded IN ${litList(MISSING_MARKERS)} THEN NULL ELSE text END AS text,
    CASE WHEN folded IN ${litList(MISSING_MARKERS)} THEN NULL ELSE folded END AS folded)
  FROM latest
),
scale AS (
  SELECT c.measure, c.load_id, c.what_if, coalesce(k.kind, 'number') AS kind,
    CASE WHEN k.kind IS DISTINCT FROM 'rate' THEN 1.0
         WHEN c.what_if THEN 1.0
         WHEN any_value(ls.divisor) IS NOT NULL THEN any_value(ls.divisor)
         WHEN k.scale = 'fraction' THEN 1.0
         WHEN k.scale = 'percent' THEN 100.0
         -- A "%" anywhere in the column, or a value above 1, means the column is in 0–100.
         ELSE ${autoDivisorSql('c.text', 'c.value')} END AS divisor
  FROM cleaned c LEFT JOIN measure_catalog k ON k.measure = c.measure
  LEFT JOIN load_scales ls ON ls.load_id = c.load_id AND ls.measure = c.measure
  GROUP BY c.measure, c.load_id, c.what_if, k.kind, k.scale
)
SELECT c.unit_code, c.year, c.measure, s.kind,
  -- A date is not a quantity: "01.04.2024" must not become 1.04 of anything.
  CASE WHEN s.kind = 'date' THEN NULL ELSE c.value / s.divisor END AS value,
  c.value AS raw_value, c.text, c.folded, s.divisor AS divisor,
  CASE WHEN s.kind = 'date' THEN ${parseDateSql('c.text')} END AS date,
  c.source_file, c.source_sheet, c.source_row, c.source_column, c.source_cell
FROM cleaned c JOIN scale s ON s.measure = c.measure AND s.load_id IS NOT DISTINCT FROM c.load_id
  AND s.what_if = c.what_if`,
};
