// choice: an answer from a list → a fraction of max ("Trưởng ban là Chủ tịch → 1, Phó → ½").
import { restUnread, wholeNotEarned } from './doubts';
import type { ChoiceOption } from '../framework/types';
import { fold } from '../sql/fold';
import { both, defineRule, num, timesMax, type Reading } from './kind';
import {
  byFormula,
  isThreshold,
  judgedOrCounted,
  plainOf,
  positive,
  sameShare,
  type Clause,
  type MethodText,
} from './methodText';

export const choice = defineRule({
  kind: 'choice',
  measureCount: 1,
  relative: false,
  fields: ['options'],
  read: (c, o, path) => {
    const options = c.array(o.options, `${path}.options`).map((raw, i): ChoiceOption => {
      const at = `${path}.options[${i}]`;
      const x = c.object(raw, at);
      c.noExtraFields(x, at, ['match', 'label', 'fraction']);
      const match = c.array(x.match, `${at}.match`).map((m, j) => c.string(m, `${at}.match[${j}]`));
      if (match.length === 0)
        c.fail(`${at}.match`, 'cần ít nhất một câu trả lời', 'needs at least one accepted answer');
      return {
        match,
        label: c.localText(x.label, `${at}.label`),
        fraction: c.number(x.fraction, `${at}.fraction`, { min: 0, max: 1 }),
      };
    });
    if (options.length === 0)
      c.fail(`${path}.options`, 'cần ít nhất một lựa chọn', 'needs at least one option');
    return { kind: 'choice', options };
  },
  // Accepted answers folded; an answer two options list belongs to the first.
  rows: (r) => {
    const byAnswer = new Map<string, number>();
    for (const o of r.options)
      for (const m of o.match) if (!byAnswer.has(fold(m))) byAnswer.set(fold(m), o.fraction);
    return { choices: [...byAnswer].map(([folded, fraction]) => ({ folded, fraction })) };
  },
  fractionSql: 'choice_fraction',
  words: (r, w) =>
    both((lang) =>
      r.options
        .map(
          (o) =>
            `${o.label[lang]} → ${num(o.fraction * w.max, lang)} ${lang === 'vi' ? 'điểm' : 'pts'}`,
        )
        .join('; '),
    ),
  formula: (w, lang) => `"${w.inputs[0]?.text ?? ''}" → ${timesMax(w, lang)}`,
  recognise: recogniseChoice,
  doubts: (r, m) => [
    ...wholeNotEarned(m, Math.max(0, ...r.options.map((o) => o.fraction))),
    ...restUnread(m),
  ],
});

/**
 * "Trưởng ban là Chủ tịch: Điểm tối đa; là Phó Chủ tịch: 1/2 × Điểm tối đa; chưa có: 0 điểm":
 * options in words (no thresholds), one of which earns the whole indicator. Each option accepts
 * its whole wording and the shorter answers a table would hold ("Phó Chủ tịch", "cấp Phó").
 */
function recogniseChoice(m: MethodText): Reading<'choice'> | null {
  if (m.clauses.length < 2 || m.clauses.some(isThreshold) || m.definitions.a || byFormula(m))
    return null;
  // A date ("Trước ngày 15/12") is a deadline, not an answer to choose.
  if (m.clauses.some((c) => /\d+\s*\/\s*\d+/.test(c.text))) return null;
  if (m.clauses.some((c) => judgedOrCounted(c.text) && !/\bhoi dong\b/.test(plainOf(c.text))))
    return null;
  if (!positive(m).some((c) => sameShare(c.fraction, 1))) return null;
  if (m.clauses.some((c) => c.fraction > 1 + 1e-9 || c.text === '')) return null;
  // The options that earn something share a lead ("Trưởng ban là …"); "Chưa có" need not.
  const prefix = commonPrefix(positive(m).map((c) => c.text));
  const taken = new Set<string>();
  const options = m.clauses.map((c) => {
    const match = answersOf(c, prefix).filter((a) => {
      const key = plainOf(a);
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    return {
      match: match.length ? match : [c.text],
      label: { vi: c.text, en: c.text },
      fraction: c.fraction,
    };
  });
  return {
    rule: { kind: 'choice', options },
    direction: 'higher',
    inputs: [{ name: m.name, kind: 'choice' }],
  };
}

/** The words all options start with ("Trưởng ban là "), cut at a word boundary. */
function commonPrefix(texts: string[]): string {
  if (texts.length < 2) return '';
  let p = texts[0]!;
  for (const t of texts) while (!t.startsWith(p)) p = p.slice(0, -1);
  // Whole words of every text: "Hoàn thành" and "Hoàn thành chậm" share "Hoàn thành " only if
  // both go on after it.
  while (
    p &&
    !texts.every((t) => t.length === p.length || /\s/.test(t[p.length] ?? ' ') || p.endsWith(' '))
  )
    p = p.slice(0, p.lastIndexOf(' ') + 1 || 0);
  const cut = p.lastIndexOf(' ');
  return cut > 0 && texts.every((t) => t.length > cut + 1) ? p.slice(0, cut + 1) : '';
}

const QUALIFIER = /\s+(?:cấp|của|UBND|huyện|xã|tỉnh|thành phố)\b.*$/iu;

/** The answers an option accepts: its wording, without the common lead, bracketed or slashed. */
function answersOf(c: Clause, prefix: string): string[] {
  // A lead-in ending in ":" ("Hội đồng đánh giá: Tốt") is not part of the answer.
  const stated = c.text.includes(':')
    ? c.text.slice(c.text.lastIndexOf(':') + 1).trim() || c.text
    : c.text;
  const own =
    (stated.startsWith(prefix) ? stated.slice(prefix.length) : stated)
      .replace(/^(?:là|do)\s+/iu, '')
      .trim() || c.text;
  const bracketed = [...own.matchAll(/\(([^()]+)\)/g)].map((x) => x[1]!.trim());
  const bare = own
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const alternatives = bare
    .split('/')
    .map((x) => x.trim())
    .filter(Boolean);
  const short = alternatives.map((x) => x.replace(QUALIFIER, '').trim());
  const none = c.fraction === 0 && c.condition.negated ? ['không', 'chưa có', 'không có'] : [];
  return [...new Set([c.text, own, bare, ...bracketed, ...alternatives, ...short, ...none])].filter(
    (x) => x.length > 0,
  );
}
