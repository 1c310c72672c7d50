// What a session is given rather than reaching for: the engine, the browser's storage and its
// lock, the sample and the remembered column mappings. The page passes the browser's; the Node
// tests pass the Node engine, a storage in memory and the sample read from disk.
import type { Engine } from '../db/engine';
import type { LocalText } from '../framework/types';
import type { ColumnMapping } from '../ingest/columnMapping';
import type { InputFile } from '../ingest/inputFile';
import type { WorkbookReader } from '../ingest/workbook';
import type { KeyValueStore } from '../storage/keyValue';
import type { TabLock } from '../storage/tabLock';

export interface SessionStorage {
  store: KeyValueStore;
  /** Whether this tab writes the workspace, or another tab does. */
  lock: TabLock;
  /** Why nothing will survive a reload, when that is so. */
  refused: { text: LocalText; cause: unknown } | null;
}

export interface SessionDeps {
  /** A new engine; `downloaded` hears how many bytes of it have arrived, where it is fetched. */
  startEngine(downloaded: (bytes: number) => void): Promise<Engine>;
  /** Reads a workbook's sheets (in a worker, in the page). */
  readWorkbook: WorkbookReader;
  /** The storage, opened once: every call gives the same. */
  storage(): Promise<SessionStorage>;
  /** The sample district a first visit opens with, and its results as scored at build time. */
  sample: { file(): Promise<InputFile>; results: unknown };
  /** Column mappings a person confirmed, by header signature, kept across reloads. */
  mappings: {
    remembered(signature: string): ColumnMapping | undefined;
    remember(mappings: Record<string, ColumnMapping>): void;
    all(): Record<string, ColumnMapping>;
  };
}
