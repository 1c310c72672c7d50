// Untrusted framework and target-profile JSON: every problem reported with its path.
import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../src/lib/framework/check';
import { loadBuiltins } from '../../src/lib/framework/builtin';
import { validateFramework } from '../../src/lib/framework/validateFramework';
import { validateMeasureCatalog } from '../../src/lib/framework/validateMeasures';
import { validateTargetProfile } from '../../src/lib/framework/validateTargets';

function problemsOf(f: () => unknown): Record<string, string> {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidSpecError)
      return Object.fromEntries(e.problems.map((p) => [p.path, p.message.en]));
    throw e;
  }
  throw new Error('expected a validation error');
}

const base = () => ({
  schema: 'dti-lab/framework@1',
  id: 'x',
  title: { vi: 'X', en: 'X' },
  decision: 'QĐ',
  level: 'xa',
  years: { from: 2024, to: null },
  mainIndices: [{ code: 'A', name: { vi: 'A', en: 'A' }, maxPoints: 10, scored: true }],
  indicators: [
    {
      code: 'a1',
      name: { vi: 'a1', en: 'a1' },
      mainIndex: 'A',
      maxPoints: 10,
      rule: { kind: 'ratio' },
      measures: ['p', 'q'],
      direction: 'higher',
    },
  ],
});

describe('framework validation', () => {
  it('accepts a minimal framework and fills the defaults', () => {
    const fw = validateFramework(base());
    expect(fw.aggregation).toEqual({ method: 'points' });
    expect(fw.missing).toEqual({ policy: 'zero' });
    expect(fw.rankDecimals).toBe(4);
  });

  it('names the path and the problem of every error at once', () => {
    const raw = base() as Record<string, unknown>;
    raw.level = 'commune';
    raw.indicators = [
      {
        code: 'a1',
        name: { vi: 'a1' },
        mainIndex: 'B',
        maxPoints: 10,
        rule: { kind: 'ratio' },
        measures: ['p'],
      },
      {
        code: 'a2',
        name: { vi: 'a2', en: 'a2' },
        mainIndex: 'A',
        maxPoints: 5,
        rule: { kind: 'tiers', tiers: [{ at: 1, points: 9 }] },
        measures: ['t'],
      },
      {
        code: 'a3',
        name: { vi: 'a3', en: 'a3' },
        mainIndex: 'A',
        maxPoints: 6,
        rule: { kind: 'magic' },
        measures: ['t'],
        colour: 'red',
      },
    ];
    const p = problemsOf(() => validateFramework(raw));
    expect(p.level).toMatch(/one of "tinh", "huyen", "xa"/);
    expect(p['indicators[0].name.en']).toMatch(/non-empty string/);
    expect(p['indicators[0].mainIndex']).toMatch(/main index "B" does not exist/);
    expect(p['indicators[0].measures']).toMatch(/exactly 2 measure/);
    expect(p['indicators[1].rule.tiers[0].points']).toMatch(/≤ 5/);
    expect(p['indicators[2].rule.kind']).toMatch(/must be one of/);
    expect(p['indicators[2].colour']).toMatch(/unknown field/);
    expect(p['mainIndices[0].maxPoints']).toMatch(/sum to 11/);
  });

  it('checks weights, bands and part shares', () => {
    const raw = base() as Record<string, unknown>;
    raw.aggregation = { method: 'weighted', by: 'mainIndex', weights: { Z: 1 } };
    raw.bands = [
      { code: 'b1', name: { vi: 'b', en: 'b' }, min: 0.2 },
      { code: 'b2', name: { vi: 'b', en: 'b' }, min: 0.1 },
    ];
    raw.indicators = [
      {
        code: 'a1',
        name: { vi: 'a', en: 'a' },
        mainIndex: 'A',
        maxPoints: 10,
        rule: {
          kind: 'parts',
          parts: [
            { measure: 'p', share: 0.7, test: { kind: 'yes' }, label: { vi: 'p', en: 'p' } },
            {
              measure: 'q',
              share: 0.7,
              test: { kind: 'atLeast', value: 1 },
              label: { vi: 'q', en: 'q' },
            },
          ],
        },
      },
    ];
    const p = problemsOf(() => validateFramework(raw));
    expect(p['aggregation.weights.Z']).toMatch(/not a scored main index/);
    expect(p['aggregation.weights']).toMatch(/no weight for "A"/);
    expect(p['bands[0].min']).toMatch(/start at 0/);
    expect(p['bands[1].min']).toMatch(/increase/);
    expect(p['indicators[0].rule.parts']).toMatch(/sum to 1.4/);
  });

  it('bounds max points and weights (scores add points as exact decimals)', () => {
    const raw = base() as Record<string, unknown>;
    raw.mainIndices = [{ code: 'A', name: { vi: 'A', en: 'A' }, maxPoints: 2e9, scored: true }];
    raw.indicators = [{ ...base().indicators[0], maxPoints: 2e9 }];
    raw.aggregation = { method: 'weighted', by: 'mainIndex', weights: { A: 1e10 } };
    const p = problemsOf(() => validateFramework(raw));
    expect(p['mainIndices[0].maxPoints']).toMatch(/must be ≤ 1000000000, got 2000000000/);
    expect(p['indicators[0].maxPoints']).toMatch(/must be ≤ 1000000000/);
    expect(p['aggregation.weights.A']).toMatch(/must be ≤ 1000000000/);
    raw.mainIndices = [{ code: 'A', name: { vi: 'A', en: 'A' }, maxPoints: 1e9, scored: true }];
    raw.indicators = [{ ...base().indicators[0], maxPoints: 1e9 }];
    raw.aggregation = { method: 'weighted', by: 'mainIndex', weights: { A: 1e9 } };
    expect(validateFramework(raw).indicators[0]!.maxPoints).toBe(1e9);
  });

  it('refuses rule parameters that contradict the direction', () => {
    const raw = base() as Record<string, unknown>;
    raw.mainIndices = [{ code: 'A', name: { vi: 'A', en: 'A' }, maxPoints: 20, scored: true }];
    raw.indicators = [
      {
        code: 'a1',
        name: { vi: 'a', en: 'a' },
        mainIndex: 'A',
        maxPoints: 10,
        rule: { kind: 'percent', fullAt: 0.5 },
        measures: ['p'],
        direction: 'lower',
      },
      {
        code: 'a2',
        name: { vi: 'a', en: 'a' },
        mainIndex: 'A',
        maxPoints: 10,
        rule: { kind: 'goalpost', worst: 30, best: 10 },
        measures: ['d'],
        direction: 'higher',
      },
    ];
    const p = problemsOf(() => validateFramework(raw));
    expect(p['indicators[0].rule.fullAt']).toMatch(/only applies when higher is better/);
    expect(p['indicators[1].direction']).toMatch(/means "lower"/);
  });

  it('gives every message in Vietnamese too', () => {
    try {
      validateFramework({ ...base(), level: 'x' });
    } catch (e) {
      expect((e as InvalidSpecError).problems[0]!.message.vi).toMatch(/phải là một trong/);
    }
  });

  it('rejects something that is not a framework at all', () => {
    const p = problemsOf(() => validateFramework([1, 2]));
    expect(p['']).toMatch(/must be an object/);
  });
});

describe('target profile validation', () => {
  it('requires a high end for ranges only', () => {
    const p = problemsOf(() =>
      validateTargetProfile({
        schema: 'dti-lab/targets@1',
        id: 'p',
        title: { vi: 'p', en: 'p' },
        unit: { code: '1', name: 'x', level: 'xa' },
        plan: { title: 't', year: 2024, source: 's' },
        targets: [
          { id: 't1', measure: 'm', comparator: 'range', value: 0.2, deadline: 2025, quote: 'q' },
          {
            id: 't2',
            measure: 'm',
            comparator: '>=',
            value: 0.2,
            high: 0.3,
            deadline: 2025,
            quote: 'q',
          },
          { id: 't2', measure: 'm', comparator: '≥', value: 0.2, deadline: 2025, quote: '' },
        ],
      }),
    );
    expect(p['targets[0].high']).toMatch(/must be a number/);
    expect(p['targets[1].high']).toMatch(/only allowed with comparator "range"/);
    expect(p['targets[2].comparator']).toMatch(/must be one of/);
    expect(p['targets[2].quote']).toMatch(/non-empty/);
    expect(p['targets[2].id']).toMatch(/duplicated/);
  });
});

describe('built-in frameworks and profiles', () => {
  it('all validate, and every target reads a measure of the catalog', () => {
    const b = loadBuiltins();
    expect(b.frameworks.map((f) => f.id)).toContain('dti-tinh-922');
    expect(b.profiles).toHaveLength(5);
    const known = new Set([
      ...b.measures.map((m) => m.code),
      ...b.frameworks.flatMap((f) => f.measures.map((m) => m.code)),
    ]);
    for (const p of b.profiles)
      for (const t of p.targets)
        expect(known.has(t.measure), `${p.id} ${t.id} ${t.measure}`).toBe(true);
  });

  it('QĐ 922 totals 1000 points over 8 scored main indices, Đô thị thông minh unscored', () => {
    const fw = loadBuiltins().frameworks.find((f) => f.id === 'dti-tinh-922')!;
    const scored = fw.mainIndices.filter((m) => m.scored);
    expect(scored).toHaveLength(8);
    expect(scored.reduce((s, m) => s + m.maxPoints, 0)).toBe(1000);
    expect(fw.mainIndices.find((m) => m.code === 'do_thi_thong_minh')?.scored).toBe(false);
  });
});

describe('measure catalog validation', () => {
  const catalog = (aliases: unknown) => ({
    schema: 'dti-lab/measures@1',
    measures: [{ code: 'm', name: { vi: 'M', en: 'M' }, kind: 'rate', aliases }],
  });

  it('keeps the other names officials give a measure', () => {
    const c = validateMeasureCatalog(catalog(['Tỷ lệ hồ sơ trực tuyến']));
    expect(c.measures[0]!.aliases).toEqual(['Tỷ lệ hồ sơ trực tuyến']);
  });

  it('names an alias that is not a non-empty text by its path', () => {
    expect(problemsOf(() => validateMeasureCatalog(catalog('Tỷ lệ')))).toHaveProperty([
      'measures[0].aliases',
    ]);
    expect(problemsOf(() => validateMeasureCatalog(catalog(['ok', '  ', 3])))).toEqual({
      'measures[0].aliases[1]': 'must be a non-empty string, got "  "',
      'measures[0].aliases[2]': 'must be a non-empty string, got number 3',
    });
  });
});

describe('workspace measures', () => {
  it('lists every measure once, a framework’s definition replacing the catalog’s', async () => {
    const { freshWorkspace } = await import('./support/workspace');
    const ws = await freshWorkspace();
    const codes = ws.measures().map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('nhan_thuc_so');
    expect(codes).toContain('bcd_so_cuoc_hop');
  });
});
