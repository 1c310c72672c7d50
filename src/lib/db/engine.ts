import type { Table } from 'apache-arrow';

/**
 * The one interface the rest of the app (and the Node tests) talk to. Browser and Node
 * implementations differ only in how DuckDB-WASM is started.
 */
export interface Engine {
  /** Runs one statement and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Runs one or more statements whose results are not needed. */
  exec(sql: string): Promise<void>;
  /**
   * Runs one statement through a prepared statement kept for its text: run again, it skips
   * parsing and planning. For statements a replay runs many times with the same text.
   */
  execPrepared(sql: string): Promise<void>;
  /**
   * Runs one statement that `cancel()` can stop part way: what a person types in a notebook
   * may run for minutes.
   */
  execCancellable(sql: string): Promise<void>;
  /** Stops the statement `execCancellable` is running, which then fails; false if none ran. */
  cancel(): Promise<boolean>;
  /**
   * Makes a file readable by DuckDB table functions (read_csv) under `name`. A Blob is read
   * where it lies as DuckDB asks for its parts (a dropped file is never copied whole into the
   * tab's memory). Bytes are taken over (the browser moves them to its worker without a copy,
   * detaching them): pass bytes made for it, never a file's bytes that are kept elsewhere.
   */
  registerFile(name: string, data: Uint8Array | Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings applied right after every connect. DuckDB-WASM ships only core_functions; with
 * autoloading on, a query needing json/parquet/icu makes it fetch an extension from the
 * internet, which breaks the offline promise and (seen) leaves the instance corrupted.
 */
export const CONNECTION_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/**
 * Run once, on the one connection the app opens. The workspace lives in a compressed in-memory
 * database: a browser tab has about 3 GiB, and the uncompressed scoring tables of a 1-million-row
 * load (≈ 6 million indicator rows) fill it; compressed they take about a tenth.
 */
export const DATABASE_SETUP = ["ATTACH ':memory:' AS workspace (COMPRESS)", 'USE workspace'];

/** BIGINT and DECIMAL come back as plain numbers a view can format. */
export const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true };

/** Wraps an engine error so the failing SQL travels with it. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

export function queryError(sql: string, cause: unknown): QueryError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new QueryError(message, sql, { cause });
}
