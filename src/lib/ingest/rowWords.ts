// The words that say a row of a table is not about a unit: a total or subtotal, or a note or
// signature under the table — as SQL over a row's folded text (see sql/fold.ts).
import { lit } from '../sql/quote';

const TOTAL_WORDS = ['tong cong', 'cong', 'tong', 'tong so', 'total', 'sum'];
const NOTE_WORDS = [
  'ghi chu',
  'nguoi lap',
  'truong phong',
  'chu tich',
  'tm.',
  'noi nhan',
  'xac nhan',
  'ky ten',
  'ky,',
  'ky ',
  'ngay',
  'note',
  'luu y',
];

const startsWith = (folded: string, words: string[]): string =>
  words.map((w) => `starts_with(${folded}, ${lit(w)})`).join(' OR ');

/** A total or subtotal row; `folded` is its folded text, cells joined by " | ". */
export function totalRowSql(folded: string): string {
  return `(${startsWith(folded, TOTAL_WORDS)} OR regexp_matches(${folded}, '(^|\\| )(tong cong|cong|tong so)( |$)')
    OR regexp_matches(${folded}, '^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii) \\| '))`;
}

/** A note or signature row under the table. */
export function noteRowSql(folded: string): string {
  return `(${startsWith(folded, NOTE_WORDS)} OR regexp_matches(${folded}, 'ngay \\d+ thang'))`;
}
