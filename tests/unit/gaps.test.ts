// Gaps to plan targets: gap = d·(T − x), met, attainment, progress since baseline, pace.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateTargetProfile } from '../../src/lib/framework/validateTargets';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { csvFile, freshWorkspace, rows } from './support/workspace';
import { rate, ruleFramework, wideCsv } from './support/ruleFramework';

const fw = ruleFramework(
  'gaps',
  [{ code: 'i1', max: 10, rule: { kind: 'percent' }, measures: ['online'] }],
  [rate('online', 'percent'), rate('cash', 'percent'), rate('g5', 'percent')],
);

const profile = validateTargetProfile({
  schema: 'dti-lab/targets@1',
  id: 'plan',
  title: { vi: 'Kế hoạch thử', en: 'Test plan' },
  unit: { code: '40001', name: 'Xã Thử', level: 'xa' },
  plan: { title: 'Kế hoạch thử', year: 2024, source: 'test' },
  targets: [
    {
      id: 't1',
      measure: 'online',
      comparator: '>=',
      value: 0.45,
      deadline: 2026,
      quote: 'DVCTT toàn trình đạt từ 45% trở lên',
    },
    {
      id: 't2',
      measure: 'cash',
      comparator: '<=',
      value: 0.3,
      deadline: 2026,
      quote: 'giao dịch tiền mặt không quá 30%',
    },
    {
      id: 't3',
      measure: 'g5',
      comparator: 'range',
      value: 0.15,
      high: 0.2,
      deadline: 2024,
      quote: 'phủ sóng 5G đạt 15-20% dân số',
    },
    {
      id: 't4',
      measure: 'absent',
      comparator: '>=',
      value: 1,
      deadline: 2024,
      quote: 'không có số liệu',
    },
  ],
});

/** A target of the test plans below: due 2026, its id as its quote. */
const target = (id: string, measure: string, comparator: string, value: number, high?: number) => ({
  id,
  measure,
  comparator,
  value,
  ...(high === undefined ? {} : { high }),
  deadline: 2026,
  quote: id,
});

/** A plan of unit `unit` holding `targets`, validated as any loaded profile is. */
const testProfile = (id: string, unit: string, targets: ReturnType<typeof target>[]) =>
  validateTargetProfile({
    schema: 'dti-lab/targets@1',
    id,
    title: { vi: `Thử ${id}`, en: `Test ${id}` },
    unit: { code: unit, name: 'Xã Thử', level: 'xa' },
    plan: { title: 'Thử', year: 2024, source: 'test' },
    targets,
  });

describe('gaps to targets', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.registerFramework(fw);
    await ws.registerProfile(profile);
    // online: 20 % (2022) → 30 % (2023) → 40 % (2024): slope 10 points a year.
    await ws.loadFile(
      csvFile(
        'gaps.csv',
        wideCsv([
          { unit: '40001', year: 2022, cells: { online: 20, cash: 50, g5: 10 } },
          { unit: '40001', year: 2023, cells: { online: 30, cash: 40, g5: 10 } },
          { unit: '40001', year: 2024, cells: { online: 40, cash: 35, g5: 25 } },
        ]),
      ),
    );
    await ws.score('gaps', 'plan');
  });

  const get = async (target: string, year = 2024) =>
    (
      await rows(
        ws,
        `SELECT * FROM gaps WHERE unit_code = '40001' AND year = ${year} AND target_id = '${target}'`,
      )
    )[0]!;

  it('≥ target: positive gap is a shortfall; attainment x/T; progress from the first year; pace', async () => {
    const g = await get('t1');
    expect(g.x).toBeCloseTo(0.4, 12);
    expect(g.gap).toBeCloseTo(0.05, 12);
    expect(g.met).toBe(false);
    expect(g.status).toBe('behind');
    expect(g.attainment).toBeCloseTo(0.4 / 0.45, 12);
    expect(g.baseline_year).toBe(2022);
    expect(g.progress).toBeCloseTo((0.4 - 0.2) / (0.45 - 0.2), 12);
    expect(g.slope).toBeCloseTo(0.1, 12);
    expect(g.projected).toBeCloseTo(0.6, 12);
    expect(g.on_track).toBe(true);
    expect(g.needed_per_year).toBeCloseTo(0.025, 12);
  });

  it('≤ target: d = −1, gap = x − T', async () => {
    const g = await get('t2');
    expect(g.gap).toBeCloseTo(0.05, 12);
    expect(g.met).toBe(false);
    expect(g.attainment).toBeCloseTo(0.3 / 0.35, 12);
    // 50 → 40 → 35: slope −7.5 points a year, projected 20 % ≤ 30 % by 2026.
    expect(g.on_track).toBe(true);
  });

  it('range target of a higher-is-better measure: met from its low end, beyond its high end too', async () => {
    const g = await get('t3');
    expect(g.x).toBeCloseTo(0.25, 12);
    expect(g).toMatchObject({ status: 'met', met: true, attainment: 1 });
    expect(g.gap).toBeCloseTo(-0.1, 12); // 10 points past the level to reach, no shortfall
    expect(g.on_track).toBeNull(); // deadline reached: no projection
    const first = await get('t3', 2022);
    expect(first).toMatchObject({ status: 'behind', met: false });
    expect(first.gap).toBeCloseTo(0.05, 12);
    expect(first.attainment).toBeCloseTo(0.1 / 0.15, 12);
    expect(first.progress).toBeNull(); // one year only: no baseline before it
  });

  it('no data: status missing, nothing computed', async () => {
    const g = await get('t4');
    expect(g).toMatchObject({ status: 'missing', x: null, gap: null, met: null, attainment: null });
  });
});

describe('gaps: "=" targets, baseline year, falling behind', () => {
  it('attainment below and above an "=" target; a baseline year limits only baseline and trend', async () => {
    const ws = await freshWorkspace();
    await ws.registerFramework(fw);
    await ws.registerProfile(
      validateTargetProfile({
        schema: 'dti-lab/targets@1',
        id: 'eq',
        title: { vi: 'Bằng', en: 'Equal' },
        unit: { code: '40002', name: 'Xã Thử', level: 'xa' },
        plan: { title: 'Thử', year: 2024, source: 'test' },
        baselineYear: 2023,
        targets: [
          {
            id: 'eq',
            measure: 'online',
            comparator: '=',
            value: 0.5,
            deadline: 2026,
            quote: 'đúng 50 %',
          },
          {
            id: 'up',
            measure: 'cash',
            comparator: '>=',
            value: 0.9,
            deadline: 2026,
            quote: 'từ 90 %',
          },
        ],
      }),
    );
    // online: 40 % (2022) → 25 % (2023) → 60 % (2024); cash: 80 → 70 → 60 (falling).
    await ws.loadFile(
      csvFile(
        'eq.csv',
        wideCsv([
          { unit: '40002', year: 2022, cells: { online: 40, cash: 80 } },
          { unit: '40002', year: 2023, cells: { online: 25, cash: 70 } },
          { unit: '40002', year: 2024, cells: { online: 60, cash: 60 } },
        ]),
      ),
    );
    await ws.score('gaps', 'eq');
    const get = async (t: string, y: number) =>
      (await rows(ws, `SELECT * FROM gaps WHERE target_id = '${t}' AND year = ${y}`))[0]!;

    const below = await get('eq', 2023);
    expect(below.attainment).toBeCloseTo(0.25 / 0.5, 12);
    const above = await get('eq', 2024);
    expect(above.gap).toBeCloseTo(0.1, 12);
    expect(above.attainment).toBeCloseTo(0.5 / 0.6, 12);
    // Baseline 2023: 2022 is still observed, but baseline and trend start in 2023.
    const early = await get('eq', 2022);
    expect(early).toMatchObject({ status: 'behind', baseline_year: null, progress: null });
    expect(early.x).toBeCloseTo(0.4, 12);
    expect(above.baseline_year).toBe(2023);
    expect(above.baseline).toBeCloseTo(0.25, 12);
    expect(above.slope).toBeCloseTo(0.35, 12);

    const falling = await get('up', 2024);
    expect(falling.slope).toBeCloseTo(-0.1, 12);
    expect(falling.on_track).toBe(false);
    expect(falling.progress).toBeCloseTo((0.6 - 0.7) / (0.9 - 0.7), 12);
  });
});

describe('gaps: strict comparators, a range of a lower-is-better measure, a band', () => {
  it('"trên"/"dưới" are not met at the value itself; a range follows its measure; a band keeps both ends', async () => {
    const lower = { ...rate('wait', 'percent'), direction: 'lower' as const };
    const fwc = ruleFramework(
      'strict',
      [{ code: 'i1', max: 10, rule: { kind: 'percent' }, measures: ['online'] }],
      [rate('online', 'percent'), rate('cash', 'percent'), lower],
    );
    const ws = await freshWorkspace();
    await ws.registerFramework(fwc);
    await ws.registerProfile(
      testProfile('strict', '40003', [
        target('above70', 'online', '>', 0.7),
        target('atLeast70', 'online', '>=', 0.7),
        target('below30', 'cash', '<', 0.3),
        target('atMost30', 'cash', '<=', 0.3),
        target('waitRange', 'wait', 'range', 0.1, 0.2),
        target('waitBand', 'wait', 'band', 0.1, 0.2),
        target('cashBand', 'cash', 'band', 0.1, 0.2),
      ]),
    );
    // online and cash exactly at their targets; wait 5 % (lower is better, below both ends).
    await ws.loadFile(
      csvFile(
        'strict.csv',
        wideCsv([
          { unit: '40003', year: 2023, cells: { online: 60, cash: 40, wait: 30 } },
          { unit: '40003', year: 2024, cells: { online: 70, cash: 30, wait: 5 } },
        ]),
      ),
    );
    await ws.score('strict', 'strict');
    const get = async (t: string, y = 2024) =>
      (await rows(ws, `SELECT * FROM gaps WHERE target_id = '${t}' AND year = ${y}`))[0]!;

    const above = await get('above70');
    expect(above).toMatchObject({ status: 'behind', met: false });
    expect(above.gap).toBeCloseTo(0, 12);
    expect((await get('atLeast70')).met).toBe(true);
    expect((await get('below30')).met).toBe(false);
    expect((await get('atMost30')).met).toBe(true);
    // 2023 → 2024: online +10 points a year reaches 90 % by 2026, above 70 %.
    expect(above.on_track).toBe(true);

    // Lower is better: a range is met up to its high end, however low the value goes.
    expect(await get('waitRange')).toMatchObject({ status: 'met', met: true });
    const waitRange2023 = await get('waitRange', 2023);
    expect(waitRange2023.met).toBe(false);
    expect(waitRange2023.gap).toBeCloseTo(0.1, 12);
    // A band is kept only inside both ends, whichever way is better.
    const waitBand = await get('waitBand');
    expect(waitBand.met).toBe(false);
    expect(waitBand.gap).toBeCloseTo(0.05, 12);
    const cashBand = await get('cashBand');
    expect(cashBand.met).toBe(false);
    expect(cashBand.gap).toBeCloseTo(0.1, 12);
    expect(cashBand.attainment).toBeCloseTo(0.2 / 0.3, 12);
  });
});

describe('gaps: a value the report gives only as a bound', () => {
  it('"Trên 70%" is read as 70 % above; a target it settles is met or behind, one it cannot is unsure', async () => {
    const fwb = ruleFramework(
      'bound',
      [{ code: 'i1', max: 10, rule: { kind: 'percent' }, measures: ['phone'] }],
      [rate('phone', 'percent'), rate('apps', 'percent'), rate('cash', 'percent')],
    );
    const ws = await freshWorkspace();
    await ws.registerFramework(fwb);
    await ws.registerProfile(
      testProfile('bound', '40004', [
        target('phoneAbove70', 'phone', '>', 0.7),
        target('phoneAtLeast60', 'phone', '>=', 0.6),
        target('phoneAtLeast80', 'phone', '>=', 0.8),
        target('phoneAtMost50', 'phone', '<=', 0.5),
        target('appsAtLeast20', 'apps', '>=', 0.2),
        target('appsAtLeast5', 'apps', '>=', 0.05),
        target('cashExact', 'cash', '>=', 0.3),
      ]),
    );
    const report = await ws.loadFile(
      csvFile(
        'bound.csv',
        wideCsv([
          { unit: '40004', cells: { phone: 'Trên 70%', apps: 'chưa đạt (10%)', cash: '30%' } },
        ]),
      ),
    );
    expect(report.issues).toEqual([]);
    await ws.score('bound', 'bound');
    const [phone] = await rows(ws, `SELECT value, text FROM measures WHERE measure = 'phone'`);
    expect(phone).toMatchObject({ text: 'Trên 70%' });
    expect(phone!.value).toBeCloseTo(0.7, 12);
    const status = async (t: string) =>
      (await rows(ws, `SELECT status, met, x_bound FROM gaps WHERE target_id = '${t}'`))[0]!;
    // Above 70 %: more than 70 % and at least 60 % for sure; at least 80 %, cannot tell.
    expect(await status('phoneAbove70')).toEqual({ status: 'met', met: true, x_bound: '>' });
    expect(await status('phoneAtLeast60')).toMatchObject({ status: 'met', met: true });
    expect(await status('phoneAtLeast80')).toMatchObject({ status: 'unsure', met: null });
    expect(await status('phoneAtMost50')).toMatchObject({ status: 'behind', met: false });
    // Below 10 %: short of 20 % for sure; of 5 %, cannot tell.
    expect(await status('appsAtLeast20')).toEqual({ status: 'behind', met: false, x_bound: '<' });
    expect(await status('appsAtLeast5')).toMatchObject({ status: 'unsure', met: null });
    // A plain value is judged as before.
    expect(await status('cashExact')).toEqual({ status: 'met', met: true, x_bound: null });
  });
});
