// A framework as provinces publish it — one row per indicator: Mã, Chỉ tiêu, Nhóm, Điểm tối đa,
// Cách tính — turned into framework JSON (then validated like any other). "Cách tính" is prose
// for people, so each indicator's machine rule comes from a registered framework that has the
// same indicator code; an indicator no framework knows is scored from points entered as they
// are (rule `points`), and the report says which is which.
import { headerKey } from '../ingest/columnRoles';
import { scaleRule } from '../rules/registry';
import { fold } from '../sql/fold';
import type { Framework, Indicator, Level, MeasureDef, Rule } from './types';

export interface SheetIndicatorRow {
  row: number;
  code: string | null;
  name: string;
  group: string | null;
  maxPoints: number;
  method: string | null;
}

export interface SheetFrameworkInput {
  id: string;
  /** The rows above the table; the one naming the framework becomes its title. */
  titles: string[];
  fallbackTitle: string;
  /** Where it was read, standing in for the decision that issued it: the file and sheet. */
  source: string;
  rows: SheetIndicatorRow[];
  /** Registered frameworks, whose indicators lend their rules by code. */
  known: readonly Framework[];
  /** Every measure known, for the definitions of the measures the rules read. */
  catalog: readonly MeasureDef[];
}

export interface SheetRuleSource {
  indicator: string;
  row: number;
  from: 'known' | 'points';
  framework?: string;
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/\b(cap xa|xa, phuong|phuong, xa)\b/, 'xa'],
  [/\b(cap huyen|quan, huyen)\b/, 'huyen'],
  [/\b(cap tinh|tinh, thanh pho)\b/, 'tinh'],
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
  const level = LEVEL_WORDS.find(([re]) => re.test(allTitles))?.[1] ?? 'xa';
  const title = fold(titleText);
  const knownMains = new Map(
    input.known.flatMap((f) => f.mainIndices.map((m) => [fold(m.name.vi), m] as const)),
  );
  const mainCode = (group: string): string => knownMains.get(fold(group))?.code ?? headerKey(group);

  const mains = new Map<string, { code: string; name: string; maxPoints: number }>();
  const indicators: Indicator[] = [];
  const rules: SheetRuleSource[] = [];
  const measureCodes = new Set<string>();
  const catalog = new Map(
    [...input.catalog, ...input.known.flatMap((f) => f.measures)].map((m) => [m.code, m]),
  );
  // Points entered as they are need a measure of their own: reading a catalog measure of the
  // same code (a rate, say) would turn 65 points into 0,65.
  const pointsMeasure = (code: string): string => (catalog.has(code) ? `${code}_diem` : code);
  for (const r of input.rows) {
    const group = r.group?.trim() || 'Chung';
    const main = mains.get(group) ?? { code: mainCode(group), name: group, maxPoints: 0 };
    main.maxPoints += r.maxPoints;
    mains.set(group, main);
    const code = r.code?.trim() || headerKey(r.name);
    const lent = lentRule(input.known, code, r.maxPoints);
    rules.push({
      indicator: code,
      row: r.row,
      from: lent ? 'known' : 'points',
      ...(lent ? { framework: lent.framework } : {}),
    });
    const ind: Indicator = {
      code,
      name: { vi: r.name, en: lent?.nameEn ?? r.name },
      mainIndex: main.code,
      maxPoints: r.maxPoints,
      rule: lent?.rule ?? { kind: 'points' },
      measures: lent?.measures ?? [pointsMeasure(code)],
      direction: lent?.direction ?? 'higher',
    };
    indicators.push(ind);
    for (const m of ind.measures) measureCodes.add(m);
  }
  const measures: MeasureDef[] = [...measureCodes].map((m) => {
    const own = indicators.find((i) => i.rule.kind === 'points' && i.measures[0] === m);
    return (
      (own ? undefined : catalog.get(m)) ?? {
        code: m,
        name: { vi: `${own?.name.vi ?? m} (điểm)`, en: `${own?.name.en ?? m} (points)` },
        kind: 'number',
      }
    );
  });
  const raw = {
    schema: 'dti-lab/framework@1',
    id: input.id,
    title: { vi: titleText, en: titleText },
    decision: input.source,
    level,
    years: { from: 1990, to: null },
    illustrative: /\bminh hoa\b/.test(title),
    note: {
      vi: 'Đọc từ bảng tính; quy tắc tính điểm lấy theo mã chỉ số của bộ chỉ số đã có, chỉ số khác tính theo điểm nhập.',
      en: 'Read from a spreadsheet; scoring rules follow the same indicator codes in known frameworks, other indicators use points as entered.',
    },
    pillars: [],
    mainIndices: [...mains.values()].map((m) => ({
      code: m.code,
      name: { vi: m.name, en: m.name },
      maxPoints: Math.round(m.maxPoints * 1e9) / 1e9,
      scored: true,
    })),
    indicators,
    measures,
    aggregation: { method: 'points' },
    missing: { policy: 'zero' },
    bands: [],
  };
  return { raw, rules };
}

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
