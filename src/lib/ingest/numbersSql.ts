// Cell text → number in SQL: "45%", "45,5", " 1 234 ", "0.8002" read; anything else stays text.
// (Thousands separators and per-column decimal conventions arrive with the full ingest.)

export function parseNumberSql(text: string): string {
  const t = `regexp_replace(trim(${text}), '[\\s%]', '', 'g')`;
  return `coalesce(TRY_CAST(${t} AS DOUBLE),
    CASE WHEN regexp_full_match(${t}, '-?\\d+,\\d+') THEN TRY_CAST(replace(${t}, ',', '.') AS DOUBLE) END)`;
}
