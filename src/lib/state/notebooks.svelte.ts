// The open notebook and the state of each cell: the only place notebook state changes. Cells run
// in the app's queue (never in the middle of a scoring), in notebook order; running a cell runs
// again exactly the cells that read it. Every change is saved to browser storage.
import { app } from './app.svelte';
import type { Engine } from '../db/engine';
import type { LocalText } from '../framework/types';
import { cellLinks, dependentsOf } from '../notebook/dependencies';
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
import { isBundle, readBundle } from '../workspace/bundle';
import { readNotebookFile } from '../notebook/notebookFile';

export type CellStatus = 'fresh' | 'stale' | 'running' | 'error';

export interface CellRun {
  status: Exclude<CellStatus, 'stale'> | 'idle';
  result?: SqlResult;
  error?: CellError;
  /** The scoring the result was read after: a later scoring makes it stale. */
  scored: number;
  /** Counts the runs of the notebook: which cells ran again after an edit can be seen. */
  seq?: number;
}

/** Table and column names, for completion in the SQL editor. */
export type SqlSchema = Record<string, string[]>;

const SAVE_DELAY_MS = 300;
const BUILTIN_IDS = BUILTIN_NOTEBOOKS.map((n) => n.id);

export class NotebookState {
  entries = $state.raw<NotebookEntry[]>([]);
  notebook = $state.raw<Notebook | null>(null);
  runs = $state.raw<Record<string, CellRun>>({});
  schema = $state.raw<SqlSchema>({});
  /** The last deleted cell and where it was, for undo. */
  deleted = $state.raw<{ cell: Cell; index: number } | null>(null);
  /** A cell whose editor should take the keyboard (set by "run and move on", add, undo). */
  focus = $state.raw<{ id: string; n: number } | null>(null);
  /** Whether the browser agreed to keep the storage (null: not asked yet). */
  persistent = $state<boolean | null>(null);

  #store: KeyValueStore | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #focusCount = 0;
  #seq = 0;

  #started: Promise<void> | null = null;

  /** Opens the storage once, seeds the built-in notebooks and opens `id` (or the first). */
  start(id: string | null = null): Promise<void> {
    this.#started ??= (async () => {
      const { store, persistent } = await appStorage();
      this.#store = store;
      this.persistent = persistent;
      await seedBuiltins(store, BUILTIN_NOTEBOOKS);
      this.entries = await listNotebooks(store, BUILTIN_IDS);
      await this.open(id && this.entries.some((e) => e.id === id) ? id : this.entries[0]!.id);
    })();
    return this.#started;
  }

  status(cell: Cell): CellStatus {
    if (cell.kind === 'text') return 'fresh';
    const run = this.runs[cell.kind === 'chart' ? (this.#sourceId(cell) ?? '') : cell.id];
    if (!run || run.status === 'idle') return 'stale';
    if (run.status === 'fresh' && run.scored !== app.scored) return 'stale';
    return run.status;
  }

  /** The result a chart draws: its source cell's. */
  source(cell: Cell): { cell: SqlCell; run: CellRun | undefined } | null {
    const id = cell.kind === 'chart' ? this.#sourceId(cell) : null;
    const src = this.notebook?.cells.find((c) => c.id === id);
    return src?.kind === 'sql' ? { cell: src, run: this.runs[src.id] } : null;
  }

  /** Names mentioned in a cell that belong to cells below it (reading them would be stale). */
  below(cell: Cell): string[] {
    return this.notebook ? (cellLinks(this.notebook.cells).get(cell.id)?.below ?? []) : [];
  }

  async open(id: string): Promise<void> {
    const nb = await readStored(this.#store!, id);
    if (!nb) return;
    await this.#dropResults();
    this.notebook = nb;
    this.runs = {};
    this.deleted = null;
    app.view.notebook = nb.id;
    await this.runAll();
  }

  async create(): Promise<void> {
    const nb: Notebook = {
      id: newNotebookId(this.#notebookIds()),
      title: app.lang === 'vi' ? 'Sổ phân tích mới' : 'New notebook',
      updated: nowStamp(),
      cells: [{ id: 'c1', kind: 'sql', sql: 'SELECT *\nFROM scores\nLIMIT 20' }],
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
        await app.openSentData(bundle.workspace, bundle.files);
        await this.importNotebook(bundle.notebook);
      } else {
        await this.importNotebook(readNotebookFile(new TextDecoder().decode(file.bytes)));
      }
      app.view.page = 'notebook';
    } catch (e) {
      app.notices.add(
        {
          vi: `Không mở được tệp sổ phân tích "${file.name}"`,
          en: `Could not open the notebook file "${file.name}"`,
        },
        e,
      );
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
    this.#change((n) => ({ ...n, cells: n.cells.map((c) => (c.id === cell.id ? cell : c)) }));
    if (old?.kind === 'sql' && cell.kind === 'sql' && old.name !== cell.name) {
      void this.#dropTable(old);
      this.#markStale(cell.id);
    } else if (cell.kind === 'sql') this.#markStale(cell.id);
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

  /** Runs a cell, then every cell that reads it, in order. `moveOn` then focuses the next cell. */
  async run(id: string, moveOn = false): Promise<void> {
    const nb = this.notebook!;
    if (moveOn) {
      const i = nb.cells.findIndex((c) => c.id === id);
      const next = nb.cells[i + 1];
      if (next) this.#focusOn(next.id);
      else this.addCell('sql', nb.cells.length);
    }
    const cell = nb.cells.find((c) => c.id === id);
    const start = cell?.kind === 'chart' ? this.#sourceId(cell) : id;
    if (!start) return;
    await this.#runCells([start, ...dependentsOf(nb.cells, start)]);
  }

  async runAll(): Promise<void> {
    const nb = this.notebook;
    if (nb) await this.#runCells(nb.cells.filter((c) => c.kind === 'sql').map((c) => c.id));
  }

  async #runCells(ids: string[]): Promise<void> {
    const nb = this.notebook!;
    const cells = ids
      .map((id) => nb.cells.find((c) => c.id === id))
      .filter((c): c is SqlCell => c?.kind === 'sql');
    for (const c of cells) this.#setRun(c.id, { status: 'running', scored: app.scored });
    await app.ready;
    await app.read(async (engine) => {
      const tables = await workspaceTables(engine);
      const failed: string[] = [];
      const links = cellLinks(nb.cells);
      for (const cell of cells) {
        // A cell reading a failed one would read an old table: it waits for the fix instead.
        const blockedBy = links.get(cell.id)!.reads.find((r) => failed.includes(r));
        if (blockedBy) {
          failed.push(cell.id);
          this.#setRun(cell.id, {
            status: 'error',
            error: upstreamError(nb, blockedBy),
            scored: app.scored,
          });
          continue;
        }
        try {
          const result = await runSqlCell(engine, cell, tables);
          this.#setRun(cell.id, { status: 'fresh', result, scored: app.scored });
        } catch (e) {
          failed.push(cell.id);
          this.#setRun(cell.id, { status: 'error', error: asCellError(e), scored: app.scored });
        }
      }
      this.schema = await readSchema(engine);
    });
  }

  #setRun(id: string, run: CellRun): void {
    this.#seq += 1;
    this.runs = { ...this.runs, [id]: { ...run, seq: this.#seq } };
  }

  #markStale(id: string): void {
    const stale = [id, ...dependentsOf(this.notebook!.cells, id)].flatMap((dep) => {
      const run = this.runs[dep];
      return run && run.status !== 'running' ? [[dep, { ...run, status: 'idle' as const }]] : [];
    });
    this.runs = { ...this.runs, ...Object.fromEntries(stale) };
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
      app.notices.add({ vi: 'Không lưu được sổ phân tích', en: 'Could not save the notebook' }, e);
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

function upstreamError(nb: Notebook, failedId: string): CellError {
  const failed = nb.cells.find((c) => c.id === failedId);
  const name = failed?.kind === 'sql' ? (failed.name ?? failedId) : failedId;
  const text: LocalText = {
    vi: `Ô "${name}" mà ô này đọc đang lỗi; sửa ô đó trước`,
    en: `Cell "${name}", which this cell reads, failed; fix it first`,
  };
  return new CellError(text);
}

async function readSchema(engine: Engine): Promise<SqlSchema> {
  const t = await engine.query(
    `SELECT table_name, list(column_name ORDER BY column_index) AS columns
     FROM duckdb_columns() WHERE NOT internal AND table_name NOT LIKE '\\_\\_cell\\_%' ESCAPE '\\'
     GROUP BY table_name`,
  );
  const schema: SqlSchema = {};
  for (const row of t.toArray() as { table_name: string; columns: { toArray(): string[] } }[])
    schema[row.table_name] = [...row.columns.toArray()];
  return schema;
}

export const notebooks = new NotebookState();
