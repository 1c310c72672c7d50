// Vietnamese letters a Western code page cannot hold come out as "?" when a sheet is saved as
// CSV in that code page — Excel's plain "CSV (Comma delimited)" on a Western Windows, LibreOffice's
// default CSV export: "Phường" → "Ph??ng", "Tổng cộng" → "T?ng c?ng". The file holds no trace of
// the letters, so no encoding reads them back; what shows it is words with "?" against their
// letters, many of them, in text that otherwise looks Vietnamese (the letters Windows-1252 does
// hold: "Mã xã", "Hòa"). Told apart from a header that asks a question ("Có website?"): one such
// word, not a fifth of the words.
import type { CsvRecord } from './csvRecords';

export interface LostLetters {
  /** A few of the words, as the file has them. */
  examples: string[];
  /** The first row holding one. */
  row: number;
}

const MIN_WORDS = 4;
const MIN_SHARE = 0.2;
/**
 * A file whose every Vietnamese letter was lost (saved in ASCII, or in a code page that kept
 * none of them) has no kept letter to show it was Vietnamese: then more of its words must be hit.
 */
const MIN_SHARE_ALL_LOST = 0.4;
/** A "?" inside or at the end of a word of letters. */
const LOST = /^[\p{L}\p{N}]*\p{L}\?+[\p{L}\p{N}?]*$|^\?+\p{L}[\p{L}\p{N}?]*$/u;
const WORD = /^[\p{L}\p{N}?]*\p{L}[\p{L}\p{N}?]*$/u;
/** Vietnamese letters Windows-1252 keeps: a file saved from Vietnamese text still has some. */
const KEPT_VIETNAMESE = /[àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/;

export function lostLetters(records: readonly CsvRecord[]): LostLetters | null {
  let words = 0;
  let lostWords = 0;
  let vietnamese = false;
  const lost: string[] = [];
  let row = 0;
  for (const record of records) {
    for (const cell of record.cells) {
      if (KEPT_VIETNAMESE.test(cell)) vietnamese = true;
      for (const word of cell.split(/[\s,;:.()[\]/"'“”–-]+/)) {
        if (!WORD.test(word)) continue;
        words += 1;
        if (!LOST.test(word)) continue;
        lostWords += 1;
        if (row === 0) row = record.line;
        if (!lost.includes(word)) lost.push(word);
      }
    }
  }
  const share = vietnamese ? MIN_SHARE : MIN_SHARE_ALL_LOST;
  if (lost.length < MIN_WORDS || lostWords < words * share) return null;
  return { examples: lost.slice(0, 3), row };
}
