// The review of a framework read from a table: every indicator with the rule understood from its
// text (in words), how sure, and what was not understood; corrections made in place (a method
// text reworded, a max changed, "points as given" chosen) give a corrected framework, and the
// framework goes back out as JSON or as the same table layout it came in (export/frameworkExport.ts).
import { readMethod, ruleText } from '../rules/registry';
import type { NeededInput } from '../rules/kind';
import {
  frameworkFromSheet,
  type SheetFrameworkInput,
  type SheetRuleSource,
} from './frameworkFromSheet';
import type { Framework, LocalText, MeasureDef, RuleKind } from '../framework/types';
import { validateFramework } from '../framework/validateFramework';

/** What the review needs to rebuild a sheet framework: the input of `frameworkFromSheet`. */
export type SheetSource = Omit<
  SheetFrameworkInput,
  'known' | 'catalog' | 'pointsAsGiven' | 'measureId'
>;

export type ReviewStatus = 'read' | 'known' | 'notUnderstood';

export interface ReviewRow {
  code: string;
  name: string;
  mainIndex: string;
  maxPoints: number;
  method: string | null;
  kind: RuleKind;
  status: ReviewStatus;
  /** The rule in words, with the measures it reads named. */
  words: LocalText;
  /** What the rule needs from a data table or form. */
  needs: { name: string; kind: string }[];
  doubts: LocalText[];
  rows: number[];
}

/** One row per indicator of a framework read from a sheet, in the table's order. */
export function reviewRows(fw: Framework, rules: readonly SheetRuleSource[]): ReviewRow[] {
  const names = new Map(fw.measures.map((m) => [m.code, m]));
  const mains = new Map(fw.mainIndices.map((m) => [m.code, m.name.vi]));
  return fw.indicators.map((x) => {
    const src = rules.find((r) => r.indicator === x.code);
    const status: ReviewStatus =
      src?.from === 'text' ? 'read' : src?.from === 'known' ? 'known' : 'notUnderstood';
    return {
      code: x.code,
      name: x.name.vi,
      mainIndex: mains.get(x.mainIndex) ?? x.mainIndex,
      maxPoints: x.maxPoints,
      method: src?.method ?? null,
      kind: x.rule.kind,
      status,
      words: ruleText(x, (code) => names.get(code)?.name),
      needs: x.measures.map((m) => ({
        name: names.get(m)?.name.vi ?? m,
        kind: names.get(m)?.kind ?? '',
      })),
      doubts: src?.doubts ?? [],
      rows: src ? [src.row] : [],
    };
  });
}

/** A method text as the person rewords it, read at once: the rule in words, or why not. */
export function previewMethod(
  text: string,
  maxPoints: number,
  name: string,
): { kind: RuleKind; words: LocalText | null; needs: NeededInput[]; doubts: LocalText[] } {
  const read = readMethod(text, maxPoints, name);
  if (!read.reading) return { kind: 'points', words: null, needs: [], doubts: read.doubts };
  const r = read.reading;
  const codes = r.inputs.map((_, i) => `m${i + 1}`);
  const named = new Map(codes.map((c, i) => [c, { vi: r.inputs[i]!.name, en: r.inputs[i]!.name }]));
  return {
    kind: r.rule.kind,
    words: ruleText({ rule: r.rule, maxPoints, direction: r.direction, measures: codes }, (c) =>
      named.get(c),
    ),
    needs: r.inputs,
    doubts: [],
  };
}

/** A correction of one indicator: its method reworded, its max, or its points taken as given. */
export interface Correction {
  method?: string;
  maxPoints?: number;
  asPoints?: boolean;
}

/** The framework with the corrections made, under an id of its own ("…-da-sua"), validated. */
export function correctedFramework(
  sheet: SheetSource,
  corrections: ReadonlyMap<string, Correction>,
  known: readonly Framework[],
  catalog: readonly MeasureDef[],
): { framework: Framework; rules: SheetRuleSource[] } {
  const indicators = sheet.outline.indicators.map((x) => {
    const c = corrections.get(x.code);
    if (!c) return x;
    return {
      ...x,
      maxPoints: c.maxPoints ?? x.maxPoints,
      method: c.asPoints ? null : (c.method ?? x.method),
    };
  });
  const mainIndices = sheet.outline.mainIndices.map((m) => ({
    ...m,
    maxPoints: indicators
      .filter((x) => x.mainIndex === m.code)
      .reduce((s, x) => s + x.maxPoints, 0),
  }));
  const { raw, rules } = frameworkFromSheet({
    ...sheet,
    id: `${sheet.id}-da-sua`,
    measureId: sheet.id,
    outline: { ...sheet.outline, indicators, mainIndices },
    pointsAsGiven: new Set([...corrections].filter(([, c]) => c.asPoints).map(([code]) => code)),
    known,
    catalog,
  });
  const out = raw as { title: LocalText };
  out.title = { vi: `${out.title.vi} (đã sửa)`, en: `${out.title.en} (corrected)` };
  return { framework: validateFramework(raw), rules };
}

/**
 * The framework as reviewed so far, with the method text each indicator's rule was read from:
 * the one loaded when nothing is corrected, else the corrected one.
 */
export function reviewedFramework(
  read: { definition: Framework; rules: readonly SheetRuleSource[]; sheet: SheetSource },
  corrections: ReadonlyMap<string, Correction>,
  known: readonly Framework[],
  catalog: readonly MeasureDef[],
): { fw: Framework; methods: Map<string, string | null> } {
  const { framework, rules } =
    corrections.size === 0
      ? { framework: read.definition, rules: read.rules }
      : correctedFramework(read.sheet, corrections, known, catalog);
  return {
    fw: framework,
    methods: new Map(rules.map((r) => [r.indicator, r.from === 'points' ? null : r.method])),
  };
}
