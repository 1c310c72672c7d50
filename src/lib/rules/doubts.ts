// What makes a rule read from a method text unsure, in words: each kind's \`doubts\` face picks
// the checks that fit how it is written (awards one by one, or a formula). A reading with a doubt
// is not applied: the indicator keeps its points as given, and the doubt is shown.
import type { LocalText } from '../framework/types';
import { num } from './kind';
import { parseVnNumber, plainOf, type MethodText } from './methodText';

/** What makes a reading unsure: the whole indicator cannot be earned, or numbers left unread. */
/**
 * An award-by-award reading whose awards add up to `earnable` of the max (the best option, or
 * all parts together) cannot give the whole indicator: the text and the max disagree.
 */
export function wholeNotEarned(m: MethodText, earnable: number): LocalText[] {
  if (Math.abs(earnable - 1) <= 1e-6) return [];
  return [
    {
      vi: `Cao nhất đạt ${num(earnable * m.maxPoints, 'vi')} điểm, khác điểm tối đa ${num(m.maxPoints, 'vi')}.`,
      en: `At best ${num(earnable * m.maxPoints, 'en')} points, not the max of ${num(m.maxPoints, 'en')}.`,
    },
  ];
}

/**
 * What follows the last award is a note ("Có trích dẫn số hiệu văn bản …") unless it holds
 * numbers of a scoring of its own.
 */
export function restUnread(m: MethodText): LocalText[] {
  if (!/\d/.test(m.rest) || !/(diem|%|lan|ty le)/.test(plainOf(m.rest))) return [];
  return [{ vi: `Phần chưa đọc được: "${m.rest}".`, en: `Part not read: "${m.rest}".` }];
}

/** What a formula ("Điểm = Tỷ lệ × Điểm tối đa") says beyond the rate or a ÷ b it is read as. */
export function formulaDoubts(m: MethodText): LocalText[] {
  const doubts: LocalText[] = [];
  // A formula's "× 20" is the max written as a number: it must be the indicator's.
  const times = /[*x×]\s*(\d+(?:[.,]\d+)?)\s*(?:diem|d\b|$)/.exec(m.plain);
  const factor = times ? parseVnNumber(times[1]!) : null;
  if (factor !== null && Math.abs(factor - m.maxPoints) > 1e-6)
    doubts.push({
      vi: `Công thức nhân với ${num(factor, 'vi')}, khác điểm tối đa ${num(m.maxPoints, 'vi')}.`,
      en: `The formula multiplies by ${num(factor, 'en')}, not the max of ${num(m.maxPoints, 'en')}.`,
    });
  // A number, a division or a percent the rule does not account for ("× 80%", "/ 2").
  const residue = unreadArithmetic(m.plain, m.maxPoints);
  if (residue)
    doubts.push({
      vi: `Công thức còn phần chưa đọc được: "${residue}".`,
      en: `Part of the formula was not read: "${residue}".`,
    });
  // A formula that defines more than the rule reads ("Trong đó: Tỷ lệ chuẩn hóa = … ÷ giá trị
  // lớn nhất") computes something else than a rate or a ÷ b.
  const extra = undefinedTerms(m.plain);
  if (extra.length)
    doubts.push({
      vi: `Công thức còn định nghĩa "${extra.join('", "')}", chưa đọc được.`,
      en: `The formula also defines "${extra.join('", "')}", which was not read.`,
    });
  return doubts;
}

/** Terms a formula defines ("X = …") beyond the points, a, b and the rate a/b. */
function undefinedTerms(plain: string): string[] {
  const known = /^(diem|a|b|ty ?le|tl)$/;
  return [...plain.matchAll(/([a-z][a-z ]{0,30}?)\s*=/g)]
    .map((x) => x[1]!.replace(/^.*\b(trong do|voi|khi)\b:?\s*/, '').trim())
    .filter((t) => t !== '' && !known.test(t));
}

/**
 * What is left of a formula's arithmetic once a, b, "Tỷ lệ = a/b", "(1 − Tỷ lệ)", "(%)" and the
 * max written as a number are accounted for: a number, a "/" or a "%" left means the formula
 * computes something the rule does not.
 */
function unreadArithmetic(plain: string, maxPoints: number): string | null {
  const formula = plain
    .split(/[\n;]/)
    // The formula's own lines: an "=" or a "×", not a's or b's definition (nor its wrapped end).
    .filter((seg) => /[=*×]|\sx\s/.test(seg) && !/^[\s\-+•*(]*[ab]\)?\s*(=|:|\bla\b)/.test(seg))
    .join(' ')
    .replace(/\s+/g, '')
    .replace(/[−–]/g, '-');
  const left = formula
    .replace(/\(?a\/b\)?/g, '')
    .replace(/\(%\)|tyle%|%tyle/g, '')
    .replace(/\(1-/g, '(')
    .replace(/diemtoida-/g, '')
    .replace(/[*x×]\d+(?:[.,]\d+)?/g, (m) =>
      Math.abs(Number(m.slice(1).replace(',', '.')) - maxPoints) < 1e-6 ? '' : m,
    );
  const bad = /\d|\/|%/.exec(left);
  return bad ? left.slice(Math.max(0, bad.index - 12), bad.index + 12) : null;
}
