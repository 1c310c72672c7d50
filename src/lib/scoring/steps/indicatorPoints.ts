// indicator_inputs → indicator_points: each indicator's rule applied to each unit-year, with a
// status saying why points are what they are (ok, imputed, missing, unreadable, not applicable)
// and the max points that count towards the denominators under the missing-data policy.
import type { Indicator } from '../../framework/types';
import { peerGroupOf } from '../../framework/peers';
import { lit } from '../../sql/quote';
import { compileRule, partTestSql } from '../rules';
import type { ScoringSettings, Step } from '../step';

function byIndicator(
  indicators: Indicator[],
  expr: (x: Indicator) => string,
  otherwise = 'NULL',
): string {
  if (indicators.length === 0) return otherwise;
  const whens = indicators.map((x) => `WHEN ${lit(x.code)} THEN ${expr(x)}`).join('\n    ');
  return `CASE indicator\n    ${whens}\n    ELSE ${otherwise} END`;
}

/** Σ share × met over the parts of `parts` rules, evaluated per input row. */
function partsSql(indicators: Indicator[]): string {
  const whens = indicators.flatMap((x) =>
    x.rule.kind === 'parts'
      ? x.rule.parts.map(
          (p, i) =>
            `WHEN indicator = ${lit(x.code)} AND slot = ${i + 1} THEN ${lit(p.share)} * CASE WHEN ${partTestSql(p.test, 'value', 'folded')} THEN 1 ELSE 0 END`,
        )
      : [],
  );
  return whens.length === 0 ? 'NULL::DOUBLE' : `sum(CASE ${whens.join('\n      ')} END)`;
}

function peerStatsSql(s: ScoringSettings): string {
  const peerOf = new Map(s.framework.indicators.map((x) => [x.code, peerGroupOf(x.rule)]));
  const byParent = [...peerOf].filter(([, g]) => g === 'parent').map(([c]) => c);
  if (![...peerOf.values()].some((g) => g !== null)) {
    return 'NULL::DOUBLE AS peer_min, NULL::DOUBLE AS peer_max, NULL::DOUBLE AS peer_mean, NULL::DOUBLE AS peer_sd';
  }
  // One partition expression serves both peer groups: the parent code only for `parent` rules.
  const group =
    byParent.length === 0
      ? 'year, indicator'
      : `year, indicator, CASE WHEN indicator IN (${byParent.map(lit).join(', ')}) THEN parent_code END`;
  return ['min', 'max', 'avg', 'stddev_pop']
    .map(
      (f, i) => `${f}(a) OVER (PARTITION BY ${group}) AS peer_${['min', 'max', 'mean', 'sd'][i]}`,
    )
    .join(',\n    ');
}

export const indicatorPointsStep: Step = {
  name: 'indicator_points',
  output: 'indicator_points',
  describe: {
    vi: 'Áp dụng cách tính điểm của từng chỉ số thành phần',
    en: 'Apply each indicator’s scoring rule',
  },
  sql: (s) => {
    const fw = s.framework;
    const inds = fw.indicators;
    const compiled = new Map(inds.map((x) => [x.code, compileRule(x)]));
    const excludeMissing = fw.missing.policy === 'exclude';
    const partsRule = inds.filter((x) => x.rule.kind === 'parts').map((x) => x.code);
    return `
CREATE OR REPLACE TABLE indicator_points AS
WITH gathered AS (
  SELECT unit_code, year, parent_code, indicator,
    max(value) FILTER (WHERE slot = 1) AS a,
    max(value) FILTER (WHERE slot = 2) AS b,
    max(folded) FILTER (WHERE slot = 1) AS ta,
    ${partsSql(inds)} AS parts_got,
    count(*) FILTER (WHERE missing) AS n_missing,
    count(*) AS n_inputs,
    bool_or(imputed) AS imputed
  FROM indicator_inputs
  GROUP BY unit_code, year, parent_code, indicator
),
rule_inputs AS (
  SELECT *, ${peerStatsSql(s)}
  FROM gathered
),
ruled AS (
  SELECT *,
    ${byIndicator(inds, (x) => compiled.get(x.code)!.fraction)} AS fraction,
    ${byIndicator(inds, (x) => compiled.get(x.code)!.applicable, 'TRUE')} AS applicable
  FROM rule_inputs
),
judged AS (
  SELECT r.*, i.main_index, i.max_points, m.scored,
    CASE
      WHEN n_missing = n_inputs THEN 'missing'
      WHEN n_missing > 0 AND r.indicator NOT IN (${partsRule.length ? partsRule.map(lit).join(', ') : 'NULL'}) THEN 'missing'
      WHEN NOT applicable THEN 'na'
      WHEN fraction IS NULL THEN 'unreadable'
      WHEN imputed THEN 'imputed'
      ELSE 'ok' END AS status
  FROM ruled r
  JOIN fw_indicators i ON i.framework_id = ${lit(fw.id)} AND i.indicator = r.indicator
  JOIN fw_main_indices m ON m.framework_id = ${lit(fw.id)} AND m.main_index = i.main_index
)
SELECT unit_code, year, parent_code, main_index, indicator, scored, status,
  a, b, ta AS answer, parts_got, imputed,
  CASE WHEN status IN ('ok', 'imputed') THEN fraction
       WHEN status = 'na' THEN NULL
       ELSE ${excludeMissing ? 'NULL' : '0.0'} END AS fraction,
  CASE WHEN status IN ('ok', 'imputed') THEN fraction * max_points
       WHEN status = 'na' THEN NULL
       ELSE ${excludeMissing ? 'NULL' : '0.0'} END AS points,
  max_points,
  CASE WHEN status = 'na' THEN 0.0
       WHEN status IN ('missing', 'unreadable') AND ${excludeMissing ? 'TRUE' : 'FALSE'} THEN 0.0
       ELSE max_points END AS max_counted,
  peer_min, peer_max, peer_mean, peer_sd
FROM judged`;
  },
};
