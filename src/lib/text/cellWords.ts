// The words people type in cells instead of numbers, compared after folding (see sql/fold.ts).
import { lit } from '../sql/quote';

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

/** Answers read as yes / no, the whole cell. Numbers are read as yes when > 0. */
const YES_WORDS = ['co', 'x', 'yes', 'y', 'dat', 'true', 'v', '✓', '✔', '☑', 'da co', 'roi'];
const NO_WORDS = ['khong', 'no', 'n', 'khong dat', 'chua dat', 'false', 'chua'];
/**
 * What was done, or not yet, as a cell begins: "Đã ban hành (KH số 45)", "Chưa thành lập". A
 * cell naming a document is a yes: "QĐ số 12/QĐ-UBND ngày …".
 */
const DONE = [
  'ban hanh',
  'thanh lap',
  'xay dung',
  'trien khai',
  'thuc hien',
  'kien toan',
  'phe duyet',
  'lap',
  'co',
];
const YES_LEADS = DONE.map((d) => `da ${d}`);
/** "Có (QĐ số …)", "Có: 3 tổ", "Có - …"; not "Có lẽ" (maybe). */
const YES_WITH_NOTE = '^co ?[(:,-]';
// "Chưa có" alone is no data (MISSING_MARKERS); "chưa có kế hoạch" is a no.
// "Đang xây dựng" (under way) is neither: asked, in the load report, not read as a no.
const NO_LEADS = [...DONE.map((d) => `chua ${d}`), 'khong co'];
const DOCUMENT = '(qd|kh|nq|cv|tb|quyet dinh|ke hoach|nghi quyet|cong van|thong bao) ?(so\\b|\\d)';

/** Longest first, so "nhieu hon" is not read as "hon"; none holds a regex metacharacter. */
const alternatives = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');
/** A cell beginning with these words, then nothing or something that is not a letter. */
const leading = (words: readonly string[]): string => `^(${alternatives(words)})([^a-z0-9]|$)`;

/** SQL over a folded cell: TRUE for a yes, FALSE for a no, NULL when it is neither. */
export function yesNoSql(folded: string): string {
  const whole = (words: readonly string[]) => `^(${alternatives(words)})$`;
  const missing = MISSING_MARKERS.map(lit).join(', ');
  return `(CASE WHEN ${folded} IN (${missing}) THEN NULL
    WHEN regexp_matches(${folded}, '${whole(NO_WORDS)}|${leading(NO_LEADS)}') THEN FALSE
    WHEN regexp_matches(${folded}, '${whole(YES_WORDS)}|${leading(YES_LEADS)}|${YES_WITH_NOTE}|^${DOCUMENT}') THEN TRUE END)`;
}

/**
 * Words before a number that make it a bound, not the value itself: "Trên 70%" (the value is
 * above 70 %), "chưa đạt (10%)" (below 10 %). Folded; a bracket may hold the number.
 */
export const ABOVE_WORDS = ['tren', 'hon', 'vuot', 'cao hon', 'lon hon', 'nhieu hon', '>'];
export const BELOW_WORDS = ['duoi', 'chua dat', 'chua toi', 'thap hon', 'it hon', 'nho hon', '<'];

/** Regex source: the bound words at the start of a folded cell, then an optional bracket. */
export const BOUND_LEAD = `^(?:${alternatives([...ABOVE_WORDS, ...BELOW_WORDS])})\\s*\\(?\\s*`;
export const ABOVE_LEAD = `^(?:${alternatives(ABOVE_WORDS)})\\s*\\(?\\s*\\d`;
export const BELOW_LEAD = `^(?:${alternatives(BELOW_WORDS)})\\s*\\(?\\s*\\d`;
