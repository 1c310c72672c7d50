// Every scoring rule, run through the real pipeline in DuckDB, against hand-computed points.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { rows } from './support/workspace';
import {
  choice,
  expectCase,
  num,
  part,
  rate,
  ruleFramework,
  scoreCases,
  tiers,
  type RuleCase,
} from './support/ruleFramework';

const fw = ruleFramework(
  'rules',
  [
    { code: 'ratio', max: 10, rule: { kind: 'ratio' }, measures: ['ra', 'rb'] },
    {
      code: 'ratio_low',
      max: 10,
      rule: { kind: 'ratio' },
      measures: ['la', 'lb'],
      direction: 'lower',
    },
    { code: 'pct100', max: 20, rule: { kind: 'percent' }, measures: ['p100'] },
    { code: 'pct01', max: 20, rule: { kind: 'percent' }, measures: ['p01'] },
    { code: 'pct_full', max: 20, rule: { kind: 'percent', fullAt: 0.5 }, measures: ['p01'] },
    { code: 'pct_low', max: 20, rule: { kind: 'percent' }, measures: ['p01'], direction: 'lower' },
    { code: 'pct_sign', max: 20, rule: { kind: 'percent' }, measures: ['psign'] },
    {
      code: 'tiers',
      max: 20,
      rule: tiers([1, 5], [4, 20], [2, 10], [3, 15]),
      measures: ['meetings'],
    },
    {
      code: 'tiers_low',
      max: 10,
      rule: tiers([1, 10], [3, 5]),
      measures: ['incidents'],
      direction: 'lower',
    },
    {
      code: 'choice',
      max: 10,
      rule: choice(
        [['Bí thư', 'Chủ tịch'], 1],
        [['Phó Bí thư', 'Phó Chủ tịch'], 0.5],
        [['Không có'], 0],
      ),
      measures: ['head'],
    },
    { code: 'bool', max: 5, rule: { kind: 'boolean' }, measures: ['yn'] },
    { code: 'bool_low', max: 5, rule: { kind: 'boolean' }, measures: ['yn'], direction: 'lower' },
    {
      code: 'parts',
      max: 10,
      rule: {
        kind: 'parts',
        parts: [
          part('attended', 0.5, { kind: 'yes' }),
          part('chaired', 0.5, { kind: 'atLeast', value: 3 }),
        ],
      },
      measures: [],
    },
    { code: 'goal', max: 10, rule: { kind: 'goalpost', worst: 0, best: 50 }, measures: ['g'] },
    {
      code: 'goal_low',
      max: 10,
      rule: { kind: 'goalpost', worst: 30, best: 10 },
      measures: ['days'],
      direction: 'lower',
    },
    { code: 'minmax', max: 10, rule: { kind: 'minmax', peers: 'all' }, measures: ['peer'] },
    {
      code: 'minmax_low',
      max: 10,
      rule: { kind: 'minmax', peers: 'all' },
      measures: ['peer'],
      direction: 'lower',
    },
    {
      code: 'zscore',
      max: 12,
      rule: { kind: 'zscore', peers: 'all', clip: 3 },
      measures: ['peer'],
    },
  ],
  [rate('p100'), rate('p01'), rate('psign'), num('ra'), num('rb'), num('g'), num('peer')],
);

const cases: RuleCase[] = [
  ['10001', { ra: 45, rb: 60 }, 'ratio', 7.5, 'ok'],
  ['10002', { ra: 70, rb: 60 }, 'ratio', 10, 'ok'],
  ['10003', { ra: 5, rb: 0 }, 'ratio', null, 'na'],
  ['10004', { ra: -5, rb: 10 }, 'ratio', 0, 'ok'],
  ['10005', { rb: 10 }, 'ratio', 0, 'missing'],
  ['10006', { la: 15, lb: 60 }, 'ratio_low', 7.5, 'ok'],
  // p100 is given as 0–100 (its largest value is above 1), so 45 means 45 %.
  ['10011', { p100: '45%' }, 'pct100', 9, 'ok'],
  ['10012', { p100: 120 }, 'pct100', 20, 'ok'],
  ['10013', { p100: '12,5' }, 'pct100', 2.5, 'ok'],
  // p01 is given as 0–1.
  ['10014', { p01: 0.45 }, 'pct01', 9, 'ok'],
  ['10014', {}, 'pct_full', 18, 'ok'],
  ['10014', {}, 'pct_low', 11, 'ok'],
  ['10015', { p01: -0.2 }, 'pct01', 0, 'ok'],
  // A "%" sign makes the column 0–100 even when no value is above 1.
  ['10016', { psign: '1%' }, 'pct_sign', 0.2, 'ok'],
  ['10021', { meetings: 5 }, 'tiers', 20, 'ok'],
  // This column shows a dot decimal elsewhere (2.5), so "1.200" is 1.2 here, not 1200.
  ['10028', { meetings: '1.200' }, 'tiers', 5, 'ok'],
  ['10022', { meetings: 3 }, 'tiers', 15, 'ok'],
  ['10023', { meetings: 2.5 }, 'tiers', 10, 'ok'],
  ['10024', { meetings: 0 }, 'tiers', 0, 'ok'],
  ['10025', { incidents: 0 }, 'tiers_low', 10, 'ok'],
  ['10026', { incidents: 2 }, 'tiers_low', 5, 'ok'],
  ['10027', { incidents: 4 }, 'tiers_low', 0, 'ok'],
  ['10031', { head: 'BÍ THƯ' }, 'choice', 10, 'ok'],
  ['10032', { head: 'Phó Chủ tịch' }, 'choice', 5, 'ok'],
  ['10033', { head: 'không có' }, 'choice', 0, 'ok'],
  ['10034', { head: 'Trưởng thôn' }, 'choice', 0, 'unreadable'],
  ['10041', { yn: 'có' }, 'bool', 5, 'ok'],
  ['10042', { yn: 'Không' }, 'bool', 0, 'ok'],
  ['10043', { yn: 'x' }, 'bool', 5, 'ok'],
  ['10044', { yn: '✓' }, 'bool', 5, 'ok'],
  ['10045', { yn: 'ĐẠT' }, 'bool', 5, 'ok'],
  ['10046', { yn: 'chưa đạt' }, 'bool', 0, 'ok'],
  ['10047', { yn: 1 }, 'bool', 5, 'ok'],
  ['10048', { yn: 0 }, 'bool', 0, 'ok'],
  ['10049', { yn: 'có lẽ' }, 'bool', 0, 'unreadable'],
  ['10041', {}, 'bool_low', 0, 'ok'],
  ['10042', {}, 'bool_low', 5, 'ok'],
  ['10050', { yn: 'N/A' }, 'bool', 0, 'missing'],
  ['10051', { attended: 'có', chaired: 4 }, 'parts', 10, 'ok'],
  ['10052', { attended: 'có', chaired: 2 }, 'parts', 5, 'ok'],
  // A part with no data, or an answer that cannot be read, makes the indicator partial.
  ['10053', { attended: 'không' }, 'parts', 0, 'partial'],
  ['10054', { chaired: 3 }, 'parts', 5, 'partial'],
  ['10055', { attended: 'có lẽ', chaired: 5 }, 'parts', 5, 'partial'],
  ['10056', { head: 'Bí thư' }, 'parts', 0, 'missing'],
  // Text that is not a number is unreadable — never full points (DuckDB's greatest/least skip NULL).
  ['10081', { ra: 'đang cập nhật', rb: 10 }, 'ratio', 0, 'unreadable'],
  ['10082', { ra: 5, rb: -10 }, 'ratio', 0, 'unreadable'],
  ['10083', { p01: 'chưa thống kê' }, 'pct01', 0, 'unreadable'],
  ['10084', { g: 'không rõ' }, 'goal', 0, 'unreadable'],
  ['10085', { p01: 'NaN' }, 'pct01', 0, 'unreadable'],
  ['10086', { meetings: 'inf' }, 'tiers', 0, 'unreadable'],
  ['10087', { la: 'x', lb: 10 }, 'ratio_low', 0, 'unreadable'],
  ['10061', { g: 25 }, 'goal', 5, 'ok'],
  ['10062', { g: 60 }, 'goal', 10, 'ok'],
  ['10063', { g: -5 }, 'goal', 0, 'ok'],
  ['10064', { days: 15 }, 'goal_low', 7.5, 'ok'],
  ['10065', { days: 40 }, 'goal_low', 0, 'ok'],
  // Peers: 10, 20, 30 → min-max 0, 5, 10; z = (x − 20) / √(200/3).
  ['10071', { peer: 10 }, 'minmax', 0, 'ok'],
  ['10072', { peer: 20 }, 'minmax', 5, 'ok'],
  ['10073', { peer: 30 }, 'minmax', 10, 'ok'],
  ['10071', {}, 'minmax_low', 10, 'ok'],
  ['10073', {}, 'zscore', 12 * ((10 / Math.sqrt(200 / 3) + 3) / 6), 'ok'],
  ['10072', {}, 'zscore', 6, 'ok'],
];

describe('scoring rules (hand-computed, through the pipeline)', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await scoreCases(fw, cases);
  });

  it.each(cases)('unit %s %j → %s = %s (%s)', (...c) => expectCase(ws, c));

  it('a ratio with b = 0 is not applicable: out of numerator and denominator', async () => {
    const [r] = await rows(
      ws,
      `SELECT points, max_counted FROM indicator_points WHERE unit_code = '10003' AND indicator = 'ratio'`,
    );
    expect(r).toEqual({ points: null, max_counted: 0 });
    const [m] = await rows(
      ws,
      `SELECT value FROM main_index_scores WHERE unit_code = '10003' AND main_index = 'mi_ratio'`,
    );
    expect(m?.value).toBeNull();
  });

  it('missing data scores zero but still counts in the denominator (default policy)', async () => {
    const [r] = await rows(
      ws,
      `SELECT points, max_counted FROM indicator_points WHERE unit_code = '10005' AND indicator = 'ratio'`,
    );
    expect(r).toEqual({ points: 0, max_counted: 10 });
  });

  it('records the 0–100 vs 0–1 decision per measure', async () => {
    const got = await rows(
      ws,
      `SELECT DISTINCT measure, divisor FROM measures WHERE measure IN ('p100', 'p01') ORDER BY measure`,
    );
    expect(got).toEqual([
      { measure: 'p01', divisor: 1 },
      { measure: 'p100', divisor: 100 },
    ]);
  });
});
