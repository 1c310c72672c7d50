// A wide or long table (from CSV or a sheet) → rows in `units` and `observations`, the cells
// that could not be read in `load_issues`, and a report of everything read, skipped or doubted.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { Level, MeasureDef } from '../framework/types';
import { ident, lit } from '../sql/quote';
import { columnLetter } from './cellRef';
import { measureIndex, roleOf, type ColumnRole, type MeasureIndex } from './columnRoles';
import { IngestError } from './errors';
import type { DecimalMark } from './numbersSql';
import type { ColumnReport, LoadReport, LoadResult, MeasureName } from './loadReport';
import {
  decimalMarks,
  longInsert,
  rateInserts,
  ratesFromCounts,
  rowRanges,
  wideInsert,
  type RowRange,
  type Source,
} from './observationsSql';
import { readingFacts, type StagedTable } from './staged';
import { codeSql, hasCodeSql, unitColumns, upsertUnits, type UnitColumns } from './unitColumns';
import { findTitleParent, type TitleParent } from './titleParent';
import { yearOf } from './yearOf';
import { parseDateSql } from '../text/datesSql';
import { checkpoint } from './progress';
import { rateScales } from './rateScales';
import { recordIssues, recordUnitIssues } from './cellIssues';
import { rowsWithoutCode } from './classifyRows';
import { applyMapping, headerSignature } from './columnMapping';
import { checkGuesses } from './guessChecks';
import type { LoadOptions } from './loadInput';
import { MATCH, matchUnitsByName } from './unitsByName';
import type { LoadWrites } from './loadWrites';
import { loadRowSql } from './loadRecords';

const MAX_LISTED = 5000;

/**
 * Staged rows written (and committed) at a time, and observations a check reads at a time: a
 * national file is 4.9 million rows.
 */
export const CHUNK_ROWS = 1_000_000;

export async function loadTable(
  engine: Engine,
  staged: StagedTable,
  file: string,
  writes: LoadWrites,
  catalog: readonly MeasureDef[],
  options: LoadOptions,
  detected: 'wide' | 'long',
): Promise<LoadResult> {
  const loadId = writes.loadId;
  const index = measureIndex(catalog);
  const headers = staged.columns.map((c) => c.name);
  const signature = headerSignature(staged.columns);
  const mapping = options.mapping ?? options.remembered?.(signature) ?? {};
  const read = applyMapping(
    staged.columns,
    staged.columns.map((c) => roleOf(c, index)),
    mapping,
  );
  const shape = detected;
  const unit = await unitsOf(engine, staged.table, headers, read, file);
  const byName = unit.code === MATCH.code;
  const samples = await columnSamples(
    engine,
    staged.table,
    // A column the person said is not a measure keeps its values on view, to change their mind.
    staged.columns.flatMap((c, i) => (MAPPABLE.has(read[i]!.role) ? [c.name] : [])),
    byName ? null : unit.code,
  );
  const roles = checkGuesses(staged.columns, read, samples, catalog);
  const fromTitle = byName ? null : await parentOfAll(engine, staged, unit);
  if (fromTitle) unit.sharedParent = fromTitle;
  const year = yearOf(headers, roles, file, staged.sheet, titlesOf(staged));
  const source: Source = {
    table: staged.table,
    headers,
    roles,
    sheet: staged.sheet,
    code: codeSql(unit.code, unit.level, unit.name),
    codeColumn: unit.code,
    // A year column may hold dates ("31/12/2024"): their year counts.
    year: year.column
      ? `coalesce(TRY_CAST(trim(${ident(year.column)}) AS INTEGER), year(${parseDateSql(ident(year.column))}))`
      : lit(year.value),
    file,
    loadId,
  };
  if (year.column) await checkYears(engine, source, year.column);

  const valueColumns =
    shape === 'long'
      ? [headers[roles.findIndex((r) => r.role === 'value')]!]
      : headers.filter((_, i) => ['measureColumn', 'ratePart'].includes(roles[i]!.role));
  const marks = await decimalMarks(engine, staged.table, valueColumns);
  const measureNames =
    shape === 'long' ? await namedMeasures(engine, staged.table, headers, roles, index) : [];
  const named = new Map(measureNames.map((n) => [n.label, n.measure]));
  const chunk = (rows: RowRange): string[] =>
    shape === 'long'
      ? [longInsert(source, index.codes, marks.get(valueColumns[0]!) ?? ',', rows, named)]
      : [wideInsert(source, marks, rows), ...rateInserts(source, marks, rows)].filter(
          (sql): sql is string => sql !== null,
        );
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const inserts = rowRanges(await lastRow(engine, staged.table), chunkRows).flatMap(chunk);
  for (const [i, sql] of inserts.entries()) {
    checkpoint(options, file, 'writing', i, inserts.length);
    await engine.exec(sql);
  }
  await writes.begin();
  await upsertUnits(engine, staged.table, unit);
  checkpoint(options, file, 'checking');
  if (byName)
    await recordUnitIssues(engine, staged.table, loadId, file, staged.sheet, unit.name!, headers);
  const issues = await recordIssues(engine, loadId, catalog);

  const [counts] = toRows(
    await engine.query(
      `SELECT count(*)::INTEGER AS observations, count(DISTINCT unit_code)::INTEGER AS units FROM observations WHERE load_id = ${loadId}`,
    ),
  );
  await engine.exec(
    loadRowSql({
      loadId,
      file,
      shape,
      rowsRead: staged.rowsRead,
      observations: Number(counts!.observations),
    }),
  );
  return {
    ...readingFacts(staged, file, loadId),
    shape,
    year: year.value,
    yearSource: year.from,
    units: Number(counts!.units),
    observations: Number(counts!.observations),
    columns: columnReports(staged, roles, index, marks, samples),
    unknownMeasures: await unknownMeasures(engine, loadId, index.codes),
    ...(measureNames.length > 0 ? { measureNames } : {}),
    // A rate computed from counts is a fraction, whatever its values — unless another column
    // gives the same measure, whose values then say their scale.
    rateScales: await rateScales(engine, loadId, {
      ...Object.fromEntries(
        [...ratesFromCounts(roles).keys()]
          .filter((m) => !roles.some((r) => r.role === 'measureColumn' && r.measure === m))
          .map((m) => [m, 'fraction' as const]),
      ),
      ...options.rateScales,
    }),
    skippedRows: [
      ...staged.skipped,
      ...(await rowsWithoutCode(engine, staged.table, headers, unit.code, byName)),
    ].sort((a, b) => a.row - b.row),
    duplicates: await duplicates(engine, loadId, Number(counts!.observations), chunkRows),
    issues,
    signature,
    mapping,
    ...(fromTitle ? { parentFromTitle: fromTitle.name } : {}),
  };
}

/**
 * With no parent column, the unit the title rows name ("UBND HUYỆN …") is the parent of every
 * row the app knows no parent for — when it is the level just above the rows'.
 */
async function parentOfAll(
  engine: Engine,
  staged: StagedTable,
  unit: UnitColumns,
): Promise<TitleParent | null> {
  if (unit.parent || unit.parentName || unit.level === 'tinh') return null;
  const parent = await findTitleParent(engine, titlesOf(staged));
  const above: Record<Level, readonly (Level | null)[]> = {
    xa: ['huyen', 'tinh', null],
    huyen: ['tinh', null],
    tinh: [],
  };
  return parent && (unit.level === null || above[unit.level].includes(parent.level))
    ? parent
    : null;
}

/**
 * Who each row is about: its code column, or — when the file gives only names — the official
 * unit its name matches (see unitsByName.ts).
 */
async function unitsOf(
  engine: Engine,
  table: string,
  headers: string[],
  roles: ColumnRole[],
  file: string,
): Promise<UnitColumns> {
  try {
    return unitColumns(headers, roles, file);
  } catch (e) {
    const nameAt = roles.findIndex(
      (r) => r.role === 'name' && (r.level === 'xa' || r.level === null),
    );
    if (!(e instanceof IngestError) || e.code !== 'noUnitColumn' || nameAt < 0) throw e;
    const districtAt = roles.findIndex((r) => r.role === 'name' && r.level === 'huyen');
    await matchUnitsByName(
      engine,
      table,
      headers[nameAt]!,
      districtAt < 0 ? null : headers[districtAt]!,
    );
    return {
      code: MATCH.code,
      level: null,
      name: headers[nameAt]!,
      parent: { column: MATCH.parentCode, level: null },
      parentName: MATCH.parentName,
      levelColumn: MATCH.level,
      officialName: MATCH.name,
    };
  }
}

/** The cells of the title rows above the table ("UBND HUYỆN …", "… NĂM 2024"). */
function titlesOf(staged: StagedTable): string[] {
  return staged.skipped.filter((s) => s.reason === 'title').flatMap((s) => s.text.split(' | '));
}

/** Each column: what it was read as, and for a measure the person may re-map, what helps. */
function columnReports(
  staged: StagedTable,
  roles: ColumnRole[],
  index: MeasureIndex,
  marks: Map<string, DecimalMark>,
  samples: ReadonlyMap<string, string[]>,
): ColumnReport[] {
  return staged.columns.map((c, i) => {
    const role = roles[i]!;
    const report: ColumnReport = { header: c.name, column: columnLetter(i), role: role.role };
    if (MAPPABLE.has(role.role)) {
      if (role.role === 'measureColumn' || role.role === 'ratePart') report.measure = role.measure;
      if (role.role === 'ratePart') report.part = role.part;
      if (role.role === 'measureColumn') report.matchedBy = role.matchedBy;
      if (
        role.role !== 'measureColumn' ||
        (role.matchedBy !== 'code' && role.matchedBy !== 'name')
      ) {
        const match = index.words.match(c.label, c.group);
        report.candidates = match.candidates;
        report.kind = match.kind;
      }
      report.samples = samples.get(c.name) ?? [];
    }
    const mark = marks.get(c.name);
    if (mark) report.decimalMark = mark;
    return report;
  });
}

const SAMPLES = 3;

/** Roles of a column the person may read as another measure, or as none. */
const MAPPABLE: ReadonlySet<ColumnRole['role']> = new Set(['measureColumn', 'ratePart', 'ignored']);

/** The first few values of each column in the rows about a unit, as written in the file. */
async function columnSamples(
  engine: Engine,
  table: string,
  columns: string[],
  codeColumn: string | null,
): Promise<Map<string, string[]>> {
  if (columns.length === 0) return new Map();
  const about = codeColumn ? `WHERE ${hasCodeSql(codeColumn)}` : '';
  const picks = columns.map(
    (c, i) =>
      `(list(${ident(c)}::VARCHAR ORDER BY __row) FILTER (WHERE trim(${ident(c)}::VARCHAR) <> ''))[1:${SAMPLES}] AS c${i}`,
  );
  const [row] = toRows(
    await engine.query(
      `SELECT ${picks.join(', ')} FROM (SELECT * FROM ${table} ${about} ORDER BY __row LIMIT 50)`,
    ),
  );
  return new Map(columns.map((c, i) => [c, ((row?.[`c${i}`] as unknown[]) ?? []).map(String)]));
}

/** Rows with a unit code need a valid year; rows without one (totals, notes) are skipped anyway. */
async function checkYears(engine: Engine, s: Source, column: string): Promise<void> {
  const [bad] = toRows(
    await engine.query(
      `SELECT __row AS row, ${ident(column)} AS text FROM ${s.table}
       WHERE ${hasCodeSql(s.codeColumn)}
         AND (${s.year} IS NULL OR ${s.year} NOT BETWEEN 1990 AND 2100)
       ORDER BY __row LIMIT 1`,
    ),
  );
  if (bad) {
    const text = String(bad.text ?? '');
    throw new IngestError(
      'badYear',
      { vi: `Năm không hợp lệ: "${text}".`, en: `Not a valid year: "${text}".` },
      { file: s.file, ...(s.sheet ? { sheet: s.sheet } : {}), row: Number(bad.row), column },
    );
  }
}

async function lastRow(engine: Engine, table: string): Promise<number> {
  const [r] = toRows(
    await engine.query(`SELECT coalesce(max(__row), 0)::INTEGER AS n FROM ${table}`),
  );
  return Number(r!.n);
}

/**
 * Cells loaded twice (same unit, year and measure), first rows first. Read in parts by unit, a
 * part per `partRows` observations: grouping a national file's at once took 0.4 GB.
 */
async function duplicates(
  engine: Engine,
  loadId: number,
  observations: number,
  partRows: number,
): Promise<LoadReport['duplicates']> {
  const parts = Math.max(1, Math.ceil(observations / partRows));
  const found: LoadReport['duplicates'] = [];
  for (let part = 0; part < parts; part++) {
    const rows = toRows(
      await engine.query(
        `SELECT unit_code, year, measure, list(source_row ORDER BY source_row) AS rows FROM observations
         WHERE load_id = ${loadId}${parts > 1 ? ` AND hash(unit_code) % ${parts} = ${part}` : ''}
         GROUP BY unit_code, year, measure HAVING count(*) > 1
         ORDER BY min(source_row), measure, unit_code, year LIMIT ${MAX_LISTED}`,
      ),
    );
    for (const r of rows)
      found.push({
        unit: String(r.unit_code),
        year: Number(r.year),
        measure: String(r.measure),
        rows: (r.rows as unknown[]).map(Number),
      });
  }
  // The parts' lists merged in the order each was listed in.
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return found
    .sort(
      (a, b) =>
        a.rows[0]! - b.rows[0]! ||
        text(a.measure, b.measure) ||
        text(a.unit, b.unit) ||
        a.year - b.year,
    )
    .slice(0, MAX_LISTED);
}

/** Distinct measure names a long table's measure column is read for, at most. */
const MAX_NAMES = 2000;

/**
 * A long table's measures written as names ("Tỷ lệ số hóa hồ sơ"), not codes: each distinct
 * name read as a header would be — the catalog's name, or a confident guess — and reported so.
 */
async function namedMeasures(
  engine: Engine,
  table: string,
  headers: string[],
  roles: ColumnRole[],
  index: MeasureIndex,
): Promise<MeasureName[]> {
  const column = ident(headers[roles.findIndex((r) => r.role === 'measure')]!);
  const labels = toRows(
    await engine.query(
      `SELECT DISTINCT trim(${column}) AS label FROM ${table} WHERE nullif(trim(${column}), '') IS NOT NULL LIMIT ${MAX_NAMES}`,
    ),
  ).map((r) => String(r.label));
  return labels.flatMap((label) => {
    const role = roleOf({ name: label, label, group: null }, index);
    return role.role === 'measureColumn' &&
      (role.matchedBy === 'name' || role.matchedBy === 'guess')
      ? [{ label, measure: role.measure, matchedBy: role.matchedBy }]
      : [];
  });
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
