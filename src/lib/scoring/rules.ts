// Each scoring rule compiled to SQL expressions over one row of the `rule_inputs` CTE of the
// indicator-points step. A rule yields a fraction of the indicator's max points in [0, 1];
// points = fraction × max. Columns the expressions may read:
//   a, b        first and second measure value (rates already normalised to 0–1)
//   ta          first measure's folded text (for yes/no and choice answers)
//   parts_got   Σ share × (part met) over the parts of a `parts` rule
//   peer_min, peer_max, peer_mean, peer_sd   statistics of `a` over the rule's peer group
import type { Indicator, PartTest, Tier } from '../framework/types';
import { NO_WORDS, YES_WORDS } from '../ingest/cellWords';
import { fold } from '../sql/fold';
import { lit, litList } from '../sql/quote';

export interface CompiledRule {
  /** Fraction of max in [0, 1]; NULL when the input cannot be read by this rule. */
  fraction: string;
  /** FALSE when the rule does not apply to this unit (ratio with b = 0). */
  applicable: string;
}

/** Clamp to [0, 1], keeping NULL: DuckDB's greatest/least skip NULLs, so an unreadable input
 * would otherwise come out as 1 (full points). */
const clamp01 = (e: string): string =>
  `(CASE WHEN (${e}) IS NULL OR isnan(${e}) THEN NULL ELSE greatest(0.0, least(1.0, ${e})) END)`;

/** SQL for "value/text reads as yes": TRUE, FALSE, or NULL when neither. */
export function yesSql(value: string, foldedText: string): string {
  return (
    `(CASE WHEN ${value} IS NOT NULL THEN ${value} > 0 ` +
    `WHEN ${foldedText} IN ${litList(YES_WORDS)} THEN TRUE ` +
    `WHEN ${foldedText} IN ${litList(NO_WORDS)} THEN FALSE END)`
  );
}

export function partTestSql(test: PartTest, value: string, foldedText: string): string {
  switch (test.kind) {
    case 'yes':
      return yesSql(value, foldedText);
    case 'atLeast':
      return `(${value} >= ${lit(test.value)})`;
    case 'atMost':
      return `(${value} <= ${lit(test.value)})`;
  }
}

export function compileRule(ind: Indicator): CompiledRule {
  const higher = ind.direction === 'higher';
  const r = ind.rule;
  const plain = (fraction: string): CompiledRule => ({
    fraction,
    applicable: 'TRUE',
  });
  switch (r.kind) {
    case 'ratio': {
      // A negative count in the denominator cannot be read as a share.
      const share = clamp01('CASE WHEN b > 0 THEN a / b END');
      return {
        fraction: higher ? share : `1.0 - ${share}`,
        applicable: '(b IS NULL OR b <> 0)',
      };
    }
    case 'percent': {
      const full = r.fullAt ?? 1;
      return plain(higher ? clamp01(`a / ${lit(full)}`) : clamp01('1.0 - a'));
    }
    case 'tiers':
      return plain(tiersSql(r.tiers, ind.maxPoints, higher));
    case 'boolean': {
      const yes = yesSql('a', 'ta');
      return plain(
        `(CASE ${yes} WHEN TRUE THEN ${higher ? 1 : 0}.0 WHEN FALSE THEN ${higher ? 0 : 1}.0 END)`,
      );
    }
    case 'choice': {
      const whens = r.options
        .map((o) => `WHEN ta IN ${litList(o.match.map(fold))} THEN ${lit(o.fraction)}`)
        .join(' ');
      return plain(`(CASE ${whens} END)`);
    }
    case 'parts':
      return plain(clamp01('parts_got'));
    case 'goalpost':
      return plain(clamp01(`(a - ${lit(r.worst)}) / (${lit(r.best)} - ${lit(r.worst)})`));
    case 'minmax': {
      const span = 'peer_max - peer_min';
      const pos = higher ? 'a - peer_min' : 'peer_max - a';
      return {
        fraction: `(CASE WHEN a IS NULL THEN NULL WHEN ${span} = 0 THEN 1.0 ELSE ${clamp01(`(${pos}) / (${span})`)} END)`,
        applicable: 'TRUE',
      };
    }
    case 'points':
      return plain(ind.maxPoints > 0 ? clamp01(`a / ${lit(ind.maxPoints)}`) : '0.0');
    case 'zscore': {
      const z = `(${higher ? 'a - peer_mean' : 'peer_mean - a'}) / peer_sd`;
      const k = lit(r.clip);
      return {
        fraction: `(CASE WHEN a IS NULL THEN NULL WHEN coalesce(peer_sd, 0) = 0 THEN 0.5 ELSE ${clamp01(`(${z} + ${k}) / (2 * ${k})`)} END)`,
        applicable: 'TRUE',
      };
    }
  }
}

/** Highest tier reached wins; tiers are absolute points, turned into a fraction of max. */
function tiersSql(tiers: Tier[], max: number, higher: boolean): string {
  const ordered = [...tiers].sort((x, y) => (higher ? y.at - x.at : x.at - y.at));
  const op = higher ? '>=' : '<=';
  const whens = ordered
    .map((t) => `WHEN a ${op} ${lit(t.at)} THEN ${lit(max > 0 ? t.points / max : 0)}`)
    .join(' ');
  return `(CASE WHEN a IS NULL THEN NULL ${whens} ELSE 0.0 END)`;
}
