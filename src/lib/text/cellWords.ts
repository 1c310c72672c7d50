// The words people type in cells instead of numbers, compared after folding (see sql/fold.ts).

/** "No data" rather than a value: the cell is missing, not wrong. */
export const MISSING_MARKERS = [
  '',
  '-',
  '–',
  '—',
  'n/a',
  'na',
  '#n/a',
  'chua co',
  'khong co so lieu',
  'null',
  '...',
  '…',
];

/** Answers read as yes / no. Numbers are read as yes when > 0. */
export const YES_WORDS = ['co', 'x', 'yes', 'y', 'dat', 'true', 'v', '✓', '✔', '☑', 'da co', 'roi'];
export const NO_WORDS = ['khong', 'no', 'n', 'khong dat', 'chua dat', 'false', 'chua'];

/**
 * Words before a number that make it a bound, not the value itself: "Trên 70%" (the value is
 * above 70 %), "chưa đạt (10%)" (below 10 %). Folded; a bracket may hold the number.
 */
export const ABOVE_WORDS = ['tren', 'hon', 'vuot', 'cao hon', 'lon hon', 'nhieu hon', '>'];
export const BELOW_WORDS = ['duoi', 'chua dat', 'chua toi', 'thap hon', 'it hon', 'nho hon', '<'];

/** Longest first, so "nhieu hon" is not read as "hon"; none holds a regex metacharacter. */
const alternatives = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');

/** Regex source: the bound words at the start of a folded cell, then an optional bracket. */
export const BOUND_LEAD = `^(?:${alternatives([...ABOVE_WORDS, ...BELOW_WORDS])})\\s*\\(?\\s*`;
export const ABOVE_LEAD = `^(?:${alternatives(ABOVE_WORDS)})\\s*\\(?\\s*\\d`;
export const BELOW_LEAD = `^(?:${alternatives(BELOW_WORDS)})\\s*\\(?\\s*\\d`;
