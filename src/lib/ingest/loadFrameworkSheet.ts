// A sheet that lists indicators with their group and max points → a framework, validated like
// a JSON one and named after the file. The workspace registers it; rows of the sheet that are
// not indicators (titles, "Tổng điểm", notes) are listed as skipped.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { frameworkFromSheet } from '../framework/fromSheet';
import { validateFramework } from '../framework/validateFramework';
import { foldSql } from '../sql/fold';
import { ident, lit } from '../sql/quote';
import { IngestError } from './errors';
import { commonReport, formSkippedRows, formTable, validSheetSpec } from './formTable';
import type { Known } from './loadInput';
import type { LoadResult } from './loadReport';
import { decimalMarks } from './observationsSql';
import { parseNumberSql } from './numbersSql';
import type { StagedTable } from './staged';
import { headerKey } from './columnRoles';

export async function loadFrameworkSheet(
  engine: Engine,
  staged: StagedTable,
  file: string,
  loadId: number,
  known: Known,
): Promise<LoadResult> {
  const { headers, col, at } = formTable(staged, file);
  const name = col('indicatorName');
  const max = col('maxPoints');
  if (name === null || max === null) {
    throw new IngestError(
      'shapeColumns',
      {
        vi: 'Bảng không có dạng bộ chỉ số: cần cột "Chỉ tiêu" (tên chỉ số) và cột "Điểm tối đa".',
        en: 'The table is not a framework: it needs a "Chỉ tiêu" (indicator name) column and a "Điểm tối đa" column.',
      },
      at,
    );
  }
  const marks = await decimalMarks(engine, staged.table, [max]);
  const maxSql = parseNumberSql(ident(max), marks.get(max) ?? ',');
  const isData = `nullif(trim(${ident(name)}), '') IS NOT NULL AND ${maxSql} IS NOT NULL
    AND NOT regexp_matches(${foldSql(ident(name))}, '^(tong|cong)')`;
  const text = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const rows = toRows(
    await engine.query(`SELECT __row AS row, ${text(col('indicatorCode'))} AS code, trim(${ident(name)}) AS name,
      ${text(col('group'))} AS grp, ${maxSql} AS max, ${text(col('method'))} AS method
      FROM ${staged.table} WHERE ${isData} ORDER BY __row`),
  ).map((r) => ({
    row: Number(r.row),
    code: r.code === null ? null : String(r.code),
    name: String(r.name),
    group: r.grp === null ? null : String(r.grp),
    maxPoints: Number(r.max),
    method: r.method === null ? null : String(r.method),
  }));
  const title =
    staged.skipped.find((r) => r.reason === 'title')?.text.split(' | ')[0] ??
    file.replace(/\.[^.]+$/, '');
  const { raw, rules } = frameworkFromSheet({
    id: `bang-${headerKey(file.replace(/\.[^.]+$/, '')).replaceAll('_', '-')}`,
    title,
    source: staged.sheet ? `${file} — ${staged.sheet}` : file,
    rows,
    known: known.frameworks,
    catalog: known.measures,
  });
  const definition = validSheetSpec(validateFramework, raw, at, {
    vi: 'Bảng bộ chỉ số',
    en: 'The framework sheet',
  });
  await engine.exec(
    `INSERT INTO loads (load_id, file_name, shape, rows_read, observations) VALUES (${loadId}, ${lit(file)}, 'framework', ${staged.rowsRead}, 0)`,
  );
  return {
    ...commonReport(staged, file, loadId, 'framework'),
    year: null,
    yearSource: 'title',
    units: 0,
    observations: 0,
    skippedRows: await formSkippedRows(engine, staged, headers, isData),
    issues: [],
    framework: { definition, rules },
  };
}
