import type { LocalText } from '../framework/types';

/** Where in a file something happened: every message names at least the file. */
export interface Location {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** Why a file was refused, stable for tests and scripts. */
export type IngestErrorCode =
  | 'empty'
  | 'binary'
  | 'pdf'
  | 'passwordProtected'
  | 'corruptXlsx'
  | 'corruptDocx'
  | 'corruptWorkbook'
  | 'legacyDoc'
  | 'lostLetters'
  | 'noTableInDocx'
  | 'noHeader'
  | 'noData'
  | 'noUnitColumn'
  | 'noYear'
  | 'badYear'
  | 'unreadableCsv'
  | 'noSuchSheet'
  | 'tooLarge'
  | 'tooManyColumns'
  | 'lineTooLong'
  | 'undecodableRows'
  | 'outOfMemory'
  | 'noFormUnit'
  | 'ambiguousFormUnit'
  | 'shapeColumns'
  | 'invalidFrameworkSheet'
  | 'cancelled';

/** A load that cannot go ahead; nothing of the file was written. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly text: LocalText,
    readonly at: Location,
    /** A reader library's own words, untranslated: shown apart, as a technical detail. */
    readonly technical?: string,
  ) {
    super(
      `${at.file}${at.row ? `, row ${at.row}` : ''}${at.column ? `, column "${at.column}"` : ''}: ${text.en}`,
    );
    this.name = 'IngestError';
  }
}

/** More columns than any real table has: a wrong file, refused before it fills the memory. */
export const MAX_COLUMNS = 5000;

export function tooManyColumns(file: string, count: number, sheet?: string): IngestError {
  return new IngestError(
    'tooManyColumns',
    {
      vi: `Bảng có ${count.toLocaleString('vi-VN')} cột, quá ${MAX_COLUMNS.toLocaleString('vi-VN')} cột: đây không giống một bảng số liệu. Dữ liệu đã nạp trước đó vẫn giữ nguyên.`,
      en: `The table has ${count.toLocaleString('en-US')} columns, more than ${MAX_COLUMNS.toLocaleString('en-US')}: this does not look like a data table. What was loaded before is unchanged.`,
    },
    { file, ...(sheet ? { sheet } : {}) },
  );
}

export function describeLocation(at: Location, lang: 'vi' | 'en'): string {
  const parts = [lang === 'vi' ? `Tệp "${at.file}"` : `File "${at.file}"`];
  if (at.sheet) parts.push(lang === 'vi' ? `trang "${at.sheet}"` : `sheet "${at.sheet}"`);
  if (at.row) parts.push(lang === 'vi' ? `dòng ${at.row}` : `row ${at.row}`);
  if (at.column) parts.push(lang === 'vi' ? `cột "${at.column}"` : `column "${at.column}"`);
  return parts.join(', ');
}
