// The scoring rules as SQL: one expression per rule *kind*, its parameters read from columns
// (the framework's rule tables, joined to each row), never one expression per indicator. A rule
// yields a fraction of the indicator's max points in [0, 1]; points = fraction × max.
// Columns of the row the expressions read (see the indicator-points step):
//   kind, higher        the rule's kind and direction (fw_indicators.rule, .direction)
//   a, b                first and second measure value (rates already normalised to 0–1)
//   ta                  first measure's folded text (for yes/no and choice answers)
//   max_points, full_at, worst, best, clip   fw_indicators
//   tier_fraction       the share of the tier reached (fw_rule_tiers), NULL when none is
//   choice_fraction     the share of the option answered (fw_rule_choices), NULL when none is
//   parts_got           Σ share × (part met) over the parts of a `parts` rule (fw_rule_parts)
//   peer_min, peer_max, peer_mean, peer_sd   statistics of `a` over the rule's peer group
import type { PartTest, RuleKind } from '../framework/types';
import { NO_WORDS, YES_WORDS } from '../ingest/cellWords';
import { lit } from '../sql/quote';

/** Clamp to [0, 1], keeping NULL: DuckDB's greatest/least skip NULLs, so an unreadable input
 * would otherwise come out as 1 (full points). */
export const clamp01 = (e: string): string =>
  `(CASE WHEN (${e}) IS NULL OR isnan(${e}) THEN NULL ELSE greatest(0.0, least(1.0, ${e})) END)`;

/** A constant list of words, for list_contains: an IN list of constants is planned as a join
 * per use, a list is one function call (a few milliseconds less per scoring of a district). */
const wordList = (words: readonly string[]): string => `[${words.map(lit).join(', ')}]`;

/** SQL for "value/text reads as yes": TRUE, FALSE, or NULL when neither. */
function yesSql(value: string, foldedText: string): string {
  return (
    `(CASE WHEN ${value} IS NOT NULL THEN ${value} > 0 ` +
    `WHEN list_contains(${wordList(YES_WORDS)}, ${foldedText}) THEN TRUE ` +
    `WHEN list_contains(${wordList(NO_WORDS)}, ${foldedText}) THEN FALSE END)`
  );
}

/** b = 0 makes the rule not applicable (below); a negative count cannot be read as a share. */
const RATIO = 'CASE WHEN b > 0 THEN a / b END';

/**
 * Each kind's fraction before the clamp to [0, 1] (the step clamps once, keeping NULL). Values a
 * kind gives already in [0, 1] (a tier's or an option's share, 1.0, 0.5) pass the clamp unchanged.
 */
const RAW_FRACTION: Record<RuleKind, string> = {
  ratio: `CASE WHEN higher THEN ${RATIO} ELSE 1.0 - ${clamp01(RATIO)} END`,
  percent: 'CASE WHEN higher THEN a / full_at ELSE 1.0 - a END',
  // Below every tier: 0 points; no value: unreadable.
  tiers: 'CASE WHEN a IS NOT NULL THEN coalesce(tier_fraction, 0.0) END',
  choice: 'choice_fraction',
  boolean: `CASE ${yesSql('a', 'ta')} = higher WHEN TRUE THEN 1.0 WHEN FALSE THEN 0.0 END`,
  parts: 'parts_got',
  goalpost: '(a - worst) / (best - worst)',
  minmax: `CASE WHEN a IS NULL THEN NULL WHEN peer_max - peer_min = 0 THEN 1.0
      ELSE (CASE WHEN higher THEN a - peer_min ELSE peer_max - a END) / (peer_max - peer_min) END`,
  points: 'CASE WHEN max_points > 0 THEN a / max_points ELSE 0.0 END',
  zscore: `CASE WHEN a IS NULL THEN NULL WHEN coalesce(peer_sd, 0) = 0 THEN 0.5
      ELSE ((CASE WHEN higher THEN a - peer_mean ELSE peer_mean - a END) / peer_sd + clip) / (2 * clip) END`,
};

/** The fraction of max before the clamp: one CASE over the rule kind. */
export const rawFractionSql = `CASE kind\n    ${Object.entries(RAW_FRACTION)
  .map(([kind, e]) => `WHEN ${lit(kind)} THEN ${e}`)
  .join('\n    ')}\n  END`;

/** FALSE when the rule does not apply to this unit (ratio with b = 0). */
export const applicableSql = "(kind <> 'ratio' OR b IS NULL OR b <> 0)";

const PART_TEST: Record<PartTest['kind'], string> = {
  yes: yesSql('value', 'folded'),
  atLeast: '(value >= test_value)',
  atMost: '(value <= test_value)',
};

/**
 * Whether one part is met, over a row with the part's `test` and `test_value` (fw_rule_parts)
 * and its input's `value` and `folded` text: TRUE, FALSE, or NULL when it cannot be read.
 */
export const partTestSql = `CASE test ${Object.entries(PART_TEST)
  .map(([kind, e]) => `WHEN ${lit(kind)} THEN ${e}`)
  .join(' ')} END`;
