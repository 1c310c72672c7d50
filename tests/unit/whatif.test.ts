// What-if edits: a raw value, a target, an indicator's max points and a group weight, each
// scored against figures worked out by hand; no edit gives back exactly the scores as loaded.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateTargetProfile } from '../../src/lib/framework/validateTargets';
import { explainUnit } from '../../src/lib/scoring/explainTrace';
import { WHAT_IF_SOURCE } from '../../src/lib/scoring/steps/measures';
import { readTargetChanges, readUnitChanges, SNAPSHOT_SQL } from '../../src/lib/whatif/beforeAfter';
import { editFramework, weightGroups, type WhatIfEdit } from '../../src/lib/whatif/edits';
import { readTypedValue } from '../../src/lib/whatif/typedValue';
import { whatIfValuesSql } from '../../src/lib/whatif/valuesTable';
import { ALL_SOURCES, runPipeline } from '../../src/lib/scoring/pipeline';
import { PipelineMemory } from '../../src/lib/scoring/pipelineMemory';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { rate, ruleFramework, wideCsv, type IndicatorSpec } from './support/ruleFramework';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

// A (max 30: a1 20 + a2 10) and B (max 70: b1 70); c1 is worth 10 in tiers, in its own index C.
const indicators: IndicatorSpec[] = [
  { code: 'a1', max: 20, rule: { kind: 'percent' }, measures: ['m_a1'] },
  { code: 'a2', max: 10, rule: { kind: 'percent' }, measures: ['m_a2'] },
  { code: 'b1', max: 70, rule: { kind: 'percent' }, measures: ['m_b1'] },
];
const measures = ['m_a1', 'm_a2', 'm_b1'].map((m) => rate(m, 'fraction'));
const fw = ruleFramework('wi', indicators, measures, {}, (c) => (c.startsWith('a') ? 'A' : 'B'));
// 20001: 10 + 10 + 56 = 76 → 0.76; 20002: 20 + 5 + 49 = 74 → 0.74; 20003: 18 + 9 + 52.5 = 79.5.
const data = [
  { unit: '20001', cells: { m_a1: 0.5, m_a2: 1, m_b1: 0.8 } },
  { unit: '20002', cells: { m_a1: 1, m_a2: 0.5, m_b1: 0.7 } },
  { unit: '20003', cells: { m_a1: 0.9, m_a2: 0.9, m_b1: 0.75 } },
];
const profile = validateTargetProfile({
  schema: 'dti-lab/targets@1',
  id: 'plan-wi',
  title: { vi: 'Kế hoạch thử', en: 'Test plan' },
  unit: { code: '20001', name: 'Xã 20001', level: 'xa' },
  plan: { title: 'Kế hoạch thử', year: 2024, source: 'test' },
  targets: [
    { id: 'b', measure: 'm_b1', comparator: '>=', value: 0.8, deadline: 2025, quote: 'b ≥ 80%' },
  ],
});

async function standings(ws: Workspace): Promise<Record<string, [number, number]>> {
  const r = await rows(ws, 'SELECT unit_code, total, rank FROM scores ORDER BY unit_code');
  return Object.fromEntries(r.map((x) => [String(x.unit_code), [Number(x.total), Number(x.rank)]]));
}

describe('what-if edits', () => {
  let ws: Workspace;
  const score = (edits: WhatIfEdit[]) => ws.score('wi', 'plan-wi', edits);
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.registerFramework(fw);
    await ws.registerProfile(profile);
    await ws.loadFile(csvFile('data.csv', wideCsv(data)));
  });

  it('a raw value: 20002 b1 70% → 80% gives 81 points and rank 3 → 1', async () => {
    await score([]);
    expect(await standings(ws)).toEqual({
      '20001': [0.76, 2],
      '20002': [0.74, 3],
      '20003': [0.795, 1],
    });
    await ws.engine.exec(SNAPSHOT_SQL.join(';\n'));
    await score([
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: 0.8, text: null },
    ]);
    const s = await standings(ws);
    expect(s['20002']![0]).toBeCloseTo(0.81, 12);
    expect(s['20002']![1]).toBe(1);
    expect(s['20003']![1]).toBe(2);
    expect(s['20001']![1]).toBe(3);
    const changes = await readUnitChanges(ws.engine, 2024);
    expect(changes.map((c) => [c.unitCode, c.rankMove])).toEqual([
      ['20002', 2],
      ['20003', -1],
      ['20001', -1],
    ]);
    expect(changes[0]!.delta).toBeCloseTo(0.07, 12);
    // The loaded data is untouched; the value names the edit it came from.
    const [o] = await rows(
      ws,
      "SELECT value FROM observations WHERE unit_code = '20002' AND measure = 'm_b1'",
    );
    expect(Number(o!.value)).toBeCloseTo(0.7, 12);
    const trace = await explainUnit(ws.engine, '20002', 2024);
    const b1 = trace.find((t) => t.indicator === 'b1')!;
    expect(b1.inputs[0]!.source.file).toBe(WHAT_IF_SOURCE);
    expect(b1.inputs[0]!.source.row).toBe(1);
    expect(b1.points).toBeCloseTo(56, 12);
  });

  it('undoing every edit gives back the scores as loaded', async () => {
    await score([
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: 0.8, text: null },
      { kind: 'maxPoints', framework: 'wi', indicator: 'a1', value: 80 },
    ]);
    await score([]);
    expect(await standings(ws)).toEqual({
      '20001': [0.76, 2],
      '20002': [0.74, 3],
      '20003': [0.795, 1],
    });
    const [m] = await rows(
      ws,
      "SELECT max_points FROM fw_indicators WHERE framework_id = 'wi' AND indicator = 'a1'",
    );
    expect(Number(m!.max_points)).toBe(20);
  });

  it('the last edit of a cell wins', async () => {
    await score([
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: 0.8, text: null },
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: 0.1, text: null },
    ]);
    expect((await standings(ws))['20002']![0]).toBeCloseTo((20 + 5 + 7) / 100, 12);
  });

  it('a value typed as "no data" scores as missing; a number typed with it stays a number', async () => {
    // 20002 b1 "Chưa có": b1 gives 0 of 70 → (20 + 5 + 0) / 100.
    await score([
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: null, text: 'Chưa có' },
    ]);
    expect((await standings(ws))['20002']![0]).toBeCloseTo(0.25, 12);
    const [p] = await rows(
      ws,
      "SELECT status, points FROM indicator_points WHERE unit_code = '20002' AND indicator = 'b1'",
    );
    expect([p!.status, Number(p!.points)]).toEqual(['missing', 0]);
    // A number with its text as typed ("80 %") is not a marker: 20 + 5 + 56.
    await score([
      { kind: 'value', unit: '20002', year: 2024, measure: 'm_b1', value: 0.8, text: '80 %' },
    ]);
    expect((await standings(ws))['20002']![0]).toBeCloseTo(0.81, 12);
  });

  it("an indicator's max points: a1 20 → 80 makes the total out of 160", async () => {
    await score([{ kind: 'maxPoints', framework: 'wi', indicator: 'a1', value: 80 }]);
    const s = await standings(ws);
    expect(s['20001']![0]).toBeCloseTo(106 / 160, 12);
    expect(s['20002']![0]).toBeCloseTo(134 / 160, 12);
    expect(s['20003']![0]).toBeCloseTo(133.5 / 160, 12);
    expect([s['20002']![1], s['20003']![1], s['20001']![1]]).toEqual([1, 2, 3]);
    const [t] = await rows(ws, "SELECT total_max FROM scores WHERE unit_code = '20001'");
    expect(Number(t!.total_max)).toBe(160);
  });

  it('a group weight: B weighed 0 leaves index A alone; B at its max points changes nothing', async () => {
    expect(weightGroups(fw)).toEqual([
      { code: 'A', weight: 30 },
      { code: 'B', weight: 70 },
    ]);
    await score([{ kind: 'weight', framework: 'wi', group: 'B', value: 0 }]);
    const s = await standings(ws);
    expect(s['20001']![0]).toBeCloseTo(20 / 30, 12);
    expect(s['20002']![0]).toBeCloseTo(25 / 30, 12);
    expect(s['20003']![0]).toBeCloseTo(27 / 30, 12);
    expect([s['20003']![1], s['20002']![1], s['20001']![1]]).toEqual([1, 2, 3]);
    await score([{ kind: 'weight', framework: 'wi', group: 'B', value: 70 }]);
    const same = await standings(ws);
    expect(same['20003']![0]).toBeCloseTo(0.795, 12);
    expect(same['20001']![0]).toBeCloseTo(0.76, 12);
    // Twice the weight on A: (2·30·v_A + 70·v_B) / 130.
    await score([{ kind: 'weight', framework: 'wi', group: 'A', value: 60 }]);
    expect((await standings(ws))['20001']![0]).toBeCloseTo((60 * (20 / 30) + 56) / 130, 12);
  });

  it('a target: b ≥ 80% → b ≥ 75% is met by two units instead of one', async () => {
    await score([]);
    await ws.engine.exec(SNAPSHOT_SQL.join(';\n'));
    await score([{ kind: 'target', profile: 'plan-wi', target: 'b', value: 0.75 }]);
    expect(await readTargetChanges(ws.engine, 2024)).toEqual([
      { targetId: 'b', metBefore: 1, metAfter: 2, units: 3 },
    ]);
  });
});

describe('what-if replays', () => {
  const ran = async (ws: Workspace): Promise<string[]> =>
    (await rows(ws, 'SELECT step FROM pipeline_log WHERE ran ORDER BY ord')).map((r) =>
      String(r.step),
    );
  const tables = async (ws: Workspace): Promise<string> =>
    JSON.stringify([
      await rows(ws, 'SELECT * FROM scores ORDER BY unit_code, year'),
      await rows(ws, 'SELECT * FROM indicator_points ORDER BY unit_code, year, indicator'),
      await rows(ws, 'SELECT * FROM gaps ORDER BY unit_code, year, target_id'),
    ]);

  it('run only the steps an edit touches, and end where a full run from scratch ends', async () => {
    const ws = await freshWorkspace();
    await ws.registerFramework(fw);
    await ws.registerProfile(profile);
    await ws.loadFile(csvFile('data.csv', wideCsv(data)));
    await ws.score('wi', 'plan-wi');
    expect(await ran(ws)).toContain('observed_measures');
    const value: WhatIfEdit = {
      kind: 'value',
      unit: '20002',
      year: 2024,
      measure: 'm_b1',
      value: 0.8,
      text: null,
    };
    const weight: WhatIfEdit = { kind: 'weight', framework: 'wi', group: 'A', value: 60 };
    const target: WhatIfEdit = { kind: 'target', profile: 'plan-wi', target: 'b', value: 0.75 };
    // The first value edit redefines `measures` over the what-if values; the files are not read.
    await ws.score('wi', 'plan-wi', [value]);
    expect(await ran(ws)).toEqual([
      'measures',
      'indicator_points',
      'main_index_scores',
      'totals',
      'bands',
    ]);
    // A weight: from the totals on (they read the weights; no indicator's points change).
    await ws.score('wi', 'plan-wi', [value, weight]);
    expect(await ran(ws)).toEqual(['totals', 'bands', 'points_at_stake']);
    // Written in place: A's weight, and B's max points as its weight (the points method).
    expect(
      await rows(ws, "SELECT main_index, weight FROM fw_main_indices WHERE framework_id = 'wi'"),
    ).toEqual([
      { main_index: 'A', weight: 60 },
      { main_index: 'B', weight: 70 },
    ]);
    // A target: nothing stored depends on targets; `gaps` reads them when asked.
    await ws.score('wi', 'plan-wi', [value, weight, target]);
    expect(await ran(ws)).toEqual([]);
    // Nothing changed: nothing runs.
    await ws.score('wi', 'plan-wi', [value, weight, target]);
    expect(await ran(ws)).toEqual([]);
    const replayed = await tables(ws);

    const fresh = await freshWorkspace();
    await fresh.registerFramework(fw);
    await fresh.registerProfile(profile);
    await fresh.loadFile(csvFile('data.csv', wideCsv(data)));
    await fresh.score('wi', 'plan-wi', [value, weight, target]);
    expect(replayed).toBe(await tables(fresh));
    // And back: undoing every edit replays to the scores as loaded.
    await ws.score('wi', 'plan-wi', []);
    await fresh.score('wi', 'plan-wi', []);
    expect(await tables(ws)).toBe(await tables(fresh));
  });
});

describe('refilled tables', () => {
  it('do not grow with the replays: dead rows are checkpointed away', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const fw = ws.framework('dti-xa-minh-hoa');
    // No floor: a checkpoint as soon as dead rows outnumber live ones.
    const memory = new PipelineMemory(0);
    const settings = { framework: fw, profile: null, whatIfValues: true };
    await runPipeline(ws.engine, settings, { memory, changed: ALL_SOURCES });
    for (let i = 0; i < 12; i++) {
      await ws.engine.exec(
        whatIfValuesSql([
          {
            kind: 'value',
            unit: '17950',
            year: 2024,
            measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
            value: i / 12,
            text: null,
          },
        ]).join(';\n'),
      );
      await runPipeline(ws.engine, settings, { memory, changed: new Set(['whatIf']) });
    }
    const [t] = await rows(
      ws,
      "SELECT estimated_size AS n FROM duckdb_tables() WHERE table_name = 'indicator_points'",
    );
    // 1,026 live rows; without checkpoints twelve refills leave about 13,000.
    expect(Number(t!.n)).toBeLessThanOrEqual(2 * 1026);
    // With the default floor a district's edits never wait for one.
    expect(new PipelineMemory().minDeadRows).toBeGreaterThan(100 * 1026);
  });
});

describe('what-if edits of the framework (pure)', () => {
  it('tiers scale with the max points, so a unit keeps its share', () => {
    const tiered = ruleFramework(
      'tiers',
      [
        {
          code: 't',
          max: 10,
          rule: {
            kind: 'tiers',
            tiers: [
              { at: 0.5, points: 5 },
              { at: 0.9, points: 10 },
            ],
          },
          measures: ['m'],
        },
      ],
      [rate('m', 'fraction')],
    );
    const edited = editFramework(tiered, [
      { kind: 'maxPoints', framework: 'tiers', indicator: 't', value: 20 },
    ]);
    expect(edited.indicators[0]!.rule).toEqual({
      kind: 'tiers',
      tiers: [
        { at: 0.5, points: 10 },
        { at: 0.9, points: 20 },
      ],
    });
    expect(edited.mainIndices[0]!.maxPoints).toBe(20);
    expect(tiered.indicators[0]!.maxPoints).toBe(10);
    // Edits made under another framework leave this one as it is.
    expect(
      editFramework(tiered, [{ kind: 'maxPoints', framework: 'x', indicator: 't', value: 1 }]),
    ).toBe(tiered);
  });
});

describe('what-if on the sample district', () => {
  it('a value edit moves one commune by exactly its points; ranks follow the totals', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score('dti-xa-minh-hoa', null);
    // The 2024 commune that loses the most points on one percent indicator.
    const [p] = await rows(
      ws,
      `SELECT p.unit_code, p.indicator, p.points, p.max_points, s.total, s.total_max, m.measure
       FROM indicator_points p JOIN scores s USING (unit_code, year)
       JOIN fw_indicators i ON i.framework_id = 'dti-xa-minh-hoa' AND i.indicator = p.indicator
       JOIN fw_indicator_measures m ON m.framework_id = 'dti-xa-minh-hoa' AND m.indicator = p.indicator
       WHERE p.year = 2024 AND i.rule = 'percent' AND p.status = 'ok'
       ORDER BY p.max_points - p.points DESC, p.unit_code LIMIT 1`,
    );
    const unit = String(p!.unit_code);
    await ws.score('dti-xa-minh-hoa', null, [
      { kind: 'value', unit, year: 2024, measure: String(p!.measure), value: 1, text: null },
    ]);
    const [after] = await rows(
      ws,
      `SELECT total FROM scores WHERE unit_code = '${unit}' AND year = 2024`,
    );
    const gained = Number(p!.max_points) - Number(p!.points);
    expect(Number(after!.total)).toBeCloseTo(Number(p!.total) + gained / Number(p!.total_max), 12);
    const ranked = await rows(
      ws,
      `SELECT rank, rank() OVER (ORDER BY round(total, 4) DESC) AS expected FROM scores WHERE year = 2024`,
    );
    for (const r of ranked) expect(Number(r.rank)).toBe(Number(r.expected));
  });
});

describe('values typed into the what-if form', () => {
  it('read the way a Vietnamese or English writer means them', () => {
    const n = (typed: string, lang: 'vi' | 'en' = 'vi') => {
      const r = readTypedValue(typed, lang);
      return r?.kind === 'number' ? r.value : r;
    };
    expect(n('1.500')).toBe(1500);
    expect(n('1,5')).toBe(1.5);
    expect(n('1.234,5')).toBe(1234.5);
    expect(n('74,6 %')).toBe(74.6);
    expect(n('0.5')).toBe(0.5);
    expect(n('1.500', 'en')).toBe(1.5);
    expect(n('1,500', 'en')).toBe(1500);
    expect(n('1,234.5', 'en')).toBe(1234.5);
    expect(n('-3')).toBe(-3);
    expect(n('abc')).toBeNull();
    expect(n('1.2.3,4,5')).toBeNull();
    expect(readTypedValue('-', 'vi')).toEqual({ kind: 'missing', text: '-' });
    expect(readTypedValue('Chưa có', 'vi')).toEqual({ kind: 'missing', text: 'Chưa có' });
  });
});
