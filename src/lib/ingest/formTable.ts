// What the loaders of indicator-row tables (self-assessment forms, framework and target sheets)
// share: their columns by role, the report fields every load has, the skipped rows, and the
// refusal of a sheet whose framework or profile does not validate.
import type { Engine } from '../db/engine';
import { InvalidSpecError } from '../framework/check';
import { foldSql } from '../sql/fold';
import { headerKey } from './columnRoles';
import { columnLetter } from './cellRef';
import { nonDataRows } from './classifyRows';
import { IngestError, type Location } from './errors';
import { formColumnRoles, formColumns, type FormRole, type FormRoleChoices } from './formColumns';
import type { LoadResult } from './loadReport';
import type { DecimalMark } from './numbersSql';
import type { Shape } from './shape';
import { readingFacts, type SkippedRow, type StagedTable } from './staged';

export interface FormTable {
  headers: string[];
  /** The column holding a role, or null. */
  col: (role: FormRole) => string | null;
  /** Where the messages about this table point: the file and sheet. */
  at: Location;
}

export function formTable(
  staged: StagedTable,
  file: string,
  chosen: FormRoleChoices = {},
): FormTable {
  const headers = staged.columns.map((c) => c.name);
  const found = formColumns(staged.columns, chosen);
  return {
    headers,
    col: (role) => {
      const i = found[role];
      return i === undefined ? null : headers[i]!;
    },
    at: { file, ...(staged.sheet ? { sheet: staged.sheet } : {}) },
  };
}

type Common = Pick<
  LoadResult,
  | 'file'
  | 'loadId'
  | 'sheet'
  | 'sheets'
  | 'format'
  | 'encoding'
  | 'encodingNote'
  | 'delimiter'
  | 'shape'
  | 'headerRows'
  | 'rowsRead'
  | 'columns'
  | 'unknownMeasures'
  | 'rateScales'
  | 'duplicates'
  | 'signature'
  | 'mapping'
  | 'formRoles'
>;

/** The report fields of any indicator-row load; columns show their form role. */
export function commonReport(
  staged: StagedTable,
  file: string,
  loadId: number,
  shape: Shape,
  marks: Map<string, DecimalMark> = new Map(),
  chosen: FormRoleChoices = {},
): Common {
  const roles = formColumnRoles(staged.columns, chosen);
  return {
    ...readingFacts(staged, file, loadId),
    shape,
    columns: staged.columns.map((c, i) => ({
      header: c.name,
      column: columnLetter(i),
      role: roles[i]!.role ?? 'ignored',
      ...(roles[i]!.how === 'person' ? { matchedBy: 'person' as const } : {}),
      ...(roles[i]!.how === 'guess' && roles[i]!.role ? { guessed: true } : {}),
      ...(marks.has(c.name) ? { decimalMark: marks.get(c.name)! } : {}),
    })),
    ...(Object.keys(chosen).length > 0 ? { formRoles: { ...chosen } } : {}),
    unknownMeasures: [],
    rateScales: [],
    duplicates: [],
    signature: '',
    mapping: {},
  };
}

/**
 * SQL: a name cell that is a total or a note rather than an indicator — the whole cell "Tổng
 * cộng", "Tổng điểm:", "Cộng", or a line starting "Ghi chú", "Người lập". Names such as "Cổng
 * thông tin…" or "Tổng số hồ sơ…" are indicators.
 */
export function isTotalOrNoteSql(cell: string): string {
  const f = foldSql(cell);
  return `(regexp_full_match(${f}, '(tong cong|tong diem|tong so diem|tong|cong)\\s*:?')
    OR regexp_matches(${f}, '^(ghi chu|nguoi lap|tm\\.)'))`;
}

/** Rows above the table and rows of it that `isData` rejects, in sheet order. */
export async function formSkippedRows(
  engine: Engine,
  staged: StagedTable,
  headers: string[],
  isData: string,
): Promise<SkippedRow[]> {
  return [...staged.skipped, ...(await nonDataRows(engine, staged.table, headers, isData))].sort(
    (a, b) => a.row - b.row,
  );
}

/** The id of a framework or profile read from a file: "bang-" and the file's name as a code. */
export function sheetSpecId(file: string): string {
  return `bang-${headerKey(file.replace(/\.[^.]+$/, '')).replaceAll('_', '-')}`;
}

/** Validates what a sheet became; its problems, with their paths, refuse the file. */
export function validSheetSpec<T>(
  validate: (raw: unknown) => T,
  raw: unknown,
  at: Location,
  what: { vi: string; en: string },
): T {
  try {
    return validate(raw);
  } catch (e) {
    if (!(e instanceof InvalidSpecError)) throw e;
    const list = (lang: 'vi' | 'en'): string =>
      e.problems.map((p) => `${p.path}: ${p.message[lang]}`).join('; ');
    throw new IngestError(
      'invalidFrameworkSheet',
      {
        vi: `${what.vi} không dùng được: ${list('vi')}.`,
        en: `${what.en} cannot be used: ${list('en')}.`,
      },
      at,
    );
  }
}
