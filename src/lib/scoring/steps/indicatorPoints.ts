// indicator_inputs → indicator_points: each indicator's rule applied to each unit-year, with a
// status saying why points are what they are (ok, imputed, partial, missing, unreadable, na)
// and the max points that count towards the denominators under the missing-data policy.
// Rules are data: each row takes its rule's kind and parameters from the framework tables
// (fw_indicators, fw_rule_tiers, fw_rule_choices, fw_rule_parts), and one expression per kind
// (rules.ts) scores it, so the query is the same size whatever the framework holds.
import { lit, litList } from '../../sql/quote';
import { applicableSql, rawFractionSql } from '../../rules/registry';
import { partTestSql } from '../../rules/parts';
import { clamp01 } from '../../rules/sql';
import { AFFECTED } from '../affected';
import { scopeWhere, type Scope } from '../scope';
import { inputsQuery } from './indicatorInputs';
import type { ScoringSettings, Step } from '../step';

export const indicatorPointsStep: Step = {
  name: 'indicator_points',
  output: 'indicator_points',
  partialBy: 'indicator',
  reads: ['indicator_inputs', 'framework'],
  describe: {
    vi: 'Áp dụng cách tính điểm của từng chỉ số thành phần',
    en: 'Apply each indicator’s scoring rule',
  },
  sql: (s, partial) =>
    pointsSql(
      s,
      partial?.scope,
      partial ? (partial.scope ? litList(partial.scope.indicators) : AFFECTED_INDICATORS) : null,
    ),
  // A relative rule's peers are taken per indicator, and an imputation reads the same measure.
  inGroups: {
    keysSql: (s) => `SELECT indicator AS key,
        count(*) * (SELECT count(*) FROM (SELECT DISTINCT unit_code, year FROM measures)) AS n
      FROM fw_indicator_measures WHERE framework_id = ${lit(s.framework.id)}
      GROUP BY indicator ORDER BY indicator`,
    sql: (s, indicators) => pointsSql(s, undefined, litList(indicators)),
  },
};

/**
 * The indicators a partial run without a scope recomputes, read from the affected table: the
 * statement's text then stays the same from edit to edit, and is kept prepared.
 */
const AFFECTED_INDICATORS = `(SELECT DISTINCT indicator FROM ${AFFECTED.indicator.table})`;

/**
 * The points of every indicator, or of those `indicators` lists (SQL for IN: a list, or a
 * subquery); of the scope's unit-years when given one.
 */
function pointsSql(
  s: ScoringSettings,
  scope: Scope | undefined,
  indicators: string | null,
): string {
  const id = lit(s.framework.id);
  const excludeMissing = s.framework.missing.policy === 'exclude';
  // Within a scope, or for some indicators, the inputs are read once for both uses below; a
  // whole set's are not held (gathered and peers each stream them).
  const held = scope
    ? `SELECT * FROM indicator_inputs WHERE ${scopeWhere(scope)} AND indicator IN ${indicators}`
    : indicators
      ? inputsQuery(s, indicators)
      : null;
  const inputs = held ? 'held_inputs' : 'indicator_inputs';
  return `
CREATE OR REPLACE TABLE indicator_points AS
WITH ${
    held
      ? `held_inputs AS MATERIALIZED (${held}),
`
      : ''
  }rules AS (
  SELECT i.indicator, i.main_index, i.max_points, m.scored, i.rule AS kind,
    i.direction = 'higher' AS higher, i.full_at, i.worst, i.best, i.clip,
    -- The peer group of a relative rule, keyed by parent for "parent" peers.
    i.peers IS NOT NULL AS relative, i.peers = 'parent' AS by_parent
  FROM fw_indicators i
  JOIN fw_main_indices m ON m.framework_id = i.framework_id AND m.main_index = i.main_index
  WHERE i.framework_id = ${id}${indicators ? ` AND i.indicator IN ${indicators}` : ''}
),
parts AS (
  SELECT indicator, slot, share, test, test_value FROM fw_rule_parts WHERE framework_id = ${id}
),
-- Each tier as the band of values that reach it and no higher one, keyed by \`reach\` (the value
-- for higher is better, minus the value for lower): the tier reached is the one with the
-- largest threshold ≤ a when higher is better, the smallest ≥ a when lower is. A strict tier
-- starts at the next double past its threshold, so "> 0,8" is "≥ the least value above 0,8".
tiers AS (
  SELECT indicator, reach, fraction,
    coalesce(lead(reach) OVER (PARTITION BY indicator ORDER BY reach), 'infinity') AS next_reach
  FROM (
    SELECT t.indicator, fraction,
      CASE WHEN t.strict THEN nextafter(edge, 'infinity'::DOUBLE) ELSE edge END AS reach
    FROM (SELECT t.*, CASE WHEN r.higher THEN t.threshold ELSE -t.threshold END AS edge
      FROM fw_rule_tiers t JOIN rules r USING (indicator)
      WHERE t.framework_id = ${id}) t)
),
choices AS (
  SELECT indicator, folded_match, fraction FROM fw_rule_choices WHERE framework_id = ${id}
),
-- Per unit-year-indicator: the values, and for parts rules, each part judged on its own input
-- row: Σ share of parts met, Σ share of parts with no data, parts whose answer was unreadable.
gathered AS (
  SELECT unit_code, year, parent_code, indicator,
    max(value) FILTER (WHERE slot = 1) AS a,
    max(value) FILTER (WHERE slot = 2) AS b,
    max(folded) FILTER (WHERE slot = 1) AS ta,
    sum(share * CASE WHEN ${partTestSql} THEN 1 ELSE 0 END) AS parts_got,
    coalesce(sum(share * CASE WHEN missing THEN 1 ELSE 0 END), 0.0) AS parts_missing_share,
    count(*) FILTER (WHERE share IS NOT NULL AND NOT missing AND (${partTestSql}) IS NULL)
      AS parts_unreadable,
    count(*) FILTER (WHERE missing) AS n_missing,
    count(*) AS n_inputs,
    bool_or(imputed) AS imputed
  FROM ${inputs} LEFT JOIN parts USING (indicator, slot)
  GROUP BY unit_code, year, parent_code, indicator
),
-- Peer statistics of \`a\` for relative rules (minmax, zscore), per year and indicator, and per
-- parent for "parent" peers: an aggregate joined back, not a window over every row (a window
-- over a national set holds all of it in memory). Read from the inputs (slot 1 is \`a\`), so
-- that \`gathered\` is computed once. Mean and spread are taken over the values sorted, so they
-- do not change in the last bit with the order rows come in (a reload, a partial re-score).
peers AS (
  SELECT year, indicator, peer_key, peer_min, peer_max,
    list_aggregate(sorted, 'avg') AS peer_mean, list_aggregate(sorted, 'stddev_pop') AS peer_sd
  FROM (
    SELECT year, indicator, CASE WHEN r.by_parent THEN i.parent_code END AS peer_key,
      min(value) AS peer_min, max(value) AS peer_max,
      list_sort(list(value) FILTER (WHERE value IS NOT NULL)) AS sorted
    FROM ${inputs} i JOIN rules r USING (indicator)
    WHERE i.slot = 1 AND r.relative
    GROUP BY ALL)
),
rule_inputs AS (
  SELECT g.*, r.* EXCLUDE (indicator, relative, by_parent),
    p.peer_min, p.peer_max, p.peer_mean, p.peer_sd,
    CASE WHEN r.higher THEN g.a ELSE -g.a END AS reach
  FROM gathered g JOIN rules r USING (indicator)
  LEFT JOIN peers p ON p.year = g.year AND p.indicator = g.indicator
    AND p.peer_key IS NOT DISTINCT FROM CASE WHEN r.by_parent THEN g.parent_code END
),
looked_up AS (
  SELECT ri.*, t.fraction AS tier_fraction, c.fraction AS choice_fraction
  FROM rule_inputs ri
  LEFT JOIN tiers t ON t.indicator = ri.indicator AND ri.reach >= t.reach AND ri.reach < t.next_reach
  LEFT JOIN choices c ON c.indicator = ri.indicator AND c.folded_match = ri.ta
),
ruled AS (
  SELECT *, ${clamp01('raw_fraction')} AS fraction
  FROM (SELECT *, ${rawFractionSql} AS raw_fraction, ${applicableSql} AS applicable FROM looked_up)
),
judged AS (
  SELECT *,
    CASE
      WHEN n_missing = n_inputs THEN 'missing'
      WHEN n_missing > 0 AND kind <> 'parts' THEN 'missing'
      WHEN kind = 'parts' AND (n_missing > 0 OR parts_unreadable > 0) THEN 'partial'
      WHEN NOT applicable THEN 'na'
      WHEN fraction IS NULL THEN 'unreadable'
      WHEN imputed THEN 'imputed'
      ELSE 'ok' END AS status
  FROM ruled
)
SELECT unit_code, year, parent_code, main_index, indicator, scored, status,
  a, b, ta AS answer, parts_got, imputed,
  CASE WHEN status IN ('ok', 'imputed', 'partial') THEN fraction
       WHEN status = 'na' THEN NULL
       ELSE ${excludeMissing ? 'NULL' : '0.0'} END AS fraction,
  CASE WHEN status IN ('ok', 'imputed', 'partial') THEN fraction * max_points
       WHEN status = 'na' THEN NULL
       ELSE ${excludeMissing ? 'NULL' : '0.0'} END AS points,
  max_points,
  -- Under "exclude", what has no data leaves the denominator: whole indicators, or the shares
  -- of the parts of a partial one.
  CASE WHEN status = 'na' THEN 0.0
       WHEN status IN ('missing', 'unreadable') AND ${excludeMissing ? 'TRUE' : 'FALSE'} THEN 0.0
       WHEN status = 'partial' AND ${excludeMissing ? 'TRUE' : 'FALSE'} THEN max_points * (1.0 - parts_missing_share)
       ELSE max_points END AS max_counted,
  peer_min, peer_max, peer_mean, peer_sd
FROM judged`;
}
