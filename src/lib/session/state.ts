// What the session holds and the views show. The session writes it; in the page the object is
// the runes store (state/app.svelte.ts), whose fields are reactive, in Node tests a plain object.
import type { EngineMemory } from '../db/engineMemory';
import type { Framework, LocalText, MeasureDef, TargetProfile } from '../framework/types';
import type { StartStep } from '../i18n/startStrings';
import type { LoadReport } from '../ingest/loadReport';
import type { LoadProgress } from '../ingest/progress';
import type { RankingRow } from '../scoring/results';
import type { TabRole } from '../storage/tabLock';
import type { WhatIfEdit } from '../whatif/edits';
import type { LastResults } from '../workspace/lastResults';
import { SAMPLE } from '../workspace/sample';

export type Phase = 'starting' | 'busy' | 'ready' | 'failed';

export interface LoadingNow extends LoadProgress {
  file: string;
  /** Position of the file in the drop (0-based) and the number of files dropped. */
  index: number;
  count: number;
}

export interface SessionState {
  phase: Phase;
  frameworks: Framework[];
  profiles: TargetProfile[];
  frameworkId: string;
  profileId: string | null;
  years: number[];
  year: number | null;
  ranking: RankingRow[];
  reports: LoadReport[];
  /** Loads that still count; a replaced load stays listed, greyed, until an undo brings it back. */
  activeLoads: Set<number>;
  /** The measure catalog, for choosing what a column is. */
  measures: MeasureDef[];
  /** Indicators of the framework no unit has data for in the year shown. */
  lacking: string[];
  /** The district the view turned to after a drop of its units, for the note saying so. */
  newParent: { code: string; name: string } | null;
  /** The load whose columns the mapping view shows, or null when it is closed. */
  mappingLoad: number | null;
  /** Whether a drop adds to the data or sets aside what was there (an undo brings it back). */
  loadMode: 'append' | 'replace';
  /** Counts scorings: views re-read their tables when it changes. */
  scored: number;
  /** The load under way: which file of how many, its phase and how far it has come. */
  progress: LoadingNow | null;
  showingSample: boolean;
  /** Milliseconds from start to the first ranking on screen. */
  firstRankingMs: number | null;
  /** Where the start has come, while the phase is 'starting'. */
  start: StartStep;
  /** The results shown, marked, while the engine starts: as last scored, or the sample's. */
  lastResults: LastResults | null;
  /** What-if edits, oldest first; scoring applies them over the loaded data and frameworks. */
  edits: WhatIfEdit[];
  /** Milliseconds the last what-if edit took to re-score and re-read the ranking. */
  whatIfMs: number | null;
  /** Whether this tab saves the workspace, or another tab on it does (this one then saves nothing). */
  tabRole: TabRole;
  /** What the engine holds, as last read (after each change and on request). */
  engineMemory: EngineMemory | null;
  /** The units shown: a drop of another district's units turns it to them. */
  readonly view: { parent: string | null };
  /** Messages to the person: what failed or changed, and what to do. */
  readonly notices: { add(title: LocalText, error: unknown): void };
}

/** The state before the session starts: the sample's framework and plan chosen, nothing loaded. */
export function initialState(): Omit<SessionState, 'view' | 'notices'> {
  return {
    phase: 'starting',
    frameworks: [],
    profiles: [],
    frameworkId: SAMPLE.frameworkId,
    profileId: SAMPLE.profileId,
    years: [],
    year: null,
    ranking: [],
    reports: [],
    activeLoads: new Set(),
    measures: [],
    lacking: [],
    newParent: null,
    mappingLoad: null,
    loadMode: 'append',
    scored: 0,
    progress: null,
    showingSample: false,
    firstRankingMs: null,
    start: { step: 'engine', bytes: 0 },
    lastResults: null,
    edits: [],
    whatIfMs: null,
    tabRole: 'owner',
    engineMemory: null,
  };
}
