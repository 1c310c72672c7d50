// A data table's observations go in a chunk of rows at a time, each chunk committed before the
// load's transaction (see loadWrites.ts). The chunks must add up to what one statement wrote, a
// load stopped after some of them must leave none behind, and a load must never be numbered as
// rows a failed one left.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import type { LoadOptions } from '../../src/lib/ingest/loadInput';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

const SAMPLE = 'data-samples/nam-dan-2023-2024.csv';
const WIDE = 'tests/fixtures/ingest/files/gov-nam-dan-2024.csv';

const observations = async (ws: Workspace): Promise<string> =>
  JSON.stringify(
    await rows(ws, 'SELECT * FROM observations ORDER BY load_id, source_row, source_column'),
  );

/** What a stopped load may have left: its rows, its load, its staging tables. */
const leftovers = async (ws: Workspace) =>
  (
    await rows(
      ws,
      `SELECT (SELECT count(*) FROM observations)::INTEGER AS obs,
         (SELECT count(*) FROM loads)::INTEGER AS loads,
         (SELECT count(*) FROM load_issues)::INTEGER AS issues,
         (SELECT count(*) FROM units)::INTEGER AS units,
         (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'raw_load%')::INTEGER AS staged`,
    )
  )[0];

async function failure(p: Promise<unknown>): Promise<IngestError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('a load written in chunks', () => {
  it.each([
    ['wide', WIDE],
    ['long', 'tests/fixtures/ingest/files/long-thach-thanh.csv'],
    ['a sheet', 'tests/fixtures/ingest/files/gov-nam-dan-2024.xlsx'],
    ['units by name', 'tests/fixtures/ingest/files/units-names-only-nam-dan.csv'],
  ])('writes exactly the observations and report of one chunk (%s)', async (_shape, file) => {
    const loaded = await Promise.all(
      [undefined, 3].map(async (chunkRows) => {
        const ws = await freshWorkspace();
        const report = await ws.loadFile(fileAt(file), { chunkRows });
        return { report: JSON.stringify(report), observations: await observations(ws) };
      }),
    );
    expect(JSON.parse(loaded[0]!.observations).length).toBeGreaterThan(10);
    expect(loaded[1]).toEqual(loaded[0]);
  });

  it('lists cells loaded twice as one part does, when read in parts', async () => {
    const text = [
      'unit_code,a,b',
      '17986,1,2',
      '17989,5,',
      '17986,3,4',
      '17989,6,7',
      '17992,1,1',
      '17989,8,9',
    ].join('\n');
    const lists = await Promise.all(
      [undefined, 1].map(async (chunkRows) => {
        const ws = await freshWorkspace();
        return (await ws.loadFile(csvFile('x-2024.csv', text), { chunkRows })).duplicates;
      }),
    );
    expect(lists[0]).toEqual([
      { unit: '17986', year: 2024, measure: 'a', rows: [2, 4] },
      { unit: '17986', year: 2024, measure: 'b', rows: [2, 4] },
      { unit: '17989', year: 2024, measure: 'a', rows: [3, 5, 7] },
      { unit: '17989', year: 2024, measure: 'b', rows: [5, 7] },
    ]);
    expect(lists[1]).toEqual(lists[0]);
  });

  it.each([
    [
      'after some chunks are committed',
      (p: { phase: string; fraction: number }) => p.phase === 'writing' && p.fraction > 0.7,
    ],
    ['in its transaction', (p: { phase: string }) => p.phase === 'checking'],
  ])('stopped %s leaves nothing of the file, which then loads whole', async (_when, stopAt) => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt(SAMPLE));
    const before = await leftovers(ws);
    const kept = await observations(ws);
    const abort = new AbortController();
    const options: LoadOptions = {
      chunkRows: 2,
      signal: abort.signal,
      onProgress: (p) => {
        if (stopAt(p)) abort.abort();
      },
    };
    const error = await failure(ws.loadFile(fileAt(WIDE), options));
    expect(error.code).toBe('cancelled');
    expect(await leftovers(ws)).toEqual(before);
    expect(await observations(ws)).toBe(kept);

    const again = await ws.loadFile(fileAt(WIDE), { chunkRows: 2 });
    const [mine] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n FROM observations WHERE load_id = ${again.loadId}`,
    );
    expect(again.observations).toBeGreaterThan(0);
    expect(mine!.n).toBe(again.observations);
  });

  it('numbers a load past rows a failed load left behind', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt(SAMPLE));
    // As if a load numbered 7 had failed with the engine unable to delete its rows.
    await ws.engine.exec(
      `INSERT INTO observations (unit_code, year, measure, value, load_id) VALUES ('17986', 2024, 'a', 1, 7)`,
    );
    const next = await ws.loadFile(fileAt(WIDE));
    expect(next.loadId).toBe(8);
    const [mixed] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n FROM observations WHERE load_id = 8 AND measure = 'a'`,
    );
    expect(mixed!.n).toBe(0);
  });
});
