// A published method text ("Cách tính điểm", "Phương pháp đánh giá, chấm điểm", …) taken apart
// into what the rule kinds' recognisers read: clauses that award points ("BCĐ họp 4 lần/năm: 20
// điểm", "Trưởng ban là Phó Chủ tịch: 1/2*Điểm tối đa"), each with its condition read as a
// threshold where it is one; the "a = …; b = …" definitions of a ratio; and whether the points
// are a rate times the max. Texts come as officials write them: lines broken inside a cell,
// bullets, "đ" for điểm, decimal commas, words run together by a PDF copy ("Điểmtốiđa").

/** Lower case, no diacritics, đ → d, one character for one: positions match the text's. */
export function plainOf(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    // Keep one character per character of the text (ligatures and the like stay as they are).
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

/** A number as officials write it: "80", "0,5", "1.000", "12.5" (decimal point as a last resort). */
export function parseVnNumber(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return null;
}

const NUM = String.raw`\d+(?:[.,]\d+)*`;
const FRACTION = String.raw`(?:\d+\s*\/\s*\d+|[½¼¾⅓⅔]|${NUM}\s*%|0[.,]\d+)`;
/** "điểm tối đa", also run together ("diemtoida") or as "số điểm tối đa". */
const MAX_WORDS = String.raw`(?:so\s*)?diem\s*toi\s*da`;
const TIMES = String.raw`\s*[*x×.]?\s*`;

/** A share of the max written as 1/2, ½, 50 %, 0,5. */
export function parseFraction(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  const glyph: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3 };
  if (t in glyph) return glyph[t]!;
  const slash = /^(\d+)\/(\d+)$/.exec(t);
  if (slash) return Number(slash[2]) > 0 ? Number(slash[1]) / Number(slash[2]) : null;
  if (t.endsWith('%')) {
    const n = parseVnNumber(t.slice(0, -1));
    return n === null ? null : n / 100;
  }
  return parseVnNumber(t);
}

export type Award = { fraction: number } | { points: number };

export interface Bound {
  value: number;
  strict: boolean;
}

/** A clause's condition read as a threshold on one number, where it is one. */
export interface Condition {
  /** Reached at or above (strictly above) this. */
  low?: Bound;
  /** Reached at or below (strictly below) this. */
  high?: Bound;
  /** The threshold was written as a percentage: the input is a rate (0–1). */
  percent: boolean;
  /** "Còn lại", "các trường hợp khác": whatever no other clause takes. */
  otherwise: boolean;
  /** Says something is not so: "không", "chưa", "không đạt". */
  negated: boolean;
}

export interface Clause {
  /** The condition as written, bullets and the award taken off. */
  text: string;
  /** The award as written ("1/2*Điểm tối đa", "20 điểm"). */
  awardText: string;
  award: Award;
  /** The award as a share of the indicator's max points. */
  fraction: number;
  condition: Condition;
}

export interface MethodText {
  /** The indicator's name, which names the measure a one-input rule reads. */
  name: string;
  /** The text as given (NFC). */
  text: string;
  plain: string;
  maxPoints: number;
  clauses: Clause[];
  /** Text that awards nothing and defines nothing: a lead-in, or what could not be read. */
  rest: string;
  /** "a = Số …", "b = Tổng số …" */
  definitions: { a?: string; b?: string };
  /** "Tỷ lệ = a/b", "(a/b) × điểm tối đa" */
  ratioOfAB: boolean;
  /** "Điểm = Tỷ lệ × Điểm tối đa", "tỷ lệ (%) × 20" */
  rateTimesMax: boolean;
}

interface AwardHit {
  start: number;
  end: number;
  award: Award;
}

/** Awards in the plain text, in order: what follows a ":" (or "→", "=", "được", "cho"). */
function findAwards(plain: string): AwardHit[] {
  const lead = String.raw`(?:[:：→]|=>|\bduoc\b|\bcho\b|\btinh\b|\bdat\b)\s*(?:duoc\s*)?(?:tinh\s*)?(?:bang\s*)?`;
  const patterns: [RegExp, (m: RegExpExecArray) => Award | null][] = [
    // "1/2*Điểm tối đa", "50% điểm tối đa", "½ số điểm tối đa"
    [
      new RegExp(`${lead}(${FRACTION})${TIMES}${MAX_WORDS}`, 'gu'),
      (m) => {
        const f = parseFraction(m[1]!);
        return f === null ? null : { fraction: f };
      },
    ],
    // "Điểm tối đa", "điểm tối đa × 1/2"
    [
      new RegExp(`${lead}${MAX_WORDS}(?:\\s*[*x×]\\s*(${FRACTION}))?`, 'gu'),
      (m) => {
        const f = m[1] === undefined ? 1 : parseFraction(m[1]);
        return f === null ? null : { fraction: f };
      },
    ],
    // "20 điểm", "20đ", "0 điểm", "được 5 điểm"
    [
      new RegExp(`${lead}(${NUM})\\s*(?:diem|d)(?![\\p{L}])`, 'gu'),
      (m) => {
        const n = parseVnNumber(m[1]!);
        return n === null ? null : { points: n };
      },
    ],
    // "không điểm", "không được điểm", "không tính điểm"
    [/(?:[:：→]\s*)?\bkhong\s*(?:duoc\s*|tinh\s*|cham\s*)?diem\b/gu, () => ({ points: 0 })],
  ];
  const hits: AwardHit[] = [];
  for (const [re, read] of patterns) {
    for (let m = re.exec(plain); m; m = re.exec(plain)) {
      const award = read(m);
      if (!award) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      // The first pattern to claim a stretch of text keeps it ("1/2*Điểm tối đa" is not also
      // "Điểm tối đa").
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, award });
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}

const BULLET = /^[\s\-+•*–—·;,.]+|[\s;,.]+$/gu;

const tidy = (s: string): string => s.replace(/\s+/g, ' ').replace(BULLET, '').trim();

/** The text with what is inside brackets blanked out (same length), for reading thresholds. */
const withoutBrackets = (s: string): string =>
  s.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));

const NUMBER_AT = new RegExp(`(${NUM})\\s*(%)?`, 'u');

function numberAfter(plain: string, re: RegExp): { value: number; percent: boolean } | null {
  const m = re.exec(plain);
  if (!m) return null;
  const n = NUMBER_AT.exec(plain.slice(m.index + m[0].length));
  if (!n || n.index > 3) return null;
  const v = parseVnNumber(n[1]!);
  if (v === null) return null;
  return n[2] ? { value: v / 100, percent: true } : { value: v, percent: false };
}

/** Thresholds and comparators as plans and decisions write them, on plain (folded) text. */
export function readCondition(plainText: string): Condition {
  const p = withoutBrackets(plainText);
  const cond: Condition = {
    percent: false,
    otherwise: /\b(con lai|cac truong hop (con lai|khac)|truong hop khac|ngoai ra)\b/.test(p),
    negated: /\b(khong|chua)\b/.test(p),
  };
  const mark = (
    b: { value: number; percent: boolean } | null,
    strict: boolean,
  ): Bound | undefined => {
    if (!b) return undefined;
    if (b.percent) cond.percent = true;
    return { value: b.value, strict };
  };
  // "từ 50% đến dưới 80%", "trên 50% đến 80%"
  const range = new RegExp(
    `\\b(tu|tren)\\s*(${NUM})\\s*(%)?\\s*(?:lan|van ban|cuoc)?\\s*(?:den|toi|-|–)\\s*(duoi\\s*|nho hon\\s*)?(${NUM})\\s*(%)?`,
    'u',
  ).exec(p);
  if (range) {
    const pct = Boolean(range[3] || range[6]);
    const scale = (s: string): number => (parseVnNumber(s) ?? NaN) / (pct ? 100 : 1);
    cond.percent ||= pct;
    cond.low = { value: scale(range[2]!), strict: range[1] === 'tren' };
    cond.high = { value: scale(range[5]!), strict: Boolean(range[4]) };
    return cond;
  }
  const low =
    mark(
      numberAfter(
        p,
        /(?:\btu\b|≥|>=|\btoi thieu\b|\bit nhat\b|\bkhong (?:duoi|thap hon|it hon)\b|\bbang hoac (?:lon|cao) hon\b)\s*(?:la\s*)?/u,
      ),
      false,
    ) ??
    mark(
      numberAfter(
        p,
        /(?:\btren\b|>|\blon hon\b|\bcao hon\b|\bnhieu hon\b|(?<!\b(?:it|thap|nho) )\bhon\b|\bvuot\b)\s*/u,
      ),
      true,
    );
  const high =
    mark(numberAfter(p, /(?:\bduoi\b|<|\bnho hon\b|\bthap hon\b|\bit hon\b)\s*/u), true) ??
    mark(numberAfter(p, /(?:≤|<=|\bkhong (?:qua|vuot qua|vuot)\b|\btoi da\b)\s*/u), false);
  if (low) cond.low = low;
  if (high) cond.high = high;
  // "80% trở lên", "2 văn bản trở lên"; "5% trở xuống"
  const upward = new RegExp(`(${NUM})\\s*(%)?[^\\d]{0,24}?\\btro len\\b`, 'u').exec(p);
  if (!cond.low && upward)
    cond.low = mark({ value: scale1(upward), percent: Boolean(upward[2]) }, false)!;
  const downward = new RegExp(`(${NUM})\\s*(%)?[^\\d]{0,24}?\\btro xuong\\b`, 'u').exec(p);
  if (!cond.high && downward)
    cond.high = mark({ value: scale1(downward), percent: Boolean(downward[2]) }, false)!;
  if (!cond.low && !cond.high && !cond.otherwise) {
    // "1 - 2 sự cố", "5 đến 10 ngày", "6 - 10": a range with no word before it.
    const span = new RegExp(
      `(?<![\\d/.,])(${NUM})\\s*(%)?\\s*(?:[\\p{L} ]{0,12}?)\\s*(?:-|–|den|toi)\\s*(${NUM})\\s*(%)?(?![\\d/])`,
      'u',
    ).exec(p);
    const numbers = [...p.matchAll(new RegExp(`(?<![\\d/.,])${NUM}`, 'gu'))];
    if (span) {
      const pct = Boolean(span[2] || span[4]);
      cond.percent ||= pct;
      const at = (x: string): number => (parseVnNumber(x) ?? NaN) / (pct ? 100 : 1);
      cond.low = { value: at(span[1]!), strict: false };
      cond.high = { value: at(span[3]!), strict: false };
    } else if (numbers.length === 1) {
      // A bare count or rate: "BCĐ họp 3 lần/năm", "Đạt 100%" — that many, and (for a scale
      // of tiers) at least that many. Two numbers ("Năm 2024 họp 4 lần") say nothing sure.
      const bare = new RegExp(`(?<![\\d/])(${NUM})\\s*(%)?(?![\\d/])`, 'u').exec(p);
      if (bare) {
        const b = { value: scale1(bare), percent: Boolean(bare[2]) };
        cond.low = mark(b, false)!;
        cond.high = { value: b.value, strict: false };
      }
    }
  }
  return cond;
}

const scale1 = (m: RegExpExecArray): number => (parseVnNumber(m[1]!) ?? NaN) / (m[2] ? 100 : 1);

/**
 * The condition of a clause out of the text between two awards: a lead-in line above a bulleted
 * list ("Số lần họp trong năm:\n- 4 lần: 20 điểm") is not part of the first bullet's condition.
 */
function clauseStart(stretch: string): string {
  const lines = stretch.split('\n');
  for (let i = lines.length - 1; i > 0; i--)
    if (/^\s*[-+•*–]/u.test(lines[i]!)) return lines.slice(i).join('\n');
  return stretch;
}

const DEFINITION = /^[\s\-+•*]*\(?([ab])\)?\s*(?:=|:|\bla\b)\s*/u;

/** Reads the method text of the indicator `name`, worth `maxPoints`. */
export function readMethodText(raw: string, maxPoints: number, name: string): MethodText {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  const plain = plainOf(text);
  const definitions: { a?: string; b?: string } = {};
  // Definitions run from "a = " to the next definition or formula line; one line may hold them
  // all, "a = …; b = …; Tỷ lệ = a/b".
  const segments = text.split(/[\n;]/);
  let current: 'a' | 'b' | null = null;
  const defined: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const formulaLine = /\b(ty le|diem)\s*=|\ba\s*\/\s*b\b|\bdiem\s*toi\s*da\b/u;
  for (const seg of segments) {
    const pl = plainOf(seg);
    const d = DEFINITION.exec(pl);
    if (d) {
      current = d[1] as 'a' | 'b';
      defined[current].push(seg.slice(d[0].length));
    } else if (current && !formulaLine.test(pl) && !/^\s*[-+•*]/.test(pl) && pl.trim() !== '') {
      defined[current].push(seg);
    } else current = null;
  }
  if (defined.a.length) definitions.a = tidy(defined.a.join(' '));
  if (defined.b.length) definitions.b = tidy(defined.b.join(' '));

  const squeezed = plain.replace(/\s+/g, '');
  const ratioOfAB =
    /\ba\s*\/\s*b\b/.test(plain) ||
    /\ba\s*:\s*b\b/.test(plain) ||
    /tyle=a\/b|\(a\/b\)/.test(squeezed);
  const rateTimesMax =
    /(?:tyle|%)[^;\n]{0,24}[*x×]\s*(?:sodiemtoida|diemtoida|\d)/.test(
      squeezed.replace(/\(%\)/g, '%'),
    ) || /diem=(?:tyle|a\/b|\(a\/b\))/.test(squeezed);

  const clauses: Clause[] = [];
  let from = 0;
  for (const hit of findAwards(plain)) {
    // A clause starts after the previous award, or at the start of its line when the award
    // leads its line ("- 10 điểm: nếu có …" is rare; conditions come first).
    const condText = clauseStart(text.slice(from, hit.start));
    from = hit.end;
    const fraction =
      'fraction' in hit.award
        ? hit.award.fraction
        : maxPoints > 0
          ? hit.award.points / maxPoints
          : 0;
    const condPlain = plainOf(condText);
    clauses.push({
      text: tidy(condText),
      awardText: tidy(text.slice(hit.start, hit.end).replace(/^[\s:：→=]+/u, '')),
      award: hit.award,
      fraction,
      condition: readCondition(condPlain),
    });
  }
  const rest = tidy(text.slice(from));
  return {
    name: tidy(name),
    text,
    plain,
    maxPoints,
    clauses,
    rest,
    definitions,
    ratioOfAB,
    rateTimesMax,
  };
}

/** Close enough to be the same share of max points. */
export const sameShare = (x: number, y: number): boolean => Math.abs(x - y) < 1e-6;

/**
 * Words that make a clause something else than a condition met or not: a judgement ("hội đồng
 * đánh giá", "căn cứ", "mức độ") or a count of items ("mỗi … được 1 điểm").
 */
export function judgedOrCounted(text: string): boolean {
  // "mỗi" (each) folds to the same letters as "mời" (invited): read it with its marks.
  return (
    /\b(hoi dong|can cu|muc do|tuy theo)\b/.test(plainOf(text)) ||
    /(^|[^\p{L}])mỗi(?![\p{L}])/u.test(text.normalize('NFC').toLowerCase())
  );
}

/** Points computed by a formula ("Điểm = Tỷ lệ × Điểm tối đa"): no award-by-award rule. */
export const byFormula = (m: MethodText): boolean => m.rateTimesMax;

/** A clause whose condition is a threshold on a number. */
export const isThreshold = (c: Clause): boolean =>
  c.condition.low !== undefined || c.condition.high !== undefined;

/** Clauses that award something. */
export const positive = (m: MethodText): Clause[] => m.clauses.filter((c) => c.fraction > 0);

/** Clauses awarding nothing: "Còn lại: 0 điểm", "Không có: 0 điểm". */
export const zero = (m: MethodText): Clause[] => m.clauses.filter((c) => c.fraction === 0);
