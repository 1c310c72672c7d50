// What-if edits: changes a trainer makes live, kept as data beside what was loaded and never
// written into it. Scoring applies them to copies of the framework and the target profile (pure
// functions below) and to the `what_if_values` table; undoing one is dropping it from the list.
import type { Aggregation, Framework, TargetProfile } from '../framework/types';
import { scaleRule } from '../rules/registry';

export type WhatIfEdit =
  /** A raw value of one unit, year and measure, as the measures table holds it (rates 0–1). */
  | {
      kind: 'value';
      unit: string;
      year: number;
      measure: string;
      value: number | null;
      text: string | null;
    }
  /** A target of a plan (target profile). For `range`, the low end. */
  | { kind: 'target'; profile: string; target: string; value: number }
  /**
   * An indicator's max points. A unit keeps its share of the indicator (tiers scale with it),
   * except under the `points` rule, whose points are taken as appraised: only the cap moves.
   */
  | { kind: 'maxPoints'; framework: string; indicator: string; value: number }
  /** The weight of a group (main index, or pillar where the framework weighs pillars). */
  | { kind: 'weight'; framework: string; group: string; value: number };

export type WhatIfKind = WhatIfEdit['kind'];

export type ValueEdit = Extract<WhatIfEdit, { kind: 'value' }>;

/** The framework with the edits made under it; the same object when none applies. */
export function editFramework(fw: Framework, edits: readonly WhatIfEdit[]): Framework {
  const mine = edits.filter(
    (e): e is Extract<WhatIfEdit, { kind: 'maxPoints' | 'weight' }> =>
      (e.kind === 'maxPoints' || e.kind === 'weight') && e.framework === fw.id,
  );
  if (mine.length === 0) return fw;
  let out: Framework = fw;
  for (const e of mine)
    out = e.kind === 'maxPoints' ? withMaxPoints(out, e.indicator, e.value) : withWeight(out, e);
  return out;
}

/** The target profile with the edits made to its targets; the same object when none applies. */
export function editProfile(p: TargetProfile, edits: readonly WhatIfEdit[]): TargetProfile {
  const mine = edits.filter(
    (e): e is Extract<WhatIfEdit, { kind: 'target' }> => e.kind === 'target' && e.profile === p.id,
  );
  if (mine.length === 0) return p;
  const value = new Map(mine.map((e) => [e.target, e.value]));
  return {
    ...p,
    targets: p.targets.map((t) => {
      const v = value.get(t.id);
      if (v === undefined) return t;
      // A range or band keeps its width when its low end moves, so it never turns inside out.
      return (t.comparator === 'range' || t.comparator === 'band') && t.high !== undefined
        ? { ...t, value: v, high: v + (t.high - t.value) }
        : { ...t, value: v };
    }),
  };
}

/**
 * Whether an edit changes anything under the framework and plan in use: an edit of another
 * framework or plan, or of an indicator, target or group they do not have, is kept but does
 * nothing now. A value edit always applies.
 */
export function editApplies(
  e: WhatIfEdit,
  framework: Framework | undefined,
  profile: TargetProfile | undefined,
): boolean {
  switch (e.kind) {
    case 'value':
      return true;
    case 'target':
      return e.profile === profile?.id && profile.targets.some((t) => t.id === e.target);
    case 'maxPoints':
      return (
        e.framework === framework?.id && framework.indicators.some((x) => x.code === e.indicator)
      );
    case 'weight':
      return (
        e.framework === framework?.id && weightGroups(framework).some((g) => g.code === e.group)
      );
  }
}

/** The value edits: the last edit of a cell wins. */
export function valueEdits(edits: readonly WhatIfEdit[]): { edit: number; e: ValueEdit }[] {
  const last = new Map<string, { edit: number; e: ValueEdit }>();
  edits.forEach((e, i) => {
    if (e.kind === 'value')
      last.set(`${e.unit}\u0000${e.year}\u0000${e.measure}`, { edit: i + 1, e });
  });
  return [...last.values()];
}

/**
 * The groups whose weight can be edited, with the weight each has now. Under the points method
 * a main index weighs its max points (Σ points ÷ Σ max), so that is its weight until edited.
 */
export function weightGroups(fw: Framework): { code: string; weight: number }[] {
  const agg = fw.aggregation;
  if (agg.method === 'geometric') return [];
  if (agg.method === 'weighted' && agg.by === 'pillar')
    return fw.pillars.map((p) => ({ code: p.code, weight: agg.weights[p.code] ?? 0 }));
  return fw.mainIndices
    .filter((m) => m.scored)
    .map((m) => ({
      code: m.code,
      weight: agg.weights?.[m.code] ?? (agg.method === 'points' ? m.maxPoints : 0),
    }));
}

function withMaxPoints(fw: Framework, code: string, value: number): Framework {
  const ind = fw.indicators.find((x) => x.code === code);
  if (!ind || ind.maxPoints === value) return fw;
  const delta = value - ind.maxPoints;
  const factor = ind.maxPoints > 0 ? value / ind.maxPoints : 0;
  return {
    ...fw,
    indicators: fw.indicators.map((x) =>
      x !== ind
        ? x
        : {
            ...x,
            maxPoints: value,
            rule: scaleRule(x.rule, factor),
          },
    ),
    // A main index is worth what its indicators are worth.
    mainIndices: fw.mainIndices.map((m) =>
      m.code === ind.mainIndex ? { ...m, maxPoints: m.maxPoints + delta } : m,
    ),
  };
}

function withWeight(fw: Framework, e: Extract<WhatIfEdit, { kind: 'weight' }>): Framework {
  const agg = fw.aggregation;
  if (!weightGroups(fw).some((g) => g.code === e.group)) return fw;
  const aggregation: Aggregation =
    agg.method === 'weighted'
      ? { ...agg, weights: { ...agg.weights, [e.group]: e.value } }
      : {
          method: 'points',
          weights: { ...(agg.method === 'points' ? agg.weights : {}), [e.group]: e.value },
        };
  return { ...fw, aggregation };
}
