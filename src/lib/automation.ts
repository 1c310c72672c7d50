// `window.dtiLab`: the automation API for scripts, power users and the browser tests.
import type { Row } from './db/rows';
import type { LoadReport } from './ingest/loadReport';
import type { app as appState } from './state/app.svelte';
import type { Notice } from './state/notices.svelte';
import type { WhatIfEdit } from './whatif/edits';

export interface DtiLabApi {
  /** Resolves when the engine has started and the default sample is loaded and scored. */
  ready: Promise<void>;
  /** Loads files as the file picker would; returns one report per file that loaded. */
  loadFiles(files: File[]): Promise<LoadReport[]>;
  /** Runs SQL in the in-page DuckDB; rows as plain objects (BIGINT/DECIMAL as numbers). */
  query(sql: string): Promise<Row[]>;
  /** Resolves when every load, selection and re-score started so far has finished. */
  settled(): Promise<void>;
  /** Takes back the last drop of files, as the undo button does. */
  undoLastLoad(): Promise<void>;
  /** Resolves when the workspace as it is now has been written to browser storage. */
  saved(): Promise<void>;
  /** The reports of every file loaded so far, oldest first. */
  reports(): LoadReport[];
  /** Messages on screen (refused files, failures), oldest first. */
  notices(): Notice[];
  /** Adds a what-if edit and re-scores, as the workshop form does. */
  addEdit(edit: WhatIfEdit): Promise<void>;
  /** Takes back one what-if edit (the last when no index is given). */
  removeEdit(index?: number): Promise<void>;
  /** The workshop's reset: the sample, no edits, the default framework and plan. */
  resetWorkshop(): Promise<void>;
  /** The what-if edits in force, oldest first. */
  edits(): WhatIfEdit[];
  /** Milliseconds from page start to the first ranking on screen; the last what-if re-score. */
  timings(): { firstRankingMs: number | null; whatIfMs: number | null };
}

declare global {
  interface Window {
    dtiLab: DtiLabApi;
  }
}

export function installAutomation(app: typeof appState): void {
  window.dtiLab = {
    ready: app.ready,
    loadFiles: (files) => app.session.loadFiles(files),
    query: (sql) => app.query(sql),
    settled: () => app.settled(),
    undoLastLoad: () => app.session.undoLastLoad(),
    saved: () => app.settled().then(() => app.saved()),
    reports: () => [...app.reports],
    notices: () => [...app.notices.list],
    addEdit: (edit) => app.session.addEdit(edit),
    removeEdit: (index) => app.session.removeEdit(index),
    resetWorkshop: () => app.session.resetWorkshop(),
    edits: () => [...app.edits],
    timings: () => ({ firstRankingMs: app.firstRankingMs, whatIfMs: app.whatIfMs }),
  };
}
