// A run in steps (a large set: each step commits on its own so that DuckDB compresses what it
// wrote) must give the very tables a run in one transaction gives, and a step that fails must
// leave the previous results whole, as the one transaction does.
import { describe, expect, it } from 'vitest';
import { ALL_SOURCES, PipelineMemory, runPipeline } from '../../src/lib/scoring/pipeline';
import type { ScoringSettings } from '../../src/lib/scoring/step';
import { whatIfValuesSql } from '../../src/lib/whatif/valuesTable';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const EDIT = {
  kind: 'value' as const,
  unit: '17950',
  year: 2024,
  measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
  value: 0.05,
  text: null,
};

async function loaded(): Promise<{ ws: Workspace; settings: ScoringSettings }> {
  const ws = await freshWorkspace();
  await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
  const settings = {
    framework: ws.framework('dti-xa-minh-hoa'),
    profile: null,
    whatIfValues: true,
  };
  return { ws, settings };
}

/** The results, numbers to 12 significant digits: sums may add up in another order. */
const results = async (ws: Workspace): Promise<string> =>
  JSON.stringify(
    [
      await rows(ws, 'SELECT * FROM scores ORDER BY unit_code, year'),
      await rows(ws, 'SELECT * FROM indicator_points ORDER BY unit_code, year, indicator'),
      await rows(ws, 'SELECT * FROM explain ORDER BY unit_code, year, indicator'),
    ],
    (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v),
  );

/** The tables the pipeline stores (views compute from the inputs of the moment). */
const stored = async (ws: Workspace): Promise<string> =>
  JSON.stringify(
    [
      await rows(ws, 'SELECT * FROM scores ORDER BY unit_code, year'),
      await rows(ws, 'SELECT * FROM totals ORDER BY unit_code, year'),
      await rows(ws, 'SELECT * FROM main_index_scores ORDER BY ALL'),
      await rows(ws, 'SELECT * FROM indicator_points ORDER BY unit_code, year, indicator'),
    ],
    (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v),
  );

const leftAside = async (ws: Workspace): Promise<string[]> =>
  (
    await rows(
      ws,
      `SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '%\\_\\_kept' ESCAPE '\\'
       UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%\\_\\_kept' ESCAPE '\\'`,
    )
  ).map((r) => String(r.name));

const setValue = (ws: Workspace, value: number): Promise<void> =>
  ws.engine.exec(whatIfValuesSql([{ ...EDIT, value }]).join(';\n'));

describe('a run in steps', () => {
  it('gives the tables of a run in one transaction, first run and replays alike', async () => {
    const one = await loaded();
    const steps = await loaded();
    const oneMemory = new PipelineMemory();
    const stepsMemory = new PipelineMemory();
    const run = (
      x: typeof one,
      memory: PipelineMemory,
      inStepsFrom: number,
      changed: Set<string>,
    ) => runPipeline(x.ws.engine, x.settings, { memory, changed, inStepsFrom });

    await setValue(one.ws, 0.05);
    await setValue(steps.ws, 0.05);
    await run(one, oneMemory, Infinity, new Set(ALL_SOURCES));
    const log = await run(steps, stepsMemory, 0, new Set(ALL_SOURCES));
    expect(log.steps.every((s) => s.ran && !s.refilled)).toBe(true);
    expect(await results(steps.ws)).toBe(await results(one.ws));

    // A what-if edit replays from `measures`; in steps the outputs are built again, not refilled.
    await setValue(one.ws, 0.95);
    await setValue(steps.ws, 0.95);
    await run(one, oneMemory, Infinity, new Set(['whatIf']));
    const replay = await run(steps, stepsMemory, 0, new Set(['whatIf']));
    expect(replay.steps.find((s) => s.step === 'observed_measures')!.ran).toBe(false);
    expect(replay.steps.find((s) => s.step === 'indicator_points')!.ran).toBe(true);
    expect(await results(steps.ws)).toBe(await results(one.ws));
    expect(await leftAside(steps.ws)).toEqual([]);
  });

  it('that fails part way leaves the previous results whole and nothing aside', async () => {
    /** A run, then a value edit whose run cannot finish: `bands` (late) finds no table. */
    const failing = async (inStepsFrom: number) => {
      const { ws, settings } = await loaded();
      const memory = new PipelineMemory();
      await setValue(ws, 0.05);
      await runPipeline(ws.engine, settings, { memory, changed: ALL_SOURCES, inStepsFrom });
      const before = await stored(ws);
      await setValue(ws, 0.95);
      await ws.engine.exec('ALTER TABLE fw_bands RENAME TO fw_bands_away');
      const changed = new Set(['whatIf']);
      await expect(
        runPipeline(ws.engine, settings, { memory, changed, inStepsFrom }),
      ).rejects.toThrow(/fw_bands/);
      return { ws, settings, memory, before };
    };
    const one = await failing(Infinity);
    const steps = await failing(0);
    expect(await stored(steps.ws)).toBe(steps.before);
    expect(await leftAside(steps.ws)).toEqual([]);
    // What a view computes from the inputs of the moment (the explain view reads the new value)
    // is as after a failed transaction.
    expect(await results(steps.ws)).toBe(await results(one.ws));

    // Once it can run, the run that failed runs whole, as the one transaction's does.
    for (const [x, inStepsFrom] of [
      [one, Infinity],
      [steps, 0],
    ] as const) {
      await x.ws.engine.exec('ALTER TABLE fw_bands_away RENAME TO fw_bands');
      const changed = new Set(['whatIf']);
      await runPipeline(x.ws.engine, x.settings, { memory: x.memory, changed, inStepsFrom });
    }
    expect(await results(steps.ws)).toBe(await results(one.ws));
    expect(await stored(steps.ws)).not.toBe(steps.before);
  });
});
