// A CSV file → rows in `units` and `observations`, through DuckDB's own CSV reader.
// Wide files have one column per measure; long files have measure and value columns.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { Level } from '../framework/types';
import { ident, lit } from '../sql/quote';
import { CODE_LENGTH, parentLevel, roleOf, type ColumnRole } from './columnRoles';
import { IngestError } from './errors';
import { parseNumberSql } from './numbersSql';
import { columnLetter } from './cellRef';

export interface ColumnReport {
  header: string;
  column: string;
  role: ColumnRole['role'];
  measure?: string;
  known?: boolean;
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
  /** Data rows without a unit code, e.g. "Tổng cộng" rows: skipped, listed by file row. */
  skippedRows: { row: number; text: string }[];
}

interface Columns {
  headers: string[];
  roles: ColumnRole[];
}

const YEAR_IN_NAME = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/;

export async function loadCsv(
  engine: Engine,
  file: { name: string; bytes: Uint8Array },
  knownMeasures: ReadonlySet<string>,
): Promise<LoadReport> {
  assertText(file);
  const loadId = await nextLoadId(engine);
  const virtualName = `upload_${loadId}.csv`;
  const raw = `raw_load_${loadId}`;
  await engine.registerFile(virtualName, file.bytes);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT row_number() OVER () + 1 AS __row, * FROM read_csv(${lit(virtualName)}, all_varchar = true, header = true)`,
    );
  } catch (e) {
    throw new IngestError(
      {
        vi: `Không đọc được tệp CSV: ${(e as Error).message}`,
        en: `Could not read the CSV file: ${(e as Error).message}`,
      },
      { file: file.name },
    );
  } finally {
    await engine.dropFile(virtualName);
  }
  try {
    const headers = toRows(await engine.query(`DESCRIBE ${raw}`))
      .map((r) => String(r.column_name))
      .filter((h) => h !== '__row');
    const cols: Columns = { headers, roles: headers.map((h) => roleOf(h, knownMeasures)) };
    const shape =
      cols.roles.some((r) => r.role === 'measure') && cols.roles.some((r) => r.role === 'value')
        ? 'long'
        : 'wide';
    const unit = unitColumns(cols, file.name);
    const year = yearOf(cols, file.name);
    const rowsRead = Number(
      toRows(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${raw}`))[0]?.n ?? 0,
    );
    const skippedRows = toRows(
      await engine.query(
        `SELECT __row AS row, concat_ws(' | ', ${headers.map((h) => `${ident(h)}`).join(', ')}) AS text FROM ${raw}
         WHERE nullif(trim(${ident(unit.code)}), '') IS NULL ORDER BY __row`,
      ),
    ).map((r) => ({ row: Number(r.row), text: String(r.text ?? '') }));

    const codeSql = codeExpr(unit.code, unit.level);
    const yearSql = year.column
      ? `TRY_CAST(trim(${ident(year.column)}) AS INTEGER)`
      : lit(year.value);
    await checkYears(engine, raw, yearSql, year.column, file.name);
    await upsertUnits(engine, raw, unit, codeSql);

    const before = await countObservations(engine);
    const observationSelects =
      shape === 'long'
        ? [longSelect(cols, raw, unit.code, codeSql, yearSql, file.name, loadId)]
        : wideSelects(cols, raw, unit.code, codeSql, yearSql, file.name, loadId);
    for (const select of observationSelects)
      await engine.exec(`INSERT INTO observations ${select}`);
    const observations = (await countObservations(engine)) - before;

    const units = Number(
      toRows(
        await engine.query(
          `SELECT count(DISTINCT ${codeSql})::DOUBLE AS n FROM ${raw} WHERE nullif(trim(${ident(unit.code)}), '') IS NOT NULL`,
        ),
      )[0]?.n ?? 0,
    );
    await engine.exec(
      `INSERT INTO loads VALUES (${loadId}, ${lit(file.name)}, ${lit(shape)}, ${rowsRead}, ${observations}, current_timestamp)`,
    );
    return {
      file: file.name,
      loadId,
      shape,
      year: year.value,
      yearSource: year.column ? 'column' : 'fileName',
      rowsRead,
      units,
      observations,
      columns: cols.headers.map((header, i) => {
        const role = cols.roles[i]!;
        const column: ColumnReport = { header, column: columnLetter(i), role: role.role };
        if (role.role === 'measureColumn') {
          column.measure = role.measure;
          column.known = knownMeasures.has(role.measure);
        }
        return column;
      }),
      skippedRows,
    };
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${raw}`);
  }
}

function assertText(file: { name: string; bytes: Uint8Array }): void {
  if (file.bytes.length === 0) {
    throw new IngestError(
      { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
      { file: file.name },
    );
  }
  if (file.bytes.subarray(0, 4096).includes(0)) {
    throw new IngestError(
      {
        vi: 'Tệp không phải văn bản CSV (có byte nhị phân).',
        en: 'The file is not CSV text (it holds binary bytes).',
      },
      { file: file.name },
    );
  }
}

async function nextLoadId(engine: Engine): Promise<number> {
  const rows = toRows(
    await engine.query('SELECT coalesce(max(load_id), 0)::INTEGER + 1 AS id FROM loads'),
  );
  return Number(rows[0]?.id ?? 1);
}

async function countObservations(engine: Engine): Promise<number> {
  return Number(
    toRows(await engine.query('SELECT count(*)::DOUBLE AS n FROM observations'))[0]?.n ?? 0,
  );
}

interface UnitColumns {
  code: string;
  level: Level | null;
  name: string | null;
  parentCode: string | null;
  parentName: string | null;
  levelColumn: string | null;
}

/** The most specific code column is the unit; a code column one level up is its parent. */
function unitColumns(cols: Columns, fileName: string): UnitColumns {
  const find = (pred: (r: ColumnRole) => boolean): string | null => {
    const i = cols.roles.findIndex(pred);
    return i < 0 ? null : cols.headers[i]!;
  };
  const order: (Level | null)[] = ['xa', 'huyen', 'tinh', null];
  const level = order.find((l) => find((r) => r.role === 'code' && r.level === l) !== null);
  if (level === undefined) {
    throw new IngestError(
      {
        vi: 'Không tìm thấy cột mã đơn vị (ví dụ "unit_code", "Mã xã", "commune_code").',
        en: 'No unit code column found (e.g. "unit_code", "Mã xã", "commune_code").',
      },
      { file: fileName },
    );
  }
  const up = level ? parentLevel(level) : null;
  return {
    code: find((r) => r.role === 'code' && r.level === level)!,
    level,
    name:
      find((r) => r.role === 'name' && r.level === level) ??
      find((r) => r.role === 'name' && r.level === null),
    parentCode:
      find((r) => r.role === 'parentCode') ??
      (up ? find((r) => r.role === 'code' && r.level === up) : null),
    parentName:
      find((r) => r.role === 'parentName') ??
      (up ? find((r) => r.role === 'name' && r.level === up) : null),
    levelColumn: find((r) => r.role === 'level'),
  };
}

function yearOf(cols: Columns, fileName: string): { column: string | null; value: number | null } {
  const i = cols.roles.findIndex((r) => r.role === 'year');
  if (i >= 0) return { column: cols.headers[i]!, value: null };
  const m = YEAR_IN_NAME.exec(fileName);
  if (m) return { column: null, value: Number(m[1]) };
  throw new IngestError(
    {
      vi: 'Không xác định được năm: thêm cột "Năm" (year) hoặc ghi năm vào tên tệp (ví dụ "…-2024.csv").',
      en: 'No year found: add a "Năm" (year) column or put the year in the file name (e.g. "…-2024.csv").',
    },
    { file: fileName },
  );
}

async function checkYears(
  engine: Engine,
  raw: string,
  yearSql: string,
  column: string | null,
  file: string,
): Promise<void> {
  if (!column) return;
  const bad = toRows(
    await engine.query(
      `SELECT __row AS row, ${ident(column)} AS text FROM ${raw}
       WHERE ${yearSql} IS NULL OR ${yearSql} NOT BETWEEN 1990 AND 2100 LIMIT 1`,
    ),
  )[0];
  if (bad) {
    throw new IngestError(
      {
        vi: `Năm không hợp lệ: "${String(bad.text ?? '')}".`,
        en: `Not a valid year: "${String(bad.text ?? '')}".`,
      },
      { file, row: Number(bad.row), column },
    );
  }
}

/** Codes trimmed; a code column of known level gets back leading zeros lost by spreadsheets. */
function codeExpr(column: string, level: Level | null): string {
  const t = `trim(${ident(column)})`;
  if (!level) return t;
  return `CASE WHEN regexp_full_match(${t}, '\\d+') THEN lpad(${t}, ${CODE_LENGTH[level]}, '0') ELSE ${t} END`;
}

const LEVEL_WORDS: Record<string, Level> = {
  xa: 'xa',
  phuong: 'xa',
  'thi tran': 'xa',
  'dac khu': 'xa',
  huyen: 'huyen',
  quan: 'huyen',
  'thi xa': 'huyen',
  'thanh pho thuoc tinh': 'huyen',
  tinh: 'tinh',
  'thanh pho truc thuoc trung uong': 'tinh',
};

async function upsertUnits(
  engine: Engine,
  raw: string,
  u: UnitColumns,
  codeSql: string,
): Promise<void> {
  const pick = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const levelFromColumn = u.levelColumn
    ? `CASE ${Object.entries(LEVEL_WORDS)
        .map(
          ([w, l]) =>
            `WHEN ${lit(w)} = lower(strip_accents(trim(${ident(u.levelColumn!)}))) THEN ${lit(l)}`,
        )
        .join(' ')} END`
    : 'NULL';
  const byLength = `CASE length(${codeSql}) ${(['xa', 'huyen', 'tinh'] as Level[]).map((l) => `WHEN ${CODE_LENGTH[l]} THEN ${lit(l)}`).join(' ')} END`;
  const level = u.level
    ? lit(u.level)
    : `coalesce(${levelFromColumn}, CASE WHEN regexp_full_match(${codeSql}, '\\d+') THEN ${byLength} END)`;
  const parentCode =
    u.parentCode && u.level && parentLevel(u.level)
      ? codeExpr(u.parentCode, parentLevel(u.level))
      : pick(u.parentCode);
  await engine.exec(`
INSERT INTO units
SELECT code, any_value(name), any_value(level), any_value(parent_code), any_value(parent_name) FROM (
  SELECT ${codeSql} AS code, ${pick(u.name)} AS name, ${level} AS level,
    ${parentCode} AS parent_code, ${pick(u.parentName)} AS parent_name
  FROM ${raw} WHERE nullif(trim(${ident(u.code)}), '') IS NOT NULL
) GROUP BY code
ON CONFLICT (unit_code) DO UPDATE SET
  unit_name = coalesce(excluded.unit_name, units.unit_name),
  level = coalesce(excluded.level, units.level),
  parent_code = coalesce(excluded.parent_code, units.parent_code),
  parent_name = coalesce(excluded.parent_name, units.parent_name)`);
}

function wideSelects(
  cols: Columns,
  raw: string,
  codeColumn: string,
  codeSql: string,
  yearSql: string,
  file: string,
  loadId: number,
): string[] {
  return cols.headers.flatMap((header, i) => {
    const role = cols.roles[i]!;
    if (role.role !== 'measureColumn') return [];
    const col = ident(header);
    const letter = columnLetter(i);
    return [
      `SELECT ${codeSql}, ${yearSql}, ${lit(role.measure)}, ${parseNumberSql(col)}, trim(${col}),
        ${lit(file)}, NULL, __row, ${lit(header)}, ${lit(letter)} || __row, ${loadId}
      FROM ${raw}
      WHERE nullif(trim(${ident(codeColumn)}), '') IS NOT NULL
        AND nullif(trim(${col}), '') IS NOT NULL`,
    ];
  });
}

function longSelect(
  cols: Columns,
  raw: string,
  codeColumn: string,
  codeSql: string,
  yearSql: string,
  file: string,
  loadId: number,
): string {
  const h = (role: ColumnRole['role']): string =>
    cols.headers[cols.roles.findIndex((r) => r.role === role)]!;
  const valueIndex = cols.roles.findIndex((r) => r.role === 'value');
  const measure = ident(h('measure'));
  const value = ident(h('value'));
  const letter = columnLetter(valueIndex);
  return `SELECT ${codeSql}, ${yearSql}, trim(${measure}), ${parseNumberSql(value)}, trim(${value}),
      ${lit(file)}, NULL, __row, ${lit(cols.headers[valueIndex]!)}, ${lit(letter)} || __row, ${loadId}
    FROM ${raw}
    WHERE nullif(trim(${ident(codeColumn)}), '') IS NOT NULL AND nullif(trim(${measure}), '') IS NOT NULL
      AND nullif(trim(${value}), '') IS NOT NULL`;
}
