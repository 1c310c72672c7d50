// Node implementation of Engine, for unit tests and scripts: the same WASM engine and the same
// SQL as the browser, through the blocking bindings.
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  createDuckDB,
  NODE_RUNTIME,
  VoidLogger,
  type DuckDBBindings,
  type DuckDBConnection,
} from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import {
  CONNECTION_SETTINGS,
  DATABASE_SETUP,
  QUERY_CONFIG,
  queryError,
  type Engine,
} from './engine';
import { keptStatements } from './preparedCache';

const require = createRequire(import.meta.url);

/** One DuckDB instance in this process, and the engines on it. */
export interface NodeDatabase {
  /**
   * An engine on a new connection and an empty workspace database: what the engine before it
   * made (tables, temporary tables, kept statements, registered files) is gone, and that engine
   * is closed. Starting an instance takes a second; this takes a few milliseconds, so tests that
   * each need an empty workspace start one instance per file and take fresh engines from it.
   */
  freshEngine(): Engine;
}

export async function startNodeEngine(): Promise<Engine> {
  return (await openNodeDatabase()).freshEngine();
}

export async function openNodeDatabase(): Promise<NodeDatabase> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
  const bundles = {
    mvp: {
      mainModule: path.join(dist, 'duckdb-mvp.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: path.join(dist, 'duckdb-eh.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate(() => undefined);
  db.open({ query: QUERY_CONFIG });
  let current: { close(): void } | null = null;
  return {
    freshEngine() {
      current?.close();
      db.dropFiles();
      const conn = db.connect();
      let open = true;
      // Closed once, by whichever comes first: its own close or the next fresh engine.
      const close = () => {
        if (open) conn.close();
        open = false;
      };
      current = { close };
      for (const s of [
        ...CONNECTION_SETTINGS,
        'DETACH DATABASE IF EXISTS workspace',
        ...DATABASE_SETUP,
      ])
        conn.query(s);
      return engineOn(db, conn, close);
    },
  };
}

function engineOn(db: DuckDBBindings, conn: DuckDBConnection, close: () => void): Engine {
  const run = (sql: string): Table => {
    // Statements that define something make kept plans stale: the cache must know of them.
    kept.saw(sql);
    try {
      return conn.query(sql) as unknown as Table;
    } catch (e) {
      throw queryError(sql, e);
    }
  };
  const kept = keptStatements(
    async (sql) => {
      const statement = conn.prepare(sql);
      return { run: async () => void statement.query(), close: async () => statement.close() };
    },
    async (sql) => void run(sql),
  );
  return {
    query: async (sql) => run(sql),
    exec: async (sql) => {
      run(sql);
    },
    execPrepared: async (sql) => {
      try {
        await kept.run(sql);
      } catch (e) {
        throw queryError(sql, e);
      }
    },
    // The blocking bindings run a statement to its end: nothing can be heard meanwhile.
    execCancellable: async (sql) => {
      run(sql);
    },
    cancel: async () => false,
    registerFile: async (name, data) =>
      db.registerFileBuffer(
        name,
        data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data,
      ),
    dropFile: async (name) => db.dropFile(name),
    // The instance lives on for the next fresh engine; the process's end frees it.
    close: async () => close(),
  };
}
