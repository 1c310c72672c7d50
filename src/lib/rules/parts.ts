// parts: independent conditions, each worth a share of max, each read from its own measure
// ("dự đủ họp của tỉnh: ½ + chủ trì họp của huyện: ½").
import { restUnread, wholeNotEarned } from './doubts';
import type { Part, PartTest } from '../framework/types';
import type { Lang } from '../i18n/format';
import { lit } from '../sql/quote';
import { both, defineRule, num, timesMax, type Reading } from './kind';
import { byFormula, judgedOrCounted, positive, type MethodText } from './methodText';
import { yesSql } from './sql';

const EPS = 1e-9;

const PART_TEST: Record<PartTest['kind'], string> = {
  yes: yesSql('value', 'folded'),
  atLeast: '(value >= test_value)',
  atMost: '(value <= test_value)',
};

/**
 * Whether one part is met, over a row with the part's `test` and `test_value` (fw_rule_parts)
 * and its input's `value` and `folded` text: TRUE, FALSE, or NULL when it cannot be read.
 */
export const partTestSql = `CASE test ${Object.entries(PART_TEST)
  .map(([kind, e]) => `WHEN ${lit(kind)} THEN ${e}`)
  .join(' ')} END`;

function testText(t: PartTest, lang: Lang): string {
  if (t.kind === 'yes') return lang === 'vi' ? 'có' : 'yes';
  return `${t.kind === 'atLeast' ? '≥' : '≤'} ${num(t.value, lang)}`;
}

export const parts = defineRule({
  kind: 'parts',
  measureCount: 0,
  measuresOf: (r) => r.parts.map((p) => p.measure),
  withMeasures: (r, codes) => ({
    kind: 'parts',
    parts: r.parts.map((p, i) => ({ ...p, measure: codes[i] ?? p.measure })),
  }),
  relative: false,
  fields: ['parts'],
  read: (c, o, path) => {
    const list = c.array(o.parts, `${path}.parts`).map((raw, i): Part => {
      const at = `${path}.parts[${i}]`;
      const x = c.object(raw, at);
      c.noExtraFields(x, at, ['measure', 'share', 'test', 'label']);
      const t = c.object(x.test, `${at}.test`);
      const kind = c.oneOf(t.kind, `${at}.test.kind`, ['yes', 'atLeast', 'atMost'] as const);
      const test: PartTest =
        kind === 'yes' ? { kind } : { kind, value: c.number(t.value, `${at}.test.value`) };
      return {
        measure: c.code(x.measure, `${at}.measure`),
        share: c.number(x.share, `${at}.share`, { min: 0, max: 1 }),
        test,
        label: c.localText(x.label, `${at}.label`),
      };
    });
    const total = list.reduce((s, p) => s + p.share, 0);
    if (list.length === 0)
      c.fail(`${path}.parts`, 'cần ít nhất một phần', 'needs at least one part');
    if (total > 1 + EPS)
      c.fail(
        `${path}.parts`,
        `tổng tỷ trọng các phần là ${total}, phải ≤ 1`,
        `part shares sum to ${total}, must be ≤ 1`,
      );
    return { kind: 'parts', parts: list };
  },
  rows: (r) => ({
    parts: r.parts.map((p, i) => ({
      slot: i + 1,
      share: p.share,
      test: p.test.kind,
      testValue: p.test.kind === 'yes' ? null : p.test.value,
    })),
  }),
  fractionSql: 'parts_got',
  words: (r, w) =>
    both((lang) =>
      r.parts
        .map(
          (p) =>
            `${p.label[lang]} (${testText(p.test, lang)}) → ${num(p.share * w.max, lang)} ${lang === 'vi' ? 'điểm' : 'pts'}`,
        )
        .join(' + '),
    ),
  formula: (w, lang) =>
    `${w.inputs.map((i) => (i.missing ? '—' : (i.text ?? num(i.value ?? 0, lang)))).join(' + ')} → ${timesMax(w, lang)}`,
  recognise: recogniseParts,
  doubts: (r, m) => [
    ...wholeNotEarned(
      m,
      r.parts.reduce((s, p) => s + p.share, 0),
    ),
    ...restUnread(m),
  ],
});

/**
 * Independent conditions each worth a share ("tham gia đầy đủ …: 1/2 × Điểm tối đa; chủ trì …: 1/2
 * × Điểm tối đa; không tham gia …: 0 điểm"): two or more clauses earn less than the whole and
 * together no more than it; what earns nothing restates a condition as not met. Each part reads
 * its own yes/no measure (or a count, where the part is a threshold), named after its wording.
 */
function recogniseParts(m: MethodText): Reading<'parts'> | null {
  const paying = positive(m);
  if (paying.length < 2 || m.definitions.a || byFormula(m)) return null;
  // "Mỗi lớp tập huấn: 5 điểm" counts items; "đúng hạn: 5; chậm: 3" are options of one answer.
  if (paying.some((c) => judgedOrCounted(c.text))) return null;
  const total = paying.reduce((s, c) => s + c.fraction, 0);
  if (paying.some((c) => c.fraction >= 1 - 1e-9) || total > 1 + 1e-6) return null;
  if (!m.clauses.every((c) => c.fraction > 0 || c.condition.negated || c.condition.otherwise))
    return null;
  const parts: Part[] = paying.map((c) => {
    const { low, high } = c.condition;
    return {
      // Named when the framework gives its measures codes (withMeasures).
      measure: `part_${paying.indexOf(c) + 1}`,
      share: c.fraction,
      test: low
        ? { kind: 'atLeast', value: low.value }
        : high
          ? { kind: 'atMost', value: high.value }
          : { kind: 'yes' },
      label: { vi: c.text, en: c.text },
    };
  });
  return {
    rule: { kind: 'parts', parts },
    direction: 'higher',
    inputs: paying.map((c) => ({
      name: c.text,
      kind:
        c.condition.low || c.condition.high ? (c.condition.percent ? 'rate' : 'count') : 'boolean',
    })),
  };
}
