// The validated, typed shapes of frameworks, measure catalogs and target profiles.
// Raw JSON from files is checked field by field (validateFramework.ts, validateTargets.ts,
// validateMeasures.ts) before it becomes one of these.

export type Level = 'tinh' | 'huyen' | 'xa';

export type { LocalText } from '../i18n/localText';
import type { LocalText } from '../i18n/localText';

/**
 * How a raw value in a spreadsheet column is read. `rate` values are normalised to 0–1; `date`
 * values are written day first (dd/mm/yyyy) and kept as dates, not numbers.
 */
export type MeasureKind = 'rate' | 'count' | 'number' | 'boolean' | 'choice' | 'text' | 'date';

/** `auto`: a rate column whose largest value is above 1 is read as 0–100 and divided by 100. */
export type RateScale = 'auto' | 'fraction' | 'percent';

export interface MeasureDef {
  code: string;
  name: LocalText;
  kind: MeasureKind;
  /** Unit of a count or number, e.g. "camera", "hộ". */
  unit?: string;
  scale?: RateScale;
  /** Which way is better, for targets written as a range; higher when not said. */
  direction?: Direction;
  description?: LocalText;
  /**
   * Other names officials give the same quantity in their tables ("Tỷ lệ hồ sơ trực tuyến"):
   * the header matcher reads them like the name; a column under one is still a guess to confirm.
   */
  aliases?: string[];
}

export interface MeasureCatalog {
  schema: 'dti-lab/measures@1';
  measures: MeasureDef[];
}

export type Direction = 'higher' | 'lower';

export interface Tier {
  /** Threshold: reached when value ≥ at (direction higher) or value ≤ at (direction lower). */
  at: number;
  points: number;
  /** Reached only past the threshold: value > at ("trên 80 %"), or < at when lower is better. */
  strict?: boolean;
}

export interface ChoiceOption {
  /** Answers accepted for this option, compared after NFC + diacritic folding + lower case. */
  match: string[];
  label: LocalText;
  /** Share of the indicator's max points, 0–1. */
  fraction: number;
}

export type PartTest =
  { kind: 'yes' } | { kind: 'atLeast'; value: number } | { kind: 'atMost'; value: number };

export interface Part {
  measure: string;
  /** Share of the indicator's max points, 0–1; shares of one indicator sum to at most 1. */
  share: number;
  test: PartTest;
  label: LocalText;
}

export type Rule =
  | { kind: 'ratio' }
  | { kind: 'percent'; fullAt?: number }
  | { kind: 'tiers'; tiers: Tier[] }
  | { kind: 'choice'; options: ChoiceOption[] }
  | { kind: 'boolean' }
  | { kind: 'parts'; parts: Part[] }
  | { kind: 'goalpost'; worst: number; best: number }
  | { kind: 'minmax'; peers: 'all' | 'parent' }
  | { kind: 'zscore'; peers: 'all' | 'parent'; clip: number }
  /** The value is the points themselves (as appraised or published), capped at max. */
  | { kind: 'points' };

export type RuleKind = Rule['kind'];

export interface Indicator {
  code: string;
  name: LocalText;
  mainIndex: string;
  maxPoints: number;
  rule: Rule;
  /** Measures the rule reads, in order (ratio: [numerator, denominator]; parts: one per part). */
  measures: string[];
  direction: Direction;
}

export interface MainIndex {
  code: string;
  name: LocalText;
  maxPoints: number;
  scored: boolean;
  /** Pillar code, only where the framework defines pillars. */
  pillar: string | null;
  /** Free grouping label, e.g. "nền tảng chung" / "hoạt động" in QĐ 922. */
  group?: LocalText;
}

export interface Pillar {
  code: string;
  name: LocalText;
}

export type Aggregation =
  /**
   * Σ points ÷ Σ max points. `weights` (a what-if, or a published variant) lets a main index
   * count with another weight than its max points: each one's points and max are scaled by
   * weight ÷ max, so without weights, or with weights equal to the max points, nothing changes.
   */
  | { method: 'points'; weights?: Record<string, number> }
  | { method: 'weighted'; by: 'pillar' | 'mainIndex'; weights: Record<string, number> }
  | { method: 'geometric' };

export type MissingPolicy =
  | { policy: 'zero' }
  | { policy: 'exclude' }
  | { policy: 'impute'; method: 'carryForward' | 'groupMedian' };

export interface Band {
  code: string;
  name: LocalText;
  /** Lowest total (0–1) that falls in this band. */
  min: number;
}

export interface Framework {
  schema: 'dti-lab/framework@1';
  id: string;
  title: LocalText;
  decision: string;
  level: Level;
  years: { from: number; to: number | null };
  /** True for frameworks written to illustrate the product, not an official set. */
  illustrative: boolean;
  note?: LocalText;
  pillars: Pillar[];
  mainIndices: MainIndex[];
  indicators: Indicator[];
  measures: MeasureDef[];
  aggregation: Aggregation;
  missing: MissingPolicy;
  bands: Band[];
  /** Decimals of the 0–1 total used for ranking, so equal published values tie. */
  rankDecimals: number;
}

/**
 * How a plan states a target: `>`/`<` strictly ("trên", "dưới"), `>=`/`<=` ("tối thiểu", "không
 * quá"), `=`; `range` is a level to reach written as two numbers ("đạt 15–20 %"), met from its low
 * end for a higher-is-better measure and up to its high end for a lower-is-better one; `band` keeps
 * the value inside both ends ("giữ trong khoảng").
 */
export type Comparator = '>=' | '>' | '<=' | '<' | '=' | 'range' | 'band';

export interface Target {
  id: string;
  measure: string;
  comparator: Comparator;
  /** Rates as fractions 0–1; counts as numbers. For `range` and `band`, the low end. */
  value: number;
  /** For `range` and `band`: the high end. */
  high?: number;
  deadline: number;
  /** The sentence of the plan this target comes from, verbatim. */
  quote: string;
  section?: string;
}

export interface TargetProfile {
  schema: 'dti-lab/targets@1';
  id: string;
  title: LocalText;
  unit: { code: string; name: string; level: Level; parentCode?: string; parentName?: string };
  plan: { title: string; year: number; source: string };
  baselineYear?: number;
  targets: Target[];
}
