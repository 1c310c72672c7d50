// The app's Engine interface (src/lib/db/engine.ts) on native DuckDB (@duckdb/node-api), so the
// app's own ingest and scoring modules run unchanged against it: the same SQL, the same order of
// statements, the same prepared-statement cache. Only what the interface hides differs.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * What the app's `toRows` needs of an Arrow table: the column names, the row count and each
 * column by position. Only the notebook reads Arrow vectors otherwise, and the benchmark does not
 * run it.
 */
function rowsTable(reader) {
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  return {
    schema: { fields: names.map((name) => ({ name })) },
    numRows: reader.currentRowCount,
    getChildAt: (i) => (columns[i] ? { get: (r) => columns[i][r] } : null),
  };
}

/**
 * Starts native DuckDB set up as the app sets up DuckDB-WASM. `app` holds the app's own modules
 * (loaded through Vite): the settings run after connecting and the prepared-statement cache.
 * `sqlMs` adds up the time spent inside DuckDB, to tell it apart from the app's JavaScript.
 */
export async function startNativeEngine(app, { threads } = {}) {
  const { CONNECTION_SETTINGS, DATABASE_SETUP } = app.engine;
  const instance = await DuckDBInstance.create(
    ':memory:',
    threads ? { threads: String(threads) } : {},
  );
  const conn = await instance.connect();
  // registerFile: DuckDB-WASM keeps the bytes in memory under a name; here they go to a folder
  // in memory (/dev/shm where there is one) that DuckDB searches for relative file names.
  const shm = '/dev/shm';
  const base = mkdtempSync(path.join(safeDir(shm), 'dti-bench-native-'));
  for (const s of [...CONNECTION_SETTINGS, ...DATABASE_SETUP]) await conn.run(s);
  await conn.run(`SET file_search_path = '${base.replaceAll("'", "''")}'`);

  const stats = { sqlMs: 0, statements: 0 };
  let running = 0;
  const timed = async (work) => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      stats.sqlMs += performance.now() - t0;
      stats.statements += 1;
    }
  };
  const run = async (sql) => {
    // Statements that define something make kept plans stale: the cache must know of them.
    kept.saw(sql);
    try {
      return rowsTable(await timed(() => conn.runAndReadAll(sql)));
    } catch (e) {
      throw app.engine.queryError(sql, e);
    }
  };
  const kept = app.preparedCache.keptStatements(
    async (sql) => {
      const statement = await timed(() => conn.prepare(sql));
      return {
        run: () => timed(async () => void (await statement.run())),
        close: async () => statement.destroySync(),
      };
    },
    async (sql) => void (await run(sql)),
  );
  return {
    stats,
    threads: Number(
      (await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0].t,
    ),
    version: (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v,
    query: run,
    exec: async (sql) => {
      await run(sql);
    },
    execPrepared: async (sql) => {
      try {
        await kept.run(sql);
      } catch (e) {
        throw app.engine.queryError(sql, e);
      }
    },
    // For notebook cells (not run by the benchmark): DuckDB's interrupt stops the running one.
    execCancellable: async (sql) => {
      running += 1;
      try {
        await run(sql);
      } finally {
        running -= 1;
      }
    },
    cancel: async () => {
      if (running === 0) return false;
      conn.interrupt();
      return true;
    },
    registerFile: async (name, data) =>
      writeFileSync(
        path.join(base, name),
        data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data,
      ),
    dropFile: async (name) => rmSync(path.join(base, name), { force: true }),
    close: async () => {
      conn.closeSync();
      instance.closeSync();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** /dev/shm when it is writable, else the system's temporary folder. */
function safeDir(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.dti-bench-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
    return dir;
  } catch {
    return process.env.TMPDIR ?? '/tmp';
  }
}
