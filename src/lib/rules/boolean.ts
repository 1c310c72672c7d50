// boolean: yes → max, no → 0 (có/không, x, ✓, đạt/không đạt, 1/0); lower is better: the reverse.
import { restUnread } from './doubts';
import { both, defineRule, num, timesMax } from './kind';
import {
  isThreshold,
  judgedOrCounted,
  plainOf,
  positive,
  sameShare,
  zero,
  type MethodText,
} from './methodText';
import { yesSql } from './sql';

export const boolean = defineRule({
  kind: 'boolean',
  measureCount: 1,
  relative: false,
  fields: [],
  read: () => ({ kind: 'boolean' }),
  fractionSql: `CASE ${yesSql('a', 'ta')} = higher WHEN TRUE THEN 1.0 WHEN FALSE THEN 0.0 END`,
  words: (_r, w) =>
    both((lang) => {
      const [yes, no, pts] = lang === 'vi' ? ['có', 'không', 'điểm'] : ['yes', 'no', 'pts'];
      const [y, n] = w.lower ? [0, w.max] : [w.max, 0];
      return `${yes} → ${num(y, lang)} ${pts}; ${no} → ${num(n, lang)} ${pts}`;
    }),
  formula: (w, lang) => {
    const a = w.inputs[0];
    return `"${a?.text ?? num(a?.value ?? 0, lang)}" → ${timesMax(w, lang)}`;
  },
  // "Có: 10 điểm; Không: 0 điểm", "Đạt: điểm tối đa; Không đạt: 0 điểm", "Có chuyên mục …: điểm
  // tối đa" alone: one clause earns the whole indicator and nothing else earns anything. When
  // the clause that earns is the one saying "không" ("Không để xảy ra sự cố: điểm tối đa; có sự
  // cố: 0 điểm"), lower is better: a "yes" costs the points.
  recognise: (m: MethodText) => {
    const paying = positive(m);
    if (paying.length !== 1 || !sameShare(paying[0]!.fraction, 1)) return null;
    const nothing = zero(m);
    if (m.clauses.some(isThreshold) || m.definitions.a || m.rateTimesMax) return null;
    if (nothing.length > 1) return null;
    const yes = paying[0]!;
    const no = nothing[0];
    // A yes or a no must be said: "Có …", "Đạt", "Không …", or a "no" clause beside it —
    // not "Hội đồng đánh giá … tối đa 10 điểm".
    const said = /\b(co|khong|dat|da|chua)\b/;
    const plain = (t: string): string => plainOf(t);
    if (judgedOrCounted(yes.text) || /\btoi da\b/.test(plain(yes.text))) return null;
    if (!said.test(plain(yes.text)) && !(no && said.test(plain(no.text)))) return null;
    const lower = yes.condition.negated && no !== undefined && !no.condition.negated;
    if (no && !lower && !no.condition.negated && !no.condition.otherwise) return null;
    return {
      rule: { kind: 'boolean' },
      direction: lower ? 'lower' : 'higher',
      inputs: [{ name: m.name, kind: 'boolean' }],
    };
  },
  doubts: (_r, m) => restUnread(m),
});
