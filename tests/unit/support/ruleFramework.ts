// Builds a small framework and a wide CSV from a list of hand-computed cases, so each rule test
// states its inputs and expected points in one place.
import { expect } from 'vitest';
import { validateFramework } from '../../../src/lib/framework/validateFramework';
import type { Framework, MeasureDef, Part, PartTest, Rule } from '../../../src/lib/framework/types';
import type { Workspace } from '../../../src/lib/workspace/workspace';
import { csvFile, freshWorkspace, rows } from './workspace';

export interface IndicatorSpec {
  code: string;
  max: number;
  rule: Rule;
  measures: string[];
  direction?: 'higher' | 'lower';
}

export function ruleFramework(
  id: string,
  indicators: IndicatorSpec[],
  measures: MeasureDef[],
  extra: Partial<Record<'aggregation' | 'missing' | 'bands' | 'pillars', unknown>> = {},
  mainIndexOf: (code: string) => string = (code) => `mi_${code}`,
): Framework {
  const mains = [...new Set(indicators.map((x) => mainIndexOf(x.code)))];
  const pillarOf = (extra.pillars as { code: string }[] | undefined)?.map((p) => p.code) ?? [];
  return validateFramework({
    schema: 'dti-lab/framework@1',
    id,
    title: { vi: `Thử ${id}`, en: `Test ${id}` },
    decision: 'test',
    level: 'xa',
    years: { from: 2020, to: null },
    illustrative: true,
    pillars: extra.pillars ?? [],
    mainIndices: mains.map((m, i) => ({
      code: m,
      name: { vi: m, en: m },
      maxPoints: indicators.filter((x) => mainIndexOf(x.code) === m).reduce((s, x) => s + x.max, 0),
      scored: true,
      pillar: pillarOf.length ? pillarOf[i % pillarOf.length] : null,
    })),
    indicators: indicators.map((x) => ({
      code: x.code,
      name: { vi: x.code, en: x.code },
      mainIndex: mainIndexOf(x.code),
      maxPoints: x.max,
      rule: x.rule,
      ...(x.rule.kind === 'parts' ? {} : { measures: x.measures }),
      direction: x.direction ?? 'higher',
    })),
    measures,
    ...(extra.aggregation ? { aggregation: extra.aggregation } : {}),
    ...(extra.missing ? { missing: extra.missing } : {}),
    ...(extra.bands ? { bands: extra.bands } : {}),
  });
}

/** Wide CSV: one row per (unit, year) with the given measure cells; others left empty. */
export function wideCsv(
  rows: { unit: string; year?: number; parent?: string; cells: Record<string, string | number> }[],
): string {
  const measures = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [['unit_code', 'unit_name', 'parent_code', 'year', ...measures].join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.unit,
        `Xã ${r.unit}`,
        r.parent ?? '999',
        String(r.year ?? 2024),
        ...measures.map((m) => quote(String(r.cells[m] ?? ''))),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export const rate = (code: string, scale?: 'fraction' | 'percent'): MeasureDef => ({
  code,
  name: { vi: code, en: code },
  kind: 'rate',
  ...(scale ? { scale } : {}),
});
export const num = (code: string): MeasureDef => ({
  code,
  name: { vi: code, en: code },
  kind: 'number',
});

/** A tiers rule from [threshold, points] pairs, in the order given. */
export const tiers = (...list: [number, number][]): Rule => ({
  kind: 'tiers',
  tiers: list.map(([at, points]) => ({ at, points })),
});

/** A choice rule from [answers, fraction] pairs; each option is labelled by its first answer. */
export const choice = (...list: [string[], number][]): Rule => ({
  kind: 'choice',
  options: list.map(([match, fraction]) => ({
    match,
    label: { vi: match[0]!, en: match[0]! },
    fraction,
  })),
});

/** One part of a parts rule, labelled by its measure. */
export const part = (measure: string, share: number, test: PartTest): Part => ({
  measure,
  share,
  test,
  label: { vi: measure, en: measure },
});

/** [unit, measure cells, indicator, expected points (null = none), expected status]. */
export type RuleCase = [string, Record<string, string | number>, string, number | null, string];

/** A fresh workspace with the framework scored over one 2024 row per unit of the cases. */
export async function scoreCases(fw: Framework, cases: RuleCase[]): Promise<Workspace> {
  const ws = await freshWorkspace();
  await ws.registerFramework(fw);
  const byUnit = new Map<string, Record<string, string | number>>();
  for (const [unit, cells] of cases) byUnit.set(unit, { ...byUnit.get(unit), ...cells });
  const csv = wideCsv([...byUnit].map(([unit, cells]) => ({ unit, cells })));
  await ws.loadFile(csvFile(`${fw.id}-2024.csv`, csv));
  await ws.score(fw.id, null);
  return ws;
}

/** Checks one case's points and status in indicator_points. */
export async function expectCase(ws: Workspace, [unit, , indicator, points, status]: RuleCase) {
  const [r] = await rows(
    ws,
    `SELECT points, status FROM indicator_points WHERE unit_code = '${unit}' AND indicator = '${indicator}'`,
  );
  expect(r?.status).toBe(status);
  if (points === null) expect(r?.points).toBeNull();
  else expect(Number(r?.points)).toBeCloseTo(points, 9);
}
