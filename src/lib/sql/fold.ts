// Vietnamese text folding, identical in JS and in SQL: NFC, lower case, diacritics removed,
// đ → d, inner white space collapsed. "Đạt", "ĐẠT" and "dat" (NFC or NFD) all fold to "dat".

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** SQL expression folding a VARCHAR expression the same way as `fold`. */
export function foldSql(expr: string): string {
  return `trim(regexp_replace(replace(lower(strip_accents(${expr})), 'đ', 'd'), '\\s+', ' ', 'g'))`;
}
