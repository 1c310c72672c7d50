// The ways a scoring run can go must all end where a whole run from scratch ends:
// - in steps (a large set: each step commits on its own so that DuckDB compresses what it wrote),
//   and a step that fails must leave the previous results whole, as one transaction does;
// - partial (after value edits alone: only the unit-years an edit reaches are computed again),
//   with relative rules and imputations that carry an edit to other unit-years.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { ALL_SOURCES, runPipeline } from '../../src/lib/scoring/pipeline';
import { PipelineMemory } from '../../src/lib/scoring/pipelineMemory';
import { keyGroups } from '../../src/lib/scoring/runSteps';
import type { ScoringSettings } from '../../src/lib/scoring/step';
import { whatIfValuesSql } from '../../src/lib/whatif/valuesTable';
import type { Framework } from '../../src/lib/framework/types';
import type { WhatIfEdit } from '../../src/lib/whatif/edits';
import type { InputFile, Workspace } from '../../src/lib/workspace/workspace';
import { rate, ruleFramework, wideCsv } from './support/ruleFramework';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

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

/** The results, exactly: sums of points do not depend on the order rows are added in. */
const results = async (ws: Workspace): Promise<string> =>
  JSON.stringify([
    await rows(ws, 'SELECT * FROM scores ORDER BY unit_code, year'),
    await rows(ws, 'SELECT * FROM indicator_points ORDER BY unit_code, year, indicator'),
    await rows(ws, 'SELECT * FROM explain ORDER BY unit_code, year, indicator'),
  ]);

/** The tables the pipeline stores (views compute from the inputs of the moment). */
const stored = async (ws: Workspace): Promise<string> =>
  JSON.stringify([
    await rows(ws, 'SELECT * FROM scores ORDER BY unit_code, year'),
    await rows(ws, 'SELECT * FROM totals ORDER BY unit_code, year'),
    await rows(ws, 'SELECT * FROM main_index_scores ORDER BY ALL'),
    await rows(ws, 'SELECT * FROM indicator_points ORDER BY unit_code, year, indicator'),
  ]);

const leftAside = async (ws: Workspace): Promise<string[]> =>
  (
    await rows(
      ws,
      `SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '%\\_\\_kept' ESCAPE '\\'
       UNION ALL SELECT view_name FROM duckdb_views() WHERE view_name LIKE '%\\_\\_kept' ESCAPE '\\'`,
    )
  ).map((r) => String(r.name));

/** The engine, with the statements run through `exec` (not kept prepared) listed. */
function watchExecs(engine: Engine): { watched: Engine; statements: string[] } {
  const statements: string[] = [];
  const watched = new Proxy(engine, {
    get: (e: Engine, key: keyof Engine) =>
      key === 'exec' ? (sql: string) => (statements.push(sql), e.exec(sql)) : e[key].bind(e),
  });
  return { watched, statements };
}

const setValue = (ws: Workspace, value: number): Promise<void> =>
  ws.engine.exec(whatIfValuesSql([{ ...EDIT, value }]).join(';\n'));

describe('a run in steps', () => {
  type Scored = Awaited<ReturnType<typeof loaded>> & { memory: PipelineMemory; from: number };
  let one: Scored;
  let steps: Scored;
  const run = (x: Scored, changed: ReadonlySet<string>) =>
    runPipeline(x.ws.engine, x.settings, { memory: x.memory, changed, inStepsFrom: x.from });
  const both = async (v: number): Promise<void> => {
    await setValue(one.ws, v);
    await setValue(steps.ws, v);
  };
  beforeAll(async () => {
    one = { ...(await loaded()), memory: new PipelineMemory(), from: Infinity };
    steps = { ...(await loaded()), memory: new PipelineMemory(), from: 0 };
    await both(0.05);
  });

  it('gives the tables of a run in one transaction', async () => {
    await run(one, ALL_SOURCES);
    const log = await run(steps, ALL_SOURCES);
    expect(log.steps.every((s) => s.ran && !s.refilled)).toBe(true);
    expect(await results(steps.ws)).toBe(await results(one.ws));
  });

  it('replays as one transaction does', async () => {
    // A what-if edit replays from `measures`; in steps the outputs are built again, not refilled.
    await both(0.95);
    await run(one, new Set(['whatIf']));
    const replay = await run(steps, new Set(['whatIf']));
    expect(replay.steps.find((s) => s.step === 'observed_measures')!.ran).toBe(false);
    expect(replay.steps.find((s) => s.step === 'indicator_points')!.ran).toBe(true);
    expect(await results(steps.ws)).toBe(await results(one.ws));
    expect(await leftAside(steps.ws)).toEqual([]);
  });

  it('goes step by step only when the steps to run write that many rows', async () => {
    const x = { ...(await loaded()), memory: new PipelineMemory(), from: 0 };
    const [obs] = await rows(x.ws, 'SELECT count(*)::INTEGER AS n FROM observations');
    // As many observations as the threshold: the first run goes step by step …
    x.from = Number(obs!.n);
    const first = await run(x, ALL_SOURCES);
    expect(first.steps.every((s) => !s.refilled)).toBe(true);
    // From now on the threshold is the indicator points' rows.
    x.from = first.steps.find((s) => s.step === 'indicator_points')!.rows!;
    // A weight rewrites the totals alone (far fewer rows): one transaction, tables refilled.
    const weights = await run(x, new Set(['weights']));
    const totals = weights.steps.find((s) => s.step === 'totals')!;
    expect(totals.ran && totals.refilled).toBe(true);
    expect(totals.rows).toBeLessThan(x.from);
    // A value edit rewrites every indicator's points: as many rows, step by step.
    const values = await run(x, new Set(['whatIf']));
    expect(values.steps.find((s) => s.step === 'indicator_points')!.refilled).toBe(false);
  });

  it('after new data goes by the observations, not by the rows the steps wrote before', async () => {
    const ws = await freshWorkspace();
    const settings = {
      framework: ws.framework('dti-xa-minh-hoa'),
      profile: null,
      whatIfValues: false,
    };
    const memory = new PipelineMemory();
    // Scored with nothing loaded: every table empty.
    await runPipeline(ws.engine, settings, { memory, changed: ALL_SOURCES });
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const [obs] = await rows(ws, 'SELECT count(*)::INTEGER AS n FROM observations');
    const after = await runPipeline(ws.engine, settings, {
      memory,
      changed: new Set(['data']),
      inStepsFrom: Number(obs!.n),
    });
    expect(after.steps.find((s) => s.step === 'totals')!.refilled).toBe(false);
  });

  it('builds observed values and points a group of keys at a time, exactly as one statement', async () => {
    const [counts] = await rows(
      steps.ws,
      'SELECT count(DISTINCT measure)::INTEGER AS measures, count(*)::INTEGER AS n FROM observations',
    );
    const { watched, statements } = watchExecs(steps.ws.engine);
    // Groups of a tenth of the observations: about ten statements, none splitting a measure.
    const scored = await runPipeline(watched, steps.settings, {
      memory: steps.memory,
      changed: ALL_SOURCES,
      inStepsFrom: 0,
      groupRows: Math.ceil(Number(counts!.n) / 10),
    });
    const built = statements.filter((s) =>
      /^\s*(CREATE OR REPLACE TABLE|INSERT INTO) observed_measures\b/.test(s),
    );
    expect(built.length).toBeGreaterThanOrEqual(8);
    expect(built[0]).toMatch(/^\s*CREATE OR REPLACE TABLE observed_measures AS/);
    expect(built.slice(1).every((s) => s.startsWith('INSERT INTO observed_measures'))).toBe(true);
    // Each measure in exactly one group.
    const named = built.flatMap((s) =>
      [...s.matchAll(/o\.measure IN \(([^)]*)\)/g)].map((m) => m[1]),
    );
    expect(named.join(', ').split(', ').length).toBe(counts!.measures);
    expect(
      statements.filter((s) => s.startsWith('INSERT INTO indicator_points')).length,
    ).toBeGreaterThan(0);
    // The log keeps the step's one SQL, which a replay compares.
    const step = scored.steps.find((s) => s.step === 'observed_measures')!;
    expect(step.sql).not.toMatch(/o\.measure IN/);
    expect(step.rows).toBe(
      Number((await rows(steps.ws, 'SELECT count(*)::INTEGER AS n FROM observed_measures'))[0]!.n),
    );

    await run(one, ALL_SOURCES);
    const observed = (ws: Workspace) =>
      rows(ws, 'SELECT * FROM observed_measures ORDER BY unit_code, year, measure');
    expect(JSON.stringify(await observed(steps.ws))).toBe(JSON.stringify(await observed(one.ws)));
    expect(await results(steps.ws)).toBe(await results(one.ws));
    expect(await leftAside(steps.ws)).toEqual([]);
  });

  it('that fails part way leaves the previous results whole and nothing aside', async () => {
    const before = await stored(steps.ws);
    // A value edit whose run cannot finish: `bands` (late) finds no table.
    await both(0.5);
    for (const x of [one, steps]) {
      await x.ws.engine.exec('ALTER TABLE fw_bands RENAME TO fw_bands_away');
      await expect(run(x, new Set(['whatIf']))).rejects.toThrow(/fw_bands/);
    }
    expect(await stored(steps.ws)).toBe(before);
    expect(await leftAside(steps.ws)).toEqual([]);
    // What a view computes from the inputs of the moment (the explain view reads the new value)
    // is as after a failed transaction.
    expect(await results(steps.ws)).toBe(await results(one.ws));

    // Once it can run, the run that failed runs whole, as the one transaction's does.
    for (const x of [one, steps]) {
      await x.ws.engine.exec('ALTER TABLE fw_bands_away RENAME TO fw_bands');
      await run(x, new Set(['whatIf']));
    }
    expect(await results(steps.ws)).toBe(await results(one.ws));
    expect(await stored(steps.ws)).not.toBe(before);
  });
});

const value = (unit: string, year: number, measure: string, v: number): WhatIfEdit => ({
  kind: 'value',
  unit,
  year,
  measure,
  value: v,
  text: null,
});

/**
 * Scores `edits` one after another (each list the whole set of edits at that moment, as the page
 * keeps them), then checks the tables against a fresh workspace scoring the last list once.
 */
async function replaysMatchFresh(
  file: () => InputFile,
  fw: Framework | string,
  edits: readonly WhatIfEdit[][],
): Promise<{ partial: boolean; deleted: number; rows: number; partialSteps: string[] }> {
  const open = async (): Promise<{ ws: Workspace; id: string }> => {
    const ws = await freshWorkspace();
    if (typeof fw !== 'string') await ws.registerFramework(fw);
    await ws.loadFile(file());
    return { ws, id: typeof fw === 'string' ? fw : fw.id };
  };
  const replayed = await open();
  await replayed.ws.score(replayed.id, null, []);
  let last = null;
  for (const list of edits) last = await replayed.ws.score(replayed.id, null, list);
  const fresh = await open();
  await fresh.ws.score(fresh.id, null, edits.at(-1)!);
  expect(await stored(replayed.ws)).toBe(await stored(fresh.ws));
  expect(await results(replayed.ws)).toBe(await results(fresh.ws));
  const points = last!.steps.find((s) => s.step === 'indicator_points')!;
  return {
    partial: points.partial,
    deleted: points.deleted,
    rows: points.rows ?? 0,
    partialSteps: last!.steps.filter((s) => s.partial).map((s) => s.step),
  };
}

const twoYears = wideCsv([
  { unit: '30001', year: 2023, parent: 'h1', cells: { m1: 0.4, m2: 0.5 } },
  { unit: '30001', year: 2024, parent: 'h1', cells: { m1: '', m2: 0.6 } },
  { unit: '30002', year: 2023, parent: 'h1', cells: { m1: 0.8, m2: 0.1 } },
  { unit: '30002', year: 2024, parent: 'h1', cells: { m1: '', m2: 0.9 } },
  { unit: '30003', year: 2024, parent: 'h2', cells: { m1: 0.3, m2: 0.2 } },
  { unit: '30004', year: 2024, parent: 'h2', cells: { m1: 0.7, m2: '' } },
]);
const framework = (id: string, extra: Parameters<typeof ruleFramework>[3], peers?: 'all') =>
  ruleFramework(
    id,
    [
      { code: 'i1', max: 40, rule: { kind: 'percent' }, measures: ['m1'] },
      {
        code: 'i2',
        max: 60,
        rule: peers ? { kind: 'minmax', peers } : { kind: 'percent' },
        measures: ['m2'],
      },
    ],
    ['m1', 'm2'].map((m) => rate(m, 'fraction')),
    extra,
  );
const data = () => csvFile('two-years.csv', twoYears);

describe('a replay after value edits', () => {
  it('computes only the unit-years an edit reaches, peers under a relative rule included', async () => {
    // The sample's framework has min–max and z-score rules over the parent's communes.
    const first = value('17950', 2024, 'bang_rong_phu_ho_gia_dinh_ty_le', 0.05);
    const relative = value('17953', 2023, 'dvctt_toan_trinh_ty_le', 0.99);
    const undone = await replaysMatchFresh(
      () => fileAt('data-samples/nam-dan-2023-2024.csv'),
      'dti-xa-minh-hoa',
      [[first], [first, relative], [relative], [{ ...relative, value: 0.2 }]],
    );
    expect(undone.partialSteps).toEqual([
      'indicator_points',
      'main_index_scores',
      'totals',
      // The ranking of the edit's year and the next.
      'bands',
    ]);
    // The measure is read by two indicators: a min–max over the district's communes, whose
    // points the edit changes for all 19 communes that year (not 2024's), and its own.
    expect(undone.deleted).toBe(19 + 1);
  });

  it('gives the same tables through the affected table alone, past the scope limits', async () => {
    // The scope's limits, and whether the edit's unit-year and indicator are then constants.
    const cases = [
      // The sample is far below the unit-years a scope pays from: with none, a scope.
      { limits: { scopeFrom: 0 }, constants: 1 },
      { limits: { scopeFrom: 0, scopeUpTo: 0 }, constants: 0 },
      { limits: {}, constants: 0 },
    ];
    const runs = await Promise.all(
      cases.map(async ({ limits, constants }) => {
        const x = await loaded();
        const memory = new PipelineMemory();
        await runPipeline(x.ws.engine, x.settings, { memory, changed: ALL_SOURCES });
        await setValue(x.ws, 0.33);
        const { watched, statements } = watchExecs(x.ws.engine);
        const run = await runPipeline(watched, x.settings, {
          memory,
          changed: new Set(['whatIf']),
          edited: [{ unit: EDIT.unit, year: EDIT.year, measure: EDIT.measure }],
          ...limits,
        });
        expect(run.steps.find((s) => s.step === 'indicator_points')?.partial).toBe(true);
        // Within the limits, the edited unit-year and the one indicator reading the measure are
        // constants of the statement; past them, they are read from the affected tables.
        const scoped = statements.filter(
          (s) =>
            s.startsWith('INSERT INTO indicator_points') &&
            s.includes(`unit_code IN ('${EDIT.unit}')`) &&
            s.includes(`indicator IN ('ht_bang_rong')`),
        );
        expect(scoped.length).toBe(constants);
        return stored(x.ws);
      }),
    );
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('carries an edit to the later years of a carried-forward value', async () => {
    const fw = framework('carry', { missing: { policy: 'impute', method: 'carryForward' } });
    const r = await replaysMatchFresh(data, fw, [
      [value('30001', 2023, 'm1', 0.1)],
      [value('30001', 2023, 'm1', 0.9)],
    ]);
    expect(r.partial).toBe(true);
    expect(r.deleted).toBe(2); // i1 (reading m1) of 30001 in 2023 and 2024
  });

  it("carries an edit to the peers of a carried-forward value's later years", async () => {
    // 30001's m1 of 2024 is carried from 2023, and m1 is scored against all the year's units.
    const fw = ruleFramework(
      'carry-peers',
      [
        { code: 'i1', max: 40, rule: { kind: 'minmax', peers: 'all' }, measures: ['m1'] },
        { code: 'i2', max: 60, rule: { kind: 'percent' }, measures: ['m2'] },
      ],
      ['m1', 'm2'].map((m) => rate(m, 'fraction')),
      { missing: { policy: 'impute', method: 'carryForward' } },
    );
    const r = await replaysMatchFresh(data, fw, [
      [value('30001', 2023, 'm1', 0.1)],
      [value('30001', 2023, 'm1', 0.9)],
    ]);
    expect(r.partial).toBe(true);
    // i1 of both units of 2023 (its peers), and of the four of 2024 (the carried value's peers).
    expect(r.deleted).toBe(6);
  });

  it("carries an edit to the parent's units under a group-median imputation", async () => {
    const fw = framework('median', { missing: { policy: 'impute', method: 'groupMedian' } });
    const r = await replaysMatchFresh(data, fw, [
      [value('30003', 2024, 'm2', 0.95)],
      [value('30003', 2024, 'm2', 0.05)],
    ]);
    expect(r.deleted).toBe(2); // i2 (reading m2) of 30003 and 30004 (h2) in 2024
  });

  it('carries an edit to every unit of the year under a rule over all units', async () => {
    const fw = framework('all-peers', {}, 'all');
    const r = await replaysMatchFresh(data, fw, [
      [value('30004', 2024, 'm1', 0.2)],
      [value('30002', 2024, 'm2', 0.0)],
    ]);
    // The edit taken back changes 30004's i1 alone; the new one i2 of the four units of 2024.
    expect(r.deleted).toBe(1 + 4);
  });

  it('brings in, and takes back, every indicator of a unit-year only an edit gives a value', async () => {
    // 30003 has no value loaded for 2023: scored there only while the edit lasts.
    const fw = framework('new-year', {}, 'all');
    const added = value('30003', 2023, 'm1', 0.5);
    const brought = await replaysMatchFresh(data, fw, [[added]]);
    expect(brought.partial).toBe(true);
    const taken = await replaysMatchFresh(data, fw, [[added], []]);
    expect(taken.partial).toBe(true);
    // Both indicators of 30003 in 2023, and the min–max of 2023's other units, its peers.
    expect(taken.deleted).toBe(2 + 2);
  });

  it('recomputes no point for a value no indicator reads', async () => {
    const fw = ruleFramework(
      'unread',
      [{ code: 'i1', max: 40, rule: { kind: 'minmax', peers: 'all' }, measures: ['m1'] }],
      ['m1', 'm2'].map((m) => rate(m, 'fraction')),
    );
    const r = await replaysMatchFresh(data, fw, [
      [value('30002', 2024, 'm2', 0.3)],
      [value('30002', 2024, 'm2', 0.7)],
    ]);
    expect(r.partial).toBe(true);
    expect(r.deleted).toBe(0);
  });
});

describe('groups of keys', () => {
  it.each([
    ['carry', { missing: { policy: 'impute', method: 'carryForward' } }, undefined],
    ['median', { missing: { policy: 'impute', method: 'groupMedian' } }, undefined],
    ['all-peers', {}, 'all'],
  ] as const)(
    'give the tables of one statement under %s rules, each key a group',
    async (id, extra, peers) => {
      const scored = await Promise.all(
        [undefined, 1].map(async (groupRows) => {
          const ws = await freshWorkspace();
          await ws.registerFramework(framework(id, extra, peers));
          await ws.loadFile(data());
          const settings = { framework: ws.framework(id), profile: null, whatIfValues: false };
          const run = await runPipeline(ws.engine, settings, {
            memory: new PipelineMemory(),
            changed: ALL_SOURCES,
            inStepsFrom: groupRows === undefined ? Infinity : 0,
            groupRows,
          });
          expect(run.steps.find((s) => s.step === 'indicator_points')!.rows).toBeGreaterThan(0);
          return (await stored(ws)) + (await results(ws));
        }),
      );
      expect(scored[1]).toBe(scored[0]);
    },
  );

  const counts = (...n: number[]) => n.map((rows, i) => ({ key: `m${i}`, rows }));

  it('pack keys in order up to the rows, never splitting one', () => {
    expect(keyGroups(counts(3, 3, 3, 5, 1), 6)).toEqual([['m0', 'm1'], ['m2'], ['m3', 'm4']]);
    // A key reading more rows than a group holds is a group of its own.
    expect(keyGroups(counts(2, 9, 2), 6)).toEqual([['m0'], ['m1'], ['m2']]);
    expect(keyGroups(counts(1, 1, 1), 6)).toEqual([['m0', 'm1', 'm2']]);
    expect(keyGroups([], 6)).toEqual([]);
  });
});
