// Main indices → total under each aggregation and missing-data policy; ranks with ties; bands.
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, rows } from './support/workspace';
import { rate, ruleFramework, wideCsv, type IndicatorSpec } from './support/ruleFramework';
import type { Framework } from '../../src/lib/framework/types';
import { exactSum } from '../../src/lib/scoring/exactSum';

// Two main indices: A (max 30: a1 20 + a2 10) and B (max 70: b1 70). Rates are 0–1.
const indicators: IndicatorSpec[] = [
  { code: 'a1', max: 20, rule: { kind: 'percent' }, measures: ['m_a1'] },
  { code: 'a2', max: 10, rule: { kind: 'percent' }, measures: ['m_a2'] },
  { code: 'b1', max: 70, rule: { kind: 'percent' }, measures: ['m_b1'] },
];
const measures = ['m_a1', 'm_a2', 'm_b1'].map((m) => rate(m, 'fraction'));
const mainOf = (code: string): string => (code.startsWith('a') ? 'A' : 'B');
const bands = [
  { code: 'khoi_dong', name: { vi: 'Khởi động', en: 'Starting' }, min: 0 },
  { code: 'hinh_thanh', name: { vi: 'Hình thành', en: 'Forming' }, min: 0.6 },
  { code: 'nang_cao', name: { vi: 'Nâng cao', en: 'Advanced' }, min: 0.8 },
];

async function scoreWith(fw: Framework, data: Parameters<typeof wideCsv>[0]) {
  const ws = await freshWorkspace();
  await ws.registerFramework(fw);
  await ws.loadFile(csvFile('data.csv', wideCsv(data)));
  await ws.score(fw.id, null);
  return ws;
}

describe('aggregation', () => {
  // Unit 20001: a1 = 0.5 (10 pts), a2 = 1 (10 pts), b1 = 0.8 (56 pts).
  const data = [{ unit: '20001', cells: { m_a1: 0.5, m_a2: 1, m_b1: 0.8 } }];

  it('points: main index = Σpoints/Σmax; total = Σpoints/Σmax (max-weighted, not plain mean)', async () => {
    const ws = await scoreWith(ruleFramework('p', indicators, measures, {}, mainOf), data);
    const mains = await rows(
      ws,
      `SELECT main_index, points, max_counted, value FROM main_index_scores ORDER BY main_index`,
    );
    expect(mains).toEqual([
      { main_index: 'A', points: 20, max_counted: 30, value: 20 / 30 },
      { main_index: 'B', points: 56, max_counted: 70, value: 0.8 },
    ]);
    const [s] = await rows(ws, `SELECT total, points FROM scores`);
    expect(Number(s!.total)).toBeCloseTo(0.76, 12); // not (0.6667 + 0.8) / 2 = 0.7333
  });

  it('weighted by main index: fixed weights over main-index values', async () => {
    const fw = ruleFramework(
      'w',
      indicators,
      measures,
      { aggregation: { method: 'weighted', by: 'mainIndex', weights: { A: 1, B: 3 } } },
      mainOf,
    );
    const ws = await scoreWith(fw, data);
    const [s] = await rows(ws, `SELECT total FROM scores`);
    expect(Number(s!.total)).toBeCloseTo((1 * (2 / 3) + 3 * 0.8) / 4, 12);
  });

  it('weighted by pillar: pillar values, then fixed pillar weights', async () => {
    const pillars = [
      { code: 'P1', name: { vi: 'Trụ 1', en: 'P1' } },
      { code: 'P2', name: { vi: 'Trụ 2', en: 'P2' } },
    ];
    const fw = ruleFramework(
      'wp',
      indicators,
      measures,
      {
        pillars,
        aggregation: { method: 'weighted', by: 'pillar', weights: { P1: 0.25, P2: 0.75 } },
      },
      mainOf,
    );
    const ws = await scoreWith(fw, data);
    const ps = await rows(ws, `SELECT pillar, value FROM pillar_scores ORDER BY pillar`);
    expect(ps).toEqual([
      { pillar: 'P1', value: 20 / 30 },
      { pillar: 'P2', value: 0.8 },
    ]);
    const [s] = await rows(ws, `SELECT total FROM scores`);
    expect(Number(s!.total)).toBeCloseTo(0.25 * (2 / 3) + 0.75 * 0.8, 12);
    // A what-if pillar weight, written in place, weighs the pillars at once.
    await ws.score('wp', null, [{ kind: 'weight', framework: 'wp', group: 'P1', value: 0.75 }]);
    const [e] = await rows(ws, `SELECT total FROM scores`);
    expect(Number(e!.total)).toBeCloseTo((0.75 * (2 / 3) + 0.75 * 0.8) / 1.5, 12);
  });

  it('geometric: max-points-weighted geometric mean; a zero main index gives zero', async () => {
    const fw = ruleFramework(
      'g',
      indicators,
      measures,
      { aggregation: { method: 'geometric' } },
      mainOf,
    );
    const ws = await scoreWith(fw, [
      ...data,
      { unit: '20002', cells: { m_a1: 0, m_a2: 0, m_b1: 1 } },
    ]);
    const got = await rows(ws, `SELECT unit_code, total FROM scores ORDER BY unit_code`);
    expect(Number(got[0]!.total)).toBeCloseTo(
      Math.exp(0.3 * Math.log(2 / 3) + 0.7 * Math.log(0.8)),
      12,
    );
    expect(got[1]!.total).toBe(0);
  });
});

describe('sums of points', () => {
  it('do not depend on the order rows are added in (a reload, a partial re-score)', async () => {
    const ws = await freshWorkspace();
    const orders = [
      [0.1, 0.2, 0.3],
      [0.3, 0.2, 0.1],
      [0.1, 0.3, 0.2],
    ];
    // One row group each, read in the order given: the plain sum is order-dependent here.
    const sumOf = async (e: string, order: number[]) =>
      (
        await rows(
          ws,
          `SELECT ${e} AS s FROM (SELECT x FROM (VALUES ${order.map((x, i) => `(${i}, ${x}::DOUBLE)`).join(', ')}) v(i, x) ORDER BY i)`,
        )
      )[0]!.s;
    const plain = await Promise.all(orders.map((o) => sumOf('sum(x)', o)));
    expect(new Set(plain).size).toBeGreaterThan(1);
    const exact = await Promise.all(orders.map((o) => sumOf(exactSum('x'), o)));
    expect(exact).toEqual([0.6, 0.6, 0.6]);
  });
});

describe('missing-data policies', () => {
  // Unit 20011 has no a2 in 2024; it had a2 = 0.4 in 2023. Its parent's other unit has a2 = 0.6.
  const data: Parameters<typeof wideCsv>[0] = [
    { unit: '20011', year: 2023, cells: { m_a1: 0.5, m_a2: 0.4, m_b1: 0.5 } },
    { unit: '20011', year: 2024, cells: { m_a1: 0.5, m_b1: 0.5 } },
    { unit: '20012', year: 2024, cells: { m_a1: 1, m_a2: 0.6, m_b1: 1 } },
    { unit: '20013', year: 2024, cells: { m_a1: 1, m_a2: 0.8, m_b1: 1 } },
  ];
  const a2 = `SELECT status, points, max_counted FROM indicator_points WHERE unit_code = '20011' AND year = 2024 AND indicator = 'a2'`;

  it('zero (default): missing counts 0 points out of its max', async () => {
    const ws = await scoreWith(ruleFramework('z', indicators, measures, {}, mainOf), data);
    expect((await rows(ws, a2))[0]).toEqual({ status: 'missing', points: 0, max_counted: 10 });
    const [s] = await rows(
      ws,
      `SELECT total, coverage FROM scores WHERE unit_code = '20011' AND year = 2024`,
    );
    expect(Number(s!.total)).toBeCloseTo((10 + 35) / 100, 12);
    expect(Number(s!.coverage)).toBeCloseTo(2 / 3, 12);
  });

  it('exclude: missing leaves numerator and denominator (re-weighted over what is present)', async () => {
    const ws = await scoreWith(
      ruleFramework('x', indicators, measures, { missing: { policy: 'exclude' } }, mainOf),
      data,
    );
    expect((await rows(ws, a2))[0]).toEqual({ status: 'missing', points: null, max_counted: 0 });
    const [s] = await rows(
      ws,
      `SELECT total FROM scores WHERE unit_code = '20011' AND year = 2024`,
    );
    expect(Number(s!.total)).toBeCloseTo((10 + 35) / 90, 12);
  });

  it('impute carryForward: last year’s value, flagged, never over an observed one', async () => {
    const ws = await scoreWith(
      ruleFramework(
        'c',
        indicators,
        measures,
        { missing: { policy: 'impute', method: 'carryForward' } },
        mainOf,
      ),
      data,
    );
    expect((await rows(ws, a2))[0]).toEqual({ status: 'imputed', points: 4, max_counted: 10 });
    const [inp] = await rows(
      ws,
      `SELECT imputed, impute_method FROM indicator_inputs WHERE unit_code = '20011' AND year = 2024 AND indicator = 'a2'`,
    );
    expect(inp).toEqual({ imputed: true, impute_method: 'carryForward:2023' });
    const observed = await rows(
      ws,
      `SELECT count(*) FILTER (WHERE ii.imputed)::INTEGER AS n FROM indicator_inputs ii JOIN measures m USING (unit_code, year, measure) WHERE m.value IS NOT NULL`,
    );
    expect(observed[0]!.n).toBe(0);
  });

  it('impute groupMedian: median of the same parent that year', async () => {
    const ws = await scoreWith(
      ruleFramework(
        'm',
        indicators,
        measures,
        { missing: { policy: 'impute', method: 'groupMedian' } },
        mainOf,
      ),
      data,
    );
    expect((await rows(ws, a2))[0]).toEqual({ status: 'imputed', points: 7, max_counted: 10 });
  });
});

describe('ranks and bands', () => {
  // Totals 0.9, 0.8, 0.8, 0.7 (parent 901) and 0.85, 0.5 (parent 902).
  const mk = (unit: string, v: number, parent: string) => ({
    unit,
    parent,
    cells: { m_a1: v, m_a2: v, m_b1: v },
  });
  const data = [
    mk('30001', 0.9, '901'),
    mk('30002', 0.8, '901'),
    mk('30003', 0.8, '901'),
    mk('30004', 0.7, '901'),
    mk('30005', 0.85, '902'),
    mk('30006', 0.5, '902'),
  ];

  it('competition ranking with ties (1, 2, 2, 4), overall and within the parent; bands by threshold', async () => {
    const ws = await scoreWith(ruleFramework('r', indicators, measures, { bands }, mainOf), data);
    const got = await rows(
      ws,
      `SELECT unit_code, rank, rank_in_parent, band FROM scores ORDER BY unit_code`,
    );
    expect(got).toEqual([
      { unit_code: '30001', rank: 1, rank_in_parent: 1, band: 'nang_cao' },
      { unit_code: '30002', rank: 3, rank_in_parent: 2, band: 'nang_cao' },
      { unit_code: '30003', rank: 3, rank_in_parent: 2, band: 'nang_cao' },
      { unit_code: '30004', rank: 5, rank_in_parent: 4, band: 'hinh_thanh' },
      { unit_code: '30005', rank: 2, rank_in_parent: 1, band: 'nang_cao' },
      { unit_code: '30006', rank: 6, rank_in_parent: 2, band: 'khoi_dong' },
    ]);
  });

  it('ties on the published precision: totals equal to 4 decimals share a rank', async () => {
    const ws = await scoreWith(ruleFramework('t', indicators, measures, {}, mainOf), [
      mk('30011', 0.70001, '901'),
      mk('30012', 0.70004, '901'),
      mk('30013', 0.6, '901'),
    ]);
    const got = await rows(ws, `SELECT unit_code, rank FROM scores ORDER BY unit_code`);
    expect(got.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('rank change against the previous year', async () => {
    const ws = await scoreWith(ruleFramework('rc', indicators, measures, {}, mainOf), [
      { unit: '30021', year: 2023, cells: { m_a1: 0.9, m_a2: 0.9, m_b1: 0.9 } },
      { unit: '30022', year: 2023, cells: { m_a1: 0.5, m_a2: 0.5, m_b1: 0.5 } },
      { unit: '30021', year: 2024, cells: { m_a1: 0.4, m_a2: 0.4, m_b1: 0.4 } },
      { unit: '30022', year: 2024, cells: { m_a1: 0.6, m_a2: 0.6, m_b1: 0.6 } },
    ]);
    const got = await rows(
      ws,
      `SELECT unit_code, rank, previous_rank, rank_change FROM scores WHERE year = 2024 ORDER BY unit_code`,
    );
    expect(got).toEqual([
      { unit_code: '30021', rank: 2, previous_rank: 1, rank_change: -1 },
      { unit_code: '30022', rank: 1, previous_rank: 2, rank_change: 1 },
    ]);
  });

  it('points at stake: max − points, and the effect on the total, largest first', async () => {
    const ws = await scoreWith(ruleFramework('s', indicators, measures, {}, mainOf), [
      { unit: '30031', cells: { m_a1: 0.5, m_a2: 1, m_b1: 0.9 } },
    ]);
    const got = await rows(
      ws,
      `SELECT indicator, at_stake, effect_on_total, stake_rank FROM points_at_stake ORDER BY stake_rank, indicator`,
    );
    expect(got.map((r) => r.indicator)).toEqual(['a1', 'b1', 'a2']);
    expect(Number(got[0]!.at_stake)).toBeCloseTo(10, 12);
    expect(Number(got[0]!.effect_on_total)).toBeCloseTo(0.1, 12);
    expect(Number(got[1]!.at_stake)).toBeCloseTo(7, 9);
    expect(Number(got[2]!.at_stake)).toBeCloseTo(0, 12);
  });
});

describe('coverage and partial data', () => {
  it('coverage counts only the indicators that apply to the unit', async () => {
    const fw = ruleFramework(
      'cov',
      [
        { code: 'r', max: 10, rule: { kind: 'ratio' }, measures: ['x', 'y'] },
        { code: 'p', max: 10, rule: { kind: 'percent' }, measures: ['m_a1'] },
      ],
      [rate('m_a1', 'fraction')],
    );
    const ws = await scoreWith(fw, [{ unit: '50001', cells: { x: 0, y: 0, m_a1: 0.5 } }]);
    const [s] = await rows(ws, `SELECT coverage, total FROM scores`);
    expect(s).toEqual({ coverage: 1, total: 0.5 });
  });

  it('exclude: the share of a part with no data leaves the denominator', async () => {
    const fw = ruleFramework(
      'px',
      [
        {
          code: 'pp',
          max: 10,
          rule: {
            kind: 'parts',
            parts: [
              { measure: 'p1', share: 0.6, test: { kind: 'yes' }, label: { vi: 'a', en: 'a' } },
              { measure: 'p2', share: 0.4, test: { kind: 'yes' }, label: { vi: 'b', en: 'b' } },
            ],
          },
          measures: [],
        },
      ],
      [],
      { missing: { policy: 'exclude' } },
    );
    const ws = await scoreWith(fw, [
      { unit: '50011', cells: { p1: 'có' } },
      { unit: '50012', cells: { p1: 'có', p2: 'không' } },
    ]);
    const got = await rows(
      ws,
      `SELECT unit_code, status, points, max_counted FROM indicator_points ORDER BY unit_code`,
    );
    expect(got).toEqual([
      { unit_code: '50011', status: 'partial', points: 6, max_counted: 6 },
      { unit_code: '50012', status: 'ok', points: 6, max_counted: 10 },
    ]);
  });
});
