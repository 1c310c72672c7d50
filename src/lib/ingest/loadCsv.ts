// A CSV file → rows in `units` and `observations`, and a report of what was read and what was
// not. Wide files have one column per measure; long files have measure and value columns.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { ident, lit } from '../sql/quote';
import { columnLetter } from './cellRef';
import { roleOf, type ColumnRole } from './columnRoles';
import { IngestError } from './errors';
import type { DecimalMark } from './numbersSql';
import { decimalMarks, longInsert, wideInserts, type Source } from './observationsSql';
import { readCsvTable } from './readCsvTable';
import { codeSql, unitColumns, upsertUnits } from './unitColumns';
import { yearOf } from './yearOf';

export interface ColumnReport {
  header: string;
  column: string;
  role: ColumnRole['role'];
  measure?: string;
  known?: boolean;
  decimalMark?: DecimalMark;
}

export interface LoadReport {
  file: string;
  loadId: number;
  shape: 'wide' | 'long';
  year: number | null;
  yearSource: 'column' | 'fileName';
  rowsRead: number;
  units: number;
  observations: number;
  columns: ColumnReport[];
  /** Long files: measures named in the file that the catalog does not know (loaded anyway). */
  unknownMeasures: string[];
  /** Data rows without a unit code, e.g. "Tổng cộng" or notes rows: skipped, listed by row. */
  skippedRows: { row: number; text: string }[];
  /** The same unit, year and measure given more than once in this file: the last row counts. */
  duplicates: { unit: string; year: number; measure: string; rows: number[] }[];
}

export async function loadCsv(
  engine: Engine,
  file: { name: string; bytes: Uint8Array },
  knownMeasures: ReadonlySet<string>,
): Promise<LoadReport> {
  const loadId = await nextLoadId(engine);
  const csv = await readCsvTable(engine, file, loadId);
  try {
    const { table, headers } = csv;
    const roles = headers.map((h) => roleOf(h, knownMeasures));
    const shape =
      roles.some((r) => r.role === 'measure') && roles.some((r) => r.role === 'value')
        ? 'long'
        : 'wide';
    const unit = unitColumns(headers, roles, file.name);
    const year = yearOf(headers, roles, file.name);
    const source: Source = {
      table,
      headers,
      roles,
      code: codeSql(unit.code, unit.level),
      codeColumn: unit.code,
      year: year.column ? `TRY_CAST(trim(${ident(year.column)}) AS INTEGER)` : lit(year.value),
      file: file.name,
      loadId,
    };
    if (year.column) await checkYears(engine, source, year.column);
    await upsertUnits(engine, table, unit);

    const valueColumns =
      shape === 'long'
        ? [headers[roles.findIndex((r) => r.role === 'value')]!]
        : headers.filter((_, i) => roles[i]!.role === 'measureColumn');
    const marks = await decimalMarks(engine, table, valueColumns);
    const inserts =
      shape === 'long'
        ? [longInsert(source, knownMeasures, marks.get(valueColumns[0]!) ?? ',')]
        : wideInserts(source, marks);
    for (const sql of inserts) await engine.exec(sql);

    const counts = toRows(
      await engine.query(
        `SELECT count(*)::INTEGER AS observations, count(DISTINCT unit_code)::INTEGER AS units FROM observations WHERE load_id = ${loadId}`,
      ),
    )[0]!;
    await engine.exec(
      `INSERT INTO loads VALUES (${loadId}, ${lit(file.name)}, ${lit(shape)}, ${csv.rowsRead}, ${Number(counts.observations)}, current_timestamp)`,
    );
    return {
      file: file.name,
      loadId,
      shape,
      year: year.value,
      yearSource: year.column ? 'column' : 'fileName',
      rowsRead: csv.rowsRead,
      units: Number(counts.units),
      observations: Number(counts.observations),
      columns: headers.map((header, i) =>
        columnReport(header, i, roles[i]!, knownMeasures, marks.get(header)),
      ),
      unknownMeasures: shape === 'long' ? await unknownMeasures(engine, loadId, knownMeasures) : [],
      skippedRows: await skippedRows(engine, table, headers, unit.code),
      duplicates: await duplicates(engine, loadId),
    };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${csv.table}`);
  }
}

function columnReport(
  header: string,
  i: number,
  role: ColumnRole,
  known: ReadonlySet<string>,
  mark: DecimalMark | undefined,
): ColumnReport {
  const report: ColumnReport = { header, column: columnLetter(i), role: role.role };
  if (role.role === 'measureColumn') {
    report.measure = role.measure;
    report.known = known.has(role.measure);
  }
  if (mark) report.decimalMark = mark;
  return report;
}

async function nextLoadId(engine: Engine): Promise<number> {
  const rows = toRows(
    await engine.query('SELECT coalesce(max(load_id), 0)::INTEGER + 1 AS id FROM loads'),
  );
  return Number(rows[0]?.id ?? 1);
}

/** Rows with a unit code need a valid year; rows without one (totals, notes) are skipped anyway. */
async function checkYears(engine: Engine, s: Source, column: string): Promise<void> {
  const [bad] = toRows(
    await engine.query(
      `SELECT __row AS row, ${ident(column)} AS text FROM ${s.table}
       WHERE nullif(trim(${ident(s.codeColumn)}), '') IS NOT NULL
         AND (${s.year} IS NULL OR ${s.year} NOT BETWEEN 1990 AND 2100)
       ORDER BY __row LIMIT 1`,
    ),
  );
  if (bad) {
    const text = String(bad.text ?? '');
    throw new IngestError(
      { vi: `Năm không hợp lệ: "${text}".`, en: `Not a valid year: "${text}".` },
      { file: s.file, row: Number(bad.row), column },
    );
  }
}

async function skippedRows(
  engine: Engine,
  table: string,
  headers: string[],
  codeColumn: string,
): Promise<LoadReport['skippedRows']> {
  const rows = toRows(
    await engine.query(
      `SELECT __row AS row, concat_ws(' | ', ${headers.map(ident).join(', ')}) AS text FROM ${table}
       WHERE nullif(trim(${ident(codeColumn)}), '') IS NULL ORDER BY __row`,
    ),
  );
  return rows.map((r) => ({ row: Number(r.row), text: String(r.text ?? '') }));
}

async function duplicates(engine: Engine, loadId: number): Promise<LoadReport['duplicates']> {
  const rows = toRows(
    await engine.query(
      `SELECT unit_code, year, measure, list(source_row ORDER BY source_row) AS rows FROM observations
       WHERE load_id = ${loadId} GROUP BY unit_code, year, measure HAVING count(*) > 1
       ORDER BY min(source_row), measure LIMIT 200`,
    ),
  );
  return rows.map((r) => ({
    unit: String(r.unit_code),
    year: Number(r.year),
    measure: String(r.measure),
    rows: (r.rows as unknown[]).map(Number),
  }));
}

async function unknownMeasures(
  engine: Engine,
  loadId: number,
  known: ReadonlySet<string>,
): Promise<string[]> {
  const rows = toRows(
    await engine.query(
      `SELECT DISTINCT measure FROM observations WHERE load_id = ${loadId} ORDER BY measure`,
    ),
  );
  return rows.map((r) => String(r.measure)).filter((m) => !known.has(m));
}
