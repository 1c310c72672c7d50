import type { Framework, LocalText, TargetProfile } from '../framework/types';

/** Everything a replay of the pipeline depends on. A what-if edit is a changed setting. */
export interface ScoringSettings {
  framework: Framework;
  /** Target profile for the gaps step; null scores without targets. */
  profile: TargetProfile | null;
}

/** One named, pure step: settings → SQL that builds its output table from earlier tables. */
export interface Step {
  name: string;
  output: string;
  /** True when the output is a view, computed on demand rather than stored. */
  view?: boolean;
  describe: LocalText;
  sql: (s: ScoringSettings) => string;
}
