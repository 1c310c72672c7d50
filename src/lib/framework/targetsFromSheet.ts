// A plan's appendix of targets as a sheet — one row per target: Chỉ tiêu, Mã số liệu, Chỉ tiêu
// phấn đấu ("≥ 95%", "Tối thiểu 60%", "60 – 80 %"), Năm hoàn thành — turned into target-profile
// JSON (validated like any other). Rates become fractions, as every profile holds them.
import { fold } from '../sql/fold';
import type { FormSubject } from '../ingest/formSubject';
import type { Comparator, MeasureDef } from './types';

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
  value: number;
  high?: number;
  percent: boolean;
}

const AT_LEAST = /^(≥|>=|>|tren|tu|toi thieu|it nhat|dat tu|dat tren|dat)\s*/;
const AT_MOST = /^(≤|<=|<|duoi|toi da|khong qua|khong vuot qua)\s*/;
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const RANGE = new RegExp(
  String.raw`^(?:tu\s*)?(${NUMBER})\s*%?\s*(?:-|–|—|den)\s*(${NUMBER})\s*%?$`,
);
const SINGLE = new RegExp(String.raw`^(${NUMBER})\s*%?(?:\s*tro len)?$`);

/** "1.234,5" → 1234.5, "95,5" → 95.5, "0.2" → 0.2 (Vietnamese first, as plans are written). */
function vnNumber(s: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replaceAll('.', '').replace(',', '.'));
  return Number(s.replace(',', '.'));
}

/** A target as written → comparator and value(s); null when it is not a target value. */
export function readTargetText(text: string, comparatorCell: string | null): TargetReading | null {
  let t = fold(text).replace(/\s+/g, ' ').trim();
  const percent = t.includes('%');
  let comparator: Comparator | null = comparatorCell ? comparatorOf(comparatorCell) : null;
  const range = RANGE.exec(t);
  if (range) {
    const [low, high] = [vnNumber(range[1]!), vnNumber(range[2]!)];
    return low <= high ? { comparator: 'range', value: low, high, percent } : null;
  }
  const lead = AT_LEAST.exec(t) ?? AT_MOST.exec(t) ?? /^=\s*/.exec(t);
  if (lead) {
    comparator ??= comparatorOf(lead[1] ?? '=');
    t = t.slice(lead[0].length);
  }
  const single = SINGLE.exec(t);
  if (!single) return null;
  return { comparator: comparator ?? '>=', value: vnNumber(single[1]!), percent };
}

function comparatorOf(text: string): Comparator {
  const t = fold(text).trim();
  if (AT_MOST.test(t)) return '<=';
  if (t === '=' || t === 'bang') return '=';
  if (/^(khoang|range)/.test(t)) return 'range';
  return '>=';
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
    // Rates are fractions: "95%" and "95" both mean 0.95 of a rate; "0,95" already is one.
    const isRate = measure ? measure.kind === 'rate' : reading.percent;
    const scale =
      isRate && (reading.percent || Math.max(reading.value, reading.high ?? 0) > 1) ? 100 : 1;
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
