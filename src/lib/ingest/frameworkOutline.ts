// The levels of a framework table as decisions number them: I / II for groups ("Nhóm chỉ số nền
// tảng chung"), 1 / 2 for main indices, 1.1 / 1.1.1 / a) for indicators and sub-items. A row
// with rows under it is a section, not an indicator; the scored rows are the ones with nothing
// under them. A row with no number and no points only carries on the text of the row above it
// (a method split over several rows when a Word table is copied into Excel).
import type { LocalText } from '../framework/types';
import { fold } from '../sql/fold';

export interface OutlineRow {
  /** The sheet row, for messages and provenance. */
  row: number;
  stt: string | null;
  code: string | null;
  name: string | null;
  /** A group column's text, where the table has one. */
  group: string | null;
  max: number | null;
  method: string | null;
  /** Evidence, data source, verifying office, notes: kept with the indicator. */
  notes: { header: string; text: string }[];
}

export interface OutlineIndicator {
  code: string;
  name: string;
  maxPoints: number;
  method: string | null;
  notes: { header: string; text: string }[];
  mainIndex: string;
  /** The sheet rows the indicator was read from (its own, then those carrying on its text). */
  rows: number[];
}

export interface OutlineMainIndex {
  code: string;
  name: string;
  /** Σ its indicators' max points (what the framework scores out of). */
  maxPoints: number;
  /** The max the table prints for it, when it prints one. */
  statedMax: number | null;
  group: string | null;
  row: number | null;
}

export interface Outline {
  mainIndices: OutlineMainIndex[];
  indicators: OutlineIndicator[];
  /** A "Tổng điểm" row's figure, when the table has one. */
  total: number | null;
  /** Rows read as something else than an indicator, and why. */
  skipped: { row: number; reason: 'section' | 'total' | 'noPoints' }[];
  /** Where the table's own figures disagree (a section's max ≠ the sum under it). */
  doubts: { row: number; message: LocalText }[];
}

type Numbering =
  | { kind: 'group' }
  | { kind: 'number'; depth: number }
  | { kind: 'letter' }
  | { kind: 'bullet' }
  | { kind: 'none' };

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)$/;

export function numberingOf(stt: string | null): Numbering {
  const t = (stt ?? '')
    .trim()
    .replace(/[.)]+$/, '')
    .replace(/^\(/, '');
  if (t === '') return { kind: 'none' };
  if (/^[-+•*–]$/.test(t)) return { kind: 'bullet' };
  if (ROMAN.test(t.toLowerCase()) && t === t.toUpperCase()) return { kind: 'group' };
  if (/^[A-H]$/.test(t)) return { kind: 'group' };
  if (/^\d+(\.\d+)*$/.test(t)) return { kind: 'number', depth: t.split('.').length };
  if (/^[a-zđ]$/.test(t)) return { kind: 'letter' };
  return { kind: 'none' };
}

/** "Tổng cộng", "TỔNG ĐIỂM (I+II)", "Tổng điểm tối đa", "Tổng:" — not "Tổng số hồ sơ …". */
// "Cộng" (sum) and "Cổng" (portal) fold alike: "cong" alone is a total, "cong thong tin" not.
const TOTAL = /^(tong cong|tong diem|tong so diem|total)\b|^(tong|cong)\s*(:|\(|$)/;
/** Lines under a table: notes, signatures, where it is sent. */
const NOTE = /^(ghi chu|chu thich|luu y|nguoi lap|tm\.|kt\.|noi nhan|note)\b/;

interface Node {
  r: OutlineRow;
  rank: number;
  name: string;
  method: string[];
  notes: { header: string; text: string }[];
  rows: number[];
  parent: Node | null;
  children: Node[];
  /** Folded into its parent's method (see foldPointlessChildren). */
  folded: boolean;
}

const join = (parts: string[]): string | null => {
  const t = parts.map((p) => p.trim()).filter(Boolean);
  return t.length ? t.join('\n') : null;
};

/** The framework's levels out of its rows, in sheet order. */
export function outlineOf(rows: readonly OutlineRow[]): Outline {
  const nodes: Node[] = [];
  const skipped: Outline['skipped'] = [];
  let total: number | null = null;
  let last: Node | null = null;
  const stack: Node[] = [];
  for (const r of rows) {
    const n = numberingOf(r.stt);
    const name = (r.name ?? '').trim();
    const label = fold(name || r.stt || r.code || r.method || '').replace(/^[*\s]+/, '');
    if (TOTAL.test(label)) {
      total = r.max;
      skipped.push({ row: r.row, reason: 'total' });
      continue;
    }
    if (NOTE.test(label)) {
      skipped.push({ row: r.row, reason: 'noPoints' });
      continue;
    }
    // No number and no points: the text carries on from the row above.
    // No number and no name: the row only carries on the one above, even where a merged max
    // is repeated in it. A heading in capitals ("NHÓM CHỈ SỐ HOẠT ĐỘNG") is not carried on.
    const heading = n.kind === 'none' && isHeading(name);
    const carriesOn =
      !heading &&
      ((n.kind === 'none' && !name) ||
        ((n.kind === 'none' || n.kind === 'bullet') && r.max === null));
    if (carriesOn && last) {
      if (r.method) last.method.push(r.method);
      else if (name && n.kind === 'bullet') last.method.push(`${r.stt ?? ''} ${name}`.trim());
      else if (name) last.name = `${last.name} ${name}`.replace(/\s+/g, ' ');
      last.notes.push(...r.notes);
      last.rows.push(r.row);
      continue;
    }
    if (!name && r.max === null) {
      // Nothing to carry on from, nothing to score: listed, never dropped unseen.
      if (label !== '') skipped.push({ row: r.row, reason: 'noPoints' });
      continue;
    }
    const rank =
      n.kind === 'group'
        ? 0
        : n.kind === 'number'
          ? n.depth
          : n.kind === 'letter' || n.kind === 'bullet'
            ? deepestNumbered(stack) + 1
            : heading
              ? 0
              : (last?.rank ?? 1);
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const node: Node = {
      r,
      rank,
      name,
      method: r.method ? [r.method] : [],
      notes: [...r.notes],
      rows: [r.row],
      parent: stack[stack.length - 1] ?? null,
      children: [],
      folded: false,
    };
    node.parent?.children.push(node);
    stack.push(node);
    nodes.push(node);
    last = node;
  }
  foldPointlessChildren(nodes);
  return shape(nodes, skipped, total);
}

/** The rank of the innermost open row numbered 1, 1.1 …: a) b) and bullets sit under it. */
function deepestNumbered(stack: Node[]): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const kind = numberingOf(stack[i]!.r.stt).kind;
    if (kind !== 'letter' && kind !== 'bullet') return stack[i]!.rank;
  }
  return 1;
}

/** A section heading without a number: written in capitals, or naming a group of indices. */
function isHeading(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return (
    (letters.length > 3 && letters === letters.toUpperCase()) || /^nhom chi so\b/.test(fold(name))
  );
}

/**
 * Rows under an indicator that carry no points of their own ("a) có văn bản …", "b) …") spell
 * out its method: their text joins the indicator's method and they stop being rows of their own.
 */
function foldPointlessChildren(nodes: Node[]): void {
  for (const n of nodes) {
    if (n.r.max === null || n.children.length === 0) continue;
    if (n.children.some((c) => c.r.max !== null || c.children.length > 0)) continue;
    for (const c of n.children) {
      n.method.push(`${c.r.stt ?? ''} ${c.name}`.trim());
      n.method.push(...c.method);
      n.rows.push(...c.rows);
      c.folded = true;
    }
    n.children = [];
  }
}

function shape(nodes: Node[], skipped: Outline['skipped'], total: number | null): Outline {
  const doubts: Outline['doubts'] = [];
  // A top section whose children are sections themselves groups main indices.
  const isGroup = (n: Node): boolean =>
    n.parent === null && n.children.length > 0 && n.children.some((c) => c.children.length > 0);
  const mains = new Map<Node | string | null, OutlineMainIndex>();
  const indicators: OutlineIndicator[] = [];
  const codes = new Set<string>();
  const unique = (code: string): string => {
    let c = code;
    for (let i = 2; codes.has(c); i++) c = `${code}_${i}`;
    codes.add(c);
    return c;
  };
  const mainOf = (leaf: Node): OutlineMainIndex => {
    const chain: Node[] = [];
    for (let p = leaf.parent; p; p = p.parent) chain.unshift(p);
    const group = chain.find(isGroup) ?? null;
    const head = chain.find((p) => !isGroup(p)) ?? group;
    // Without section rows, a group column names the main index ("Nhóm": "Nhận thức số").
    const named = head === null ? (leaf.r.group?.trim() ?? '') : '';
    const key = head ?? (named || null);
    let m = mains.get(key);
    if (!m) {
      m = {
        code: unique(
          head ? codeOf(head) : named ? fold(named).replace(/[^\p{L}\p{N}]+/gu, '_') : 'chung',
        ),
        name: head?.name ?? named,
        maxPoints: 0,
        statedMax: head?.r.max ?? null,
        group: group && group !== head ? group.name : null,
        row: head?.r.row ?? null,
      };
      mains.set(key, m);
    }
    return m;
  };
  for (const n of nodes) {
    if (n.folded) continue;
    if (n.children.length > 0) {
      skipped.push({ row: n.r.row, reason: 'section' });
      const sum = leavesUnder(n).reduce((s, l) => s + (l.r.max ?? 0), 0);
      if (n.r.max !== null && Math.abs(sum - n.r.max) > 1e-6)
        doubts.push({
          row: n.r.row,
          message: {
            vi: `"${n.name}" ghi ${n.r.max} điểm nhưng các chỉ số bên dưới cộng lại ${sum}.`,
            en: `"${n.name}" states ${n.r.max} points but the indicators under it add up to ${sum}.`,
          },
        });
      continue;
    }
    if (n.r.max === null) {
      skipped.push({ row: n.r.row, reason: 'noPoints' });
      continue;
    }
    const main = mainOf(n);
    main.maxPoints += n.r.max;
    indicators.push({
      code: unique(leafCode(n)),
      name:
        n.parent && ['letter', 'bullet'].includes(numberingOf(n.r.stt).kind)
          ? `${n.parent.name} — ${n.name}`
          : n.name,
      maxPoints: n.r.max,
      method: join(n.method),
      notes: n.notes,
      mainIndex: main.code,
      rows: n.rows,
    });
  }
  const mainIndices = [...mains.values()].map((m) => ({
    ...m,
    maxPoints: Math.round(m.maxPoints * 1e9) / 1e9,
  }));
  const sum = mainIndices.reduce((s, m) => s + m.maxPoints, 0);
  if (total !== null && Math.abs(total - sum) > 1e-6)
    doubts.push({
      row: skipped.find((s) => s.reason === 'total')?.row ?? 0,
      message: {
        vi: `Dòng tổng ghi ${total} điểm nhưng các chỉ số cộng lại ${sum}.`,
        en: `The total row states ${total} points but the indicators add up to ${sum}.`,
      },
    });
  return { mainIndices, indicators, total, skipped, doubts };
}

function leavesUnder(n: Node): Node[] {
  return n.children.length === 0 ? [n] : n.children.flatMap(leavesUnder);
}

/** A code from the row's own code, or its number, or its name. */
function codeOf(n: Node): string {
  const own = (n.r.code ?? '').trim() || (n.r.stt ?? '').trim().replace(/[.)]+$/, '');
  const code =
    own ||
    fold(n.name)
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_|_$/g, '');
  return code.replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'x';
}

/** A sub-item takes its parent's number: "1.2.a"; a bulleted one its place: "1.2.1". */
function leafCode(n: Node): string {
  const kind = numberingOf(n.r.stt).kind;
  if (!n.parent || (kind !== 'letter' && kind !== 'bullet')) return codeOf(n);
  const own = kind === 'letter' ? codeOf(n) : String(n.parent.children.indexOf(n) + 1);
  return `${codeOf(n.parent)}.${own}`;
}
