// The year of a file's values: its year column, else the one year its sheet or file name holds.
import type { ColumnRole } from './columnRoles';
import { IngestError } from './errors';

export type YearSource = { column: string; value: null } | { column: null; value: number };

const YEARS_IN_NAME = /(?<![0-9])((?:19|20)\d{2})(?![0-9])/g;

/** The year column; else the one year in the sheet name ("Năm 2024"); else in the file name. */
export function yearOf(
  headers: string[],
  roles: ColumnRole[],
  fileName: string,
  sheetName: string | null = null,
): YearSource {
  const i = roles.findIndex((r) => r.role === 'year');
  if (i >= 0) return { column: headers[i]!, value: null };
  const inName = (name: string): number[] => [
    ...new Set([...name.matchAll(YEARS_IN_NAME)].map((m) => Number(m[1]))),
  ];
  const fromSheet = sheetName ? inName(sheetName) : [];
  if (fromSheet.length === 1) return { column: null, value: fromSheet[0]! };
  const years = inName(fileName);
  if (years.length === 1) return { column: null, value: years[0]! };
  const found = years.join(', ');
  throw new IngestError(
    'noYear',
    years.length === 0
      ? {
          vi: 'Không xác định được năm: thêm cột "Năm" (year) hoặc ghi năm vào tên tệp (ví dụ "…-2024.csv").',
          en: 'No year found: add a "Năm" (year) column or put the year in the file name (e.g. "…-2024.csv").',
        }
      : {
          vi: `Tên tệp có nhiều năm (${found}): thêm cột "Năm" (year) để chỉ rõ.`,
          en: `The file name holds several years (${found}): add a "Năm" (year) column to say which.`,
        },
    { file: fileName },
  );
}
