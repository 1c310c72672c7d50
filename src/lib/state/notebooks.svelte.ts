// The open notebook and the state of each cell: the only place notebook state changes. Cells run
// in the app's queue (never in the middle of a scoring), in notebook order; running a cell runs
// again exactly the cells that read it. Every change is saved to browser storage.
import { app } from './app.svelte';
import { ancestorsOf, cellLinks, dependentsOf } from '../notebook/dependencies';
import { cellStatuses, type CellStatus, type RunStamp } from '../notebook/staleness';
import { readSchema, type SqlSchema } from '../notebook/schema';
import {
  deleteNotebook,
  listNotebooks,
  newNotebookId,
  readStored,
  saveNotebook,
  seedBuiltins,
  type NotebookEntry,
} from '../notebook/library';
import {
  CellError,
  dropResult,
  runSqlCell,
  workspaceTables,
  type SqlResult,
} from '../notebook/runner';
import type { Cell, CellKind, Notebook, SqlCell } from '../notebook/types';
import { freeName, insertAt, newCellId, nowStamp } from '../notebook/edit';
import { BUILTIN_NOTEBOOKS } from '../notebook/builtin';
import type { KeyValueStore } from '../storage/keyValue';
import { appStorage } from './storage';
import { runDidNotFinish, runEnded, runStarted } from './unfinishedRuns';
import { isBundle, readBundle } from '../workspace/bundle';
import { readNotebookFile } from '../notebook/notebookFile';
import { SAY } from '../i18n/stateMessages';

export type { CellStatus, SqlSchema };

/** A run of a SQL cell: its stamp (for staleness), and its result or error. */
export interface CellRun extends RunStamp {
  result?: SqlResult;
  error?: CellError;
}

const SAVE_DELAY_MS = 300;
const BUILTIN_IDS = BUILTIN_NOTEBOOKS.map((n) => n.id);

export class NotebookState {
  entries = $state.raw<NotebookEntry[]>([]);
  notebook = $state.raw<Notebook | null>(null);
  runs = $state.raw<Record<string, CellRun>>({});
  /** Which cells read which, for the open notebook. */
  readonly links = $derived(cellLinks(this.notebook?.cells ?? []));
  readonly statuses = $derived(
    cellStatuses(this.notebook?.cells ?? [], this.links, this.runs, app.scored),
  );
  schema = $state.raw<SqlSchema>({});
  /** The last deleted cell and where it was, for undo. */
  deleted = $state.raw<{ cell: Cell; index: number } | null>(null);
  /** A cell whose editor should take the keyboard (set by "run and move on", add, undo). */
  focus = $state.raw<{ id: string; n: number } | null>(null);
  /** The open notebook's last run never finished: it did not run by itself this time. */
  interrupted = $state(false);
  /** Whether the browser agreed to keep the storage (null: not asked yet). */
  persistent = $state<boolean | null>(null);

  #store: KeyValueStore | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #focusCount = 0;
  #seq = 0;

  #started: Promise<void> | null = null;
  /** Set by stop(): the statement running is cancelled and the cells after it do not run. */
  #stopping = false;

  /** Opens the storage once, seeds the built-in notebooks and opens `id` (or the first). */
  start(id: string | null = null): Promise<void> {
    this.#started ??= (async () => {
      const { store, persistent } = await appStorage();
      this.#store = store;
      this.persistent = persistent;
      await seedBuiltins(store, BUILTIN_NOTEBOOKS);
      await this.#openListed(id);
      await this.#reportUnreadable(store);
      app.session.onEngineRestart(() => void this.#openListed(this.notebook?.id ?? null));
    })();
    return this.#started;
  }

  /**
   * The stored notebooks listed again and `id` (or the first) opened: at start, and after a new
   * engine (a restored backup may have brought other notebooks; the old results are gone).
   */
  async #openListed(id: string | null): Promise<void> {
    this.entries = await listNotebooks(this.#store!, BUILTIN_IDS);
    this.schema = {};
    await this.open(id && this.entries.some((e) => e.id === id) ? id : this.entries[0]!.id);
  }

  /** Stored notebooks that no longer pass the checks are said, not silently left out. */
  async #reportUnreadable(store: KeyValueStore): Promise<void> {
    const listed = this.entries.map((e) => e.id);
    const unreadable = (await store.keys('notebooks')).filter((k) => !listed.includes(k));
    if (unreadable.length > 0) app.notices.add(SAY.notebooksUnread(unreadable), null);
  }

  status(cell: Cell): CellStatus {
    return this.statuses[cell.id] ?? 'stale';
  }

  /** The result a chart draws: its source cell's. */
  source(cell: Cell): { cell: SqlCell; run: CellRun | undefined } | null {
    const id = cell.kind === 'chart' ? this.#sourceId(cell) : null;
    const src = this.notebook?.cells.find((c) => c.id === id);
    return src?.kind === 'sql' ? { cell: src, run: this.runs[src.id] } : null;
  }

  /** Names mentioned in a cell that belong to cells below it (reading them would be stale). */
  below(cell: Cell): string[] {
    return this.links.get(cell.id)?.below ?? [];
  }

  async open(id: string): Promise<void> {
    const nb = await readStored(this.#store!, id);
    if (!nb) return;
    await this.#dropResults();
    this.notebook = nb;
    this.runs = {};
    this.deleted = null;
    app.view.notebook = nb.id;
    // A notebook from a file runs when the person says so, after reading it; one whose last
    // run never finished waits too.
    this.interrupted = runDidNotFinish(nb.id);
    if ((nb.builtin || nb.trusted) && !this.interrupted) await this.runAll();
  }

  async create(): Promise<void> {
    const nb: Notebook = {
      id: newNotebookId(this.#notebookIds()),
      title: app.lang === 'vi' ? 'Sổ phân tích mới' : 'New notebook',
      updated: nowStamp(),
      cells: [{ id: 'c1', kind: 'sql', sql: 'SELECT *\nFROM scores\nLIMIT 20' }],
      trusted: true,
    };
    await saveNotebook(this.#store!, nb);
    this.entries = await listNotebooks(this.#store!, BUILTIN_IDS);
    await this.open(nb.id);
  }

  /**
   * Opens a notebook file (`.dtinb.json`), or a notebook with its data (`.dtilab`), whose data
   * then replaces what is loaded as one drop an undo takes back.
   */
  async openFile(file: { name: string; bytes: Uint8Array }): Promise<void> {
    await this.start();
    try {
      if (isBundle(file.bytes)) {
        const bundle = await readBundle(file.bytes);
        await app.session.openSentData(bundle.workspace, bundle.files);
        await this.importNotebook(bundle.notebook);
      } else {
        await this.importNotebook(readNotebookFile(new TextDecoder().decode(file.bytes)));
      }
      app.view.page = 'notebook';
    } catch (e) {
      app.notices.add(SAY.notebookFileNotOpened(file.name), e);
    }
  }

  /** Brings a notebook from a file in as a new notebook (its id changes if one exists). */
  async importNotebook(nb: Notebook): Promise<void> {
    const taken = this.#notebookIds();
    const copy: Notebook = {
      ...nb,
      id: taken.includes(nb.id) ? newNotebookId(taken) : nb.id,
      updated: nowStamp(),
    };
    delete copy.builtin;
    delete copy.trusted;
    await saveNotebook(this.#store!, copy);
    this.entries = await listNotebooks(this.#store!, BUILTIN_IDS);
    await this.open(copy.id);
  }

  async removeNotebook(): Promise<void> {
    const nb = this.notebook;
    if (!nb) return;
    await deleteNotebook(this.#store!, nb.id);
    // A built-in notebook comes back as it shipped.
    await seedBuiltins(this.#store!, BUILTIN_NOTEBOOKS);
    this.entries = await listNotebooks(this.#store!, BUILTIN_IDS);
    await this.open(this.entries[0]!.id);
  }

  rename(title: string): void {
    this.#change((nb) => ({ ...nb, title }));
  }

  addCell(kind: CellKind, index: number): void {
    const id = this.#newCellId();
    const cell: Cell =
      kind === 'sql'
        ? { id, kind, sql: '' }
        : kind === 'text'
          ? { id, kind, text: '' }
          : { id, kind, chart: { from: this.#chartSource(index), mark: 'dot' } };
    this.#change((n) => ({ ...n, cells: insertAt(n.cells, index, cell) }));
    this.#focusOn(id);
  }

  /**
   * What a new chart at `index` draws: the nearest named SQL cell above it, or else the nearest
   * SQL cell above, which is given a name (and run, so its table exists under that name).
   */
  #chartSource(index: number): string {
    const above = this.notebook!.cells.slice(0, index).filter((c) => c.kind === 'sql');
    const named = above.filter((c) => c.name).at(-1);
    if (named?.name) return named.name;
    const nearest = above.at(-1);
    if (!nearest) return '';
    const name = this.#freeName('ket_qua');
    this.#change((n) => ({
      ...n,
      cells: n.cells.map((c) => (c.id === nearest.id ? { ...nearest, name } : c)),
    }));
    void this.run(nearest.id);
    return name;
  }

  /** A new text of a cell (SQL, Markdown or chart spec): it and the cells reading it are stale. */
  editCell(cell: Cell): void {
    const old = this.notebook!.cells.find((c) => c.id === cell.id);
    const renamed = old?.kind === 'sql' && cell.kind === 'sql' && old.name !== cell.name;
    this.#change((n) => ({
      ...n,
      cells: n.cells.map((c) =>
        c.id === cell.id ? cell : renamed ? followRename(c, old.name, cell.name) : c,
      ),
    }));
    if (renamed) void this.#dropTable(old);
  }

  move(id: string, by: -1 | 1): void {
    this.#change((n) => {
      const i = n.cells.findIndex((c) => c.id === id);
      const j = i + by;
      if (i < 0 || j < 0 || j >= n.cells.length) return n;
      const cells = [...n.cells];
      [cells[i], cells[j]] = [cells[j]!, cells[i]!];
      return { ...n, cells };
    });
    this.#focusOn(id);
  }

  duplicate(id: string): void {
    const nb = this.notebook!;
    const i = nb.cells.findIndex((c) => c.id === id);
    const cell = nb.cells[i];
    if (!cell) return;
    const copy = { ...structuredClone(cell), id: this.#newCellId() };
    // Two cells cannot share a name: the copy reads under a new one.
    if (copy.kind === 'sql' && copy.name) copy.name = this.#freeName(copy.name);
    this.#change((n) => ({ ...n, cells: insertAt(n.cells, i + 1, copy) }));
    this.#focusOn(copy.id);
  }

  deleteCell(id: string): void {
    const nb = this.notebook!;
    const index = nb.cells.findIndex((c) => c.id === id);
    const cell = nb.cells[index];
    if (!cell) return;
    if (cell.kind === 'sql') void this.#dropTable(cell);
    this.deleted = { cell, index };
    this.#change((n) => ({ ...n, cells: n.cells.filter((c) => c.id !== id) }));
    const { [id]: _gone, ...runs } = this.runs;
    this.runs = runs;
    const next = nb.cells[index + 1] ?? nb.cells[index - 1];
    if (next) this.#focusOn(next.id);
  }

  undoDelete(): void {
    const d = this.deleted;
    if (!d) return;
    this.deleted = null;
    this.#change((n) => ({
      ...n,
      cells: insertAt(n.cells, d.index, d.cell),
    }));
    this.#focusOn(d.cell.id);
  }

  /**
   * Runs a cell — after the cells it reads that are not fresh — then every cell that reads it,
   * in order. `moveOn` then focuses the next cell.
   */
  async run(id: string, moveOn = false): Promise<void> {
    const nb = this.notebook!;
    this.#trust();
    if (moveOn) {
      const i = nb.cells.findIndex((c) => c.id === id);
      const next = nb.cells[i + 1];
      if (next) this.#focusOn(next.id);
      else this.addCell('sql', nb.cells.length);
    }
    const cell = nb.cells.find((c) => c.id === id);
    const start = cell?.kind === 'chart' ? this.#sourceId(cell) : id;
    if (!start) return;
    const upstream = ancestorsOf(nb.cells, start, this.links).filter(
      (a) => this.statuses[a] !== 'fresh',
    );
    await this.#runCells([...upstream, start, ...dependentsOf(nb.cells, start, this.links)]);
  }

  async runAll(): Promise<void> {
    const nb = this.notebook;
    if (!nb) return;
    this.#trust();
    await this.#runCells(nb.cells.filter((c) => c.kind === 'sql').map((c) => c.id));
  }

  /** Running a notebook from a file is the person's say-so: it runs by itself from then on. */
  #trust(): void {
    if (this.notebook && !this.notebook.builtin && !this.notebook.trusted)
      this.#change((n) => ({ ...n, trusted: true }));
  }

  async #runCells(ids: string[]): Promise<void> {
    const nb = this.notebook!;
    const cells = ids
      .map((id) => nb.cells.find((c) => c.id === id))
      .filter((c): c is SqlCell => c?.kind === 'sql');
    const stamp = (cell: SqlCell, status: RunStamp['status']): RunStamp => ({
      status,
      sql: cell.sql,
      name: cell.name,
      scored: app.scored,
      seq: 0,
      reads: this.links.get(cell.id)?.reads ?? [],
    });
    for (const c of cells)
      this.#setRun(nb.id, c.id, { ...this.runs[c.id], ...stamp(c, 'running') });
    this.#stopping = false;
    runStarted(nb.id);
    try {
      await app.ready;
      await app.read(async (engine) => {
        // Another notebook opened while this run waited: its cells and tables are not ours.
        if (this.notebook?.id !== nb.id) return;
        const tables = await workspaceTables(engine);
        const failed: string[] = [];
        for (const cell of cells) {
          if (this.#stopping) {
            this.#setRun(nb.id, cell.id, { ...stamp(cell, 'error'), error: stoppedError(false) });
            continue;
          }
          // A cell reading a failed one would read an old table: it waits for the fix instead.
          const blockedBy = this.links.get(cell.id)?.reads.find((r) => failed.includes(r));
          if (blockedBy) {
            failed.push(cell.id);
            this.#setRun(nb.id, cell.id, {
              ...stamp(cell, 'error'),
              error: upstreamError(nb, blockedBy),
            });
            continue;
          }
          try {
            const result = await runSqlCell(engine, cell, tables);
            this.#setRun(nb.id, cell.id, { ...stamp(cell, 'fresh'), result });
          } catch (e) {
            failed.push(cell.id);
            const error = this.#stopping ? stoppedError(true) : asCellError(e);
            this.#setRun(nb.id, cell.id, { ...stamp(cell, 'error'), error });
          }
        }
        this.schema = await readSchema(engine);
      });
      runEnded(nb.id);
      if (this.notebook?.id === nb.id) this.interrupted = false;
    } catch (e) {
      runEnded(nb.id);
      // The engine itself failed (not one cell): no cell is left "running" for ever.
      for (const c of cells)
        if (this.runs[c.id]?.status === 'running')
          this.#setRun(nb.id, c.id, { ...stamp(c, 'error'), error: asCellError(e) });
    }
  }

  /** Stops the run under way: the statement running is cancelled, the cells after it wait. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await app.session.cancelQuery();
  }

  #setRun(notebookId: string, id: string, run: CellRun): void {
    if (this.notebook?.id !== notebookId) return;
    this.#seq += 1;
    this.runs = { ...this.runs, [id]: { ...run, seq: this.#seq } };
  }

  #sourceId(cell: Cell): string | undefined {
    if (cell.kind !== 'chart') return undefined;
    const from = cell.chart.from.toLowerCase();
    return this.notebook?.cells.find((c) => c.kind === 'sql' && c.name?.toLowerCase() === from)?.id;
  }

  #change(edit: (nb: Notebook) => Notebook): void {
    const nb = this.notebook;
    if (!nb) return;
    const next = { ...edit(nb), updated: nowStamp() };
    this.notebook = next;
    this.#scheduleSave(next);
  }

  #scheduleSave(nb: Notebook): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.flush(nb), SAVE_DELAY_MS);
  }

  /** Saves now what is waiting to be saved (also called before the page hides). */
  async flush(nb = this.notebook): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    if (!nb || !this.#store) return;
    try {
      await saveNotebook(this.#store, nb);
      const entry = {
        id: nb.id,
        title: nb.title,
        updated: nb.updated,
        builtin: nb.builtin === true,
      };
      this.entries = this.entries.map((e) => (e.id === nb.id ? entry : e));
    } catch (e) {
      app.notices.add(SAY.notebookNotSaved, e);
    }
  }

  #focusOn(id: string): void {
    this.#focusCount += 1;
    this.focus = { id, n: this.#focusCount };
  }

  #newCellId(): string {
    return newCellId(this.notebook!.cells);
  }

  #freeName(base: string): string {
    return freeName(this.notebook!.cells, base);
  }

  #notebookIds(): string[] {
    return this.entries.map((e) => e.id);
  }

  async #dropTable(cell: SqlCell): Promise<void> {
    await app.read((engine) => dropResult(engine, cell)).catch(() => undefined);
  }

  async #dropResults(): Promise<void> {
    const cells = this.notebook?.cells.filter((c): c is SqlCell => c.kind === 'sql') ?? [];
    if (cells.length > 0)
      await app.read(async (engine) => {
        for (const c of cells) await dropResult(engine, c);
      });
  }
}

function asCellError(e: unknown): CellError {
  if (e instanceof CellError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CellError({ vi: message, en: message }, null, { cause: e });
}

/** A cell stopped by the person, or left waiting by the stop. */
function stoppedError(running: boolean): CellError {
  return new CellError(running ? SAY.queryStopped : SAY.runStopped);
}

function upstreamError(nb: Notebook, failedId: string): CellError {
  const failed = nb.cells.find((c) => c.id === failedId);
  const name = failed?.kind === 'sql' ? (failed.name ?? failedId) : failedId;
  return new CellError(SAY.readsFailedCell(name));
}

/** A chart drawing a renamed cell follows it to its new name. */
function followRename(cell: Cell, from: string | undefined, to: string | undefined): Cell {
  if (cell.kind !== 'chart' || !from || !to) return cell;
  return cell.chart.from.toLowerCase() === from.toLowerCase()
    ? { ...cell, chart: { ...cell.chart, from: to } }
    : cell;
}

export const notebooks = new NotebookState();
