// Browser implementation of Engine: DuckDB-WASM in a Web Worker, its wasm and worker files
// served from the app's own origin (Vite emits them as assets), nothing fetched elsewhere.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import {
  CONNECTION_SETTINGS,
  DATABASE_SETUP,
  QUERY_CONFIG,
  queryError,
  type Engine,
} from './engine';
import { keptStatements } from './preparedCache';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: new URL(mvpWasm, location.href).href,
    mainWorker: new URL(mvpWorker, location.href).href,
  },
  eh: {
    mainModule: new URL(ehWasm, location.href).href,
    mainWorker: new URL(ehWorker, location.href).href,
  },
};

/**
 * Starts the engine; `downloaded` hears how many bytes of its wasm have arrived (as unpacked: the
 * server may send them compressed) — the wait a person sees on a first visit.
 */
export async function startBrowserEngine(downloaded?: (bytes: number) => void): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => downloaded?.(p.bytesLoaded));
  await db.open({ query: QUERY_CONFIG });
  const conn = await db.connect();
  for (const s of [...CONNECTION_SETTINGS, ...DATABASE_SETUP]) await conn.query(s);

  const run = async (sql: string): Promise<Table> => {
    // Statements that define something make kept plans stale: the cache must know of them.
    kept.saw(sql);
    try {
      return (await conn.query(sql)) as unknown as Table;
    } catch (e) {
      throw queryError(sql, e);
    }
  };
  const kept = keptStatements(
    async (sql) => {
      const statement = await conn.prepare(sql);
      return { run: async () => void (await statement.query()), close: () => statement.close() };
    },
    async (sql) => void (await run(sql)),
  );
  return {
    query: run,
    exec: async (sql) => {
      await run(sql);
    },
    execPrepared: async (sql) => {
      try {
        await kept.run(sql);
      } catch (e) {
        throw queryError(sql, e);
      }
    },
    execCancellable: async (sql) => {
      kept.saw(sql);
      try {
        // send() runs the statement in slices, between which a cancel is heard.
        const reader = await conn.send(sql);
        if (reader) for await (const batch of reader) void batch;
      } catch (e) {
        throw queryError(sql, e);
      }
    },
    cancel: () => conn.cancelSent(),
    // A Blob goes to the worker as a handle its FileReaderSync reads part by part; bytes are
    // moved there, not copied. Either way a national CSV is not held twice.
    registerFile: (name, data) =>
      data instanceof Blob
        ? db.registerFileHandle(name, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
        : db.registerFileBuffer(name, data),
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    close: async () => {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
