// SQL pieces more than one rule kind uses.
import { yesNoSql } from '../text/cellWords';

/** Clamp to [0, 1], keeping NULL: DuckDB's greatest/least skip NULLs, so an unreadable input
 * would otherwise come out as 1 (full points). */
export const clamp01 = (e: string): string =>
  `(CASE WHEN (${e}) IS NULL OR isnan(${e}) THEN NULL ELSE greatest(0.0, least(1.0, ${e})) END)`;

/** SQL for "value/text reads as yes": TRUE, FALSE, or NULL when neither. */
export function yesSql(value: string, foldedText: string): string {
  return `(CASE WHEN ${value} IS NOT NULL THEN ${value} > 0 ELSE ${yesNoSql(foldedText)} END)`;
}

/** b = 0 makes a ratio not applicable; a negative count cannot be read as a share. */
export const RATIO_SQL = 'CASE WHEN b > 0 THEN a / b END';
