// A plan's appendix of targets as a sheet — one row per target: Chỉ tiêu, Mã số liệu, Chỉ tiêu
// phấn đấu ("≥ 95%", "Tối thiểu 60%", "60 – 80 %"), Năm hoàn thành — turned into target-profile
// JSON (validated like any other). Rates become fractions, as every profile holds them.
import { plainOf, readCondition } from '../rules/methodText';
import type { FormSubject } from './formSubject';
import type { Comparator, MeasureDef } from '../framework/types';

export interface SheetTargetRow {
  row: number;
  code: string | null;
  name: string;
  target: string;
  comparator: string | null;
  deadline: string | null;
  quote: string | null;
}

export interface TargetReading {
  comparator: Comparator;
  /** A percentage already as a fraction ("95 %" → 0.95); other numbers as written. */
  value: number;
  high?: number;
  percent: boolean;
}

/** A cell of its own saying how to compare ("≥", "trên", "khoảng"): read like a target's words. */
const CELL_SIGNS: [RegExp, Comparator][] = [
  [/^(≥|>=|=>)$/u, '>='],
  [/^(≤|<=|=<)$/u, '<='],
  [/^>$/u, '>'],
  [/^<$/u, '<'],
  [/^(=|bang|dung)$/u, '='],
  [/^(band|giu trong khoang|trong khoang|duy tri trong khoang)$/u, 'band'],
  [/^(range|khoang)$/u, 'range'],
];

/** "giữ trong khoảng 10–20 %", "duy trì ở mức 10–20 %": both ends bind, whichever way is better. */
const KEEP_WITHIN = /\b(giu|duy tri|trong khoang|o muc)\b/u;

/**
 * A target as written → comparator and value(s); null when it is not a target value. The words
 * are those of a method text's thresholds (readCondition): "trên 70 %" is strictly above, "từ 70 %
 * trở lên" at least, "15–20 %" a range to reach; a bare number is the level to reach.
 */
export function readTargetText(text: string, comparatorCell: string | null): TargetReading | null {
  const plain = plainOf(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  const cond = readCondition(plain);
  const cell = comparatorCell === null ? null : plainOf(comparatorCell).trim();
  const fromCell = cell ? (CELL_SIGNS.find(([re]) => re.test(cell))?.[1] ?? null) : null;
  const { low, high, percent } = cond;
  if (cond.otherwise || (!low && !high)) return null;
  if (low && high && low.value !== high.value) {
    if (low.value > high.value) return null;
    const within = fromCell === 'band' || (fromCell === null && KEEP_WITHIN.test(plain));
    return { comparator: within ? 'band' : 'range', value: low.value, high: high.value, percent };
  }
  const bound = (low ?? high)!;
  if (fromCell !== null && fromCell !== 'range' && fromCell !== 'band')
    return { comparator: fromCell, value: bound.value, percent };
  if (/^(=|bang\b)/u.test(plain)) return { comparator: '=', value: bound.value, percent };
  // A bare number ("95 %", "Đạt 100 %") reads as both bounds: a plan means the level to reach.
  if (low && (!high || !low.strict))
    return { comparator: low.strict ? '>' : '>=', value: low.value, percent };
  return { comparator: high!.strict ? '<' : '<=', value: high!.value, percent };
}

export interface SheetTargetsInput {
  id: string;
  title: string;
  source: string;
  unit: FormSubject['unit'];
  planYear: number;
  rows: SheetTargetRow[];
  /** Catalog lookups (see columnRoles.measureIndex) and definitions, for rates and names. */
  measureOf: (code: string | null, name: string) => MeasureDef | null;
  keyOf: (name: string) => string;
}

export interface SheetTargetProblem {
  row: number;
  field: 'name' | 'target';
  raw: string;
  reason: 'unknownMeasure' | 'notTarget';
}

/** Target-profile JSON (unvalidated) and the rows that could not be read in full. */
export function targetsFromSheet(input: SheetTargetsInput): {
  raw: unknown;
  problems: SheetTargetProblem[];
} {
  const problems: SheetTargetProblem[] = [];
  const targets = input.rows.flatMap((r, i) => {
    const reading = readTargetText(r.target, r.comparator);
    if (!reading) {
      problems.push({ row: r.row, field: 'target', raw: r.target, reason: 'notTarget' });
      return [];
    }
    const measure = input.measureOf(r.code, r.name);
    if (!measure)
      problems.push({ row: r.row, field: 'name', raw: r.name, reason: 'unknownMeasure' });
    // Rates are fractions: "95%" (read as 0.95) and "95" both mean 0.95 of a rate; "0,95" already is one.
    const isRate = measure ? measure.kind === 'rate' : reading.percent;
    const scale =
      isRate && !reading.percent && Math.max(reading.value, reading.high ?? 0) > 1 ? 100 : 1;
    // "2025", "Năm 2025", "31/12/2025": the year; a deadline cell without one is the plan year.
    const years = (r.deadline ?? '').match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
    const deadline = years.length > 0 ? Number(years.at(-1)) : NaN;
    return [
      {
        id: `t${String(i + 1).padStart(2, '0')}`,
        measure: measure?.code ?? r.code ?? input.keyOf(r.name),
        comparator: reading.comparator,
        value: reading.value / scale,
        ...(reading.high === undefined ? {} : { high: reading.high / scale }),
        deadline: Number.isInteger(deadline) && deadline >= 1990 ? deadline : input.planYear,
        quote: r.quote ?? r.name,
        section: `${input.source}, dòng ${r.row}`,
      },
    ];
  });
  const u = input.unit;
  const raw = {
    schema: 'dti-lab/targets@1',
    id: input.id,
    title: { vi: `${input.title} — ${u.name}`, en: `${input.title} — ${u.name}` },
    unit: {
      code: u.code,
      name: u.name,
      level: u.level ?? 'xa',
      ...(u.parentCode ? { parentCode: u.parentCode } : {}),
      ...(u.parentName ? { parentName: u.parentName } : {}),
    },
    plan: { title: input.title, year: input.planYear, source: input.source },
    targets,
  };
  return { raw, problems };
}
