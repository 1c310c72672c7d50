// The rule kinds by name, and each face of a rule dispatched to its kind's module. Callers never
// switch over rule kinds themselves.
import type { Checker } from '../framework/check';
import type { Direction, LocalText, Rule, RuleKind } from '../framework/types';
import type { Lang } from '../i18n/format';
import { lit } from '../sql/quote';
import { boolean } from './boolean';
import { choice } from './choice';
import { goalpost } from './goalpost';
import {
  type Reading,
  type RuleKindModule,
  type RuleOf,
  type RuleParameters,
  type RuleRows,
  type Worked,
} from './kind';
import { readMethodText, type MethodText } from './methodText';
import { minmax } from './minmax';
import { parts } from './parts';
import { percent } from './percent';
import { points } from './points';
import { ratio } from './ratio';
import { tiers } from './tiers';
import { zscore } from './zscore';

export const RULES: { readonly [K in RuleKind]: RuleKindModule<K> } = {
  ratio,
  percent,
  tiers,
  choice,
  boolean,
  parts,
  goalpost,
  minmax,
  zscore,
  points,
};

export const RULE_KINDS = Object.keys(RULES) as RuleKind[];

/** The module of a rule's kind, typed for that rule. */
export const ruleModule = <K extends RuleKind>(rule: RuleOf<K>): RuleKindModule<K> =>
  RULES[rule.kind as K];

/** A rule from untrusted JSON, checked field by field (problems recorded on `c`). */
export function readRule(c: Checker, raw: unknown, path: string, maxPoints: number): Rule {
  const o = c.object(raw, path);
  const kind = c.oneOf(o.kind, `${path}.kind`, RULE_KINDS);
  const m = RULES[kind] as RuleKindModule<RuleKind>;
  c.noExtraFields(o, path, ['kind', ...m.fields]);
  return m.read(c, o, path, maxPoints);
}

export function checkRuleDirection(
  c: Checker,
  rule: Rule,
  direction: Direction,
  path: string,
): void {
  ruleModule(rule).checkDirection?.(c, rule, direction, path);
}

export const ruleParameters = (rule: Rule): RuleParameters =>
  ruleModule(rule).parameters?.(rule) ?? {};

export const ruleRows = (rule: Rule, maxPoints: number): RuleRows =>
  ruleModule(rule).rows?.(rule, maxPoints) ?? {};

/** The peer group of a relative rule (its points depend on other units), or null. */
export const peerGroupOf = (rule: Rule): 'all' | 'parent' | null =>
  RULES[rule.kind].relative ? (ruleParameters(rule).peers ?? null) : null;

/** The rule reading these measures, where the rule names its own (a `parts` rule). */
export const ruleWithMeasures = (rule: Rule, codes: readonly string[]): Rule =>
  ruleModule(rule).withMeasures?.(rule, codes) ?? rule;

/** The rule when its indicator's max points are multiplied by `factor`. */
export const scaleRule = (rule: Rule, factor: number): Rule =>
  ruleModule(rule).scale?.(rule, factor) ?? rule;

/** The fraction of max before the clamp: one CASE over the rule kind. */
export const rawFractionSql = `CASE kind\n    ${RULE_KINDS.map(
  (k) => `WHEN ${lit(k)} THEN ${RULES[k].fractionSql}`,
).join('\n    ')}\n  END`;

/** FALSE when the rule does not apply to a unit. */
export const applicableSql = `CASE kind ${RULE_KINDS.filter((k) => RULES[k].applicableSql)
  .map((k) => `WHEN ${lit(k)} THEN (${RULES[k].applicableSql})`)
  .join(' ')} ELSE TRUE END`;

/** The indicator a rule is described for: what `ruleText` needs of it. */
export interface RuleSubject {
  rule: Rule;
  maxPoints: number;
  direction: Direction;
  measures: readonly string[];
}

/**
 * A rule written out in words, in Vietnamese and English. `nameOf` gives measures their names,
 * so officers read "tỷ lệ “Hồ sơ giải quyết theo DVCTT toàn trình”" rather than a code; without
 * it (or for an unknown code) the code is shown.
 */
export function ruleText(
  x: RuleSubject,
  nameOf: (code: string) => LocalText | undefined = () => undefined,
): LocalText {
  const [a = 'a', b = 'b'] = x.measures;
  const named = (code: string, lang: Lang): string => {
    const n = nameOf(code)?.[lang];
    return n ? `“${n}”` : code;
  };
  const name = (code: string): LocalText => ({ vi: named(code, 'vi'), en: named(code, 'en') });
  const an = name(a);
  return ruleModule(x.rule).words(x.rule, {
    max: x.maxPoints,
    lower: x.direction === 'lower',
    a: an,
    b: name(b),
    // A named rate says what it is ("Tỷ lệ …"); a bare code gets the word.
    rate: { vi: an.vi === a ? `tỷ lệ ${a}` : an.vi, en: an.en === a ? `rate ${a}` : an.en },
  });
}

/** The worked formula of one unit's points under a rule kind. */
export const ruleFormula = (kind: RuleKind, w: Worked, lang: Lang): string =>
  RULES[kind].formula(w, lang);

/** A method text read for one indicator: the rule it states, or why it was not understood. */
export interface MethodReading {
  /** The rule, its direction and the measures it needs; null when the text was not understood
   * (the indicator then takes its points as given: rule `points`). */
  reading: Reading | null;
  /** What in the text the rule does not account for, or why no rule was read. Empty: sure. */
  doubts: LocalText[];
  /** Clauses that award points, as found. */
  clauses: MethodText['clauses'];
}

/** Kinds tried in order, the most specific first: each refuses a text that is not plainly its. */
const RECOGNISED: readonly RuleKind[] = ['ratio', 'percent', 'tiers', 'boolean', 'choice', 'parts'];

/**
 * The rule a published method text states, with the numbers taken from it. A text that states
 * no rule the app can apply, or one it can read only in part, is never guessed at: it comes back
 * without a reading, with what was found.
 */
export function readMethod(text: string, maxPoints: number, name: string): MethodReading {
  const m = readMethodText(text, maxPoints, name);
  if (m.text.trim() === '')
    return {
      reading: null,
      doubts: [{ vi: 'Không có cách tính điểm.', en: 'No scoring method given.' }],
      clauses: [],
    };
  for (const kind of RECOGNISED) {
    const reading = (RULES[kind] as RuleKindModule<RuleKind>).recognise?.(m) ?? null;
    if (!reading) continue;
    const doubts = (RULES[kind] as RuleKindModule<RuleKind>).doubts?.(reading.rule, m) ?? [];
    return { reading: doubts.length ? null : reading, doubts, clauses: m.clauses };
  }
  return {
    reading: null,
    doubts: [
      m.clauses.length === 0
        ? {
            vi: 'Không thấy mức điểm nào (": 20 điểm", ": Điểm tối đa", "Điểm = Tỷ lệ × Điểm tối đa").',
            en: 'No points found (": 20 điểm", ": Điểm tối đa", "Điểm = Tỷ lệ × Điểm tối đa").',
          }
        : {
            vi: `Có ${m.clauses.length} mức điểm nhưng không khớp cách tính nào (bậc, tỷ lệ, lựa chọn, có/không, từng phần).`,
            en: `${m.clauses.length} award(s) found, matching no known method (tiers, ratio, choice, yes/no, parts).`,
          },
    ],
    clauses: m.clauses,
  };
}
