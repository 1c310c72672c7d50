// ratio: points = clamp(a ÷ b, 0, 1) × max; b = 0 → not applicable. Lower is better: 1 − that.
import { formulaDoubts } from './doubts';
import { argSep, both, defineRule, num, timesMax } from './kind';
import { isThreshold, type MethodText } from './methodText';
import { clamp01, RATIO_SQL } from './sql';

export const ratio = defineRule({
  kind: 'ratio',
  measureCount: 2,
  relative: false,
  fields: [],
  read: () => ({ kind: 'ratio' }),
  fractionSql: `CASE WHEN higher THEN ${RATIO_SQL} ELSE 1.0 - ${clamp01(RATIO_SQL)} END`,
  applicableSql: 'b IS NULL OR b <> 0',
  words: (_r, w) =>
    both((lang) => {
      const share = `min(${w.a[lang]} ÷ ${w.b[lang]}${argSep(lang)}1)`;
      const na = lang === 'vi' ? `${w.b.vi} = 0 → không áp dụng` : `${w.b.en} = 0 → not applicable`;
      return `${lang === 'vi' ? 'điểm' : 'points'} = ${w.lower ? `(1 − ${share})` : share} × ${num(w.max, lang)}; ${na}`;
    }),
  formula: (w, lang) => {
    const [a, b] = w.inputs;
    const share = `min(${num(a?.value ?? 0, lang)} ÷ ${num(b?.value ?? 0, lang)}${argSep(lang)}1)`;
    return timesMax(w, lang, w.lower ? `(1 − ${share})` : share);
  },
  // "a = Số …; b = Tổng số …; Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa": a and b become two counts
  // named after their definitions. A ratio scored by thresholds is a tiers rule, not this.
  recognise: (m: MethodText) => {
    const { a, b } = m.definitions;
    if (!a || !b || !(m.ratioOfAB || m.rateTimesMax) || m.clauses.some(isThreshold)) return null;
    const lower = /\(?1-(?:tyle|a\/b|\(a\/b\))|diemtoida-(?:tyle|a\/b|\(a\/b\))/.test(
      m.plain.replace(/\s+/g, '').replace(/[−–]/g, '-'),
    );
    return {
      rule: { kind: 'ratio' },
      direction: lower ? 'lower' : 'higher',
      inputs: [
        { name: a, kind: 'count' },
        { name: b, kind: 'count' },
      ],
    };
  },
  doubts: (_r, m) => formulaDoubts(m),
});
