// goalpost: points = max × clamp((x − worst) ÷ (best − worst), 0, 1), as the ITU IDI and EU DESI
// score distance to a target; best < worst is "lower is better".
import { both, defineRule, num, timesMax } from './kind';

export const goalpost = defineRule({
  kind: 'goalpost',
  measureCount: 1,
  relative: false,
  fields: ['worst', 'best'],
  read: (c, o, path) => {
    const worst = c.number(o.worst, `${path}.worst`);
    const best = c.number(o.best, `${path}.best`);
    if (worst === best)
      c.fail(`${path}.best`, '"best" phải khác "worst"', '"best" must differ from "worst"');
    return { kind: 'goalpost', worst, best };
  },
  checkDirection: (c, rule, direction, path) => {
    const lowerByPosts = rule.best < rule.worst;
    if (lowerByPosts !== (direction === 'lower')) {
      const [op, means] = lowerByPosts ? ['<', 'lower'] : ['>', 'higher'];
      c.fail(
        `${path}.direction`,
        `"best" ${op} "worst" nghĩa là "${means}"`,
        `"best" ${op} "worst" means "${means}"`,
      );
    }
  },
  parameters: (r) => ({ worst: r.worst, best: r.best }),
  fractionSql: '(a - worst) / (best - worst)',
  words: (r, w) =>
    both((lang) => {
      const share = `(${w.a[lang]} − ${num(r.worst, lang)}) ÷ (${num(r.best, lang)} − ${num(r.worst, lang)})`;
      return lang === 'vi'
        ? `điểm = ${num(w.max, 'vi')} × min(max(${share}; 0); 1)`
        : `points = ${num(w.max, 'en')} × clamp(${share}, 0, 1)`;
    }),
  formula: (w, lang) => `${num(w.inputs[0]?.value ?? 0, lang)} → ${timesMax(w, lang)}`,
});
