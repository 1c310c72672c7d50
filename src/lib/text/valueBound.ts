// A measured value written as a bound — "Trên 70%", "chưa đạt (10%)" — is read as its number
// (70 %, 10 %) and keeps the side the true value lies on, so a target is not judged against a
// number the report never claimed. The same reading in SQL (ingest, gaps) and in TS (the views).
import { fold, foldSql } from '../sql/fold';
import { ABOVE_LEAD, BELOW_LEAD, BOUND_LEAD } from './cellWords';

/** The true value is above (">") or below ("<") the number written; null when it is the value. */
export type ValueBound = '>' | '<' | null;

export function valueBound(text: string | null): ValueBound {
  if (text === null) return null;
  const t = fold(text);
  if (new RegExp(ABOVE_LEAD).test(t)) return '>';
  if (new RegExp(BELOW_LEAD).test(t)) return '<';
  return null;
}

/** SQL: '>' / '<' / NULL for a cell's text already folded (`foldSql`), as `valueBound`. */
export function valueBoundSql(folded: string): string {
  const t = folded;
  return `(CASE WHEN regexp_matches(${t}, '${ABOVE_LEAD}') THEN '>'
    WHEN regexp_matches(${t}, '${BELOW_LEAD}') THEN '<' END)`;
}

/**
 * SQL: the cell's text with the bound's words and bracket taken off ("chưa đạt (10%)" → "10%"),
 * ready for the number reading; a cell that starts with a digit is left as it is.
 */
export function unboundedTextSql(text: string): string {
  return `(CASE WHEN regexp_matches(trim(${text}), '^[0-9.,+-]') THEN ${text}
    ELSE regexp_replace(regexp_replace(${foldSql(text)}, '${BOUND_LEAD}', ''), '\\s*\\)\\s*$', '') END)`;
}
