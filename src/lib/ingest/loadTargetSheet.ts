// A plan's appendix of targets → a target profile for the unit the titles name, validated like
// a JSON one and named after the file. The workspace registers it; a target whose measure is
// not in the catalog is kept under its name and reported, one that cannot be read is reported.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { targetsFromSheet } from './targetsFromSheet';
import type { MeasureDef } from '../framework/types';
import { validateTargetProfile } from '../framework/validateTargets';
import { fold } from '../sql/fold';
import { ident } from '../sql/quote';
import { columnLetter } from './cellRef';
import type { CellIssue } from './cellIssues';
import { headerKey, measureIndex } from './columnRoles';
import { IngestError } from './errors';
import {
  commonReport,
  formSkippedRows,
  formTable,
  sheetSpecId,
  isTotalOrNoteSql,
  validSheetSpec,
} from './formTable';
import { formSubject } from './formSubject';
import type { Known, LoadOptions } from './loadInput';
import type { LoadResult } from './loadReport';
import type { StagedTable } from './staged';
import { issueRowsSql, loadRowSql } from './loadRecords';

export async function loadTargetSheet(
  engine: Engine,
  staged: StagedTable,
  file: string,
  loadId: number,
  known: Known,
  options: LoadOptions,
): Promise<LoadResult> {
  const { headers, col, at } = formTable(staged, file, options.formRoles);
  const name = col('indicatorName');
  const target = col('targetValue');
  if (name === null || target === null) {
    throw new IngestError(
      'shapeColumns',
      {
        vi: 'Bảng không có dạng danh mục chỉ tiêu: cần cột "Chỉ tiêu" và cột "Chỉ tiêu phấn đấu" (hoặc "Mục tiêu").',
        en: 'The table is not a list of targets: it needs a "Chỉ tiêu" column and a "Chỉ tiêu phấn đấu" (or "Mục tiêu") column.',
      },
      at,
    );
  }
  const titles = staged.skipped.filter((r) => r.reason === 'title').map((r) => r.text);
  const subject = await formSubject(engine, titles, file, staged.sheet, options.unit);
  const isData = `nullif(trim(${ident(name)}), '') IS NOT NULL AND nullif(trim(${ident(target)}), '') IS NOT NULL
    AND NOT ${isTotalOrNoteSql(ident(name))}`;
  const text = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const rows = toRows(
    await engine.query(`SELECT __row AS row, ${text(col('indicatorCode'))} AS code, trim(${ident(name)}) AS name,
      trim(${ident(target)}) AS target, ${text(col('comparator'))} AS comparator,
      ${text(col('deadline'))} AS deadline, ${text(col('quote'))} AS quote
      FROM ${staged.table} WHERE ${isData} ORDER BY __row`),
  ).map((r) => ({
    row: Number(r.row),
    code: str(r.code),
    name: String(r.name),
    target: String(r.target),
    comparator: str(r.comparator),
    deadline: str(r.deadline),
    quote: str(r.quote),
  }));

  const index = measureIndex(known.measures);
  const byCode = new Map(known.measures.map((m) => [m.code, m]));
  const measureOf = (code: string | null, label: string): MeasureDef | null =>
    byCode.get(code ?? '') ?? byCode.get(index.byName.get(headerKey(label)) ?? '') ?? null;
  // The title row that names the plan ("PHỤ LỤC I: DANH MỤC … CHỈ TIÊU …"), else the first.
  const planTitle =
    titles.map((t) => t.split(' | ')[0]!).find((t) => /chi tieu|ke hoach|muc tieu/.test(fold(t))) ??
    titles[0]?.split(' | ')[0] ??
    file;
  const source = staged.sheet ? `${file} — ${staged.sheet}` : file;
  const { raw, problems } = targetsFromSheet({
    // Two communes' "Phụ lục I.xlsx" are two profiles: the unit is part of the id.
    id: `${sheetSpecId(file)}-${subject.unit.code}`,
    title: planTitle,
    source,
    unit: subject.unit,
    planYear: subject.year,
    rows,
    measureOf,
    keyOf: headerKey,
  });
  const definition = validSheetSpec(validateTargetProfile, raw, at, {
    vi: 'Bảng chỉ tiêu',
    en: 'The targets sheet',
  });
  const issues: CellIssue[] = problems.map((p) => {
    const column = p.field === 'name' ? name : target;
    return {
      sheet: staged.sheet,
      row: p.row,
      column: columnLetter(headers.indexOf(column)),
      header: column,
      raw: p.raw,
      reason: p.reason,
    };
  });
  const issueRows = issueRowsSql(loadId, file, issues);
  if (issueRows) await engine.exec(issueRows);
  await engine.exec(
    loadRowSql({ loadId, file, shape: 'targets', rowsRead: staged.rowsRead, observations: 0 }),
  );
  return {
    ...commonReport(staged, file, loadId, 'targets', new Map(), options.formRoles),
    year: subject.year,
    yearSource: subject.yearFrom,
    units: 0,
    observations: 0,
    skippedRows: await formSkippedRows(engine, staged, headers, isData),
    issues,
    subject: { unitCode: subject.unit.code, unitName: subject.unit.name, from: subject.unitFrom },
    profile: { definition },
  };
}
