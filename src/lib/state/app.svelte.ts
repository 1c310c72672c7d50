// The app's state and the only place it changes. Components read it and call its actions;
// the engine is started lazily so the first paint does not wait for 30 MB of wasm.
import type { FormRole } from '../ingest/formColumns';
import { assessedFrameworkId } from '../framework/assessedFramework';
import type { Engine } from '../db/engine';
import { toRows, type Row } from '../db/rows';
import { litList } from '../sql/quote';
import { loadBuiltins } from '../framework/builtin';
import type { Framework, LocalText, MeasureDef, TargetProfile } from '../framework/types';
import {
  rememberMapping,
  rememberMappings,
  rememberedMapping,
  rememberedMappings,
} from './mappingMemory';
import { columnsToMap, withGuessesAccepted, type MappingChoice } from '../ingest/columnMapping';
import { readSpecFile } from '../framework/readSpecFile';
import { Notices } from './notices.svelte';
import { SerialQueue } from './serialQueue';
import { ViewState } from '../view/viewState.svelte';
import type { ViewChoice } from '../view/viewUrl';
import { IngestError } from '../ingest/errors';
import type { LoadReport } from '../ingest/loadReport';
import type { LoadOptions } from '../ingest/loadInput';
import type { LoadControl, LoadProgress } from '../ingest/progress';
import { blobOf, bytesByKey } from '../ingest/inputFile';
import type { RateScale } from '../ingest/rateScales';
import type { Lang } from '../i18n/format';
import {
  readIndicatorsWithoutData,
  readLoadedLevels,
  readParentsOfLoads,
  readRanking,
  readYears,
  type RankingRow,
} from '../scoring/results';
import { openWorkspace, type InputFile, type Workspace } from '../workspace/workspace';
import {
  readSavedFile,
  readSavedWorkspace,
  writeSavedWorkspace,
  type SavedWorkspace,
} from '../workspace/savedWorkspace';
import { LoadLedger, readChoicesOf } from '../workspace/loadLedger';
import { clearLoadMark, markLoad, takeInterruptedLoad } from '../workspace/loadMark';
import { appStorage } from './storage';
import type { KeyValueStore } from '../storage/keyValue';
import type { Backup } from '../workspace/backup';
import { saveNotebook } from '../notebook/library';
import type { TabRole } from '../storage/tabLock';
import { readEngineMemory, type EngineMemory } from '../db/engineMemory';
import type { WhatIfEdit } from '../whatif/edits';
import { DROP_SNAPSHOT_SQL, SNAPSHOT_SQL } from '../whatif/beforeAfter';
import sampleUrl from '../../../data-samples/nam-dan-2023-2024.csv?url';
import sampleResults from '../../../data-samples/nam-dan-2023-2024.results.json';
import { SAY } from '../i18n/stateMessages';
import type { StartStep } from '../i18n/startStrings';
import {
  forgetLastResults,
  lastResultsOf,
  readLastResults,
  validateLastResults,
  writeLastResults,
  type LastResults,
} from '../workspace/lastResults';
import { SAMPLE } from '../workspace/sample';

export const DEFAULT_FRAMEWORK = SAMPLE.frameworkId;
export const DEFAULT_PROFILE = SAMPLE.profileId;
const SAMPLE_NAME = SAMPLE.file;

export type Phase = 'starting' | 'busy' | 'ready' | 'failed';

export interface LoadingNow extends LoadProgress {
  file: string;
  /** Position of the file in the drop (0-based) and the number of files dropped. */
  index: number;
  count: number;
}

class AppState {
  lang = $state<Lang>('vi');
  phase = $state<Phase>('starting');
  frameworks = $state.raw<Framework[]>([]);
  profiles = $state.raw<TargetProfile[]>([]);
  frameworkId = $state(DEFAULT_FRAMEWORK);
  profileId = $state<string | null>(DEFAULT_PROFILE);
  years = $state.raw<number[]>([]);
  year = $state<number | null>(null);
  ranking = $state.raw<RankingRow[]>([]);
  reports = $state.raw<LoadReport[]>([]);
  /** Loads that still count; a replaced load stays listed, greyed, until an undo brings it back. */
  activeLoads = $state.raw<Set<number>>(new Set());
  /** The measure catalog, for choosing what a column is. */
  measures = $state.raw<MeasureDef[]>([]);
  /** Indicators of the framework no unit has data for in the year shown. */
  lacking = $state.raw<string[]>([]);
  /** The district the view turned to after a drop of its units, for the note saying so. */
  newParent = $state<{ code: string; name: string } | null>(null);
  /** The load whose columns the mapping view shows, or null when it is closed. */
  mappingLoad = $state<number | null>(null);
  loadMode = $state<'append' | 'replace'>('append');
  readonly notices = new Notices();
  readonly view = new ViewState();
  /** Counts scorings: views re-read their tables when it changes. */
  scored = $state(0);
  /** The load under way: which file of how many, its phase and how far it has come. */
  progress = $state.raw<LoadingNow | null>(null);
  showingSample = $state(false);
  /** Milliseconds from start to the first ranking on screen. */
  firstRankingMs = $state<number | null>(null);
  /** Where the start has come, while the phase is 'starting'. */
  start = $state.raw<StartStep>({ step: 'engine', bytes: 0 });
  /** The results shown, marked, while the engine starts: as last scored, or the sample's. */
  lastResults = $state.raw<LastResults | null>(null);
  /** What-if edits, oldest first; scoring applies them over the loaded data and frameworks. */
  edits = $state.raw<WhatIfEdit[]>([]);
  /** Milliseconds the last what-if edit took to re-score and re-read the ranking. */
  whatIfMs = $state<number | null>(null);
  /** Whether this tab saves the workspace, or another tab on it does (this one then saves nothing). */
  tabRole = $state<TabRole>('owner');
  /** What the engine holds, as last read (after each change and on request). */
  engineMemory = $state.raw<EngineMemory | null>(null);

  #workspace: Workspace | null = null;
  /** Each load's file and how it was read: to read it again, to save it, to send it. */
  #ledger = new LoadLedger();
  /** Frameworks and profiles that ship with the app. */
  #builtinIds: string[] = [];
  /** Saves run one after another, in the order of the changes. */
  #saving: Promise<void> = Promise.resolve();
  #tasks = new SerialQueue();
  /** Stops the drop being loaded; null when nothing is loading. */
  #abort: AbortController | null = null;
  /** Whether `what_if_before` holds the scores without edits for the data and choices now. */
  #snapshot = false;
  /** Told when a new engine has replaced the old one: what lived in the old one is gone. */
  #restartListeners: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.#queue(() => this.#start());
  }

  get framework(): Framework | undefined {
    return this.frameworks.find((f) => f.id === this.frameworkId);
  }

  get engine(): Engine {
    if (!this.#workspace) throw new Error('the engine has not started yet');
    return this.#workspace.engine;
  }

  async #start(): Promise<void> {
    const t0 = performance.now();
    try {
      const storage = await appStorage();
      if (storage.refused) this.#notify(storage.refused.text, storage.refused.cause);
      this.tabRole = storage.lock.role;
      storage.lock.onLost(() => (this.tabRole = 'elsewhere'));
      await this.#showLastResults(storage.store);
      await this.#reportInterruptedLoad();
      await this.#boot();
      this.firstRankingMs = performance.now() - t0;
      this.phase = 'ready';
    } catch (e) {
      this.phase = 'failed';
      this.#notify(SAY.engineNotStarted, e);
      throw e;
    }
  }

  /**
   * The results of the saved workspace as last scored, or the sample's for a first visit: on
   * screen at once, marked, until the engine has scored them again.
   */
  async #showLastResults(store: KeyValueStore): Promise<void> {
    const saved = await readSavedWorkspace(store);
    const results = saved
      ? await readLastResults(store).catch(() => null)
      : validateLastResults(sampleResults);
    if (!results) return;
    // Their framework's name, when it is one the app ships.
    this.frameworks = loadBuiltins().frameworks;
    this.lastResults = results;
  }

  /** A new engine with the workspace as saved (or the sample, when nothing is), scored. */
  async #boot(): Promise<void> {
    this.start = { step: 'engine', bytes: 0 };
    const { startBrowserEngine } = await import('../db/browserEngine');
    const { readWorkbookInWorker } = await import('../ingest/readWorkbookInWorker');
    const builtins = loadBuiltins();
    this.#builtinIds = [...builtins.frameworks, ...builtins.profiles].map((b) => b.id);
    const engine = await startBrowserEngine((bytes) => (this.start = { step: 'engine', bytes }));
    this.start = { step: 'workspace' };
    this.#workspace = await openWorkspace(engine, builtins, readWorkbookInWorker);
    this.frameworks = this.#workspace.frameworks();
    this.measures = this.#workspace.measures();
    this.profiles = this.#workspace.profiles();
    const { store } = await appStorage();
    const saved = await readSavedWorkspace(store);
    this.start = saved ? { step: 'restore', files: saved.loads.length } : { step: 'sample' };
    if (saved) await this.#restore(saved, (key) => readSavedFile(store, key));
    else await this.#loadSample();
    this.start = { step: 'score' };
    // Restored data that will not score leaves the app usable, with the reason on screen.
    await this.#rescore().catch((e: unknown) => this.#notify(SAY.scoringFailed, e));
  }

  /**
   * The drop that was loading when the tab was closed or crashed never reached the saved
   * workspace, which is as it was before; the person is told which files to load again.
   */
  async #reportInterruptedLoad(): Promise<void> {
    // Another tab's note is that tab's to read: its load may still be under way.
    if (this.tabRole !== 'owner') return;
    const { store } = await appStorage();
    const files = await takeInterruptedLoad(store);
    if (!files) return;
    this.#notify(SAY.interruptedLoad(files), null);
  }

  /**
   * Stops the engine and starts a new one from the saved workspace: gives back all the memory
   * the old one held, and gets the app going again after the engine failed.
   */
  restartEngine(): Promise<void> {
    return this.#queue(() => this.#restart());
  }

  /**
   * A backup in place of the saved workspace, then a new engine that loads it. Its notebooks
   * are put back beside the others (same id: the backup's copy).
   */
  restoreBackup(backup: Backup): Promise<void> {
    return this.#queue(async () => {
      await this.#saving;
      const { store } = await appStorage();
      for (const nb of backup.notebooks) await saveNotebook(store, nb);
      await writeSavedWorkspace(store, backup.workspace, (key) => backup.files.get(key));
      // Until it is scored, the backup has no results to show.
      await forgetLastResults(store);
      await this.#restart(null);
    });
  }

  /** `shown`: the results to show, marked, until the new engine has scored them again. */
  async #restart(shown: LastResults | null = this.#resultsNow()): Promise<void> {
    await this.#saving;
    const old = this.#workspace;
    this.phase = 'starting';
    this.lastResults = shown;
    this.#workspace = null;
    this.#ledger = new LoadLedger();
    this.#snapshot = false;
    this.reports = [];
    this.ranking = [];
    this.engineMemory = null;
    // An engine that has failed may not close cleanly; it is let go either way.
    await old?.engine.close().catch(() => undefined);
    try {
      await this.#boot();
      this.phase = 'ready';
    } catch (e) {
      this.phase = 'failed';
      this.#notify(SAY.engineNotRestarted, e);
    }
    for (const listener of this.#restartListeners) listener();
  }

  /**
   * The workspace as it is now with the bytes of every file it names (one that did not restore
   * is still in storage): what a backup holds besides the notebooks.
   */
  async backupContent(): Promise<Omit<Backup, 'notebooks'>> {
    await this.settled();
    await this.#saving;
    const saved = this.#ledger.saved(this.reports, this.frameworkId, this.profileId);
    const kept = this.#ledger.filesByKey();
    const { store } = await appStorage();
    for (const load of saved.loads)
      if (!kept.has(load.file)) {
        const data = await readSavedFile(store, load.file);
        if (data) kept.set(load.file, data);
      }
    const files = await bytesByKey(kept);
    const loads = saved.loads.filter((l) => files.has(l.file));
    return {
      workspace: { ...saved, loads, edits: this.edits, mappings: rememberedMappings() },
      files,
    };
  }

  /** `listener` runs after each engine restart (notebooks drop their results then). */
  onEngineRestart(listener: () => void): void {
    this.#restartListeners.push(listener);
  }

  /** Reads how much memory the engine holds now, in turn with the other work. */
  refreshEngineMemory(): Promise<void> {
    return this.#queue(async () => {
      if (this.#workspace) this.engineMemory = await readEngineMemory(this.#workspace.engine);
    });
  }

  async #loadSample(): Promise<void> {
    const ws = this.#workspace!;
    const input = { name: SAMPLE_NAME, data: await (await fetch(sampleUrl)).blob() };
    const report = await ws.loadFile(input);
    await this.#ledger.remember(report, input);
    this.reports = [report];
    this.activeLoads = await activeLoads(ws);
    this.showingSample = true;
  }

  /**
   * The workspace as it was saved: frameworks and profiles, then each load in its drop, read
   * with the same choices. A file that no longer loads is reported; the others still come back.
   */
  async #restore(
    saved: SavedWorkspace,
    fileOf: (key: string) => Promise<Blob | undefined>,
  ): Promise<void> {
    const ws = this.#workspace!;
    for (const text of saved.specs) {
      try {
        await this.#registerSpec(ws, text);
        this.#ledger.addSpec(text);
      } catch (e) {
        this.#notify(SAY.frameworkNotRestored, e);
      }
    }
    const batches: Record<number, number> = {};
    const reports: LoadReport[] = [];
    for (const load of saved.loads) {
      try {
        const data = await fileOf(load.file);
        if (!data) throw new Error(`the saved copy of "${load.name}" is missing`);
        const input = { name: load.name, data };
        const batch = batches[load.batch];
        // Read with exactly the saved choices: mappings remembered since then do not apply.
        const report = await ws.loadFile(input, {
          ...load.choices,
          ...(batch === undefined ? {} : { batch }),
          replace: load.replace,
        });
        batches[load.batch] = report.batch ?? report.loadId;
        await this.#ledger.remember(report, input, load.replace);
        this.#adoptFramework(ws, report);
        reports.push(report);
      } catch (e) {
        this.#ledger.keepUnrestored(load);
        this.#notify(SAY.fileNotRestored(load.name), e);
      }
    }
    this.reports = reports;
    this.activeLoads = await activeLoads(ws);
    this.showingSample = onlySample(reports, this.activeLoads);
    if (this.frameworks.some((f) => f.id === saved.frameworkId))
      this.frameworkId = saved.frameworkId;
    if (saved.profileId === null || this.profiles.some((p) => p.id === saved.profileId))
      this.profileId = saved.profileId;
    // Scoring applies them (edits of a framework or plan no longer here are kept, doing nothing).
    this.edits = saved.edits ?? [];
    // What this browser remembers wins: the saved copy may be older than a later choice.
    if (saved.mappings) rememberMappings({ ...saved.mappings, ...rememberedMappings() });
  }

  /** Saves the workspace after a change; a failed save is said, and the work goes on. */
  #save(): void {
    const saved = {
      ...this.#ledger.saved(this.reports, this.frameworkId, this.profileId),
      edits: this.edits,
      mappings: rememberedMappings(),
    };
    const files = this.#ledger.filesByKey();
    this.#saving = this.#saving
      .then(async () => {
        const { store } = await appStorage();
        await writeSavedWorkspace(store, saved, (key) => files.get(key));
      })
      .catch((e: unknown) => this.#notify(SAY.notSaved, e));
  }

  /** The data as it counts now (loads still active), for a notebook sent with its data. */
  async dataToSend(): Promise<{ workspace: SavedWorkspace; files: Map<string, Uint8Array> }> {
    const sent = this.#ledger.toSend(
      this.reports,
      this.activeLoads,
      this.frameworkId,
      this.profileId,
    );
    return { workspace: sent.workspace, files: await bytesByKey(sent.files) };
  }

  /**
   * Data that came with a notebook: loaded as one drop that sets aside what was there (an undo
   * brings it back), with the sender's choices, framework and target profile.
   */
  openSentData(saved: SavedWorkspace, files: Map<string, Uint8Array>): Promise<void> {
    return this.#queue(async () => {
      const ws = this.#workspace!;
      for (const text of saved.specs) {
        // A sent framework may add to the app's, never stand in for a built-in one.
        const id = specId(text);
        if (id && this.#builtinIds.includes(id)) {
          this.#notify(SAY.sentFrameworkClash(id), null);
          continue;
        }
        await this.#registerSpec(ws, text);
        this.#ledger.addSpec(text);
      }
      const done: LoadReport[] = [];
      for (const load of saved.loads) {
        const input = { name: load.name, data: blobOf(files.get(load.file)!) };
        try {
          const batch = done[0]?.batch;
          const report = await ws.loadFile(input, {
            ...load.choices,
            ...(batch === undefined ? {} : { batch }),
            replace: true,
          });
          await this.#ledger.remember(report, input, batch === undefined);
          this.#adoptFramework(ws, report);
          done.push(report);
        } catch (e) {
          this.#notify(SAY.fileNotLoaded(load.name), e);
        }
      }
      this.reports = [...this.reports, ...done];
      this.activeLoads = await activeLoads(ws);
      this.showingSample = false;
      if (this.frameworks.some((f) => f.id === saved.frameworkId))
        this.frameworkId = saved.frameworkId;
      if (saved.profileId === null || this.profiles.some((p) => p.id === saved.profileId))
        this.profileId = saved.profileId;
      await this.#rescore();
      this.#save();
    });
  }

  /** Resolves when every save started so far is written. */
  saved(): Promise<void> {
    return this.#saving;
  }

  /**
   * Loads each file: data (CSV) into the workspace, frameworks and target profiles (JSON) into
   * the selectors. A file that fails leaves everything loaded before it untouched.
   */
  loadFiles(files: readonly (File | InputFile)[]): Promise<LoadReport[]> {
    return this.#queue(() => this.#loadFiles(files));
  }

  async #loadFiles(files: readonly (File | InputFile)[]): Promise<LoadReport[]> {
    await this.ready;
    const ws = this.#workspace!;
    this.phase = 'busy';
    const done: LoadReport[] = [];
    let changed = false;
    const abort = new AbortController();
    this.#abort = abort;
    const { store } = await appStorage();
    await markLoad(
      store,
      files.map((f) => f.name),
    ).catch(() => undefined);
    try {
      for (const [index, file] of files.entries()) {
        const control: LoadControl = {
          signal: abort.signal,
          onProgress: (p) => {
            this.progress = { file: file.name, index, count: files.length, ...p };
          },
        };
        try {
          // A dropped file is read where it lies, as the load needs its parts.
          const input = file instanceof File ? { name: file.name, data: file } : file;
          if (/\.json$/i.test(input.name)) {
            const text = await input.data.text();
            await this.#registerSpec(ws, text);
            this.#ledger.addSpec(text);
          } else {
            // The first file of a drop opens its batch; in replace mode the drop's data sets
            // aside everything loaded before it (frameworks and targets set nothing aside).
            const batch = done[0]?.batch;
            const replace = this.loadMode === 'replace';
            const report = await ws.loadFile(input, {
              ...(batch === undefined ? {} : { batch }),
              replace,
              remembered: rememberedMapping,
              ...control,
            });
            await this.#ledger.remember(report, input, replace && batch === undefined);
            this.#adoptFramework(ws, report);
            done.push(report);
          }
          changed = true;
        } catch (e) {
          this.#notify(SAY.fileNotLoaded(file.name), e);
          // A cancel stops the whole drop: the files after this one are not read either.
          if (e instanceof IngestError && e.code === 'cancelled') break;
        }
      }
      this.progress = null;
      this.#abort = null;
      if (done.length > 0) {
        this.reports = [...this.reports, ...done];
        // The mapping view opens on the last file of the drop with columns to look at.
        const toMap = [...done].reverse().find((r) => columnsToMap(r).length > 0);
        if (toMap) this.mappingLoad = toMap.loadId;
        this.activeLoads = await activeLoads(ws);
        this.showingSample = false;
        await this.#rankByForms(done);
        await this.#fitFrameworkTo(done.map((r) => r.loadId));
      }
      if (changed) {
        const newest = Math.max(0, ...done.map((r) => r.year ?? 0));
        await this.#rescore(newest || null).catch((e: unknown) =>
          this.#notify(SAY.scoringFailed, e),
        );
        await this.#turnToNewUnits(done);
        this.#save();
      }
    } finally {
      this.progress = null;
      this.#abort = null;
      this.phase = 'ready';
      // After the drop's result is saved (or nothing came of it), the note goes.
      this.#saving = this.#saving.then(() => clearLoadMark(store).catch(() => undefined));
    }
    return done;
  }

  /** Stops the load under way at its next step; what it had written is taken back. */
  cancelLoad(): void {
    this.#abort?.abort();
  }

  /**
   * Stops the notebook statement the engine is running. Not queued: the run holds the queue
   * until its statement ends, which is the point.
   */
  async cancelQuery(): Promise<void> {
    await this.#workspace?.engine.cancel();
  }

  async query(sql: string): Promise<Row[]> {
    await this.ready;
    return toRows(await this.engine.query(sql));
  }

  setFramework(id: string): Promise<void> {
    return this.#queue(async () => {
      this.frameworkId = id;
      await this.#rescore();
      this.#save();
    });
  }

  setProfile(id: string | null): Promise<void> {
    return this.#queue(async () => {
      this.profileId = id;
      await this.#rescore();
      this.#save();
    });
  }

  /**
   * Reads result tables for a view, in turn with scoring: a read never sees a pipeline half
   * way through its transaction.
   */
  read<T>(reader: (engine: Engine) => Promise<T>): Promise<T> {
    return this.#queue(() => reader(this.engine));
  }

  /** The framework, profile and year of a link or of Back/Forward, where they exist here. */
  applyChoice(v: ViewChoice): Promise<void> {
    return this.#queue(async () => {
      let changed = false;
      if (
        v.framework &&
        v.framework !== this.frameworkId &&
        this.frameworks.some((f) => f.id === v.framework)
      ) {
        this.frameworkId = v.framework;
        changed = true;
      }
      const profile = v.profile === 'none' ? null : v.profile;
      if (
        v.profile &&
        profile !== this.profileId &&
        (profile === null || this.profiles.some((p) => p.id === profile))
      ) {
        this.profileId = profile;
        changed = true;
      }
      if (changed) {
        await this.#rescore(v.year);
        this.#save();
      } else if (v.year !== null && v.year !== this.year && this.years.includes(v.year)) {
        await this.#showYear(v.year);
      }
    });
  }

  setYear(year: number): Promise<void> {
    return this.#queue(() => this.#showYear(year));
  }

  /** Reads a loaded file again with another sheet or text encoding, in the same place. */
  reloadWith(loadId: number, options: LoadOptions): Promise<void> {
    return this.#queue(async () => {
      const ws = this.#workspace!;
      const input = this.#ledger.input(loadId);
      const old = this.reports.find((r) => r.loadId === loadId);
      if (!input || !old) return;
      try {
        // What the person chose before (sheet, encoding, shape) holds unless chosen again.
        const report = await ws.loadFile(input, {
          remembered: rememberedMapping,
          ...readChoicesOf(old),
          ...options,
          ...(old.batch === undefined ? {} : { batch: old.batch }),
        });
        await ws.removeLoad(loadId);
        this.#ledger.forget(loadId);
        await this.#ledger.remember(report, input);
        // All three at once: in between, a view keyed on the load (the mapping view) saw none.
        const active = await activeLoads(ws);
        this.reports = this.reports.map((r) => (r.loadId === loadId ? report : r));
        if (this.mappingLoad === loadId) this.mappingLoad = report.loadId;
        this.activeLoads = active;
        this.#refreshSpecs(ws);
        this.#adoptFramework(ws, report);
        await this.#fitFrameworkTo([report.loadId]);
        await this.#rescore(report.year);
        this.#save();
      } catch (e) {
        this.#notify(SAY.fileNotReloaded(input.name), e);
      }
    });
  }

  /**
   * The person says what a column is (a measure code, or null: do not load it). The choice is
   * remembered for files with the same header and the file is read again with it.
   */
  remapColumn(loadId: number, column: string, measure: MappingChoice): Promise<void> {
    const report = this.reports.find((r) => r.loadId === loadId);
    if (!report) return Promise.resolve();
    const mapping = { ...report.mapping, [column]: measure };
    rememberMapping(report.signature, mapping);
    return this.reloadWith(loadId, { mapping });
  }

  /** Every guessed column of a load confirmed at once: remembered, and the file read again. */
  acceptGuesses(loadId: number): Promise<void> {
    const report = this.reports.find((r) => r.loadId === loadId);
    if (!report) return Promise.resolve();
    const mapping = withGuessesAccepted(report);
    rememberMapping(report.signature, mapping);
    return this.reloadWith(loadId, { mapping });
  }

  /** The person says what a column of a form, framework or targets table is: read again so. */
  setFormRole(loadId: number, column: string, role: FormRole | null): Promise<void> {
    const report = this.reports.find((r) => r.loadId === loadId);
    if (!report) return Promise.resolve();
    return this.reloadWith(loadId, { formRoles: { ...report.formRoles, [column]: role } });
  }

  /** The person reads a rate measure of a load as 0–1 or 0–100: the file is read again so. */
  setRateScale(loadId: number, measure: string, scale: RateScale): Promise<void> {
    const report = this.reports.find((r) => r.loadId === loadId);
    if (!report) return Promise.resolve();
    const chosen = Object.fromEntries(
      report.rateScales.filter((s) => s.decidedBy === 'person').map((s) => [s.measure, s.scale]),
    );
    return this.reloadWith(loadId, {
      mapping: report.mapping,
      rateScales: { ...chosen, [measure]: scale },
    });
  }

  /** Takes back the last drop of files, bringing back whatever it replaced. */
  undoLastLoad(): Promise<void> {
    return this.#queue(async () => {
      const ws = this.#workspace!;
      const last = this.reports.at(-1)?.batch;
      if (last === undefined) return;
      await ws.undoBatch(last);
      this.#refreshSpecs(ws);
      for (const r of this.reports) if (r.batch === last) this.#ledger.forget(r.loadId);
      this.#ledger.forgetBatch(last);
      this.reports = this.reports.filter((r) => r.batch !== last);
      this.newParent = null;
      this.activeLoads = await activeLoads(ws);
      this.showingSample = onlySample(this.reports, this.activeLoads);
      await this.#fitFrameworkTo([...this.activeLoads]);
      await this.#rescore();
      this.#save();
    });
  }

  /** Resolves when every operation started so far has finished. */
  settled(): Promise<void> {
    return this.#tasks.settled();
  }

  #queue<T>(task: () => Promise<T>): Promise<T> {
    return this.#tasks.run(task);
  }

  async #registerSpec(ws: Workspace, text: string): Promise<void> {
    const spec = readSpecFile(text);
    if (spec.kind === 'framework') {
      await ws.registerFramework(spec.framework);
      this.frameworks = ws.frameworks();
      this.frameworkId = spec.framework.id;
    } else {
      await ws.registerProfile(spec.profile);
      this.profiles = ws.profiles();
      this.profileId = spec.profile.id;
    }
  }

  /** After an undo or a re-read: the lists as the workspace has them, a gone choice replaced. */
  #refreshSpecs(ws: Workspace): void {
    this.frameworks = ws.frameworks();
    this.profiles = ws.profiles();
    this.measures = ws.measures();
    if (!this.frameworks.some((f) => f.id === this.frameworkId))
      this.frameworkId = DEFAULT_FRAMEWORK;
    if (this.profileId !== null && !this.profiles.some((p) => p.id === this.profileId))
      this.profileId = this.profiles.some((p) => p.id === DEFAULT_PROFILE) ? DEFAULT_PROFILE : null;
  }

  /** A framework or target profile read from a sheet joins its selector and is selected. */
  #adoptFramework(ws: Workspace, report: LoadReport): void {
    if (report.framework) {
      this.frameworks = ws.frameworks();
      this.measures = ws.measures();
      this.frameworkId = report.framework.definition.id;
    }
    if (report.profile) {
      this.profiles = ws.profiles();
      this.profileId = report.profile.definition.id;
    }
    // A form brings its framework scored from forms' points into the selector.
    if (report.assessed) {
      this.frameworks = ws.frameworks();
      this.measures = ws.measures();
    }
  }

  /**
   * A drop of forms for units the framework has no data for ranks them by their forms: by
   * appraised points when any form of the drop gives them (a unit whose form has none then
   * shows no points — the ranking by self-assessed points is the other choice in the
   * selector), else by self-assessed points. Where the data is loaded, the computed ranking
   * stays, the forms beside it.
   */
  async #rankByForms(done: readonly LoadReport[]): Promise<void> {
    const forms = done.flatMap((r) => (r.assessed && r.subject ? [r] : []));
    const fw = this.framework;
    if (!fw || forms.length === 0 || forms.length < done.length) return;
    const units = forms.map((r) => r.subject!.unitCode);
    const [data] = toRows(
      await this.engine.query(`SELECT count(*)::INTEGER AS n FROM observations o
        JOIN loads l USING (load_id)
        WHERE l.active AND o.unit_code IN ${litList(units)}
          AND o.measure IN ${litList(fw.indicators.flatMap((x) => x.measures))}`),
    );
    if (Number(data?.n ?? 0) > 0) return;
    const kind = forms.some((r) => r.assessed!.appraised > 0) ? 'appraised' : 'self';
    const id = assessedFrameworkId(forms[0]!.assessed!.framework, kind);
    if (this.frameworks.some((f) => f.id === id)) this.frameworkId = id;
  }

  /**
   * A drop of one district's units among another's: the view turns to the new district (its
   * parent filter), so they are not buried at the foot of the ranking.
   */
  async #turnToNewUnits(done: readonly LoadReport[]): Promise<void> {
    const data = done.filter((r) => r.observations > 0).map((r) => r.loadId);
    if (data.length === 0) return;
    const parents = await readParentsOfLoads(this.engine, data);
    const only = parents.length === 1 ? parents[0]! : null;
    if (!only?.code) return;
    const others = this.ranking.some((r) => r.parentCode !== null && r.parentCode !== only.code);
    if (!others || this.view.parent === only.code) return;
    this.view.parent = only.code;
    this.newParent = { code: only.code, name: only.name ?? only.code };
  }

  /** After loading province data with a commune framework selected (or the reverse), switch. */
  async #fitFrameworkTo(loadIds: number[]): Promise<void> {
    const levels = await readLoadedLevels(this.engine, loadIds);
    const current = this.framework;
    if (!current || levels.length === 0 || levels.includes(current.level)) return;
    const fitting = this.frameworks.find((f) => f.level === levels[0]);
    if (fitting) this.frameworkId = fitting.id;
  }

  /** Adds a what-if edit and re-scores with it. */
  addEdit(edit: WhatIfEdit): Promise<void> {
    return this.#editsTo((edits) => [...edits, edit]);
  }

  /** Takes back one edit (the last when no index is given); the others stay. */
  removeEdit(index = this.edits.length - 1): Promise<void> {
    // The edit itself, not its place: an edit queued before this one may still change the list.
    const edit = this.edits[index];
    return this.#editsTo((edits) => edits.filter((e) => e !== edit));
  }

  clearEdits(): Promise<void> {
    return this.#editsTo(() => []);
  }

  /** The next list is made from the list as it is when the change runs, after those before it. */
  #editsTo(next: (edits: WhatIfEdit[]) => WhatIfEdit[]): Promise<void> {
    return this.#queue(async () => {
      const edits = next(this.edits);
      if (edits.length === this.edits.length && edits.every((e, i) => e === this.edits[i])) return;
      const t0 = performance.now();
      // Before the first edit the result tables hold the scores as loaded: they become "before".
      if (edits.length > 0 && this.edits.length === 0 && !this.#snapshot)
        await this.#takeSnapshot();
      this.edits = edits;
      await this.#rescoreWithEdits();
      this.whatIfMs = performance.now() - t0;
      this.#save();
    });
  }

  /**
   * The workshop's clean state: the sample district (loaded as a new drop when other data is
   * in use, so an undo brings that back), no edits, the default framework and the given plan.
   */
  resetWorkshop(profileId: string | null = DEFAULT_PROFILE): Promise<void> {
    return this.#queue(async () => {
      this.edits = [];
      this.#snapshot = false;
      await this.engine.exec(DROP_SNAPSHOT_SQL.join(';\n'));
      if (!this.showingSample) {
        const data = await (await fetch(sampleUrl)).blob();
        const mode = this.loadMode;
        this.loadMode = 'replace';
        try {
          await this.#loadFiles([{ name: SAMPLE_NAME, data }]);
        } finally {
          this.loadMode = mode;
        }
        // Only the sample counts now; what it set aside comes back with an undo.
        this.showingSample = onlySample(this.reports, this.activeLoads);
      }
      this.frameworkId = DEFAULT_FRAMEWORK;
      this.profileId =
        profileId !== null && this.profiles.some((p) => p.id === profileId) ? profileId : null;
      await this.#rescore();
      this.#save();
    });
  }

  async #takeSnapshot(): Promise<void> {
    await this.engine.exec(SNAPSHOT_SQL.join(';\n'));
    this.#snapshot = true;
  }

  /** After an edit: only the edits changed, so the snapshot still holds. */
  async #rescoreWithEdits(): Promise<void> {
    if (this.edits.length === 0) {
      this.#snapshot = false;
      await this.engine.exec(DROP_SNAPSHOT_SQL.join(';\n'));
    }
    // An edit changes values, not which years there are.
    await this.#scoreAndRead(null, false);
  }

  /** After a change of data, framework or profile: "before" is scored again, then the edits. */
  async #rescore(preferYear: number | null = null): Promise<void> {
    const ws = this.#workspace!;
    if (this.edits.length > 0) {
      await ws.score(this.frameworkId, this.profileId);
      await this.#takeSnapshot();
    }
    await this.#scoreAndRead(preferYear);
  }

  /** Another year of the results already scored. */
  async #showYear(year: number): Promise<void> {
    const [ranking, lacking] = await Promise.all([
      readRanking(this.engine, year),
      readIndicatorsWithoutData(this.engine, year),
    ]);
    this.year = year;
    this.ranking = ranking;
    this.lacking = lacking;
    this.#keepResults();
  }

  async #scoreAndRead(preferYear: number | null, yearsMayChange = true): Promise<void> {
    const ws = this.#workspace!;
    await ws.score(this.frameworkId, this.profileId, this.edits);
    const years = yearsMayChange ? await readYears(ws.engine) : this.years;
    const year =
      preferYear !== null && years.includes(preferYear)
        ? preferYear
        : years.includes(this.year ?? -1)
          ? this.year
          : (years.at(-1) ?? null);
    // Both read before either is shown: a view redrawn in between kept the engine's answer waiting.
    const [ranking, lacking, memory] = await Promise.all([
      year === null ? [] : readRanking(ws.engine, year),
      year === null ? [] : readIndicatorsWithoutData(ws.engine, year),
      readEngineMemory(ws.engine),
    ]);
    this.years = years;
    this.year = year;
    this.ranking = ranking;
    this.lacking = lacking;
    this.scored += 1;
    this.engineMemory = memory;
    this.#keepResults();
  }

  #resultsNow(): LastResults | null {
    if (this.year === null) return null;
    const { frameworkId, profileId, year, ranking } = this;
    return lastResultsOf({ frameworkId, profileId, year, ranking }, new Date());
  }

  /** The results on screen, for the next page opening to show at once. */
  #keepResults(): void {
    const results = this.#resultsNow();
    if (!results) return;
    this.#saving = this.#saving
      .then(async () => {
        const { store } = await appStorage();
        await writeLastResults(store, results);
      })
      .catch(() => undefined);
  }

  #notify(title: LocalText, error: unknown): void {
    this.notices.add(title, error);
  }
}

/** The id a framework or profile file gives itself, or null when it does not read. */
function specId(text: string): string | null {
  try {
    const spec = readSpecFile(text);
    return spec.kind === 'framework' ? spec.framework.id : spec.profile.id;
  } catch {
    return null;
  }
}

/** Whether the data that counts is the sample alone (what it set aside may come back). */
function onlySample(reports: readonly LoadReport[], active: ReadonlySet<number>): boolean {
  const counting = reports.filter((r) => active.has(r.loadId));
  return counting.length > 0 && counting.every((r) => r.file === SAMPLE_NAME);
}

async function activeLoads(ws: Workspace): Promise<Set<number>> {
  const states = await ws.loadStates();
  return new Set([...states].filter(([, active]) => active).map(([id]) => id));
}

export const app = new AppState();
