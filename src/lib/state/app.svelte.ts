// The state the components read, as runes: the session's state (it writes these fields; each
// is reactive), the language, the view and the notices. Its actions are the session's, once
// main.ts has given it one.
import type { Engine } from '../db/engine';
import type { EngineMemory } from '../db/engineMemory';
import type { Row } from '../db/rows';
import type { Framework, MeasureDef, TargetProfile } from '../framework/types';
import type { Lang } from '../i18n/format';
import type { StartStep } from '../i18n/startStrings';
import type { LoadReport } from '../ingest/loadReport';
import type { RankingRow } from '../scoring/results';
import type { Session } from '../session/session';
import { initialState, type LoadingNow, type Phase, type SessionState } from '../session/state';
import type { TabRole } from '../storage/tabLock';
import { ViewState } from '../view/viewState.svelte';
import type { WhatIfEdit } from '../whatif/edits';
import type { LastResults } from '../workspace/lastResults';
import { Notices } from './notices.svelte';

export type { LoadingNow, Phase } from '../session/state';

const start = initialState();

class AppState implements SessionState {
  lang = $state<Lang>('vi');
  phase = $state<Phase>(start.phase);
  frameworks = $state.raw<Framework[]>(start.frameworks);
  profiles = $state.raw<TargetProfile[]>(start.profiles);
  frameworkId = $state(start.frameworkId);
  profileId = $state<string | null>(start.profileId);
  years = $state.raw<number[]>(start.years);
  year = $state<number | null>(start.year);
  ranking = $state.raw<RankingRow[]>(start.ranking);
  reports = $state.raw<LoadReport[]>(start.reports);
  activeLoads = $state.raw<Set<number>>(start.activeLoads);
  measures = $state.raw<MeasureDef[]>(start.measures);
  lacking = $state.raw<string[]>(start.lacking);
  newParent = $state<{ code: string; name: string } | null>(start.newParent);
  mappingLoad = $state<number | null>(start.mappingLoad);
  loadMode = $state<'append' | 'replace'>(start.loadMode);
  scored = $state(start.scored);
  progress = $state.raw<LoadingNow | null>(start.progress);
  showingSample = $state(start.showingSample);
  firstRankingMs = $state<number | null>(start.firstRankingMs);
  start = $state.raw<StartStep>(start.start);
  lastResults = $state.raw<LastResults | null>(start.lastResults);
  edits = $state.raw<WhatIfEdit[]>(start.edits);
  whatIfMs = $state<number | null>(start.whatIfMs);
  tabRole = $state<TabRole>(start.tabRole);
  engineMemory = $state.raw<EngineMemory | null>(start.engineMemory);
  readonly notices = new Notices();
  readonly view = new ViewState();

  #session: Session | null = null;

  /** The session whose state this is (main.ts makes it, on this store). */
  attach(session: Session): void {
    this.#session = session;
  }

  get session(): Session {
    if (!this.#session) throw new Error('the app has no session yet');
    return this.#session;
  }

  get framework(): Framework | undefined {
    return this.frameworks.find((f) => f.id === this.frameworkId);
  }

  get ready(): Promise<void> {
    return this.session.ready;
  }

  query(sql: string): Promise<Row[]> {
    return this.session.query(sql);
  }

  read<T>(reader: (engine: Engine) => Promise<T>): Promise<T> {
    return this.session.read(reader);
  }

  settled(): Promise<void> {
    return this.session.settled();
  }

  saved(): Promise<void> {
    return this.session.saved();
  }
}

export const app = new AppState();
