// One unit's self-assessment form → rows of `assessments`: per indicator, the points the unit
// gave itself (tự chấm) and the appraised points (thẩm định), each with its cell. Indicators
// are matched by code or folded name to the registered framework that knows most of them;
// many forms dropped at once make one district table.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { foldSql } from '../sql/fold';
import { ident, lit, litList } from '../sql/quote';
import { formPointsSuffix, type FormPoints } from '../framework/assessedFramework';
import { columnLetter } from './cellRef';
import { listIssues } from './cellIssues';
import { MISSING_MARKERS } from '../text/cellWords';
import { IngestError } from './errors';
import { commonReport, formSkippedRows, formTable, isTotalOrNoteSql } from './formTable';
import { formSubject } from './formSubject';
import type { LoadOptions } from './loadInput';
import type { LoadResult } from './loadReport';
import { decimalMarks } from './observationsSql';
import { parseNumberSql } from './numbersSql';
import type { StagedTable } from './staged';
import { issuesFromQuerySql, loadRowSql } from './loadRecords';

/** A staged column of the form, always through the alias `s` (names like "Indicator" clash). */
const at = (col: string): string => `s.${ident(col)}`;
const text = (col: string | null): string => (col ? `nullif(trim(${at(col)}), '')` : 'NULL');
/** "1", "12", "1.2", "3." — an indicator's number; "I", "II", "A" head sections. */
const ITEM_NUMBER = `'\\d+([.,]\\d+)*\\.?'`;

export async function loadSelfAssessment(
  engine: Engine,
  staged: StagedTable,
  file: string,
  loadId: number,
  options: LoadOptions,
): Promise<LoadResult> {
  const { headers, col } = formTable(staged, file, options.formRoles);
  const name = col('indicatorName') ?? col('indicatorCode');
  const scoreColumns = [col('selfPoints'), col('appraisedPoints')].filter((c) => c !== null);
  if (name === null || scoreColumns.length === 0) throw missingColumns(file, staged.sheet);

  const subject = await formSubject(
    engine,
    staged.skipped.filter((r) => r.reason === 'title').map((r) => r.text),
    file,
    staged.sheet,
    options.unit,
  );
  const stt = col('rowNumber');
  const isData = `${text(name)} IS NOT NULL AND ${
    stt
      ? `regexp_full_match(trim(coalesce(${at(stt)}, '')), ${ITEM_NUMBER})`
      : `NOT ${isTotalOrNoteSql(at(name))}`
  }`;
  const marks = await decimalMarks(
    engine,
    staged.table,
    [col('maxPoints'), ...scoreColumns].filter((c) => c !== null),
  );
  const num = (c: string | null): string =>
    c ? parseNumberSql(at(c), marks.get(c) ?? ',') : 'NULL';
  const cell = (c: string | null): string =>
    c ? `${lit(columnLetter(headers.indexOf(c)))} || s.__row` : 'NULL';
  const code = col('indicatorCode');
  const frameworkId = await likeliestFramework(engine, staged.table, name, code, isData);

  // Each form row, its indicator found by code, else by folded name, in the chosen framework.
  await engine.exec(`
INSERT INTO assessments
SELECT ${lit(subject.unit.code)}, ${subject.year},
  coalesce(i.__indicator, trim(regexp_replace(${foldSql(at(name))}, '[^a-z0-9]+', '_', 'g'), '_')),
  ${text(name)}, i.__framework, ${num(col('maxPoints'))},
  ${num(col('selfPoints'))}, ${num(col('appraisedPoints'))},
  ${text(col('selfPoints'))}, ${text(col('appraisedPoints'))}, ${text(col('method'))}, ${text(col('evidence'))},
  ${lit(file)}, ${lit(staged.sheet)}, s.__row, ${cell(col('selfPoints'))}, ${cell(col('appraisedPoints'))}, ${loadId}
FROM ${staged.table} s
LEFT JOIN (
  SELECT DISTINCT ON (s.__row) s.__row AS __match_row, i.indicator AS __indicator, i.framework_id AS __framework
  FROM ${staged.table} s JOIN fw_indicators i ON i.framework_id = ${lit(frameworkId)}
    AND ${indicatorMatch(name, code)}
  ORDER BY s.__row, i.ord
) i ON i.__match_row = s.__row
WHERE ${isData}`);

  const assessed = frameworkId
    ? await formPointsObservations(
        engine,
        loadId,
        frameworkId,
        [
          ['self', col('selfPoints')],
          ['appraised', col('appraisedPoints')],
        ].flatMap(([kind, c]) =>
          c ? [[kind as FormPoints, columnLetter(headers.indexOf(c))] as const] : [],
        ),
      )
    : null;
  await recordFormIssues(engine, staged, file, loadId, name, headers, [
    col('selfPoints'),
    col('appraisedPoints'),
  ]);
  await engine.exec(`
INSERT INTO units VALUES (${lit(subject.unit.code)}, ${lit(subject.unit.name)}, ${lit(subject.unit.level)}, ${lit(subject.unit.parentCode)}, ${lit(subject.unit.parentName)})
ON CONFLICT (unit_code) DO UPDATE SET
  unit_name = coalesce(units.unit_name, excluded.unit_name),
  level = coalesce(units.level, excluded.level),
  parent_code = coalesce(units.parent_code, excluded.parent_code),
  parent_name = coalesce(units.parent_name, excluded.parent_name)`);
  const [counts] = toRows(
    await engine.query(`SELECT count(*)::INTEGER AS n FROM assessments WHERE load_id = ${loadId}`),
  );
  const rows = Number(counts!.n);
  await engine.exec(
    loadRowSql({
      loadId,
      file,
      shape: 'selfAssessment',
      rowsRead: staged.rowsRead,
      observations: rows,
    }),
  );
  return {
    ...commonReport(staged, file, loadId, 'selfAssessment', marks, options.formRoles),
    year: subject.year,
    yearSource: subject.yearFrom,
    units: 1,
    observations: rows,
    skippedRows: await formSkippedRows(engine, staged, headers, isData),
    issues: await listIssues(engine, loadId),
    subject: { unitCode: subject.unit.code, unitName: subject.unit.name, from: subject.unitFrom },
    ...(assessed ? { assessed } : {}),
  };
}

/**
 * The form's points as observations of the measures the framework scored from forms reads
 * (assessedFramework.ts), each with its cell: forms alone then rank a district, by appraised
 * or self-assessed points. How many of each the form gave.
 */
async function formPointsObservations(
  engine: Engine,
  loadId: number,
  frameworkId: string,
  columns: readonly (readonly [FormPoints, string])[],
): Promise<{ framework: string; self: number; appraised: number }> {
  const counts = { self: 0, appraised: 0 };
  for (const [kind, column] of columns) {
    // formPointsMeasure(frameworkId, indicator, kind), row by row.
    const measure = (indicator: string): string =>
      `${lit(`${frameworkId}.`)} || ${indicator} || ${lit(`.${formPointsSuffix(kind)}`)}`;
    await engine.exec(`
INSERT INTO observations
SELECT unit_code, year, ${measure('indicator')}, ${kind}_points, ${kind}_text, source_file, source_sheet,
  source_row, ${lit(column)}, ${kind}_cell, load_id
FROM assessments
WHERE load_id = ${loadId} AND framework_id = ${lit(frameworkId)} AND ${kind}_points IS NOT NULL`);
    const [n] = toRows(
      await engine.query(
        `SELECT count(*)::INTEGER AS n FROM assessments WHERE load_id = ${loadId} AND framework_id = ${lit(frameworkId)} AND ${kind}_points IS NOT NULL`,
      ),
    );
    counts[kind] = Number(n!.n);
  }
  return { framework: frameworkId, ...counts };
}

/** SQL: a form row `s` names indicator `i` — by its code, or by its folded Vietnamese name. */
function indicatorMatch(name: string, code: string | null): string {
  const byName = `${foldSql('i.name_vi')} = ${foldSql(at(name))}`;
  return code ? `(trim(${at(code)}) = i.indicator OR ${byName})` : byName;
}

/** The registered framework that knows the most of the form's indicators (ties: by id). */
async function likeliestFramework(
  engine: Engine,
  table: string,
  name: string,
  code: string | null,
  isData: string,
): Promise<string | null> {
  const [best] = toRows(
    await engine.query(`
SELECT i.framework_id, count(DISTINCT s.__row) AS n
FROM ${table} s JOIN fw_indicators i ON ${indicatorMatch(name, code)}
WHERE ${isData}
GROUP BY i.framework_id ORDER BY n DESC, i.framework_id LIMIT 1`),
  );
  return best ? String(best.framework_id) : null;
}

/**
 * Points that are not numbers ("đạt" where 4 belongs) or exceed the indicator's max, and
 * indicators no framework knows. "No data" markers and empty cells are simply not scored yet.
 */
async function recordFormIssues(
  engine: Engine,
  staged: StagedTable,
  file: string,
  loadId: number,
  name: string,
  headers: string[],
  scoreColumns: (string | null)[],
): Promise<void> {
  const issue = (column: string, raw: string, reason: string, where: string): string =>
    issuesFromQuerySql(`
SELECT ${loadId}, ${lit(file)}, ${lit(staged.sheet)}, a.source_row, ${lit(columnLetter(headers.indexOf(column)))}, ${lit(column)}, ${raw}, ${lit(reason)}
FROM assessments a WHERE a.load_id = ${loadId} AND ${where}`);
  await engine.exec(issue(name, 'a.indicator_name', 'unknownIndicator', 'a.framework_id IS NULL'));
  for (const [c, kind] of scoreColumns.map(
    (c, i) => [c, i === 0 ? 'self' : 'appraised'] as const,
  )) {
    if (c === null) continue;
    const raw = `a.${kind}_text`;
    const value = `a.${kind}_points`;
    await engine.exec(
      issue(
        c,
        raw,
        'notNumber',
        `${raw} IS NOT NULL AND ${value} IS NULL AND ${foldSql(raw)} NOT IN ${litList(MISSING_MARKERS)}`,
      ),
    );
    await engine.exec(issue(c, raw, 'overMax', `${value} > a.max_points`));
  }
}

function missingColumns(file: string, sheet: string | null): IngestError {
  return new IngestError(
    'shapeColumns',
    {
      vi: 'Bảng không có dạng phiếu tự đánh giá: cần cột "Chỉ số" (hoặc "Mã") và cột "Điểm tự chấm" hoặc "Thẩm định".',
      en: 'The table is not a self-assessment form: it needs a "Chỉ số" (or "Mã") column and a "Điểm tự chấm" or "Thẩm định" column.',
    },
    { file, ...(sheet ? { sheet } : {}) },
  );
}
