// The app's core, in plain TypeScript: one workspace on one engine, and every change to it —
// start, loads, undo, restore, backups, the framework and plan chosen, what-if edits — run one
// after another through one queue, each ending scored, read into the state and saved. The
// engine, storage, sample and remembered mappings are passed in (deps.ts), so Node tests run it
// on the Node engine; the page's runes store is its state (state/app.svelte.ts).
import type { Engine } from '../db/engine';
import { readEngineMemory } from '../db/engineMemory';
import { toRows, type Row } from '../db/rows';
import { loadBuiltins } from '../framework/builtin';
import type { LocalText } from '../framework/types';
import { SAY } from '../i18n/stateMessages';
import type { MappingChoice } from '../ingest/columnMapping';
import type { FormRole } from '../ingest/formColumns';
import type { InputFile } from '../ingest/inputFile';
import type { LoadOptions } from '../ingest/loadInput';
import type { LoadReport } from '../ingest/loadReport';
import type { RateScale } from '../ingest/rateScales';
import { saveNotebook } from '../notebook/library';
import type { WhatIfEdit } from '../whatif/edits';
import type { Backup } from '../workspace/backup';
import { forgetLastResults, type LastResults } from '../workspace/lastResults';
import { LoadLedger } from '../workspace/loadLedger';
import { SAMPLE } from '../workspace/sample';
import {
  readSavedFile,
  readSavedWorkspace,
  writeSavedWorkspace,
  type SavedWorkspace,
} from '../workspace/savedWorkspace';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import type { Core } from './core';
import type { SessionDeps } from './deps';
import * as loads from './loads';
import { reportInterruptedLoad, showLastResults } from './opening';
import * as scoring from './scoring';
import * as transfer from './transfer';
import { SerialQueue } from './serialQueue';
import type { SessionState } from './state';
import { editsTo, resetWorkshop, takeBefore } from './whatIfEdits';
import { applyChoice, type ChosenView } from './choices';

export class Session {
  readonly ready: Promise<void>;
  #workspace: Workspace | null = null;
  #ledger = new LoadLedger();
  #builtinIds: string[] = [];
  /** Saves run one after another, in the order of the changes. */
  #saving: Promise<void> = Promise.resolve();
  #tasks = new SerialQueue();
  /** Told when a new engine has replaced the old one: what lived in the old one is gone. */
  #restartListeners: (() => void)[] = [];
  readonly #core: Core;

  constructor(
    readonly s: SessionState,
    readonly deps: SessionDeps,
  ) {
    this.#core = {
      s,
      deps,
      workspace: () => this.#ws(),
      ledger: () => this.#ledger,
      loading: { abort: null },
      builtinIds: () => this.#builtinIds,
      notify: (title, error) => this.#notify(title, error),
      rescore: (preferYear) => this.#rescore(preferYear ?? null),
      scoreAndRead: (preferYear, yearsMayChange) =>
        scoring.scoreAndRead(this.#core, preferYear, yearsMayChange),
      save: () => this.#save(),
      afterSaves: (then) => {
        this.#saving = this.#saving.then(then);
      },
    };
    this.ready = this.#queue(() => this.#start());
  }

  get engine(): Engine {
    return this.#ws().engine;
  }

  async #start(): Promise<void> {
    const t0 = performance.now();
    try {
      const storage = await this.deps.storage();
      if (storage.refused) this.#notify(storage.refused.text, storage.refused.cause);
      this.s.tabRole = storage.lock.role;
      storage.lock.onLost(() => (this.s.tabRole = 'elsewhere'));
      await showLastResults(this.#core, storage.store);
      await reportInterruptedLoad(this.#core, storage.store);
      await this.#boot();
      this.s.firstRankingMs = performance.now() - t0;
      this.s.phase = 'ready';
    } catch (e) {
      this.s.phase = 'failed';
      this.#notify(SAY.engineNotStarted, e);
      throw e;
    }
  }

  /** A new engine with the workspace as saved (or the sample, when nothing is), scored. */
  async #boot(): Promise<void> {
    const s = this.s;
    s.start = { step: 'engine', bytes: 0 };
    const builtins = loadBuiltins();
    this.#builtinIds = [...builtins.frameworks, ...builtins.profiles].map((b) => b.id);
    const engine = await this.deps.startEngine((bytes) => (s.start = { step: 'engine', bytes }));
    s.start = { step: 'workspace' };
    this.#workspace = await openWorkspace(engine, builtins, this.deps.readWorkbook);
    s.frameworks = this.#workspace.frameworks();
    s.measures = this.#workspace.measures();
    s.profiles = this.#workspace.profiles();
    const { store } = await this.deps.storage();
    const saved = await readSavedWorkspace(store);
    s.start = saved ? { step: 'restore', files: saved.loads.length } : { step: 'sample' };
    if (saved) await transfer.restoreSaved(this.#core, saved, (key) => readSavedFile(store, key));
    else await this.#loadSample();
    s.start = { step: 'score' };
    // Restored data that will not score leaves the app usable, with the reason on screen.
    await this.#rescore().catch((e: unknown) => this.#notify(SAY.scoringFailed, e));
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
      const { store } = await this.deps.storage();
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
    const s = this.s;
    const old = this.#workspace;
    s.phase = 'starting';
    s.lastResults = shown;
    this.#workspace = null;
    this.#ledger = new LoadLedger();
    s.reports = [];
    s.ranking = [];
    s.engineMemory = null;
    // An engine that has failed may not close cleanly; it is let go either way.
    await old?.engine.close().catch(() => undefined);
    try {
      await this.#boot();
      s.phase = 'ready';
    } catch (e) {
      s.phase = 'failed';
      this.#notify(SAY.engineNotRestarted, e);
    }
    for (const listener of this.#restartListeners) listener();
  }

  /** The workspace as it is now with its files' bytes: what a backup holds besides notebooks. */
  async backupContent(): Promise<Omit<Backup, 'notebooks'>> {
    await this.settled();
    await this.#saving;
    return transfer.backupContent(this.#core);
  }

  /** `listener` runs after each engine restart (notebooks drop their results then). */
  onEngineRestart(listener: () => void): void {
    this.#restartListeners.push(listener);
  }

  /** Reads how much memory the engine holds now, in turn with the other work. */
  refreshEngineMemory(): Promise<void> {
    return this.#queue(async () => {
      if (this.#workspace) this.s.engineMemory = await readEngineMemory(this.#workspace.engine);
    });
  }

  async #loadSample(): Promise<void> {
    const ws = this.#ws();
    const input = await this.deps.sample.file();
    const report = await ws.loadFile(input);
    await this.#ledger.remember(report, input);
    this.s.reports = [report];
    this.s.activeLoads = await loads.activeLoads(ws);
    this.s.showingSample = true;
  }

  /** Saves the workspace after a change; a failed save is said, and the work goes on. */
  #save(): void {
    const saved = {
      ...this.#ledger.saved(this.s.reports, this.s.frameworkId, this.s.profileId),
      edits: this.s.edits,
      mappings: this.deps.mappings.all(),
    };
    const files = this.#ledger.filesByKey();
    this.#saving = this.#saving
      .then(async () => {
        const { store } = await this.deps.storage();
        await writeSavedWorkspace(store, saved, (key) => files.get(key));
      })
      .catch((e: unknown) => this.#notify(SAY.notSaved, e));
  }

  /** The data as it counts now (loads still active), for a notebook sent with its data. */
  dataToSend(): Promise<{ workspace: SavedWorkspace; files: Map<string, Uint8Array> }> {
    return transfer.dataToSend(this.#core);
  }

  /** Data that came with a notebook: one drop setting aside what was there, as the sender chose. */
  openSentData(saved: SavedWorkspace, files: Map<string, Uint8Array>): Promise<void> {
    return this.#queue(() => transfer.openSentData(this.#core, saved, files));
  }

  /** Resolves when every save started so far is written. */
  saved(): Promise<void> {
    return this.#saving;
  }

  loadFiles(files: readonly (File | InputFile)[]): Promise<LoadReport[]> {
    return this.#queue(() => loads.loadFiles(this.#core, files));
  }

  /** Stops the load under way at its next step; what it had written is taken back. */
  cancelLoad(): void {
    loads.cancelLoad(this.#core);
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
      this.s.frameworkId = id;
      await this.#rescore();
      this.#save();
    });
  }

  setProfile(id: string | null): Promise<void> {
    return this.#queue(async () => {
      this.s.profileId = id;
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
  applyChoice(v: ChosenView): Promise<void> {
    return this.#queue(() => applyChoice(this.#core, v));
  }

  setYear(year: number): Promise<void> {
    return this.#queue(() => this.#showYear(year));
  }

  /** Reads a loaded file again with another sheet or text encoding, in the same place. */
  reloadWith(loadId: number, options: LoadOptions): Promise<void> {
    return this.#queue(() => loads.reloadWith(this.#core, loadId, options));
  }

  /**
   * The person says what a column is (a measure code, or null: do not load it). The choice is
   * remembered for files with the same header and the file is read again with it.
   */
  remapColumn(loadId: number, column: string, measure: MappingChoice): Promise<void> {
    return this.#readAgain(loadId, loads.remapped(this.#core, column, measure));
  }

  /** Every guessed column of a load confirmed at once: remembered, and the file read again. */
  acceptGuesses(loadId: number): Promise<void> {
    return this.#readAgain(loadId, loads.guessesAccepted(this.#core));
  }

  /** The person says what a column of a form, framework or targets table is: read again so. */
  setFormRole(loadId: number, column: string, role: FormRole | null): Promise<void> {
    return this.#readAgain(loadId, loads.formRoleSet(column, role));
  }

  /** The person reads a rate measure of a load as 0–1 or 0–100: the file is read again so. */
  setRateScale(loadId: number, measure: string, scale: RateScale): Promise<void> {
    return this.#readAgain(loadId, loads.rateScaleSet(measure, scale));
  }

  /** A load read again with the options its report and the person's choice make. */
  #readAgain(loadId: number, options: (report: LoadReport) => LoadOptions): Promise<void> {
    const report = this.s.reports.find((r) => r.loadId === loadId);
    return report ? this.reloadWith(loadId, options(report)) : Promise.resolve();
  }

  /** Takes back the last drop of files, bringing back whatever it replaced. */
  undoLastLoad(): Promise<void> {
    return this.#queue(() => loads.undoLastLoad(this.#core));
  }

  /** Resolves when every operation started so far has finished. */
  settled(): Promise<void> {
    return this.#tasks.settled();
  }

  /** Adds a what-if edit and re-scores with it. */
  addEdit(edit: WhatIfEdit): Promise<void> {
    return this.#queue(() => editsTo(this.#core, (edits) => [...edits, edit]));
  }

  /** Takes back one edit (the last when no index is given); the others stay. */
  removeEdit(index = this.s.edits.length - 1): Promise<void> {
    // The edit itself, not its place: an edit queued before this one may still change the list.
    const edit = this.s.edits[index];
    return this.#queue(() => editsTo(this.#core, (edits) => edits.filter((e) => e !== edit)));
  }

  clearEdits(): Promise<void> {
    return this.#queue(() => editsTo(this.#core, () => []));
  }

  /** The workshop's clean state: the sample, no edits, the default framework, the given plan. */
  resetWorkshop(profileId: string | null = SAMPLE.profileId): Promise<void> {
    return this.#queue(() => resetWorkshop(this.#core, profileId));
  }

  #queue<T>(task: () => Promise<T>): Promise<T> {
    return this.#tasks.run(task);
  }

  #ws(): Workspace {
    if (!this.#workspace) throw new Error('the engine has not started yet');
    return this.#workspace;
  }

  /** After a change of data, framework or profile: "before" is scored again, then the edits. */
  async #rescore(preferYear: number | null = null): Promise<void> {
    if (this.s.edits.length > 0) {
      await this.#ws().score(this.s.frameworkId, this.s.profileId);
      await takeBefore(this.#core);
    }
    await scoring.scoreAndRead(this.#core, preferYear);
  }

  /** Another year of the results already scored. */
  #showYear(year: number): Promise<void> {
    return scoring.showYear(this.#core, year);
  }

  #resultsNow(): LastResults | null {
    return scoring.resultsNow(this.s);
  }

  #notify(title: LocalText, error: unknown): void {
    this.s.notices.add(title, error);
  }
}
