// The query API and the one quoting module, exercised against the real engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/nodeEngine';
import { toRows } from '../../src/lib/db/rows';
import { ident, lit, litList } from '../../src/lib/sql/quote';
import { fold } from '../../src/lib/sql/fold';
import { foldSql } from '../../src/lib/sql/fold';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { csvFile, freshWorkspace, rows } from './support/workspace';

describe('query API', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
  });

  it('returns BIGINT, HUGEINT and DECIMAL as plain numbers a view can format', async () => {
    const [r] = await rows(
      ws,
      `SELECT 42::BIGINT AS big, sum(x) AS huge, 12.3456::DECIMAL(10, 4) AS dec, count(*) AS n
       FROM (VALUES (1), (2), (3)) v(x)`,
    );
    expect(r).toMatchObject({ big: 42, huge: 6, n: 3 });
    // DECIMAL arrives as a double (scaled integer ÷ 10^scale), close enough for display.
    expect(typeof r!.dec).toBe('number');
    expect(r!.dec).toBeCloseTo(12.3456, 12);
  });

  it('returns lists and structs as arrays and objects', async () => {
    const [r] = await rows(ws, `SELECT [{'a': 1, 'b': 'x'}, {'a': 2, 'b': NULL}] AS l`);
    expect(r).toEqual({
      l: [
        { a: 1, b: 'x' },
        { a: 2, b: null },
      ],
    });
  });

  it('reads every row in order, of a result spread over many batches, first column of a name kept', async () => {
    const table = await ws.engine.query(
      `SELECT i AS n, 'x' || i AS s, i * 2 AS n, NULL::INTEGER AS z FROM range(5000) t(i) ORDER BY i`,
    );
    const got = toRows(table);
    expect(got).toHaveLength(5000);
    expect(got[0]).toEqual({ n: 0, s: 'x0', z: null });
    expect(got[4999]).toEqual({ n: 4999, s: 'x4999', z: null });
    expect(got.every((r, i) => r.n === i && r.s === `x${i}`)).toBe(true);
  });

  it('wraps engine errors with the failing SQL', async () => {
    await expect(ws.engine.query('SELECT * FROM no_such_table')).rejects.toMatchObject({
      name: 'QueryError',
      sql: 'SELECT * FROM no_such_table',
    });
  });

  it('never fetches extensions: a query needing one fails cleanly, and the engine keeps working', async () => {
    await expect(ws.engine.query(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow();
    expect(toRows(await ws.engine.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});

describe('fresh engines on one Node instance', () => {
  it('start empty: nothing the engine before made is left, and that engine is closed', async () => {
    const database = await openNodeDatabase();
    const first = database.freshEngine();
    await first.exec('CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (1)');
    await first.exec('CREATE TEMP TABLE scratch AS SELECT 1 AS y');
    await first.exec('CREATE MACRO twice(x) AS x * 2');
    await first.execPrepared('INSERT INTO kept VALUES (2)');
    await first.registerFile('a.csv', new TextEncoder().encode('x\n1\n'));
    const second = database.freshEngine();
    const names = toRows(
      await second.query(
        `SELECT table_name FROM duckdb_tables() UNION ALL SELECT function_name FROM duckdb_functions() WHERE function_name = 'twice'`,
      ),
    );
    expect(names).toEqual([]);
    await expect(second.query("SELECT * FROM read_csv('a.csv')")).rejects.toThrow();
    await expect(first.query('SELECT 1')).rejects.toThrow();
    await second.exec('CREATE TABLE kept (x INTEGER)');
    await second.close();
    expect(toRows(await database.freshEngine().query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});

describe('quoting', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
  });

  it('round-trips hostile names and values through DuckDB unchanged', async () => {
    const nasty = `Xã Ba Tơ's "data"; DROP TABLE units; --`;
    const [r] = await rows(
      ws,
      `SELECT ${lit(nasty)} AS ${ident(nasty)}, ${lit(-0.000001)} AS small, ${lit(null)} AS nothing`,
    );
    expect(r).toEqual({ [nasty]: nasty, small: -0.000001, nothing: null });
    expect(litList([])).toBe('(NULL)');
    expect(() => lit(Number.NaN)).toThrow();
    expect(() => lit('a\0b')).toThrow();
  });

  it('loads a file whose name and headers carry quotes, without breaking or injecting SQL', async () => {
    const header = `tỷ lệ "đặc biệt"'); DROP TABLE units; --`;
    const report = await ws.loadFile(
      csvFile(
        `Xã Ba Tơ's data 2024.csv`,
        `unit_code,unit_name,"${header.replaceAll('"', '""')}"\n21484,Xã Ba Tơ,45\n`,
      ),
    );
    expect(report.observations).toBe(1);
    const [obs] = await rows(ws, `SELECT source_file, source_column, value FROM observations`);
    expect(obs).toEqual({
      source_file: `Xã Ba Tơ's data 2024.csv`,
      source_column: header,
      value: 45,
    });
    expect((await rows(ws, 'SELECT count(*)::INTEGER AS n FROM units'))[0]!.n).toBe(1);
  });
});

describe('Vietnamese folding is the same in JS and SQL', () => {
  it.each([
    'Đạt',
    'ĐẠT',
    'Chưa  đạt ',
    'Không',
    'Bí thư Đảng ủy',
    'Thị trấn Nam Đàn',
    'Xã Thượng Tân Lộc'.normalize('NFD'),
  ])('%s', async (text) => {
    const ws = await sharedWs();
    const [r] = await rows(ws, `SELECT ${foldSql(lit(text))} AS f`);
    expect(r!.f).toBe(fold(text));
  });
});

let cached: Workspace | undefined;
async function sharedWs(): Promise<Workspace> {
  cached ??= await freshWorkspace();
  return cached;
}
