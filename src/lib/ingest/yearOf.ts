// The year of a file's values: its year column, else the year its titles, sheet name or file
// name give — read the same way for summary tables and one-unit forms.
import { fold } from '../sql/fold';
import type { ColumnRole } from './columnRoles';
import { IngestError } from './errors';

export type YearFrom = 'title' | 'sheet' | 'fileName';
export type YearSource =
  { column: string; value: null; from: 'column' } | { column: null; value: number; from: YearFrom };

const YEAR = /(?<![0-9])((?:19|20)\d{2})(?![0-9])/g;
const yearsIn = (text: string): number[] => [
  ...new Set([...text.matchAll(YEAR)].map((m) => Number(m[1]))),
];

/** A text without its dates: "ngày 15 tháng 01 năm 2025", "15/01/2025", "15-01-2025". */
const undated = (text: string): string =>
  fold(text)
    .replace(/\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}/g, ' ')
    .replace(/(?<![0-9])\d{1,2}[/._-]\d{1,2}[/._-](?:19|20)\d{2}(?![0-9])/g, ' ');

/**
 * "NĂM 2024" in the titles; else the one year in the sheet name ("Năm 2024"), else in the file
 * name; else the one year in the titles. A date (signed, sent) is no one's year: "gửi ngày
 * 15-01-2025" in a file name does not make a 2024 report a 2025 one. Null when none says.
 */
export function yearInWords(
  titles: readonly string[],
  file: string,
  sheet: string | null,
): { value: number; from: YearFrom } | { several: number[]; from: YearFrom } | null {
  const plain = titles.map(undated);
  const named = yearsIn(
    plain
      .flatMap((t) => [...t.matchAll(/\bnam\s+((?:19|20)\d{2})\b/g)].map((m) => m[1]!))
      .join(' '),
  );
  if (named.length === 1) return { value: named[0]!, from: 'title' };
  const inSheet = sheet ? yearsIn(undated(sheet)) : [];
  if (inSheet.length === 1) return { value: inSheet[0]!, from: 'sheet' };
  const inFile = yearsIn(undated(file));
  if (inFile.length === 1) return { value: inFile[0]!, from: 'fileName' };
  const inTitles = yearsIn(plain.join(' '));
  if (inTitles.length === 1) return { value: inTitles[0]!, from: 'title' };
  if (inFile.length > 1) return { several: inFile, from: 'fileName' };
  return null;
}

/** The year column; else the year the titles, the sheet name or the file name give. */
export function yearOf(
  headers: string[],
  roles: ColumnRole[],
  fileName: string,
  sheetName: string | null = null,
  titles: readonly string[] = [],
): YearSource {
  const i = roles.findIndex((r) => r.role === 'year');
  if (i >= 0) return { column: headers[i]!, value: null, from: 'column' };
  const found = yearInWords(titles, fileName, sheetName);
  if (found && 'value' in found) return { column: null, value: found.value, from: found.from };
  throw new IngestError(
    'noYear',
    found === null
      ? {
          vi: 'Không xác định được năm: thêm cột "Năm" (year), ghi "NĂM 2024" trong dòng tiêu đề, hoặc ghi năm vào tên tệp (ví dụ "…-2024.csv").',
          en: 'No year found: add a "Năm" (year) column, write "NĂM 2024" in a title row, or put the year in the file name (e.g. "…-2024.csv").',
        }
      : {
          vi: `Tên tệp có nhiều năm (${found.several.join(', ')}): thêm cột "Năm" (year) hoặc ghi "NĂM 2024" trong dòng tiêu đề để chỉ rõ.`,
          en: `The file name holds several years (${found.several.join(', ')}): add a "Năm" (year) column or write "NĂM 2024" in a title row to say which.`,
        },
    { file: fileName },
  );
}
