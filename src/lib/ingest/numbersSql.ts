// Cell text → number in SQL. The decimal mark is decided per column (`decimalMarkSql`): a
// Vietnamese column uses a comma for decimals and dots for thousands ("45,5" → 45.5,
// "1.234" → 1234, "1.234,5" → 1234.5); a column that shows a dot decimal anywhere ("0.8002",
// "45.5") reads dots as decimals and commas as thousands ("1,234.5"). "%" and spaces are
// ignored; "NaN", "inf" and any other text stay text only.

export type DecimalMark = ',' | '.';

const clean = (text: string): string => `regexp_replace(trim(${text}), '[\\s%]', '', 'g')`;
const match = (t: string, pattern: string): string => `regexp_full_match(${t}, '${pattern}')`;
const PLAIN = '[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?';
const COMMA_DECIMAL = '[-+]?\\d+,\\d+';
const DOT_THOUSANDS = '[-+]?[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?';
const COMMA_THOUSANDS = '[-+]?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?';
/** A value only a dot-decimal column would hold: a leading zero, not exactly 3 decimals, or
 * comma groups before a dot ("1,234.5"). */
const DOT_DECIMAL_EVIDENCE =
  '[-+]?(0\\.\\d+|\\d+\\.(\\d{1,2}|\\d{4,})|[1-9]\\d{0,2}(,\\d{3})+\\.\\d+)';

export function parseNumberSql(text: string, mark: DecimalMark): string {
  const t = clean(text);
  const asDouble = (e: string): string => `TRY_CAST(${e} AS DOUBLE)`;
  if (mark === '.') {
    return `(CASE
      WHEN ${match(t, COMMA_THOUSANDS)} THEN ${asDouble(`replace(${t}, ',', '')`)}
      WHEN ${match(t, PLAIN)} THEN ${asDouble(t)}
      WHEN ${match(t, COMMA_DECIMAL)} THEN ${asDouble(`replace(${t}, ',', '.')`)} END)`;
  }
  return `(CASE
    WHEN ${match(t, DOT_THOUSANDS)} THEN ${asDouble(`replace(replace(${t}, '.', ''), ',', '.')`)}
    WHEN ${match(t, COMMA_DECIMAL)} THEN ${asDouble(`replace(${t}, ',', '.')`)}
    WHEN ${match(t, PLAIN)} THEN ${asDouble(t)} END)`;
}

/** Aggregate over a column: '.' when any cell shows an unambiguous dot decimal, else ','. */
export function decimalMarkSql(text: string): string {
  return `CASE WHEN bool_or(${match(clean(text), DOT_DECIMAL_EVIDENCE)}) THEN '.' ELSE ',' END`;
}
