// Every rule kind through every one of its faces on the same cases, so the faces cannot drift
// apart: its JSON is read, its parameter rows and SQL score the case as worked out by hand, its
// words describe it (differently when lower is better), the explain chain's formula works out to
// the points the SQL gave, a what-if that doubles the max doubles the points (the `points` rule
// only moves its cap), and — where decisions write the kind in words — the method text is read
// back into a rule that scores the case the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/lib/framework/check';
import type { Direction, MeasureDef, Rule, RuleKind } from '../../src/lib/framework/types';
import {
  readMethod,
  readRule,
  RULE_KINDS,
  ruleText,
  ruleWithMeasures,
} from '../../src/lib/rules/registry';
import { explainUnit, type TraceStep } from '../../src/lib/scoring/explainTrace';
import { kindName } from '../../src/lib/i18n/reviewStrings';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { num, rate, ruleFramework, wideCsv, type IndicatorSpec } from './support/ruleFramework';
import { csvFile, freshWorkspace, rows } from './support/workspace';

interface KindCase {
  code: string;
  max: number;
  rule: Rule;
  direction: Direction;
  measures: MeasureDef[];
  /** The unit's cells; relative kinds add `peers`, the other units' cells. */
  cells: Record<string, string | number>;
  peers?: Record<string, string | number>[];
  points: number;
  /** The kind as a published decision writes it. */
  method?: string;
}

const yes = (code: string): MeasureDef => ({ code, name: { vi: code, en: code }, kind: 'boolean' });
const answer = (code: string): MeasureDef => ({
  code,
  name: { vi: code, en: code },
  kind: 'choice',
});
const pct = (code: string) => rate(code, 'fraction');
const z10 = 12 * ((-10 / Math.sqrt(200 / 3) + 3) / 6);

const CASES: KindCase[] = [
  {
    code: 'ratio_hi',
    max: 10,
    rule: { kind: 'ratio' },
    direction: 'higher',
    measures: [num('rh_a'), num('rh_b')],
    cells: { rh_a: 45, rh_b: 60 },
    points: 7.5,
    method:
      'a = Số cuộc họp do Chủ tịch chủ trì;\nb = Tổng số cuộc họp;\n- Tỷ lệ = a/b;\n- Điểm = Tỷ lệ × Điểm tối đa',
  },
  {
    code: 'ratio_lo',
    max: 10,
    rule: { kind: 'ratio' },
    direction: 'lower',
    measures: [num('rl_a'), num('rl_b')],
    cells: { rl_a: 15, rl_b: 60 },
    points: 7.5,
    method:
      'a = Số hồ sơ trễ hạn; b = Tổng số hồ sơ; Tỷ lệ = a/b; Điểm = (1 − Tỷ lệ) × Điểm tối đa',
  },
  {
    code: 'percent_hi',
    max: 20,
    rule: { kind: 'percent' },
    direction: 'higher',
    measures: [pct('ph')],
    cells: { ph: 0.45 },
    points: 9,
    method: 'Điểm = Tỷ lệ × Điểm tối đa',
  },
  {
    code: 'percent_lo',
    max: 20,
    rule: { kind: 'percent' },
    direction: 'lower',
    measures: [pct('pl')],
    cells: { pl: 0.45 },
    points: 11,
    method: 'Điểm = (1 − Tỷ lệ) × Điểm tối đa',
  },
  {
    code: 'tiers_hi',
    max: 20,
    rule: {
      kind: 'tiers',
      tiers: [
        { at: 4, points: 20 },
        { at: 3, points: 15 },
        { at: 2, points: 10 },
        { at: 1, points: 5 },
      ],
    },
    direction: 'higher',
    measures: [num('th')],
    cells: { th: 3 },
    points: 15,
    method:
      'BCĐ họp 4 lần/năm: 20 điểm\nBCĐ họp 3 lần/năm: 15 điểm\nBCĐ họp 2 lần/năm: 10 điểm\nBCĐ họp 1 lần/năm: 5 điểm\nCòn lại: 0 điểm',
  },
  {
    // "Trên 80 %" is not reached at exactly 80 %.
    code: 'tiers_strict',
    max: 10,
    rule: {
      kind: 'tiers',
      tiers: [
        { at: 0.8, points: 10, strict: true },
        { at: 0.5, points: 5 },
      ],
    },
    direction: 'higher',
    measures: [pct('ts')],
    cells: { ts: 0.8 },
    points: 5,
    method: 'Trên 80%: 10 điểm; từ 50% đến 80%: 5 điểm; dưới 50%: 0 điểm',
  },
  {
    code: 'tiers_lo',
    max: 10,
    rule: {
      kind: 'tiers',
      tiers: [
        { at: 0.05, points: 10, strict: true },
        { at: 0.1, points: 5, strict: true },
      ],
    },
    direction: 'lower',
    measures: [pct('tl')],
    cells: { tl: 0.07 },
    points: 5,
    method: 'Dưới 5%: 10 điểm; từ 5% đến dưới 10%: 5 điểm; từ 10% trở lên: 0 điểm',
  },
  {
    code: 'choice',
    max: 10,
    rule: {
      kind: 'choice',
      options: [
        { match: ['Chủ tịch'], label: { vi: 'Chủ tịch', en: 'Chair' }, fraction: 1 },
        { match: ['Phó Chủ tịch'], label: { vi: 'Phó Chủ tịch', en: 'Vice-chair' }, fraction: 0.5 },
        { match: ['chưa có'], label: { vi: 'Chưa có', en: 'None' }, fraction: 0 },
      ],
    },
    direction: 'higher',
    measures: [answer('ch')],
    cells: { ch: 'Phó Chủ tịch' },
    points: 5,
    method:
      'Trưởng ban là Chủ tịch: Điểm tối đa; Trưởng ban là Phó Chủ tịch: 1/2 × Điểm tối đa; Chưa có: 0 điểm',
  },
  {
    code: 'bool_hi',
    max: 5,
    rule: { kind: 'boolean' },
    direction: 'higher',
    measures: [yes('bh')],
    cells: { bh: 'có' },
    points: 5,
    method: 'Có: 5 điểm; Không: 0 điểm',
  },
  {
    code: 'bool_lo',
    max: 5,
    rule: { kind: 'boolean' },
    direction: 'lower',
    measures: [yes('bl')],
    cells: { bl: 'có' },
    points: 0,
    method: 'Không để xảy ra sự cố mất an toàn thông tin: Điểm tối đa; Có sự cố: 0 điểm',
  },
  {
    code: 'parts',
    max: 10,
    rule: {
      kind: 'parts',
      parts: [
        {
          measure: 'pa1',
          share: 0.5,
          test: { kind: 'yes' },
          label: { vi: 'dự họp', en: 'attends' },
        },
        {
          measure: 'pa2',
          share: 0.5,
          test: { kind: 'yes' },
          label: { vi: 'chủ trì', en: 'chairs' },
        },
      ],
    },
    direction: 'higher',
    measures: [yes('pa1'), yes('pa2')],
    cells: { pa1: 'có', pa2: 'không' },
    points: 5,
    method:
      '- Tham gia đầy đủ các phiên họp của tỉnh: 1/2 × Điểm tối đa;\n- Chủ trì các cuộc họp về CĐS của huyện: 1/2 × Điểm tối đa;\n- Không tham gia đầy đủ: 0 điểm',
  },
  {
    code: 'goal_hi',
    max: 10,
    rule: { kind: 'goalpost', worst: 0, best: 50 },
    direction: 'higher',
    measures: [num('gh')],
    cells: { gh: 25 },
    points: 5,
  },
  {
    code: 'goal_lo',
    max: 10,
    rule: { kind: 'goalpost', worst: 30, best: 10 },
    direction: 'lower',
    measures: [num('gl')],
    cells: { gl: 15 },
    points: 7.5,
  },
  {
    code: 'minmax_hi',
    max: 10,
    rule: { kind: 'minmax', peers: 'all' },
    direction: 'higher',
    measures: [num('mh')],
    cells: { mh: 20 },
    peers: [{ mh: 10 }, { mh: 30 }],
    points: 5,
  },
  {
    code: 'minmax_lo',
    max: 10,
    rule: { kind: 'minmax', peers: 'all' },
    direction: 'lower',
    measures: [num('ml')],
    cells: { ml: 10 },
    peers: [{ ml: 20 }, { ml: 30 }],
    points: 10,
  },
  {
    code: 'zscore_hi',
    max: 12,
    rule: { kind: 'zscore', peers: 'all', clip: 3 },
    direction: 'higher',
    measures: [num('zh')],
    cells: { zh: 10 },
    peers: [{ zh: 20 }, { zh: 30 }],
    points: z10,
  },
  {
    code: 'zscore_lo',
    max: 12,
    rule: { kind: 'zscore', peers: 'all', clip: 3 },
    direction: 'lower',
    measures: [num('zl')],
    cells: { zl: 30 },
    peers: [{ zl: 20 }, { zl: 10 }],
    points: z10,
  },
  {
    code: 'points',
    max: 10,
    rule: { kind: 'points' },
    direction: 'higher',
    measures: [num('pt')],
    cells: { pt: 7 },
    points: 7,
  },
];

/** Unit of case i (its peers follow it). */
const unitOf = (i: number, peer = 0): string => String(30000 + i * 10 + peer);

function framework(id: string, cases: readonly KindCase[]) {
  const specs: IndicatorSpec[] = cases.map((c) => ({
    code: c.code,
    max: c.max,
    rule: c.rule,
    measures: c.measures.map((m) => m.code),
    direction: c.direction,
  }));
  return ruleFramework(
    id,
    specs,
    cases.flatMap((c) => c.measures),
  );
}

const data = wideCsv(
  CASES.flatMap((c, i) => [
    { unit: unitOf(i), cells: c.cells },
    ...(c.peers ?? []).map((cells, p) => ({ unit: unitOf(i, p + 1), cells })),
  ]),
);

async function pointsOf(ws: Workspace): Promise<Map<string, number>> {
  const got = await rows(ws, 'SELECT unit_code, indicator, points FROM indicator_points');
  return new Map(
    got.map((r) => [`${String(r.unit_code)} ${String(r.indicator)}`, Number(r.points)]),
  );
}

/**
 * The arithmetic of a formula after its last "→", before " = ", worked out: "min(45 ÷ 60, 1) ×
 * 10" → 7.5. English formulas, values under 1,000 (no thousands separators).
 */
function workOut(formula: string): number {
  const lhs = formula.slice(formula.lastIndexOf('→') + 1, formula.lastIndexOf(' = '));
  const js = lhs
    .replaceAll('×', '*')
    .replaceAll('÷', '/')
    .replaceAll('−', '-')
    .replaceAll('min(', 'Math.min(')
    .replaceAll('max(', 'Math.max(');
  expect(js, formula).toMatch(/^[\d\s.,*/()+\-Mathminax]+$/);
  return Number(new Function(`return (${js});`)());
}

it('every rule kind has a name for the framework review', () => {
  // A kind without one would show its code: no Vietnamese name is a code.
  for (const kind of RULE_KINDS) {
    expect(kindName(kind, 'vi'), kind).not.toBe(kind);
    expect(kindName(kind, 'en'), kind).not.toBe('');
  }
});

describe('every rule kind, every face, the same cases', () => {
  let ws: Workspace;
  let points: Map<string, number>;
  let traces: Map<string, TraceStep>;
  const fw = framework('kinds', CASES);

  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.registerFramework(fw);
    await ws.loadFile(csvFile('kinds-2024.csv', data));
    await ws.score('kinds', null);
    points = await pointsOf(ws);
    traces = new Map();
    for (const [i, c] of CASES.entries()) {
      const trace = await explainUnit(ws.engine, unitOf(i), 2024);
      traces.set(
        c.code,
        trace.find((t) => t.indicator === c.code)!,
      );
    }
  });

  it('covers every kind, and both directions wherever a kind has both', () => {
    expect(new Set(CASES.map((c) => c.rule.kind))).toEqual(new Set(RULE_KINDS));
  });

  it.each(CASES.map((c, i) => [c.code, c, i] as const))('%s: JSON, rows and SQL', (_, c, i) => {
    const checker = new Checker();
    readRule(checker, { ...c.rule, extra: 1 }, 'rule', c.max);
    expect(checker.problems.map((p) => p.path)).toEqual(['rule.extra']);
    expect(points.get(`${unitOf(i)} ${c.code}`)).toBeCloseTo(c.points, 9);
  });

  it.each(CASES.map((c) => [c.code, c] as const))('%s: words', (_, c) => {
    const words = ruleText({ ...c, maxPoints: c.max, measures: c.measures.map((m) => m.code) });
    expect(words.vi.length).toBeGreaterThan(5);
    expect(words.en.length).toBeGreaterThan(5);
    expect(words.vi).not.toBe(words.en);
    const other: Direction = c.direction === 'higher' ? 'lower' : 'higher';
    const flipped = ruleText({
      ...c,
      direction: other,
      maxPoints: c.max,
      measures: c.measures.map((m) => m.code),
    });
    // A direction the kind reads (all but tiers' own thresholds, parts, choice, goalpost and
    // points, whose parameters say it) changes the words.
    if (['ratio', 'percent', 'boolean', 'minmax', 'zscore', 'tiers'].includes(c.rule.kind))
      expect(flipped.en).not.toBe(words.en);
  });

  it.each(CASES.map((c) => [c.code, c] as const))(
    '%s: the formula works out to the points',
    (_, c) => {
      const step = traces.get(c.code)!;
      expect(step.points).toBeCloseTo(c.points, 9);
      expect(step.direction).toBe(c.direction);
      // Printed to 4 decimals: the arithmetic agrees to the rounding of its factors.
      expect(workOut(step.formula.en)).toBeCloseTo(c.points, 2);
      expect(step.formula.vi).toContain(' = ');
    },
  );

  it('a what-if doubling every max doubles the points; the points rule moves only its cap', async () => {
    await ws.score(
      'kinds',
      null,
      CASES.map((c) => ({
        kind: 'maxPoints',
        framework: 'kinds',
        indicator: c.code,
        value: c.max * 2,
      })),
    );
    const doubled = await pointsOf(ws);
    for (const [i, c] of CASES.entries()) {
      const want = c.rule.kind === 'points' ? c.points : c.points * 2;
      expect(doubled.get(`${unitOf(i)} ${c.code}`), c.code).toBeCloseTo(want, 9);
    }
    await ws.score('kinds', null);
  });

  const written = CASES.filter((c) => c.method !== undefined);

  it('every kind decisions write in words has a method text here', () => {
    const recognised = new Set<RuleKind>([
      'ratio',
      'percent',
      'tiers',
      'choice',
      'boolean',
      'parts',
    ]);
    expect(new Set(written.map((c) => c.rule.kind))).toEqual(recognised);
  });

  it('each method text is read back into a rule that scores the case the same', async () => {
    const read = written.map((c) => {
      const r = readMethod(c.method!, c.max, c.code);
      expect(r.doubts, c.code).toEqual([]);
      expect(r.reading?.rule.kind, c.code).toBe(c.rule.kind);
      expect(r.reading?.direction, c.code).toBe(c.direction);
      const codes = c.measures.map((m) => m.code);
      return { ...c, code: `${c.code}_read`, rule: ruleWithMeasures(r.reading!.rule, codes) };
    });
    const ws2 = await freshWorkspace();
    await ws2.registerFramework(framework('read', read));
    await ws2.loadFile(csvFile('read-2024.csv', data));
    await ws2.score('read', null);
    const got = await pointsOf(ws2);
    for (const c of read) {
      const i = CASES.findIndex((x) => `${x.code}_read` === c.code);
      expect(got.get(`${unitOf(i)} ${c.code}`), c.code).toBeCloseTo(c.points, 9);
    }
  });
});
