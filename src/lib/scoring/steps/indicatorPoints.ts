// indicator_inputs → indicator_points: each indicator's rule applied to each unit-year, with a
// status saying why points are what they are (ok, imputed, partial, missing, unreadable, na)
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

/**
 * Per-part sums for `parts` rules: Σ share of parts met, Σ share of parts with no data, and the
 * count of parts whose answer could not be read. A part is judged on its own input row.
 */
function partsSql(indicators: Indicator[]): {
  got: string;
  missingShare: string;
  unreadable: string;
} {
  const parts = indicators.flatMap((x) =>
    x.rule.kind === 'parts'
      ? x.rule.parts.map((p, i) => ({
          indicator: x.code,
          slot: i + 1,
          share: p.share,
          test: partTestSql(p.test, 'value', 'folded'),
        }))
      : [],
  );
  if (parts.length === 0) return { got: 'NULL::DOUBLE', missingShare: '0.0', unreadable: '0' };
  const per = (then: (p: (typeof parts)[number]) => string): string =>
    `sum(CASE ${parts.map((p) => `WHEN indicator = ${lit(p.indicator)} AND slot = ${p.slot} THEN ${then(p)}`).join('\n      ')} END)`;
  return {
    got: per((p) => `${lit(p.share)} * CASE WHEN ${p.test} THEN 1 ELSE 0 END`),
    missingShare: `coalesce(${per((p) => `${lit(p.share)} * CASE WHEN missing THEN 1 ELSE 0 END`)}, 0.0)`,
    unreadable: `coalesce(${per((p) => `CASE WHEN NOT missing AND (${p.test}) IS NULL THEN 1 ELSE 0 END`)}, 0)`,
  };
}

/**
 * Peer statistics of `a` for relative rules (minmax, zscore): per year and indicator, and per
 * parent for `parent` peers. An aggregate joined back, not a window over every row: only the
 * few relative indicators need it, and a window over a national set holds all of it in memory.
 */
function peersSql(s: ScoringSettings): { cte: string; join: string; columns: string } {
  const peerOf = new Map(s.framework.indicators.map((x) => [x.code, peerGroupOf(x.rule)]));
  const relative = [...peerOf].filter(([, g]) => g !== null).map(([c]) => c);
  if (relative.length === 0) {
    return {
      cte: '',
      join: '',
      columns:
        'NULL::DOUBLE AS peer_min, NULL::DOUBLE AS peer_max, NULL::DOUBLE AS peer_mean, NULL::DOUBLE AS peer_sd',
    };
  }
  const byParent = [...peerOf].filter(([, g]) => g === 'parent').map(([c]) => c);
  const key = (t: string): string =>
    byParent.length === 0
      ? 'NULL::VARCHAR'
      : `CASE WHEN ${t}.indicator IN (${byParent.map(lit).join(', ')}) THEN ${t}.parent_code END`;
  return {
    // Read from the inputs (slot 1 is `a`), so that `gathered` is computed once.
    cte: `peers AS (
  SELECT year, indicator, ${key('i')} AS peer_key,
    min(value) AS peer_min, max(value) AS peer_max, avg(value) AS peer_mean, stddev_pop(value) AS peer_sd
  FROM indicator_inputs i WHERE slot = 1 AND indicator IN (${relative.map(lit).join(', ')})
  GROUP BY ALL
),`,
    join: `LEFT JOIN peers p ON p.year = g.year AND p.indicator = g.indicator
    AND p.peer_key IS NOT DISTINCT FROM ${key('g')}`,
    columns: 'p.peer_min, p.peer_max, p.peer_mean, p.peer_sd',
  };
}

export const indicatorPointsStep: Step = {
  name: 'indicator_points',
  output: 'indicator_points',
  perUnitYear: true,
  reads: ['indicator_inputs', 'framework'],
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
    const isParts = partsRule.length
      ? `r.indicator IN (${partsRule.map(lit).join(', ')})`
      : 'FALSE';
    const parts = partsSql(inds);
    const peers = peersSql(s);
    return `
CREATE OR REPLACE TABLE indicator_points AS
WITH gathered AS (
  SELECT unit_code, year, parent_code, indicator,
    max(value) FILTER (WHERE slot = 1) AS a,
    max(value) FILTER (WHERE slot = 2) AS b,
    max(folded) FILTER (WHERE slot = 1) AS ta,
    ${parts.got} AS parts_got,
    ${parts.missingShare} AS parts_missing_share,
    ${parts.unreadable} AS parts_unreadable,
    count(*) FILTER (WHERE missing) AS n_missing,
    count(*) AS n_inputs,
    bool_or(imputed) AS imputed
  FROM indicator_inputs
  GROUP BY unit_code, year, parent_code, indicator
),
${peers.cte}
rule_inputs AS (
  SELECT g.*, ${peers.columns}
  FROM gathered g ${peers.join}
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
      WHEN n_missing > 0 AND NOT ${isParts} THEN 'missing'
      WHEN ${isParts} AND (n_missing > 0 OR parts_unreadable > 0) THEN 'partial'
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
  },
};
