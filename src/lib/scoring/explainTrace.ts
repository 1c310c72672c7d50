// The explain trace of one unit and year: for each indicator, the raw value(s) and the cells
// they came from → the rule → points → main index → total, with the arithmetic written out.
import type { Engine } from '../db/engine';
import { toRows, type Row } from '../db/rows';
import type { Direction, LocalText, RuleKind } from '../framework/types';
import { ruleFormula } from '../rules/registry';
import { lit } from '../sql/quote';

export interface TraceInput {
  measure: string;
  /** The catalog's kind and unit of the measure (null when the catalog does not know it). */
  kind: string | null;
  unit: string | null;
  value: number | null;
  rawValue: number | null;
  text: string | null;
  imputed: boolean;
  imputeMethod: string | null;
  missing: boolean;
  source: {
    file: string | null;
    sheet: string | null;
    row: number | null;
    column: string | null;
    cell: string | null;
  };
}

export interface TraceStep {
  indicator: string;
  indicatorName: LocalText;
  mainIndex: string;
  mainIndexName: LocalText;
  scored: boolean;
  rule: RuleKind;
  direction: Direction;
  ruleText: LocalText;
  relative: boolean;
  inputs: TraceInput[];
  status: string;
  fraction: number | null;
  points: number | null;
  maxPoints: number;
  maxCounted: number;
  /** The arithmetic with this unit's numbers, e.g. "min(17 ÷ 20; 1) × 6 = 5,1". */
  formula: LocalText;
  mainIndexPoints: number;
  mainIndexMax: number;
  mainIndexValue: number | null;
  total: number | null;
  totalPoints: number | null;
  totalMax: number | null;
  rank: number | null;
}

export async function explainUnit(
  engine: Engine,
  unitCode: string,
  year: number,
): Promise<TraceStep[]> {
  const rows = toRows(
    await engine.query(
      `SELECT * FROM explain WHERE unit_code = ${lit(unitCode)} AND year = ${lit(year)} ORDER BY ord`,
    ),
  );
  return rows.map(toStep);
}

function toStep(r: Row): TraceStep {
  const inputs = ((r.inputs as unknown[] | null) ?? []).map((x) => toInput(x as Row));
  const step: Omit<TraceStep, 'formula'> = {
    indicator: String(r.indicator),
    indicatorName: { vi: String(r.indicator_vi), en: String(r.indicator_en) },
    mainIndex: String(r.main_index),
    mainIndexName: { vi: String(r.main_index_vi), en: String(r.main_index_en) },
    scored: Boolean(r.scored),
    rule: String(r.rule) as RuleKind,
    direction: r.direction === 'lower' ? 'lower' : 'higher',
    ruleText: { vi: String(r.rule_vi), en: String(r.rule_en) },
    relative: Boolean(r.relative),
    inputs,
    status: String(r.status),
    fraction: numOrNull(r.fraction),
    points: numOrNull(r.points),
    maxPoints: Number(r.max_points),
    maxCounted: Number(r.max_counted),
    mainIndexPoints: Number(r.main_index_points),
    mainIndexMax: Number(r.main_index_max),
    mainIndexValue: numOrNull(r.main_index_value),
    total: numOrNull(r.total),
    totalPoints: numOrNull(r.total_points),
    totalMax: numOrNull(r.total_max),
    rank: numOrNull(r.rank),
  };
  return { ...step, formula: { vi: formulaOf(step, 'vi'), en: formulaOf(step, 'en') } };
}

function toInput(x: Row): TraceInput {
  return {
    measure: String(x.measure),
    kind: strOrNull(x.kind),
    unit: strOrNull(x.unit),
    value: numOrNull(x.value),
    rawValue: numOrNull(x.raw_value),
    text: x.text === null || x.text === undefined ? null : String(x.text),
    imputed: Boolean(x.imputed),
    imputeMethod: x.impute_method ? String(x.impute_method) : null,
    missing: Boolean(x.missing),
    source: {
      file: strOrNull(x.file),
      sheet: strOrNull(x.sheet),
      row: numOrNull(x.row),
      column: strOrNull(x.column),
      cell: strOrNull(x.cell),
    },
  };
}

/** The points arithmetic for one indicator, using the unit's own numbers. */
export function formulaOf(s: Omit<TraceStep, 'formula'>, lang: 'vi' | 'en'): string {
  const pts = lang === 'vi' ? 'điểm' : 'pts';
  const [a] = s.inputs;
  if (s.status === 'missing')
    return lang === 'vi' ? `chưa có số liệu → 0 ${pts}` : `no data → 0 ${pts}`;
  if (s.status === 'na')
    return lang === 'vi' ? 'mẫu số bằng 0 → không áp dụng' : 'denominator is 0 → not applicable';
  if (s.status === 'unreadable') {
    return lang === 'vi'
      ? `không đọc được "${a?.text ?? ''}" → 0 ${pts}`
      : `cannot read "${a?.text ?? ''}" → 0 ${pts}`;
  }
  return ruleFormula(
    s.rule,
    {
      inputs: s.inputs,
      fraction: s.fraction ?? 0,
      points: s.points ?? 0,
      max: s.maxPoints,
      lower: s.direction === 'lower',
    },
    lang,
  );
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function strOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
