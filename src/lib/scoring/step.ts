import type { Framework, LocalText, TargetProfile } from '../framework/types';
import type { Scope } from './scope';

/** Everything a replay of the pipeline depends on. A what-if edit is a changed setting. */
export interface ScoringSettings {
  framework: Framework;
  /** Target profile for the gaps step; null scores without targets. */
  profile: TargetProfile | null;
  /** Whether `what_if_values` holds values to set over the loaded ones. */
  whatIfValues: boolean;
}

/**
 * What a step reads: earlier steps' outputs, and the sources outside the pipeline — the loaded
 * data, the framework's and profile's tables, the what-if values. A replay runs a step again
 * only when its SQL or something it reads has changed.
 */
export type Source =
  | 'data'
  | 'framework'
  /** The groups' weights alone (a what-if weight): how main indices add up, not their points. */
  | 'weights'
  | 'profile'
  | 'whatIf'
  | (string & {});

/** One named, pure step: settings → SQL that builds its output table from earlier tables. */
export interface Step {
  name: string;
  output: string;
  /** True when the output is a view, computed on demand rather than stored. */
  view?: boolean;
  reads: readonly Source[];
  /**
   * True when each unit-year's rows are computed from that unit-year's inputs alone (or from
   * those affected.ts adds to an edit): a value edit then recomputes only the unit-years it reaches.
   */
  perUnitYear?: boolean;
  describe: LocalText;
  /**
   * A step computed per unit-year given a scope reads only the scope's unit-years (a superset
   * of those the pipeline keeps from it).
   */
  sql: (s: ScoringSettings, scope?: Scope) => string;
  /**
   * For a step whose rows for each key (a measure, an indicator) come from that key's inputs
   * alone: a run in steps builds its output a group of keys at a time, each group committed, so
   * that no statement holds a national set's working state at once.
   */
  inGroups?: {
    /** SQL listing the keys (`key`) in order, with the rows computing each reads (`n`). */
    keysSql: (s: ScoringSettings) => string;
    /** The step's SQL restricted to these keys. */
    sql: (s: ScoringSettings, keys: readonly string[]) => string;
  };
}
