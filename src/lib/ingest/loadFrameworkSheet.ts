// A table of indicators with their max points — a framework as a decision publishes it — →
// a framework, validated like a JSON one and named after the file. The workspace registers it;
// its sections, totals and notes are listed as skipped, and each indicator's rule says whether it
// was read from the method text, borrowed by code, or left as points as given.
import type { Engine } from '../db/engine';
import { toRows, type Row } from '../db/rows';
import { frameworkFromSheet } from './frameworkFromSheet';
import type { SheetSource } from './sheetReview';
import { validateFramework } from '../framework/validateFramework';
import { fold } from '../sql/fold';
import { ident } from '../sql/quote';
import { IngestError } from './errors';
import { outlineOf, type Outline, type OutlineRow } from './frameworkOutline';
import { commonReport, formTable, sheetSpecId, validSheetSpec } from './formTable';
import type { FormRole } from './formColumns';
import type { Known, LoadOptions } from './loadInput';
import type { LoadResult } from './loadReport';
import { decimalMarks } from './observationsSql';
import { parseNumberSql } from './numbersSql';
import type { SkippedRow, StagedTable } from './staged';
import { loadRowSql } from './loadRecords';

/** Columns kept with each indicator as notes. */
const NOTE_ROLES: FormRole[] = ['evidence', 'dataSource', 'verifier', 'note'];

export async function loadFrameworkSheet(
  engine: Engine,
  staged: StagedTable,
  file: string,
  loadId: number,
  known: Known,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { headers, col, at } = formTable(staged, file, options.formRoles);
  const name = col('indicatorName');
  const max = col('maxPoints');
  if (name === null || max === null) {
    throw new IngestError(
      'shapeColumns',
      {
        vi: `Bảng không có dạng bộ chỉ số: cần một cột tên chỉ số ("Chỉ số", "Chỉ tiêu", "Tiêu chí"…) và một cột điểm tối đa ("Điểm tối đa", "Thang điểm"…). Các cột đã thấy: ${headers.join('; ')}.`,
        en: `The table is not a framework: it needs an indicator name column ("Chỉ số", "Chỉ tiêu", "Tiêu chí"…) and a max points column ("Điểm tối đa", "Thang điểm"…). Columns found: ${headers.join('; ')}.`,
      },
      at,
    );
  }
  const marks = await decimalMarks(engine, staged.table, [max]);
  const text = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const notes = NOTE_ROLES.flatMap((role) => {
    const c = col(role);
    return c ? [c] : [];
  });
  const read = toRows(
    await engine.query(`SELECT __row AS row, ${text(col('rowNumber'))} AS stt,
      ${text(col('indicatorCode'))} AS code, ${text(name)} AS name, ${text(col('group'))} AS grp,
      ${parseNumberSql(ident(max), marks.get(max) ?? ',')} AS max, ${text(max)} AS max_text,
      ${text(col('method'))} AS method
      ${notes.map((c, i) => `, ${text(c)} AS note_${i}`).join('')}
      FROM ${staged.table} ORDER BY __row`),
  );
  const repeatedHeader = headerRepeat(staged);
  const outlineRows: OutlineRow[] = [];
  const skipped: SkippedRow[] = [...staged.skipped];
  for (const r of read) {
    if (repeatedHeader(r)) {
      skipped.push({ row: Number(r.row), reason: 'title', text: rowText(r) });
      continue;
    }
    outlineRows.push({
      row: Number(r.row),
      stt: str(r.stt),
      code: str(r.code),
      name: str(r.name),
      group: str(r.grp),
      max: r.max === null ? null : Number(r.max),
      method: str(r.method),
      notes: notes.flatMap((header, i) => {
        const t = str(r[`note_${i}`]);
        return t ? [{ header, text: t }] : [];
      }),
    });
  }
  const outline = outlineOf(outlineRows);
  if (outline.indicators.length === 0)
    throw new IngestError(
      'shapeColumns',
      {
        vi: `Bảng có cột tên chỉ số và điểm tối đa nhưng không có dòng chỉ số nào có điểm tối đa (đã đọc ${read.length} dòng).`,
        en: `The table has indicator name and max points columns but no indicator row with max points (${read.length} rows read).`,
      },
      at,
    );
  const sheet: SheetSource = {
    id: sheetSpecId(file),
    titles: staged.skipped.filter((r) => r.reason === 'title').map((r) => r.text),
    fallbackTitle: file.replace(/\.[^.]+$/, ''),
    source: staged.sheet ? `${file} — ${staged.sheet}` : file,
    outline,
    codedByColumn: col('indicatorCode') !== null,
  };
  const { raw, rules } = frameworkFromSheet({
    ...sheet,
    known: known.frameworks,
    catalog: known.measures,
  });
  const definition = validSheetSpec(validateFramework, raw, at, {
    vi: 'Bảng bộ chỉ số',
    en: 'The framework sheet',
  });
  await engine.exec(
    loadRowSql({ loadId, file, shape: 'framework', rowsRead: staged.rowsRead, observations: 0 }),
  );
  return {
    ...commonReport(staged, file, loadId, 'framework', new Map(), options.formRoles),
    year: null,
    yearSource: 'title',
    units: 0,
    observations: 0,
    skippedRows: [...skipped, ...outlineSkipped(outline, read)].sort((a, b) => a.row - b.row),
    issues: [],
    framework: { definition, rules, sheet, doubts: outline.doubts },
  };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const rowText = (r: Row): string =>
  Object.entries(r)
    .filter(([k, v]) => k !== 'row' && k !== 'max' && v !== null)
    .map(([, v]) => String(v))
    .join(' | ');

/**
 * A row repeating the header (a table printed over several pages, then copied): two or more of
 * its cells are the header labels of their columns.
 */
function headerRepeat(staged: StagedTable): (r: Row) => boolean {
  const labels = new Set(staged.columns.map((c) => fold(c.label).replace(/\s+/g, '')));
  return (r) => {
    const cells = [r.stt, r.name, r.max_text, r.method].map((v) =>
      fold(String(v ?? '')).replace(/\s+/g, ''),
    );
    return cells.filter((c) => c !== '' && labels.has(c)).length >= 2;
  };
}

/** Sections, totals and rows without points, as the report lists skipped rows. */
function outlineSkipped(outline: Outline, read: Row[]): SkippedRow[] {
  const byRow = new Map(read.map((r) => [Number(r.row), r]));
  return outline.skipped.map((s) => ({
    row: s.row,
    reason: s.reason === 'noPoints' ? 'note' : 'total',
    text: rowText(byRow.get(s.row) ?? {}),
  }));
}
