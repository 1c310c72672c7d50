// tiers: ordered thresholds → points. The highest tier reached wins (the lowest, when lower is
// better); a strict tier ("trên 80 %", "dưới 5 %") is reached only past its threshold.
import { restUnread, wholeNotEarned } from './doubts';
import type { Tier } from '../framework/types';
import { both, defineRule, num, timesMax, type Reading } from './kind';
import { byFormula, isThreshold, positive, type Clause, type MethodText } from './methodText';

export const tiers = defineRule({
  kind: 'tiers',
  measureCount: 1,
  relative: false,
  fields: ['tiers'],
  read: (c, o, path, maxPoints) => {
    const list = c.array(o.tiers, `${path}.tiers`).map((raw, i): Tier => {
      const at = `${path}.tiers[${i}]`;
      const t = c.object(raw, at);
      c.noExtraFields(t, at, ['at', 'points', 'strict']);
      const tier: Tier = {
        at: c.number(t.at, `${at}.at`),
        points: c.number(t.points, `${at}.points`, { min: 0, max: maxPoints }),
      };
      if (t.strict !== undefined && c.boolean(t.strict, `${at}.strict`)) tier.strict = true;
      return tier;
    });
    if (list.length === 0)
      c.fail(`${path}.tiers`, 'cần ít nhất một bậc', 'needs at least one tier');
    return { kind: 'tiers', tiers: list };
  },
  // Of two tiers at one threshold and strictness, the first listed stays: only one can be reached.
  rows: (r, maxPoints) => {
    const seen = new Map<string, { at: number; strict: boolean; fraction: number }>();
    for (const t of r.tiers) {
      const key = `${t.at}|${t.strict === true}`;
      if (!seen.has(key))
        seen.set(key, {
          at: t.at,
          strict: t.strict === true,
          fraction: maxPoints > 0 ? t.points / maxPoints : 0,
        });
    }
    return { tiers: [...seen.values()] };
  },
  // Below every tier: 0 points; no value: unreadable.
  fractionSql: 'CASE WHEN a IS NOT NULL THEN coalesce(tier_fraction, 0.0) END',
  words: (r, w) =>
    both((lang) => {
      const sorted = [...r.tiers].sort((x, y) => (w.lower ? x.at - y.at : y.at - x.at));
      const op = (t: Tier): string => (w.lower ? (t.strict ? '<' : '≤') : t.strict ? '>' : '≥');
      const pts = lang === 'vi' ? 'điểm' : 'pts';
      const steps = sorted.map(
        (t) => `${op(t)} ${num(t.at, lang)} → ${num(t.points, lang)} ${pts}`,
      );
      return `${w.a[lang]} ${steps.join('; ')}; ${lang === 'vi' ? 'còn lại → 0' : 'otherwise 0'}`;
    }),
  formula: (w, lang) => `${num(w.inputs[0]?.value ?? 0, lang)} → ${timesMax(w, lang)}`,
  // Tier points are absolute: scaled, so the top tier still earns the whole indicator.
  scale: (r, factor) => ({
    kind: 'tiers',
    tiers: r.tiers.map((t) => ({ ...t, points: t.points * factor })),
  }),
  recognise: recogniseTiers,
  doubts: (r, m) => [
    ...wholeNotEarned(m, Math.max(0, ...r.tiers.map((t) => t.points)) / (m.maxPoints || 1)),
    ...restUnread(m),
  ],
});

/**
 * "BCĐ họp 4 lần/năm: 20 điểm; 3 lần: 15 điểm; …; Còn lại: 0 điểm", "Từ 80% trở lên: 10 điểm; từ
 * 50% đến dưới 80%: 5 điểm; dưới 50%: 0 điểm": every clause that awards points is a threshold on
 * one number; the rest award nothing. Points rising with the lower bounds is "higher is better";
 * points falling as the upper bounds rise ("dưới 5 %: 10 điểm; từ 5 % đến dưới 10 %: 5 điểm") is
 * "lower is better".
 */
function recogniseTiers(m: MethodText): Reading<'tiers'> | null {
  const paying = positive(m);
  if (byFormula(m) || paying.length === 0 || !paying.every(isThreshold)) return null;
  // What awards nothing must be a threshold too, or "còn lại", or a plain "no".
  const others = m.clauses.filter((c) => c.fraction === 0);
  if (!others.every((c) => isThreshold(c) || c.condition.otherwise || c.condition.negated))
    return null;
  if (paying.some((c) => c.fraction > 1 + 1e-9)) return null;
  const withPercent = m.clauses.filter(isThreshold).map((c) => c.condition.percent);
  if (withPercent.some((p) => p !== withPercent[0])) return null;
  const percent = withPercent[0] === true;
  const asTier = (c: Clause, side: 'low' | 'high') => {
    const b = c.condition[side]!;
    return { at: b.value, points: c.fraction * m.maxPoints, ...(b.strict ? { strict: true } : {}) };
  };
  const rising = (side: 'low' | 'high', sign: 1 | -1): boolean => {
    if (!paying.every((c) => c.condition[side] !== undefined)) return false;
    const sorted = [...paying].sort(
      (x, y) => sign * (x.condition[side]!.value - y.condition[side]!.value),
    );
    return sorted.every((c, i) => i === 0 || c.fraction >= sorted[i - 1]!.fraction - 1e-9);
  };
  const higher = rising('low', 1);
  const lower = !higher && rising('high', -1);
  if (!higher && !lower) return null;
  const side = higher ? 'low' : 'high';
  // A ratio scored by thresholds: the rate of a ÷ b is what a form or table gives.
  const { a, b } = m.definitions;
  const name = a && b ? `${m.name} (a = ${a}; b = ${b})` : m.name;
  return {
    rule: { kind: 'tiers', tiers: paying.map((c) => asTier(c, side)) },
    direction: higher ? 'higher' : 'lower',
    inputs: [{ name, kind: percent ? 'rate' : 'count' }],
  };
}
