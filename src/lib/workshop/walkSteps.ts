// The guided walk through one unit's score, one screen per step: who and where the figures come
// from → each main index with its indicators (figure → rule → points) → the main indices side by
// side → the total → the rank. Built from the explain trace; nothing is computed here that the
// pipeline did not compute.
import type { Framework, LocalText } from '../framework/types';
import { weightGroups } from '../whatif/edits';
import type { TraceStep } from '../scoring/explainTrace';

export interface WalkUnit {
  unitCode: string;
  unitName: string;
  year: number;
  total: number | null;
  points: number;
  maxCounted: number;
  rank: number | null;
  rankedUnits: number;
  previousRank: number | null;
  band: LocalText | null;
}

export interface MainIndexSummary {
  code: string;
  name: LocalText;
  points: number;
  max: number;
  value: number | null;
  scored: boolean;
}

export type WalkStep =
  | { kind: 'intro'; unit: WalkUnit; files: string[]; indicators: number; mainIndices: number }
  | { kind: 'mainIndex'; main: MainIndexSummary; indicators: TraceStep[]; number: number }
  | { kind: 'mains'; mains: MainIndexSummary[] }
  | { kind: 'total'; unit: WalkUnit; mains: MainIndexSummary[] }
  | { kind: 'rank'; unit: WalkUnit };

export function mainIndicesOf(trace: readonly TraceStep[]): MainIndexSummary[] {
  const seen = new Map<string, MainIndexSummary>();
  for (const s of trace) {
    if (seen.has(s.mainIndex)) continue;
    seen.set(s.mainIndex, {
      code: s.mainIndex,
      name: s.mainIndexName,
      points: s.mainIndexPoints,
      max: s.mainIndexMax,
      value: s.mainIndexValue,
      scored: s.scored,
    });
  }
  return [...seen.values()];
}

export function walkSteps(trace: readonly TraceStep[], unit: WalkUnit): WalkStep[] {
  const mains = mainIndicesOf(trace);
  const files = [
    ...new Set(
      trace.flatMap((s) => s.inputs.map((i) => i.source.file).filter((f): f is string => !!f)),
    ),
  ];
  return [
    { kind: 'intro', unit, files, indicators: trace.length, mainIndices: mains.length },
    ...mains.map((main, i): WalkStep => ({
      kind: 'mainIndex',
      main,
      indicators: trace.filter((s) => s.mainIndex === main.code),
      number: i + 1,
    })),
    { kind: 'mains', mains },
    { kind: 'total', unit, mains: mains.filter((m) => m.scored) },
    { kind: 'rank', unit },
  ];
}

/**
 * How the total slide writes the total out: Σ points ÷ Σ max (the points method), the weighted
 * mean of the main indices with their weights — only where that gives the total exactly (a
 * weight on a framework leaving missing data out of the denominator adds up otherwise) — or the
 * total alone (pillars, geometric mean).
 */
export type TotalFormula =
  | { kind: 'points' }
  | { kind: 'weighted'; terms: { code: string; weight: number; value: number | null }[] }
  | { kind: 'totalOnly' };

export function totalFormula(
  fw: Framework,
  mains: readonly MainIndexSummary[],
  total: number | null,
): TotalFormula {
  const agg = fw.aggregation;
  if (agg.method === 'points' && !agg.weights) return { kind: 'points' };
  if (agg.method === 'geometric' || (agg.method === 'weighted' && agg.by === 'pillar'))
    return { kind: 'totalOnly' };
  const terms = weightGroups(fw).map((g) => ({
    ...g,
    value: mains.find((m) => m.code === g.code)?.value ?? null,
  }));
  const counted = terms.filter((t) => t.value !== null);
  const sum = counted.reduce((a, t) => a + t.weight, 0);
  const weighted = counted.reduce((a, t) => a + t.weight * t.value!, 0) / sum;
  return total !== null && Math.abs(weighted - total) < 1e-9
    ? { kind: 'weighted', terms }
    : { kind: 'totalOnly' };
}
