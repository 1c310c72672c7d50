// A framework as provinces publish it — a table of sections and indicators, each with its max
// points and its method of scoring in words — turned into framework JSON (then validated like any
// other). Each indicator's method text is read into a rule, with the measures it needs named after
// the text's own definitions; a text the app cannot read keeps the points as given (rule
// `points`) and is listed, never guessed. An indicator whose code a
// registered framework knows (in a code column) borrows that framework's rule first, reading the
// same measures as the data already loaded for it.
import { headerKey } from './columnRoles';
import type { Outline, OutlineIndicator } from './frameworkOutline';
import { readMethod, ruleWithMeasures, scaleRule } from '../rules/registry';
import { fold } from '../sql/fold';
import type {
  Framework,
  Indicator,
  Level,
  LocalText,
  MeasureDef,
  Rule,
  RuleKind,
} from '../framework/types';

export interface SheetFrameworkInput {
  id: string;
  /** The rows above the table; the one naming the framework becomes its title. */
  titles: string[];
  fallbackTitle: string;
  /** Where it was read, standing in for the decision that issued it: the file and sheet. */
  source: string;
  outline: Outline;
  /** Whether indicator codes come from a code column (and may match known frameworks' codes). */
  codedByColumn: boolean;
  /** Registered frameworks, whose indicators lend their rules by code. */
  known: readonly Framework[];
  /**
   * Whose measures the indicators read ("<id>.<indicator>"): a corrected framework keeps the
   * codes of the one it corrects, so the data loaded for that one scores it too.
   */
  measureId?: string;
  /** Indicators a person chose to score from points as given, whatever their text says. */
  pointsAsGiven?: ReadonlySet<string>;
  /** Every measure known, for the definitions of the measures borrowed rules read. */
  catalog: readonly MeasureDef[];
}

/** How one indicator's rule was found, for the review of a framework read from a table. */
export interface SheetRuleSource {
  indicator: string;
  row: number;
  /** Read from its method text; borrowed from a known framework by code; or points as given. */
  from: 'text' | 'known' | 'points';
  kind: RuleKind;
  framework?: string;
  /** The method text as published. */
  method: string | null;
  /** What in the text the rule does not account for, or why no rule was read. */
  doubts: LocalText[];
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/\b(cap xa|xa, phuong|phuong, xa|xa, phuong, thi tran)\b/, 'xa'],
  [/\b(cap huyen|quan, huyen|huyen, thi xa|huyen, thanh pho)\b/, 'huyen'],
  [/\b(cap tinh|tinh, thanh pho|so, ban, nganh)\b/, 'tinh'],
];

/** Framework JSON (unvalidated) and where each indicator's rule came from. */
export function frameworkFromSheet(input: SheetFrameworkInput): {
  raw: unknown;
  rules: SheetRuleSource[];
} {
  // "UBND TỈNH …" above "BỘ CHỈ SỐ … CẤP HUYỆN": the level and the title come from all rows.
  const cells = input.titles.flatMap((t) => t.split(' | '));
  const titleText =
    cells.find((c) => /\b(bo chi so|chi so|bo tieu chi)\b/.test(fold(c))) ??
    cells[0] ??
    input.fallbackTitle;
  const allTitles = fold(cells.join(' '));
  // Titles say the level; without one, the indicators do ("BCĐ chuyển đổi số cấp huyện",
  // "Chủ tịch UBND huyện, thị xã, thành phố"): the level they name most.
  const level =
    LEVEL_WORDS.find(([re]) => re.test(allTitles))?.[1] ?? levelNamedMost(input.outline) ?? 'xa';
  const knownMains = new Map(
    input.known.flatMap((f) => f.mainIndices.map((m) => [fold(m.name.vi), m] as const)),
  );
  const catalog = new Map(
    [...input.catalog, ...input.known.flatMap((f) => f.measures)].map((m) => [m.code, m]),
  );
  // A main index keeps a known framework's code for the same name, else its name as a code.
  const taken = new Set<string>();
  const mainCode = new Map(
    input.outline.mainIndices.map((m) => {
      const own = knownMains.get(fold(m.name))?.code ?? (headerKey(m.name) || `m${m.code}`);
      let code = own;
      for (let i = 2; taken.has(code); i++) code = `${own}_${i}`;
      taken.add(code);
      return [m.code, code] as const;
    }),
  );

  const indicators: Indicator[] = [];
  const rules: SheetRuleSource[] = [];
  const measures = new Map<string, MeasureDef>();
  for (const x of input.outline.indicators) {
    const built = buildIndicator(input, x, catalog);
    indicators.push({ ...built.indicator, mainIndex: mainCode.get(x.mainIndex)! });
    rules.push(built.source);
    for (const m of built.measures) measures.set(m.code, m);
  }
  const raw = {
    schema: 'dti-lab/framework@1',
    id: input.id,
    title: { vi: titleText, en: titleText },
    decision: input.source,
    level,
    years: { from: 1990, to: null },
    illustrative: /\bminh hoa\b/.test(fold(titleText)),
    note: {
      vi: 'Đọc từ bảng tính: cách tính điểm đọc từ lời văn của từng chỉ số; chỉ số không đọc được tính theo điểm nhập.',
      en: 'Read from a spreadsheet: each rule read from the indicator’s method text; indicators whose text could not be read use points as entered.',
    },
    pillars: [],
    mainIndices: input.outline.mainIndices.map((m) => ({
      code: mainCode.get(m.code),
      name: { vi: m.name || titleText, en: m.name || titleText },
      maxPoints: m.maxPoints,
      scored: true,
      ...(m.group ? { group: { vi: m.group, en: m.group } } : {}),
    })),
    indicators,
    measures: [...measures.values()],
    aggregation: { method: 'points' },
    missing: { policy: 'zero' },
    bands: [],
  };
  return { raw, rules };
}

function buildIndicator(
  input: SheetFrameworkInput,
  x: OutlineIndicator,
  catalog: Map<string, MeasureDef>,
): { indicator: Omit<Indicator, 'mainIndex'>; source: SheetRuleSource; measures: MeasureDef[] } {
  const row = x.rows[0]!;
  const name = { vi: x.name, en: x.name };
  // Measures of this framework's own: "<framework>.<indicator>", so two provinces' "1.1" differ.
  const base = `${input.measureId ?? input.id}.${x.code}`;
  const asGiven = input.pointsAsGiven?.has(x.code) ?? false;
  // A number ("1.2") places an indicator in its table; only a code names it across frameworks.
  const named = !/^\d+(\.\d+)*(\.[a-zđ])?$/.test(x.code);
  const lent =
    input.codedByColumn && named && !asGiven ? lentRule(input.known, x.code, x.maxPoints) : null;
  if (lent)
    return {
      indicator: {
        code: x.code,
        name: { vi: x.name, en: lent.nameEn },
        maxPoints: x.maxPoints,
        rule: lent.rule,
        measures: lent.measures,
        direction: lent.direction,
      },
      source: {
        indicator: x.code,
        row,
        from: 'known',
        kind: lent.rule.kind,
        framework: lent.framework,
        method: x.method,
        doubts: [],
      },
      measures: lent.measures.flatMap((m) => catalog.get(m) ?? []),
    };
  const read = asGiven
    ? {
        reading: null,
        doubts: [{ vi: 'Chọn tính theo điểm nhập.', en: 'Chosen: points as given.' }],
      }
    : readMethod(x.method ?? '', x.maxPoints, x.name);
  if (read.reading) {
    const r = read.reading;
    const codes =
      r.inputs.length === 1 ? [base] : r.inputs.map((_, i) => `${base}_${inputSuffix(r.rule, i)}`);
    return {
      indicator: {
        code: x.code,
        name,
        maxPoints: x.maxPoints,
        rule: ruleWithMeasures(r.rule, codes),
        measures: codes,
        direction: r.direction,
      },
      source: {
        indicator: x.code,
        row,
        from: 'text',
        kind: r.rule.kind,
        method: x.method,
        doubts: [],
      },
      measures: r.inputs.map((need, i) => ({
        code: codes[i]!,
        name: { vi: need.name, en: need.name },
        kind: need.kind,
      })),
    };
  }
  // Points entered as they are need a measure of their own: reading a catalog measure of the
  // same code (a rate, say) would turn 65 points into 0,65.
  const code = !input.codedByColumn
    ? `${base}_diem`
    : catalog.has(x.code)
      ? `${x.code}_diem`
      : x.code;
  return {
    indicator: {
      code: x.code,
      name,
      maxPoints: x.maxPoints,
      rule: { kind: 'points' },
      measures: [code],
      direction: 'higher',
    },
    source: {
      indicator: x.code,
      row,
      from: 'points',
      kind: 'points',
      method: x.method,
      doubts: read.doubts,
    },
    measures: [
      { code, name: { vi: `${x.name} (điểm)`, en: `${x.name} (points)` }, kind: 'number' },
    ],
  };
}

/** a and b of a ratio; one measure per part. */
const inputSuffix = (rule: Rule, i: number): string =>
  rule.kind === 'ratio' ? (i === 0 ? 'a' : 'b') : `p${i + 1}`;

/** The rule of the same indicator in a known framework; tier points scaled to the new max. */
function lentRule(
  known: readonly Framework[],
  code: string,
  maxPoints: number,
): {
  rule: Rule;
  measures: string[];
  direction: Indicator['direction'];
  nameEn: string;
  framework: string;
} | null {
  for (const f of known) {
    const ind = f.indicators.find((i) => i.code === code);
    if (!ind) continue;
    const scale = ind.maxPoints > 0 ? maxPoints / ind.maxPoints : 0;
    return {
      rule: scaleRule(ind.rule, scale),
      measures: ind.measures,
      direction: ind.direction,
      nameEn: ind.name.en,
      framework: f.id,
    };
  }
  return null;
}

/** The level the indicators' names and methods name most, if they name one. */
function levelNamedMost(outline: Outline): Level | null {
  const text = fold(outline.indicators.map((x) => `${x.name} ${x.method ?? ''}`).join(' '));
  const counts = LEVEL_NAMES.map(([re, level]) => [level, text.match(re)?.length ?? 0] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : null;
}

const LEVEL_NAMES: [RegExp, Level][] = [
  [/\b(cap xa|ubnd xa|xa, phuong|chu tich xa)\b/g, 'xa'],
  [/\b(cap huyen|ubnd huyen|huyen, thi xa|huyen, thanh pho|chu tich huyen)\b/g, 'huyen'],
  [/\b(cap tinh|ubnd tinh|so, ban, nganh|chu tich tinh)\b/g, 'tinh'],
];
