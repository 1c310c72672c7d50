// Runs one SQL cell in the engine. Its result becomes a temporary table (named after the cell,
// so later cells can select from it), and the first rows come back as Arrow for the view.
// Only reading statements run: the loaded data and the scoring tables are never changed.
import type { Table } from 'apache-arrow';
import type { Engine } from '../db/engine';
import type { LocalText } from '../framework/types';
import { ident, lit } from '../sql/quote';
import { shadowsWorkspace } from './cellNames';
import {
  errorHeadline,
  errorPosition,
  readOnlyProblem,
  sqlTokens,
  withoutTrailingSemicolons,
  type SqlPosition,
} from './sqlText';
import type { SqlCell } from './types';
import { PIPELINE_TABLES } from '../scoring/pipeline';

/** Rows brought to the page; the whole result stays queryable in its table. */
export const SHOWN_ROWS = 100_000;

export interface SqlResult {
  table: Table;
  /** Rows in the whole result. */
  rowCount: number;
  /** Milliseconds from start to the rows in hand. */
  ms: number;
}

export class CellError extends Error {
  constructor(
    readonly text: LocalText,
    /** Where in the cell's SQL the problem is, when known. */
    readonly position: SqlPosition | null = null,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'CellError';
  }
}

/** The temporary table holding a cell's result. Unnamed cells get a reserved name. */
export function resultTable(cell: SqlCell): string {
  return cell.name ?? `__cell_${cell.id}`;
}

/**
 * Tables and views of the workspace, lower case: a cell name must not shadow them (a temporary
 * table comes first when a name is looked up, so the dashboard would read it instead). The
 * pipeline's outputs count even before a scoring has made them.
 */
export async function workspaceTables(engine: Engine): Promise<Set<string>> {
  const t = await engine.query(
    `SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary
     UNION SELECT view_name FROM duckdb_views() WHERE NOT temporary AND NOT internal`,
  );
  const live = t.getChild('name')!.toArray() as string[];
  return new Set([...live, ...PIPELINE_TABLES].map((n) => n.toLowerCase()));
}

/** DESCRIBE and its kin cannot follow CREATE TABLE AS directly; as a subquery they can. */
const NEEDS_SUBQUERY = new Set(['describe', 'summarize', 'show']);

export async function runSqlCell(
  engine: Engine,
  cell: SqlCell,
  tables: ReadonlySet<string>,
): Promise<SqlResult> {
  const started = performance.now();
  const problem = readOnlyProblem(cell.sql);
  if (problem) throw readOnlyError(problem, cell.sql);
  if (cell.name) {
    const shadow = shadowsWorkspace(cell.name, tables);
    if (shadow) throw new CellError(shadow);
  }
  const body = withoutTrailingSemicolons(cell.sql);
  await assertOneSelect(engine, body, cell.sql);
  const first = sqlTokens(body)
    .find((t) => t.kind === 'word')!
    .text.toLowerCase();
  const wrapped = NEEDS_SUBQUERY.has(first);
  const target = `temp.main.${ident(resultTable(cell))}`;
  const create = wrapped
    ? `CREATE OR REPLACE TEMP TABLE ${ident(resultTable(cell))} AS\nSELECT * FROM (\n${body}\n)`
    : `CREATE OR REPLACE TEMP TABLE ${ident(resultTable(cell))} AS\n${body}`;
  try {
    await engine.execCancellable(create);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = errorPosition(message, cell.sql, wrapped ? 2 : 1);
    const headline = errorHeadline(message);
    throw new CellError({ vi: headline, en: headline }, position, { cause: e });
  }
  const count = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${target}`);
  const columns = await shownColumns(engine, resultTable(cell));
  const table = await engine.query(`SELECT ${columns} FROM ${target} LIMIT ${SHOWN_ROWS}`);
  return {
    table,
    rowCount: Number(count.getChild('n')!.get(0)),
    ms: performance.now() - started,
  };
}

/**
 * DuckDB's own parser decides whether the text is one SELECT: `query()` refuses anything else
 * ("Expected a single SELECT statement"), parsing before it binds, so nothing runs. Other errors
 * are left for the real run, which reports them at their place in the cell.
 */
async function assertOneSelect(engine: Engine, body: string, sql: string): Promise<void> {
  const refused = readOnlyError({ kind: 'notReading', word: '', at: 0 }, sql);
  if (body.includes('\u0000')) throw refused;
  try {
    await engine.query(`EXPLAIN SELECT * FROM query(${lit(body)})`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/single SELECT statement/i.test(message)) throw refused;
  }
}

/**
 * The result's columns as the page reads them. DuckDB-WASM hands integers and decimals nested
 * in lists and structs over as raw bytes under a double type (1.5 arrives as 7.4e-323), so
 * nested values come as DuckDB's own text for them; HUGEINT comes as a double. The table
 * keeps the real types for the cells that select from it.
 */
async function shownColumns(engine: Engine, table: string): Promise<string> {
  const t = await engine.query(
    `SELECT column_name, data_type FROM duckdb_columns()
     WHERE database_name = 'temp' AND schema_name = 'main' AND table_name = ${lit(table)}
     ORDER BY column_index`,
  );
  const columns = t.toArray() as { column_name: string; data_type: string }[];
  if (columns.length === 0) return '*';
  return columns
    .map(({ column_name: name, data_type: type }) =>
      /\[|STRUCT|MAP|UNION/.test(type)
        ? `CAST(${ident(name)} AS VARCHAR) AS ${ident(name)}`
        : /HUGEINT/.test(type)
          ? `${ident(name)}::DOUBLE AS ${ident(name)}`
          : ident(name),
    )
    .join(', ');
}

export async function dropResult(engine: Engine, cell: SqlCell): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS temp.main.${ident(resultTable(cell))}`);
}

function readOnlyError(
  problem: NonNullable<ReturnType<typeof readOnlyProblem>>,
  sql: string,
): CellError {
  const at = (offset: number): SqlPosition => {
    const before = sql.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1, offset };
  };
  if (problem.kind === 'empty')
    return new CellError({ vi: 'Ô SQL đang trống', en: 'The SQL cell is empty' });
  if (problem.kind === 'several')
    return new CellError(
      {
        vi: 'Mỗi ô chỉ chạy một câu lệnh; hãy tách phần sau dấu ";" sang ô mới',
        en: 'A cell runs one statement; move what follows ";" to a new cell',
      },
      at(problem.at),
    );
  if (problem.kind === 'outside')
    return new CellError(
      {
        vi: `Sổ phân tích chỉ đọc các bảng đã nạp, không đọc tệp hay địa chỉ mạng ("${problem.word}"): dữ liệu không được rời khỏi máy.`,
        en: `A notebook reads only the loaded tables, never files or network addresses ("${problem.word}"): the data must not leave this device.`,
      },
      at(problem.at),
    );
  const what = problem.word ? `"${problem.word}"` : 'câu lệnh này';
  const whatEn = problem.word ? `"${problem.word}"` : 'this statement';
  return new CellError(
    {
      vi: `Sổ phân tích chỉ chạy một câu lệnh đọc dữ liệu (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE…); ${what} không được chạy, dữ liệu đã nạp không bao giờ bị thay đổi.`,
      en: `A notebook runs one statement that reads data (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE…); ${whatEn} does not run, and the loaded data is never changed.`,
    },
    problem.word ? at(problem.at) : null,
  );
}
