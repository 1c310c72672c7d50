// Rules as data: each indicator's rule parameters live in framework tables (fw_indicators'
// parameter columns, fw_rule_tiers, fw_rule_choices, fw_rule_parts) and one expression per rule
// kind scores them. The cases this shape could get wrong, through the real pipeline in DuckDB:
// tier boundaries both ways, thresholds and answers listed twice, a framework with none of the
// lists, and frameworks sharing an indicator code (built, read from a sheet, removed).
import { beforeAll, describe, expect, it } from 'vitest';
import { removeFrameworkSql } from '../../src/lib/scoring/specTables';
import type { Framework } from '../../src/lib/framework/types';
import { indicatorPointsStep } from '../../src/lib/scoring/steps/indicatorPoints';
import type { Workspace } from '../../src/lib/workspace/workspace';
import {
  choice,
  expectCase,
  num,
  part,
  rate,
  ruleFramework,
  scoreCases,
  tiers,
  wideCsv,
  type IndicatorSpec,
  type RuleCase,
} from './support/ruleFramework';
import { csvFile, freshWorkspace, rows } from './support/workspace';

const RULE_TABLES = ['fw_rule_tiers', 'fw_rule_choices', 'fw_rule_parts'];

/** How many rows each rule table holds for a framework. */
const ruleRows = async (ws: Workspace, id: string): Promise<number[]> => {
  const counts: number[] = [];
  for (const table of RULE_TABLES) {
    const [r] = await rows(
      ws,
      `SELECT count(*)::INTEGER AS n FROM ${table} WHERE framework_id = '${id}'`,
    );
    counts.push(Number(r?.n));
  }
  return counts;
};

/** Scores with a framework: its points by "unit:indicator", for the indicators given. */
const pointsBy = async (
  ws: Workspace,
  id: string,
  indicators: string[],
): Promise<Record<string, number>> => {
  await ws.score(id, null);
  const r = await rows(
    ws,
    `SELECT unit_code || ':' || indicator AS k, points FROM indicator_points
     WHERE indicator IN (${indicators.map((x) => `'${x}'`).join(', ')}) ORDER BY k`,
  );
  return Object.fromEntries(r.map((x) => [String(x.k), Number(x.points)]));
};

const indicators: IndicatorSpec[] = [
  {
    // Listed out of order, with 10 twice (the first listed, 6 points, is the tier) and a
    // negative threshold.
    code: 'up',
    max: 10,
    rule: tiers([0, 2], [10, 6], [5, 4], [10, 9], [-5, 1]),
    measures: ['m_up'],
  },
  {
    // Lower is better: the tier reached is the smallest threshold ≥ the value.
    code: 'down',
    max: 10,
    rule: tiers([0, 10], [2, 5], [2, 1], [5, 2]),
    measures: ['m_down'],
    direction: 'lower',
  },
  {
    // The highest tier reached wins, even when a lower one is worth more.
    code: 'odd',
    max: 8,
    rule: tiers([1, 8], [3, 4]),
    measures: ['m_odd'],
  },
  {
    // "bi thu" and "CHỦ TỊCH " fold to answers the first option lists: they stay the first's.
    code: 'head',
    max: 10,
    rule: choice(
      [['Bí thư', 'Chủ tịch'], 1],
      [['bi thu', 'Phó Chủ tịch'], 0.5],
      [['CHỦ TỊCH ', 'Không có'], 0],
    ),
    measures: ['m_head'],
  },
  {
    code: 'parts',
    max: 10,
    rule: {
      kind: 'parts',
      parts: [
        part('m_days', 0.25, { kind: 'atMost', value: 3 }),
        part('m_site', 0.75, { kind: 'yes' }),
      ],
    },
    measures: [],
  },
];
const fw = ruleFramework('rule_tables', indicators, [
  num('m_up'),
  num('m_down'),
  num('m_odd'),
  num('m_days'),
  num('m_site'),
]);

const cases: RuleCase[] = [
  ['30001', { m_up: -6 }, 'up', 0, 'ok'],
  ['30002', { m_up: -5 }, 'up', 1, 'ok'],
  ['30003', { m_up: 0 }, 'up', 2, 'ok'],
  ['30004', { m_up: 4.99 }, 'up', 2, 'ok'],
  ['30005', { m_up: 5 }, 'up', 4, 'ok'],
  ['30006', { m_up: 10 }, 'up', 6, 'ok'],
  ['30007', { m_up: 1e9 }, 'up', 6, 'ok'],
  ['30001', { m_down: -1 }, 'down', 10, 'ok'],
  ['30002', { m_down: 0 }, 'down', 10, 'ok'],
  ['30003', { m_down: 0.5 }, 'down', 5, 'ok'],
  ['30004', { m_down: 2 }, 'down', 5, 'ok'],
  ['30005', { m_down: 2.01 }, 'down', 2, 'ok'],
  ['30006', { m_down: 5 }, 'down', 2, 'ok'],
  ['30007', { m_down: 5.01 }, 'down', 0, 'ok'],
  ['30008', { m_up: '-0', m_down: '-0' }, 'up', 2, 'ok'],
  ['30008', {}, 'down', 10, 'ok'],
  ['30009', { m_up: 'nhiều' }, 'up', 0, 'unreadable'],
  ['30001', { m_odd: 2 }, 'odd', 8, 'ok'],
  ['30002', { m_odd: 3 }, 'odd', 4, 'ok'],
  ['30003', { m_odd: 0 }, 'odd', 0, 'ok'],
  ['30001', { m_head: 'bí thư' }, 'head', 10, 'ok'],
  ['30002', { m_head: 'Chủ tịch' }, 'head', 10, 'ok'],
  ['30003', { m_head: 'phó chủ tịch' }, 'head', 5, 'ok'],
  ['30004', { m_head: 'Không có' }, 'head', 0, 'ok'],
  ['30005', { m_head: 'Trưởng thôn' }, 'head', 0, 'unreadable'],
  ['30001', { m_days: 3, m_site: 'có' }, 'parts', 10, 'ok'],
  ['30002', { m_days: 3.5, m_site: 1 }, 'parts', 7.5, 'ok'],
  ['30003', { m_days: 0, m_site: 'không' }, 'parts', 2.5, 'ok'],
  ['30004', { m_days: 2, m_site: 'chưa rõ' }, 'parts', 2.5, 'partial'],
];

describe('rule tables: tiers, choices and parts as data', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await scoreCases(fw, cases);
  });

  it.each(cases)('unit %s %j → %s = %s (%s)', (...c) => expectCase(ws, c));

  it('holds one tier per threshold and one choice per folded answer, the first listed', async () => {
    expect(
      await rows(
        ws,
        `SELECT indicator, threshold, fraction FROM fw_rule_tiers
         WHERE framework_id = 'rule_tables' ORDER BY indicator, threshold`,
      ),
    ).toEqual([
      { indicator: 'down', threshold: 0, fraction: 1 },
      { indicator: 'down', threshold: 2, fraction: 0.5 },
      { indicator: 'down', threshold: 5, fraction: 0.2 },
      { indicator: 'odd', threshold: 1, fraction: 1 },
      { indicator: 'odd', threshold: 3, fraction: 0.5 },
      { indicator: 'up', threshold: -5, fraction: 0.1 },
      { indicator: 'up', threshold: 0, fraction: 0.2 },
      { indicator: 'up', threshold: 5, fraction: 0.4 },
      { indicator: 'up', threshold: 10, fraction: 0.6 },
    ]);
    expect(
      await rows(
        ws,
        `SELECT folded_match, fraction FROM fw_rule_choices
         WHERE framework_id = 'rule_tables' ORDER BY folded_match`,
      ),
    ).toEqual([
      { folded_match: 'bi thu', fraction: 1 },
      { folded_match: 'chu tich', fraction: 1 },
      { folded_match: 'khong co', fraction: 0 },
      { folded_match: 'pho chu tich', fraction: 0.5 },
    ]);
    expect(
      await rows(
        ws,
        `SELECT p.slot, m.measure, p.share, p.test, p.test_value FROM fw_rule_parts p
         JOIN fw_indicator_measures m USING (framework_id, indicator, slot)
         WHERE framework_id = 'rule_tables' ORDER BY p.slot`,
      ),
    ).toEqual([
      { slot: 1, measure: 'm_days', share: 0.25, test: 'atMost', test_value: 3 },
      { slot: 2, measure: 'm_site', share: 0.75, test: 'yes', test_value: null },
    ]);
  });

  it('writes the parameters of each kind beside the indicator, NULL where the kind has none', async () => {
    const params = ruleFramework(
      'rule_params',
      [
        { code: 'pct', max: 1, rule: { kind: 'percent' }, measures: ['r'] },
        { code: 'pct_full', max: 1, rule: { kind: 'percent', fullAt: 0.8 }, measures: ['r'] },
        {
          code: 'goal',
          max: 1,
          rule: { kind: 'goalpost', worst: 30, best: 10 },
          measures: ['r'],
          direction: 'lower',
        },
        { code: 'mm', max: 1, rule: { kind: 'minmax', peers: 'parent' }, measures: ['r'] },
        { code: 'z', max: 1, rule: { kind: 'zscore', peers: 'all', clip: 2 }, measures: ['r'] },
        { code: 'yn', max: 1, rule: { kind: 'boolean' }, measures: ['r'] },
      ],
      [rate('r')],
    );
    await ws.registerFramework(params);
    const got = await rows(
      ws,
      `SELECT indicator, full_at, worst, best, peers, clip, relative
       FROM fw_indicators WHERE framework_id = 'rule_params' ORDER BY ord`,
    );
    expect(got.map((r) => Object.values(r))).toEqual([
      ['pct', 1, null, null, null, null, false],
      ['pct_full', 0.8, null, null, null, null, false],
      ['goal', null, 30, 10, null, null, false],
      ['mm', null, null, null, 'parent', null, true],
      ['z', null, null, null, 'all', 2, true],
      ['yn', null, null, null, null, null, false],
    ]);
    expect(await ruleRows(ws, 'rule_params')).toEqual([0, 0, 0]);
  });
});

describe('the indicator-points query is the same whatever the rules hold', () => {
  const settings = (framework: Framework) => ({ framework, profile: null, whatIfValues: false });

  it('another rule, another threshold or fewer indicators change the data, not the SQL', () => {
    const other: Framework = {
      ...fw,
      indicators: [
        { ...fw.indicators[0]!, rule: { kind: 'tiers', tiers: [{ at: 1, points: 10 }] } },
        { ...fw.indicators[1]!, rule: { kind: 'percent' } },
      ],
    };
    expect(indicatorPointsStep.sql(settings(other))).toBe(indicatorPointsStep.sql(settings(fw)));
  });
});

describe('a framework without tiers, choices or parts', () => {
  it('leaves the rule tables empty for it and still scores', async () => {
    const ws = await freshWorkspace();
    const plain = ruleFramework(
      'plain',
      [
        { code: 'share', max: 10, rule: { kind: 'percent' }, measures: ['p'] },
        { code: 'ratio', max: 10, rule: { kind: 'ratio' }, measures: ['a', 'b'] },
      ],
      [rate('p', 'fraction'), num('a'), num('b')],
    );
    await ws.registerFramework(plain);
    await ws.loadFile(
      csvFile('plain-2024.csv', wideCsv([{ unit: '40001', cells: { p: 0.3, a: 1, b: 4 } }])),
    );
    await ws.score('plain', null);
    expect(await ruleRows(ws, 'plain')).toEqual([0, 0, 0]);
    expect(
      await rows(ws, `SELECT indicator, points, status FROM indicator_points ORDER BY indicator`),
    ).toEqual([
      { indicator: 'ratio', points: 2.5, status: 'ok' },
      { indicator: 'share', points: 3, status: 'ok' },
    ]);
  });
});

describe('frameworks sharing an indicator code', () => {
  // Both score "x" from the same measure, each by its own rule; "y" is a choice in one and
  // parts in the other.
  const a = ruleFramework(
    'same_a',
    [
      {
        code: 'x',
        max: 10,
        rule: tiers([2, 10], [1, 5]),
        measures: ['m'],
      },
      {
        code: 'y',
        max: 4,
        rule: choice([['có'], 1], [['một phần'], 0.5]),
        measures: ['t'],
      },
    ],
    [num('m')],
  );
  const b = ruleFramework(
    'same_b',
    [
      {
        code: 'x',
        max: 6,
        rule: tiers([2, 6], [4, 3]),
        measures: ['m'],
        direction: 'lower',
      },
      {
        code: 'y',
        max: 4,
        rule: {
          kind: 'parts',
          parts: [part('t', 0.5, { kind: 'yes' }), part('m', 0.5, { kind: 'atLeast', value: 3 })],
        },
        measures: [],
      },
    ],
    [num('m')],
  );
  let ws: Workspace;
  const points = (id: string) => pointsBy(ws, id, ['x', 'y']);
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.registerFramework(a);
    await ws.registerFramework(b);
    await ws.loadFile(
      csvFile(
        'same-2024.csv',
        wideCsv([
          { unit: '50001', cells: { m: 1, t: 'có' } },
          { unit: '50002', cells: { m: 3, t: 'một phần' } },
        ]),
      ),
    );
  });

  it('scores each by its own rules', async () => {
    expect(await points('same_a')).toEqual({
      '50001:x': 5,
      '50001:y': 4,
      '50002:x': 10,
      '50002:y': 2,
    });
    // Lower is better: m = 1 reaches the tier at 2, m = 3 the tier at 4; y: 't' yes, m ≥ 3.
    expect(await points('same_b')).toEqual({
      '50001:x': 6,
      '50001:y': 2,
      '50002:x': 3,
      '50002:y': 2,
    });
  });

  it('removing one takes its rule rows out and leaves the other whole', async () => {
    for (const sql of removeFrameworkSql('same_b')) await ws.engine.exec(sql);
    for (const table of ['fw_indicators', 'fw_indicator_measures', ...RULE_TABLES]) {
      const r = await rows(
        ws,
        `SELECT framework_id, count(*)::INTEGER AS n FROM ${table}
         WHERE framework_id IN ('same_a', 'same_b') GROUP BY ALL ORDER BY ALL`,
      );
      expect(
        r.every((x) => x.framework_id === 'same_a'),
        table,
      ).toBe(true);
    }
    expect(await points('same_a')).toEqual({
      '50001:x': 5,
      '50001:y': 4,
      '50002:x': 10,
      '50002:y': 2,
    });
  });
});

describe('a framework read from a sheet, beside the built-in one it borrows rules from', () => {
  it('scores the borrowed tiers and choice at its own max, and its undo takes its rule rows out', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(
      csvFile(
        'xa-2024.csv',
        wideCsv([
          { unit: '60001', cells: { bcd_so_cuoc_hop: 3, truong_bcd: 'Phó Chủ tịch' } },
          { unit: '60002', cells: { bcd_so_cuoc_hop: 5, truong_bcd: 'Bí thư' } },
        ]),
      ),
    );
    const sheet = [
      'BỘ CHỈ SỐ CẤP XÃ',
      'STT,Mã,Chỉ tiêu,Điểm tối đa',
      'I,,Nhận thức số,14',
      '1,ns_hop_bcd,Số cuộc họp Ban Chỉ đạo,8',
      '2,ns_truong_bcd,Trưởng Ban Chỉ đạo,6',
    ].join('\n');
    const loaded = await ws.loadFile(csvFile('bo-chi-so-xa.csv', sheet));
    const id = loaded.framework!.definition.id;
    const pointsOf = (fwId: string) => pointsBy(ws, fwId, ['ns_hop_bcd', 'ns_truong_bcd']);
    // Built in: tiers 1–4 meetings → 1–4 of 4 points; head 1 / deputy 0.5 of 3.
    expect(await pointsOf('dti-xa-minh-hoa')).toEqual({
      '60001:ns_hop_bcd': 3,
      '60001:ns_truong_bcd': 1.5,
      '60002:ns_hop_bcd': 4,
      '60002:ns_truong_bcd': 3,
    });
    expect(await pointsOf(id)).toEqual({
      '60001:ns_hop_bcd': 6,
      '60001:ns_truong_bcd': 3,
      '60002:ns_hop_bcd': 8,
      '60002:ns_truong_bcd': 6,
    });
    await ws.undoBatch(loaded.batch!);
    expect(await ruleRows(ws, id)).toEqual([0, 0, 0]);
    expect((await ruleRows(ws, 'dti-xa-minh-hoa'))[0]).toBeGreaterThan(0);
  });
});
