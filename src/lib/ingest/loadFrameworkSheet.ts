// A sheet that lists indicators with their group and max points → a framework, validated like
// a JSON one and named after the file. The workspace registers it; rows of the sheet that are
// not indicators (titles, "Tổng điểm", notes) are listed as skipped.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { frameworkFromSheet } from '../framework/fromSheet';
import { validateFramework } from '../framework/validateFramework';
import { ident, lit } from '../sql/quote';
import { IngestError } from './errors';
import {
  commonReport,
  formSkippedRows,
  formTable,
  sheetSpecId,
  isTotalOrNoteSql,
  validSheetSpec,
} from './formTable';
import type { Known } from './loadInput';
import type { LoadResult } from './loadReport';
import { decimalMarks } from './observationsSql';
import { parseNumberSql } from './numbersSql';
import type { StagedTable } from './staged';

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
  // A row numbered "I", "II", "A" heads a section: its name is the group of the rows under it
  // (when the sheet has no "Nhóm" column), and its points are their sum, not an indicator.
  const stt = col('rowNumber');
  const section = stt
    ? `regexp_full_match(lower(trim(coalesce(${ident(stt)}, ''))), '(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|[a-h])\\.?')`
    : 'FALSE';
  const named = `nullif(trim(${ident(name)}), '') IS NOT NULL AND NOT ${isTotalOrNoteSql(ident(name))}`;
  const isData = `${named} AND ${maxSql} IS NOT NULL AND NOT ${section}`;
  const text = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const read = toRows(
    await engine.query(`SELECT __row AS row, ${section} AS section, ${text(col('indicatorCode'))} AS code,
      trim(${ident(name)}) AS name, ${text(col('group'))} AS grp, ${maxSql} AS max, ${text(col('method'))} AS method
      FROM ${staged.table} WHERE ${named} AND (${section} OR ${maxSql} IS NOT NULL) ORDER BY __row`),
  );
  let sectionName: string | null = null;
  const rows = read.flatMap((r) => {
    if (r.section) {
      sectionName = String(r.name);
      return [];
    }
    return [
      {
        row: Number(r.row),
        code: r.code === null ? null : String(r.code),
        name: String(r.name),
        group: r.grp === null ? sectionName : String(r.grp),
        maxPoints: Number(r.max),
        method: r.method === null ? null : String(r.method),
      },
    ];
  });
  const titles = staged.skipped.filter((r) => r.reason === 'title').map((r) => r.text);
  const { raw, rules } = frameworkFromSheet({
    id: sheetSpecId(file),
    titles,
    fallbackTitle: file.replace(/\.[^.]+$/, ''),
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
