// SQL pieces more than one rule kind uses.
import { NO_WORDS, YES_WORDS } from '../text/cellWords';
import { lit } from '../sql/quote';

/** Clamp to [0, 1], keeping NULL: DuckDB's greatest/least skip NULLs, so an unreadable input
 * would otherwise come out as 1 (full points). */
export const clamp01 = (e: string): string =>
  `(CASE WHEN (${e}) IS NULL OR isnan(${e}) THEN NULL ELSE greatest(0.0, least(1.0, ${e})) END)`;

/** A constant list of words, for list_contains: an IN list of constants is planned as a join
 * per use, a list is one function call (a few milliseconds less per scoring of a district). */
const wordList = (words: readonly string[]): string => `[${words.map(lit).join(', ')}]`;

/** SQL for "value/text reads as yes": TRUE, FALSE, or NULL when neither. */
export function yesSql(value: string, foldedText: string): string {
  return (
    `(CASE WHEN ${value} IS NOT NULL THEN ${value} > 0 ` +
    `WHEN list_contains(${wordList(YES_WORDS)}, ${foldedText}) THEN TRUE ` +
    `WHEN list_contains(${wordList(NO_WORDS)}, ${foldedText}) THEN FALSE END)`
  );
}

/** b = 0 makes a ratio not applicable; a negative count cannot be read as a share. */
export const RATIO_SQL = 'CASE WHEN b > 0 THEN a / b END';
