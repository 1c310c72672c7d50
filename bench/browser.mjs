// One data set through the real app in headless Chromium (the production build under `vite
// preview`), driven by its automation API `window.dtiLab`: a fresh visit (first paint, first
// ranking of the sample), the framework file, the data file, what-if edits, the tab's memory,
// and a reload with the set saved (the app restores it from IndexedDB).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { memoryNow, pageRenderer, resetPeak } from './procmem.mjs';
import {
  DUCKDB_MEMORY_SQL,
  EDIT_BUDGET_MS,
  EDITS,
  PIPELINE_LOG_SQL,
  median,
  valueEdit,
  weightEdit,
} from './scenario.mjs';

/** Longest wait for one phase in the page (a load, the edits, a reload) before giving up. */
const PHASE_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_S ?? 900) * 1000;

/** `promise`, or an error once PHASE_TIMEOUT_MS have passed. */
function inTime(promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer after ${PHASE_TIMEOUT_MS / 1000} s`)),
      PHASE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const noticesIn = (page) =>
  page.evaluate(() =>
    window.dtiLab.notices().map((n) => `${n.title?.en ?? ''}: ${n.detail?.en ?? ''}`),
  );

/** First contentful paint, the app's first ranking, and navigation times of the page now shown. */
async function paintTimes(page) {
  await page.evaluate(() => window.dtiLab.ready);
  return page.evaluate(() => {
    const paint = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      fcp: paint('first-contentful-paint'),
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      firstRanking: window.dtiLab.timings().firstRankingMs,
    };
  });
}

/** The framework file, dropped as a person drops it; the sample district goes first. */
async function loadFramework(page, data) {
  await page.evaluate(
    async ({ text, name }) => {
      await window.dtiLab.undoLastLoad();
      await window.dtiLab.loadFiles([new File([text], name, { type: 'application/json' })]);
      await window.dtiLab.settled();
    },
    { text: readFileSync(data.frameworkFile, 'utf8'), name: path.basename(data.frameworkFile) },
  );
}

/**
 * The data file, as a disk-backed File like the file picker gives (through a file input of the
 * benchmark's own), loaded by `loadFiles` and timed in the page. Saving the workspace starts as
 * the load ends and is not awaited by it: timed on its own.
 */
async function loadData(page, file) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', file);
  return page.evaluate(async () => {
    const api = window.dtiLab;
    const before = api.notices().length;
    const t0 = performance.now();
    const reports = await api.loadFiles([document.getElementById('bench-file').files[0]]);
    const loadMs = performance.now() - t0;
    await api.settled();
    const t1 = performance.now();
    await api.saved();
    return {
      loadMs,
      saveMs: performance.now() - t1,
      reports: reports.map((r) => ({ observations: r.observations, units: r.units })),
      loadNotices: api
        .notices()
        .slice(before)
        .map((n) => `${n.title?.en ?? ''}: ${n.detail?.en ?? ''}`),
    };
  });
}

/**
 * Edits made one at a time as a person makes them (the page settled and redrawn in between),
 * timed by the app itself (`timings().whatIfMs`: re-score and ranking read, the views updated
 * with them) and until on screen: the charts drawn at the next frame and that frame painted
 * (the frame after it has begun).
 */
async function timeEdits(page, edits) {
  const { times, onScreen } = await page.evaluate(
    async ({ edits, budget }) => {
      const api = window.dtiLab;
      const times = [];
      const onScreen = [];
      const t0 = performance.now();
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (const edit of edits) {
        // At least two edits: the first value edit also snapshots the scores "before".
        if (times.length >= 2 && performance.now() - t0 > budget) break;
        await api.settled();
        await new Promise((resolve) => setTimeout(resolve, 150));
        const t1 = performance.now();
        await api.addEdit(edit);
        times.push(api.timings().whatIfMs);
        await nextFrame();
        await nextFrame();
        onScreen.push(performance.now() - t1);
      }
      return { times, onScreen };
    },
    { edits, budget: EDIT_BUDGET_MS },
  );
  const steps = await page.evaluate((sql) => window.dtiLab.query(sql), PIPELINE_LOG_SQL);
  return {
    times,
    median: median(times.slice(1)),
    first: times[0],
    onScreen: median(onScreen.slice(1)),
    steps,
  };
}

/**
 * When the app's own scoring fails, its log keeps the previous run. To see where and how far
 * the page gets, the same scoring SQL (`scoringSql`: the pipeline's steps for these settings)
 * runs step by step in the page's DuckDB, in one transaction rolled back at the end.
 */
async function replaySteps(page, scoringSql) {
  return page.evaluate(async (steps) => {
    const api = window.dtiLab;
    const out = [];
    await api.query('BEGIN TRANSACTION');
    try {
      for (const s of steps) {
        const t0 = performance.now();
        try {
          await api.query(s.sql);
        } catch (e) {
          out.push({
            step: s.step,
            sql: s.sql,
            ms: performance.now() - t0,
            error: String(e.message ?? e),
          });
          break;
        }
        const ms = performance.now() - t0;
        const rows = s.view
          ? null
          : Number((await api.query(`SELECT count(*) AS n FROM ${s.output}`))[0]?.n ?? 0);
        out.push({ step: s.step, sql: s.sql, ms, rows, ran: true });
      }
    } finally {
      await api.query('ROLLBACK').catch(() => undefined);
    }
    return out;
  }, scoringSql);
}

/** Runs `set` in a fresh Chromium profile; `url` is the preview server's. */
export async function runBrowser(url, data, set, options = {}) {
  const scoringSql = options.scoringSql ?? [];
  let reload = options.reload ?? true;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dti-bench-profile-'));
  const context = await launchChromium(profile, { viewport: { width: 1280, height: 720 } });
  const out = {};
  let page;
  // What the page was doing, for the error message if it fails.
  let phase = 'opening the page';
  const query = (sql) => page.evaluate((q) => window.dtiLab.query(q), sql);
  let renderer = null;
  const memory = () => (renderer ? memoryNow(profile, renderer.pid) : null);
  try {
    page = context.pages()[0] ?? (await context.newPage());
    // Bytes over the wire on the first visit: every response body of the page and its workers
    // (DuckDB's wasm is fetched by its worker), as sent — compressed when the server did.
    const bodies = [];
    const onFinished = (request) =>
      bodies.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    page.on('requestfinished', onFinished);
    await page.goto(url);
    out.freshVisit = await inTime(paintTimes(page));
    page.off('requestfinished', onFinished);
    out.freshVisit.transferred = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    out.freshVisit.requests = bodies.length;
    out.duckdbVersion = (await query('SELECT version() AS v'))[0]?.v ?? null;
    renderer = pageRenderer(profile);

    // The service worker caches the build on a first visit (tens of MB, in this renderer's
    // time): the measured work starts once it is done, as on any later visit.
    phase = 'waiting for the service worker';
    out.serviceWorker = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker?.ready.then(() => 'ready') ?? 'none',
        new Promise((resolve) => setTimeout(() => resolve('not ready after 60 s'), 60_000)),
      ]),
    );
    phase = 'loading the framework file';
    await loadFramework(page, data);

    phase = 'loading the data file';
    if (renderer) out.peakReset = resetPeak(renderer.pid);
    Object.assign(out, await inTime(loadData(page, set.file)));
    out.memoryAfterLoad = memory();
    if (out.reports.length === 0) {
      out.error = `the file did not load — ${out.loadNotices.at(-1) ?? 'no message'}`;
      return out;
    }
    out.observations = out.reports[0].observations;
    out.units = out.reports[0].units;
    out.rankedUnits = Number(
      (
        await query('SELECT count(*) AS n FROM scores WHERE year = (SELECT max(year) FROM scores)')
      )[0]?.n ?? 0,
    );
    if (out.rankedUnits === 0) {
      // The data is in, the scoring is not: say where it stops. The failed scoring rolled back
      // and freed its memory, so the same SQL replayed now shows how far the page gets.
      out.scoreError = out.loadNotices.at(-1) ?? 'no scores after the load';
      phase = 'replaying the scoring step by step';
      out.replay = await inTime(replaySteps(page, scoringSql));
      // The app has kept no scores: its first edit scores everything again (that edit is left
      // out of the median), the later ones are true re-scores.
      reload = false;
    } else {
      out.steps = await query(PIPELINE_LOG_SQL);
      out.pipelineMs = out.steps.reduce((s, x) => s + Number(x.ms), 0);
      // Ingest: the load minus the scoring that ran at its end (the ranking read stays in it).
      out.ingestMs = out.loadMs - out.pipelineMs;
    }

    phase = `what-if value edits${out.scoreError ? ' (after the failed scoring)' : ''}`;
    const edits = (make) => Array.from({ length: EDITS }, (_, i) => make(i));
    out.valueEdit = await inTime(
      timeEdits(
        page,
        edits((i) => valueEdit(set, i)),
      ),
    );
    phase = 'what-if weight edits';
    out.weightEdit = await inTime(
      timeEdits(
        page,
        edits((i) => weightEdit(data, i)),
      ),
    );

    if (process.env.BENCH_REPLAY === 'always' && !out.replay) {
      // For a closer look: the step-by-step replay also where the app's scoring succeeded.
      phase = 'replaying the scoring step by step';
      out.replay = await inTime(replaySteps(page, scoringSql));
    }

    phase = 'reading memory';
    out.duckdbMemory = Number((await query(DUCKDB_MEMORY_SQL))[0]?.bytes ?? 0);
    out.memoryAfterEdits = memory();
    out.notices = await noticesIn(page);

    if (reload) {
      // A return visit: the saved workspace (this set, the framework, the edits) comes back.
      phase = 'reloading (the saved set restored)';
      await page.reload();
      out.reloadVisit = await inTime(paintTimes(page));
      const again = pageRenderer(profile);
      out.memoryAfterReload = again ? memoryNow(profile, again.pid) : null;
    }
  } catch (e) {
    out.error = `${phase}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    out.notices = page ? await noticesIn(page).catch(() => []) : [];
    out.memoryAfterEdits ??= memory();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
