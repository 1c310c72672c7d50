import type { Framework, LocalText, TargetProfile } from '../framework/types';
import type { AffectedGrain } from './affected';
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
   * Set when each row is computed from its unit-year's inputs alone, its unit-year's and
   * indicator's, or its year's (or from those affected.ts adds to an edit): a value edit then
   * recomputes only the rows of the unit-years, unit-year-indicators or years it reaches.
   */
  partialBy?: AffectedGrain;
  describe: LocalText;
  /**
   * A step's SQL; in a partial run, a step that can reads only what the run recomputes, or a
   * superset of it (the pipeline keeps the affected rows).
   */
  sql: (s: ScoringSettings, partial?: PartialRun) => string;
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

/**
 * A partial run, after value edits alone: it recomputes the rows the affected tables name
 * (affected.ts); `scope` holds their units, years and indicators as constants when they are few.
 */
export interface PartialRun {
  scope?: Scope;
}
