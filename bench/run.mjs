// `npm run bench`: the DTI Lab benchmark. Installs the benchmark's own dependency (native DuckDB,
// kept out of the app's lockfile), builds the app, generates the data sets, runs each through
// the real app in headless Chromium and through the same code on native DuckDB, then prints the
// figures against the budgets of DESIGN.md §6 and saves them as bench/results/YYYY-MM-DD-HHMM.md.
// A script that prints figures, never a test: nothing here fails on a missed budget.
//
// Environment: BENCH_SCALE (1 = national: 10,000 communes; 0.1 for a quick run), BENCH_EDITS
// (edits of each kind, 9), BENCH_EDIT_BUDGET_S (time after which no further edit of a kind
// starts, 40), BENCH_RELOAD (0: no reload visit; "small": not for the national set; default all),
// BENCH_NATIVE_THREADS (native DuckDB's threads; default: all cores), BENCH_REPLAY=always (also
// replay the scoring step by step where the app's own scoring succeeded), CHROMIUM_PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const started = performance.now();
const BENCH = import.meta.dirname;
const ROOT = path.resolve(BENCH, '..');
const DATA = path.join(BENCH, '.data');
const scale = Number(process.env.BENCH_SCALE ?? 1);
const reloadMode = process.env.BENCH_RELOAD ?? 'all';

const log = (...args) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

if (!existsSync(path.join(BENCH, 'node_modules', '@duckdb', 'node-api'))) {
  log('installing the benchmark’s dependencies in bench/ …');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: 'inherit' });
}
// Chromium's and the profiles' temporary files go to the benchmark's own scratch folder.
process.env.TMPDIR ??= path.join(DATA, 'tmp');
mkdirSync(process.env.TMPDIR, { recursive: true });

// Imported only now: native.mjs needs the dependency installed above.
const { preview } = await import('vite');
const { buildApp, bundleSizes } = await import('./bundle.mjs');
const { generate } = await import('./generate.mjs');
const { runBrowser } = await import('./browser.mjs');
const { loadAppModules, scoringSql } = await import('./app-modules.mjs');
const { PROFILE_ID } = await import('./scenario.mjs');
const { runNative } = await import('./native.mjs');
const { formatReport } = await import('./report.mjs');

const dist = path.join(DATA, 'dist');
log('building the app (production) into bench/.data/dist …');
const buildMs = await buildApp(ROOT, dist);
const sizes = bundleSizes(dist);
log(`built in ${Math.round(buildMs)} ms`);

log(`generating the data sets at scale ${scale} …`);
const data = generate(path.join(DATA, `scale-${scale}`), scale);
for (const s of data.sets)
  log(
    `  ${s.label}: ${(s.bytes / 1e6).toFixed(1)} MB, ${s.rows} rows (${Math.round(s.generatedMs)} ms)`,
  );

const server = await preview({
  root: ROOT,
  build: { outDir: dist },
  preview: { port: 0, host: '127.0.0.1' },
  logLevel: 'silent',
});
const url = server.resolvedUrls.local[0];
const modules = await loadAppModules(ROOT);
const replaySql = scoringSql(modules.app, readFileSync(data.frameworkFile, 'utf8'), PROFILE_ID);

// Other work on the machine slows both sides: the load average goes into the results.
const load = () => Math.round(os.loadavg()[0] * 100) / 100;
if (load() > os.cpus().length * 0.75)
  log(
    `note: load average ${load()} on ${os.cpus().length} cores before starting — other work is running`,
  );

const results = [];
for (const set of data.sets) {
  const reload = reloadMode === 'all' || (reloadMode === 'small' && set.key !== 'national');
  const loadBefore = load();
  log(`${set.label}: browser …`);
  const browser = await runBrowser(url, data, set, { reload, scoringSql: replaySql });
  log(
    `  browser: load ${Math.round(browser.loadMs ?? NaN)} ms, value edit ${Math.round(browser.valueEdit?.median ?? NaN)} ms${browser.scoreError ? `, scoring failed: ${browser.scoreError}` : ''}${browser.error ? `, error: ${browser.error}` : ''}`,
  );
  log(`${set.label}: native …`);
  const native = await runNative(modules.app, data, set);
  log(
    `  native: load ${Math.round(native.totalMs ?? NaN)} ms, value edit ${Math.round(native.valueEdit?.median ?? NaN)} ms${native.error ? `, error: ${native.error}` : ''}`,
  );
  results.push({ set, browser, native, loadAverage: [loadBefore, load()] });
}
await modules.close();
await server.close();

const page = JSON.parse(
  readFileSync(path.join(ROOT, 'node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8'),
);
const nodeApi = JSON.parse(
  readFileSync(path.join(BENCH, 'node_modules/@duckdb/node-api/package.json'), 'utf8'),
);
const chromium = (() => {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'Chromium';
  }
})();
const date = new Date().toLocaleDateString('sv-SE');
const env = {
  date,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '?',
  memory: os.totalmem(),
  node: process.version,
  chromium,
  wasmVersion: `${page.version} (DuckDB ${results.find((r) => r.browser.duckdbVersion)?.browser.duckdbVersion ?? '?'})`,
  nodeApi: nodeApi.version,
  nativeVersion: results.find((r) => r.native.version)?.native.version ?? '?',
  nativeThreads: results.find((r) => r.native.threads)?.native.threads ?? '?',
  runMs: performance.now() - started,
};
const report = formatReport({ env, data, sizes, results });
console.log(report);
// One file per run, in bench/results/, named by the day and time it ran (and its scale when not
// the whole country): the README links the latest; older runs are in git's history.
const RESULTS = path.join(BENCH, 'results');
mkdirSync(RESULTS, { recursive: true });
const time = new Date().toISOString().slice(11, 16).replace(':', '');
const file = path.join(RESULTS, `${date}-${time}${scale === 1 ? '' : `-scale-${scale}`}.md`);
writeFileSync(file, report + '\n');
// Every figure as measured, for a closer look (not committed).
writeFileSync(
  path.join(DATA, path.basename(file, '.md') + '.json'),
  JSON.stringify({ env, data, sizes, results }, null, 1),
);
log(`written to ${path.relative(ROOT, file)}`);
