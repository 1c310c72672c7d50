// The native reference: the app's own workspace, ingest and scoring modules (loaded through
// Vite) on native DuckDB, doing what the app does when a file is dropped (AppState.loadFiles in
// src/lib/state/app.svelte.ts) and when a what-if edit is made (AppState.#editsTo) — minus the
// screen. XLSX is parsed on the calling thread here, in a Web Worker in the browser: the same
// library (read-excel-file) either way.
import { openAsBlob, readFileSync } from 'node:fs';
import path from 'node:path';
import { startNativeEngine } from './native-engine.mjs';
import {
  DUCKDB_MEMORY_SQL,
  EDIT_BUDGET_MS,
  EDITS,
  PIPELINE_LOG_SQL,
  PROFILE_ID,
  median,
  valueEdit,
  weightEdit,
} from './scenario.mjs';

const since = (t0) => performance.now() - t0;

/** Runs one data set natively and returns its figures; `app` is from loadAppModules(). */
export async function runNative(app, data, set) {
  const threads = process.env.BENCH_NATIVE_THREADS
    ? Number(process.env.BENCH_NATIVE_THREADS)
    : undefined;
  const engine = await startNativeEngine(app, { threads });
  const rows = async (sql) => app.rows.toRows(await engine.query(sql));
  const out = { threads: engine.threads, version: engine.version };
  try {
    const ws = await app.workspace.openWorkspace(
      engine,
      app.builtin.loadBuiltins(),
      app.workbook.readWorkbookHere,
    );
    // The framework file, as a JSON file dropped on the page: registered, selected, scored.
    const spec = app.specFile.readSpecFile(readFileSync(data.frameworkFile, 'utf8'));
    await ws.registerFramework(spec.framework);
    const fw = spec.framework.id;
    await ws.score(fw, PROFILE_ID);

    // The data file: read, loaded (see ingest/loadWrites.ts), keyed (SHA-256) as the app keys it.
    const sql0 = engine.stats.sqlMs;
    let t0 = performance.now();
    // A Blob read from disk as it is needed, as a dropped file is in the page.
    const input = { name: path.basename(set.file), data: await openAsBlob(set.file) };
    const report = await ws.loadFile(input, { replace: false });
    await app.saved.fileKey(input.data);
    await ws.loadStates();
    await app.results.readLoadedLevels(engine, [report.loadId]);
    const loadMs = since(t0);
    out.ingestSqlMs = engine.stats.sqlMs - sql0;
    out.observations = report.observations;
    out.units = report.units;

    // The scoring that follows a load, with the ranking read as the page reads it.
    t0 = performance.now();
    await ws.score(fw, PROFILE_ID, []);
    const years = await app.results.readYears(engine);
    const year = years.at(-1);
    const ranking = await app.results.readRanking(engine, year);
    out.totalMs = loadMs + since(t0);
    out.rankedUnits = ranking.length;
    out.steps = await rows(PIPELINE_LOG_SQL);
    // As in the browser: the scoring is what pipeline_log says, the ingest is the rest.
    out.pipelineMs = out.steps.reduce((s, x) => s + Number(x.ms), 0);
    out.ingestMs = out.totalMs - out.pipelineMs;

    // What-if edits one after another, each re-scored and the ranking read again.
    const edits = [];
    const timeEdits = async (make) => {
      const times = [];
      const start = performance.now();
      for (let i = 0; i < EDITS; i++) {
        // At least two edits: the first value edit also snapshots the scores "before".
        if (times.length >= 2 && since(start) > EDIT_BUDGET_MS) break;
        const t = performance.now();
        if (edits.length === 0) await engine.exec(app.beforeAfter.SNAPSHOT_SQL.join(';\n'));
        edits.push(make(i));
        await ws.score(fw, PROFILE_ID, edits);
        await app.results.readRanking(engine, year);
        times.push(since(t));
      }
      return {
        times,
        median: median(times.slice(1)),
        first: times[0],
        steps: await rows(PIPELINE_LOG_SQL),
      };
    };
    out.valueEdit = await timeEdits((i) => valueEdit(set, i));
    out.weightEdit = await timeEdits((i) => weightEdit(data, i));
    const [mem] = await rows(DUCKDB_MEMORY_SQL);
    out.duckdbMemory = Number(mem?.bytes ?? 0);
    out.rss = process.memoryUsage().rss;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    await engine.close();
  }
  return out;
}
