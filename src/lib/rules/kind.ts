// One rule kind, whole: how its JSON is read and checked, the parameter rows it writes for the
// scoring SQL, its fraction of max points in SQL, its description in words, the worked formula of
// the explain chain, how a what-if on max points scales it, and how a published method text is
// read into it. Every face of a kind lives in its one module, so they cannot disagree.
import type { Checker } from '../framework/check';
import type { Direction, LocalText, MeasureKind, Rule, RuleKind } from '../framework/types';
import { formatNumber, type Lang } from '../i18n/format';
import type { MethodText } from './methodText';

export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

/** fw_indicators' parameter columns a kind may set (NULL where it does not). */
export interface RuleParameters {
  fullAt?: number;
  worst?: number;
  best?: number;
  peers?: 'all' | 'parent';
  clip?: number;
}

/** Rows of the rule tables (fw_rule_tiers, fw_rule_choices, fw_rule_parts) for one indicator. */
export interface RuleRows {
  tiers?: { at: number; strict: boolean; fraction: number }[];
  choices?: { folded: string; fraction: number }[];
  parts?: { slot: number; share: number; test: string; testValue: number | null }[];
}

/** The indicator as the words need it: its max, direction and the measures read, named. */
export interface WordsContext {
  max: number;
  lower: boolean;
  /** First and second measure: "“name”" when named, else the code. */
  a: LocalText;
  b: LocalText;
  /** The first measure as a rate: its name, or "tỷ lệ code" for a bare code. */
  rate: LocalText;
}

/** One unit's numbers for an indicator, as the explain chain shows them. */
export interface Worked {
  inputs: { value: number | null; text: string | null; missing: boolean }[];
  fraction: number;
  points: number;
  max: number;
  lower: boolean;
}

/** A measure a rule read from a method text needs, named after the text's own definition. */
export interface NeededInput {
  name: string;
  kind: MeasureKind;
}

/** A method text read into a rule of this kind. */
export interface Reading<K extends RuleKind = RuleKind> {
  rule: RuleOf<K>;
  direction: Direction;
  inputs: NeededInput[];
}

export interface RuleKindModule<K extends RuleKind> {
  kind: K;
  /** How many measures the rule reads, unless the rule names them itself (`measuresOf`). */
  measureCount: number;
  /** The measures a rule names itself, in order (a `parts` rule: one per part). */
  measuresOf?(rule: RuleOf<K>): string[];
  /** The rule naming these measures, for a rule that names its own (see `measuresOf`). */
  withMeasures?(rule: RuleOf<K>, codes: readonly string[]): RuleOf<K>;
  /** True when points depend on the other units in view (peers). */
  relative: boolean;
  /** JSON fields besides `kind`. */
  fields: readonly string[];
  read(c: Checker, o: Record<string, unknown>, path: string, maxPoints: number): RuleOf<K>;
  /** Parameters that only make sense one way round. */
  checkDirection?(c: Checker, rule: RuleOf<K>, direction: Direction, path: string): void;
  parameters?(rule: RuleOf<K>): RuleParameters;
  rows?(rule: RuleOf<K>, maxPoints: number): RuleRows;
  /**
   * The fraction of max before the clamp to [0, 1], over the columns of the indicator-points
   * step (see scoring/steps/indicatorPoints.ts): kind, higher, a, b, ta, max_points, full_at,
   * worst, best, clip, tier_fraction, choice_fraction, parts_got, peer_min/max/mean/sd.
   */
  fractionSql: string;
  /** FALSE when the rule does not apply to a unit (ratio with b = 0); always applies if absent. */
  applicableSql?: string;
  words(rule: RuleOf<K>, w: WordsContext): LocalText;
  /** The arithmetic with one unit's numbers, ending "= points". */
  formula(w: Worked, lang: Lang): string;
  /** The rule when the indicator's max points are multiplied by `factor` (a what-if). */
  scale?(rule: RuleOf<K>, factor: number): RuleOf<K>;
  /** The rule a published method text states, or null when the text does not state this kind. */
  recognise?(m: MethodText): Reading<K> | null;
  /** What the text says that the rule read from it does not account for (then not applied). */
  doubts?(rule: RuleOf<K>, m: MethodText): LocalText[];
}

export const defineRule = <K extends RuleKind>(m: RuleKindModule<K>): RuleKindModule<K> => m;

/** Numbers in words and formulas: up to 4 decimals, in the language's marks. */
export const num = (x: number, lang: Lang): string => formatNumber(x, lang, 4);

export const both = (f: (lang: Lang) => string): LocalText => ({ vi: f('vi'), en: f('en') });

export const ptsWord = (lang: Lang): string => (lang === 'vi' ? 'điểm' : 'pts');

/** The argument separator of a function written out: "min(a; 1)" in Vietnamese, "min(a, 1)". */
export const argSep = (lang: Lang): string => (lang === 'vi' ? '; ' : ', ');

/** "fraction × max = points pts", the common tail of a worked formula. */
export const timesMax = (w: Worked, lang: Lang, factor: string = num(w.fraction, lang)): string =>
  `${factor} × ${num(w.max, lang)} = ${num(w.points, lang)} ${ptsWord(lang)}`;
