// percent: the input is already a rate (0–1 once read): points = clamp(rate ÷ fullAt) × max.
// Lower is better: (1 − rate) × max.
import { formulaDoubts } from './doubts';
import { both, defineRule, num, timesMax } from './kind';
import { isThreshold, type MethodText } from './methodText';

const EPS = 1e-9;

export const percent = defineRule({
  kind: 'percent',
  measureCount: 1,
  relative: false,
  fields: ['fullAt'],
  read: (c, o, path) =>
    o.fullAt === undefined
      ? { kind: 'percent' }
      : { kind: 'percent', fullAt: c.number(o.fullAt, `${path}.fullAt`, { min: EPS, max: 1 }) },
  checkDirection: (c, rule, direction, path) => {
    if (rule.fullAt !== undefined && direction === 'lower')
      c.fail(
        `${path}.rule.fullAt`,
        '"fullAt" chỉ dùng khi giá trị càng cao càng tốt',
        '"fullAt" only applies when higher is better',
      );
  },
  parameters: (r) => ({ fullAt: r.fullAt ?? 1 }),
  fractionSql: 'CASE WHEN higher THEN a / full_at ELSE 1.0 - a END',
  words: (r, w) =>
    both((lang) => {
      const pts = lang === 'vi' ? 'điểm' : 'points';
      const max = num(w.max, lang);
      if (w.lower) return `${pts} = (1 − ${w.rate[lang]}) × ${max}`;
      const full = r.fullAt ?? 1;
      if (full === 1)
        return `${pts} = ${w.rate[lang]} × ${max} (${lang === 'vi' ? 'tối đa 100 %' : 'capped at 100 %'})`;
      return `${pts} = min(${w.rate[lang]} ÷ ${num(full * 100, lang)} %${lang === 'vi' ? ';' : ','} 1) × ${max}`;
    }),
  formula: (w, lang) => {
    const rate = w.inputs[0]?.value ?? 0;
    return `${num(rate * 100, lang)} % → ${timesMax(w, lang)}`;
  },
  // "Điểm = Tỷ lệ × Điểm tối đa", "tỷ lệ (%) × 20" with no a and b defined: the rate is given.
  recognise: (m: MethodText) => {
    if (!m.rateTimesMax || m.definitions.a || m.definitions.b || m.clauses.some(isThreshold))
      return null;
    const lower = /\(?1-(?:tyle|%)|diemtoida-(?:tyle|%)/.test(
      m.plain.replace(/\s+/g, '').replace(/[−–]/g, '-'),
    );
    return {
      rule: { kind: 'percent' },
      direction: lower ? 'lower' : 'higher',
      inputs: [{ name: m.name, kind: 'rate' }],
    };
  },
  doubts: (_r, m) => formulaDoubts(m),
});
