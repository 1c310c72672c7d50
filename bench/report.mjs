// The results as Markdown: the figures against the budgets of DESIGN.md §6, each data set's
// scoring steps side by side, and the production bundle. The same text is printed and saved.

// Decimal units, as the budget is written (1.5 GB).
const GB = 1e9;
const MB = 1e6;

const ok = (x) => x !== null && x !== undefined && Number.isFinite(x);
const ms = (x) =>
  !ok(x) ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
const bytes = (x) =>
  !ok(x)
    ? '—'
    : x >= GB
      ? `${(x / GB).toFixed(2)} GB`
      : `${(x / MB).toFixed(x >= 100 * MB ? 0 : 1)} MB`;
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const ratio = (a, b) => (ok(a) && ok(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const met = (yes) => (yes === null || yes === undefined ? '—' : yes ? 'yes' : '**no**');
const sum = (list, f) => list.reduce((s, x) => s + f(x), 0);

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Budgets of DESIGN.md §6 that apply to a set (the district and national ones are named). */
function budgets(key) {
  return {
    rescore: key === 'district' ? 100 : key === 'national' ? 1000 : null,
    loadVsNative: key === 'national' ? 2 : null,
    memory: key === 'national' ? 1.5e9 : null,
  };
}

/** Rows of the main table for one set: figure, browser, native, ratio, budget, met. */
function setRows({ set, browser: b, native: n }) {
  const budget = budgets(set.key);
  const row = (figure, bv, nv, r, budgetText = '', yes = null) => [
    `${set.key}: ${figure}`,
    bv,
    nv,
    r,
    budgetText,
    met(yes),
  ];
  const rows = [];
  // A load whose scoring failed never meets its budget, however long it took.
  const failed = Boolean(b.scoreError) || !ok(b.loadMs);
  rows.push(
    row('ingest (load − scoring)', ms(b.ingestMs), ms(n.ingestMs), ratio(b.ingestMs, n.ingestMs)),
    row(
      'score (Σ pipeline_log)',
      b.scoreError ? '**failed**' : ms(b.pipelineMs),
      ms(n.pipelineMs),
      ratio(b.pipelineMs, n.pipelineMs),
    ),
    row(
      'ingest + score (file → ranking)',
      b.scoreError ? `**scoring failed** after ${ms(b.loadMs)}` : ms(b.loadMs),
      ms(n.totalMs),
      failed ? '—' : ratio(b.loadMs, n.totalMs),
      budget.loadVsNative ? `≤ ${budget.loadVsNative}× native` : '',
      budget.loadVsNative ? !failed && b.loadMs <= budget.loadVsNative * n.totalMs : null,
    ),
  );
  const replay = b.replay ?? [];
  if (replay.length > 0) {
    const done = replay.filter((s) => !s.error);
    const stop = replay.find((s) => s.error);
    const nativeSame = sum(done, (s) => Number(n.steps?.find((x) => x.step === s.step)?.ms ?? 0));
    const browserDone = sum(done, (s) => s.ms);
    rows.push(
      row(
        `scoring SQL replayed step by step in the page (diagnostic: ${stop ? `**${stop.step} fails** after ${ms(stop.ms)}` : 'every step ran'})`,
        `${ms(browserDone)} for ${done.length} steps`,
        ms(nativeSame),
        ratio(browserDone, nativeSame),
      ),
    );
  }
  for (const [kind, label] of [
    ['valueEdit', 'value'],
    ['weightEdit', 'weight'],
  ]) {
    const budgetText = budget.rescore ? `< ${ms(budget.rescore)}` : '';
    if (!b[kind]) {
      const why = b.error ? '**failed** (see below)' : failed ? 'not measured: no scores' : '—';
      rows.push(
        row(
          `re-score after a ${label} edit`,
          why,
          ms(n[kind]?.median),
          '—',
          budgetText,
          budget.rescore && failed ? false : null,
        ),
      );
      continue;
    }
    const count = Math.max(0, b[kind].times.length - 1);
    const nCount = Math.max(0, (n[kind]?.times.length ?? 1) - 1);
    rows.push(
      row(
        `re-score after a ${label} edit (median of edits 2…n: browser ${count}, native ${nCount}; first edit ${ms(b[kind].first)} / ${ms(n[kind]?.first)}${b.scoreError && kind === 'valueEdit' ? ' — in the browser made after the failed scoring, so its first edit scored everything' : ''})`,
        ms(b[kind].median),
        ms(n[kind]?.median),
        ratio(b[kind].median, n[kind]?.median),
        budgetText,
        budget.rescore ? b[kind].median < budget.rescore : null,
      ),
    );
    if (ok(b[kind].onScreen))
      rows.push(
        row(
          `${label} edit until on screen (charts drawn and painted; median of edits 2…n)`,
          ms(b[kind].onScreen),
          '',
          '',
        ),
      );
  }
  const tab = b.memoryAfterEdits ?? b.memoryAfterLoad;
  const memBudget = budget.memory ? `< ${bytes(budget.memory)}` : '';
  const under = (x) => (budget.memory && ok(x) ? x < budget.memory : null);
  rows.push(
    row(
      'tab memory at the end (renderer PSS)',
      bytes(tab?.tabPss),
      '',
      '',
      memBudget,
      under(tab?.tabPss),
    ),
    row(
      'tab peak resident memory from the load on (VmHWM)',
      bytes(tab?.tabPeakRss),
      '',
      '',
      memBudget,
      under(tab?.tabPeakRss),
    ),
    row(
      'DuckDB memory (duckdb_memory())',
      bytes(b.duckdbMemory),
      bytes(n.duckdbMemory),
      ratio(b.duckdbMemory, n.duckdbMemory),
    ),
    row('whole Chromium at the end (all processes, PSS)', bytes(tab?.browserPss), '', ''),
    row(
      'first paint, fresh visit (FCP)',
      ms(b.freshVisit?.fcp),
      '',
      '',
      '< 1 s',
      ok(b.freshVisit?.fcp) ? b.freshVisit.fcp < 1000 : null,
    ),
    row('first ranking, fresh visit (the sample district)', ms(b.freshVisit?.firstRanking), '', ''),
    row(
      'bytes over the wire, fresh visit (the page and its workers, as sent)',
      b.freshVisit?.transferred === undefined
        ? '—'
        : `${bytes(b.freshVisit.transferred)} in ${b.freshVisit.requests} responses`,
      '',
      '',
    ),
  );
  if (b.reloadVisit) {
    rows.push(
      row(
        'first paint, reload with the set saved (FCP)',
        ms(b.reloadVisit.fcp),
        '',
        '',
        '< 1 s',
        ok(b.reloadVisit.fcp) ? b.reloadVisit.fcp < 1000 : null,
      ),
      row(
        'first ranking, reload (the set restored from IndexedDB and scored)',
        ms(b.reloadVisit.firstRanking),
        '',
        '',
      ),
      row(
        'tab memory after the reload (renderer PSS)',
        bytes(b.memoryAfterReload?.tabPss),
        '',
        '',
        memBudget,
        under(b.memoryAfterReload?.tabPss),
      ),
    );
  } else {
    rows.push(
      row(
        'reload with the set saved',
        failed ? 'not measured: a restore repeats the load whose scoring failed' : 'not measured',
        '',
        '',
      ),
    );
  }
  rows.push(row('saving to IndexedDB after the load (not awaited by it)', ms(b.saveMs), '', ''));
  return rows;
}

/** Each step's time after the load, and in the last value and weight edit, both sides. */
function stepTable({ browser, native: n }) {
  // Where the app's scoring failed, the browser column is the step-by-step replay.
  const steps = browser.steps ?? browser.replay ?? [];
  const nSteps = new Map((n.steps ?? []).map((s) => [s.step, s]));
  const times = (edit) =>
    new Map((edit?.steps ?? []).filter((s) => s.ran).map((s) => [s.step, Number(s.ms)]));
  const [bv, nv, bw, nw] = [browser.valueEdit, n.valueEdit, browser.weightEdit, n.weightEdit].map(
    times,
  );
  // A step an edit ran again, on each side ('—' where that side made no such edit).
  const edit = (b, nat, step) =>
    b.has(step) || nat.has(step)
      ? `${b.has(step) ? ms(b.get(step)) : '—'} / ${nat.has(step) ? ms(nat.get(step)) : '—'}`
      : 'kept';
  const rows = steps.map((s) => {
    const ns = nSteps.get(s.step);
    return [
      s.step,
      s.error ? 'failed' : s.rows === null || s.rows === undefined ? 'view' : String(s.rows),
      s.error ? `**failed** after ${ms(s.ms)}` : ms(Number(s.ms)),
      ms(Number(ns?.ms)),
      s.error ? '—' : ratio(Number(s.ms), Number(ns?.ms)),
      edit(bv, nv, s.step),
      edit(bw, nw, s.step),
      ns ? (ns.sql === s.sql ? 'yes' : '**no**') : '—',
    ];
  });
  const header = browser.steps ? 'browser' : 'browser (replay)';
  return table(
    [
      'step',
      'rows',
      header,
      'native',
      'ratio',
      'last value edit b / n',
      'last weight edit b / n',
      'same SQL',
    ],
    rows,
  );
}

function bundleTable(sizes) {
  return [
    table(
      ['file', 'raw', 'gzip -9', 'brotli (served)'],
      sizes.files.map((f) => [
        f.file,
        kb(f.raw),
        kb(f.gzip),
        f.brotli === null ? '—' : kb(f.brotli),
      ]),
    ),
    '',
    `- JavaScript, all files: ${kb(sizes.totalJs.raw)} raw, ${kb(sizes.totalJs.gzip)} gzip`,
    `- WebAssembly: ${sizes.wasm.map((w) => `${w.file} ${bytes(w.raw)} raw, ${bytes(w.gzip)} gzip`).join('; ')} (the page fetches one of the two — EH in Chromium — after first paint)`,
    `- Needed for first paint (index.html and what it loads: ${sizes.initial.map((f) => f.file).join(', ')}): JS ${kb(sizes.initialJs.raw)} raw, ${kb(sizes.initialJs.gzip)} gzip; with HTML and CSS ${kb(sizes.initialAll.raw)} raw, ${kb(sizes.initialAll.gzip)} gzip`,
  ].join('\n');
}

const HOW = [
  'How each figure is taken:',
  '',
  '- *ingest + score*: browser — `window.dtiLab.loadFiles([file])` on a disk-backed File, from the call to its end: the file read, the load (observations in committed chunks, then one transaction), the SHA-256 key, the full scoring and the ranking read; native — the same workspace calls (`src/lib/workspace/workspace.ts` and the rest of the app’s modules, loaded through Vite’s SSR loader) on @duckdb/node-api, the file read from disk. *score* is Σ `pipeline_log.ms` of that scoring on each side; *ingest* is the rest.',
  '- *re-score*: the app’s own `timings().whatIfMs` (snapshot on the first edit, re-score, ranking read, the views updated with them; charts draw at the next frame), one edit at a time with the page settled in between; native times the same calls. *until on screen*: from the edit to the second animation frame after it, when the charts have been drawn and that frame painted. The median leaves out the first edit; edits stop at 9 or once a kind has taken its time budget (at least 2).',
  '- *memory*: the page’s renderer process (the DuckDB and XLSX Web Workers are its threads) from /proc: PSS (smaps_rollup) and the resident high-water mark (VmHWM, reset just before the load). DuckDB’s own figure is `duckdb_memory()`. Saving to IndexedDB runs after the load and is timed on its own.',
  '- *first paint*: the `first-contentful-paint` entry of a fresh profile’s first visit, and of a reload once the set is saved (the restore runs after the paint; *first ranking* waits for it).',
  '- *replay* (only where the app’s scoring failed): the pipeline’s SQL for the same settings run step by step through `dtiLab.query` in one transaction, rolled back; it shows how far the page gets and where it stops. The edits are then still made: the app kept no scores, so its first edit scores everything again.',
];

export function formatReport({ env, data, sizes, results }) {
  const out = [`# DTI Lab benchmark — ${env.date}`, ''];
  out.push(
    `Machine: ${env.cpus} × ${env.cpuModel}, ${bytes(env.memory)} RAM; Node ${env.node}; ${env.chromium}; ` +
      `DuckDB-WASM ${env.wasmVersion} in the page; native ${env.nativeVersion} (@duckdb/node-api ${env.nodeApi}, ${env.nativeThreads} threads).`,
    '',
    `Scale ${data.scale}: ${data.counts.communes} communes, ${data.counts.districts} districts, ${data.counts.provinces} provinces; ` +
      `framework of ${data.indicators} indicators over ${data.measures} measures, years 2020–2024; run took ${ms(env.runMs)}.`,
    '',
    `Load average (1 min) before → after each set: ${results.map((r) => `${r.set.key} ${r.loadAverage.join(' → ')}`).join('; ')} (${env.cpus} cores: above ${env.cpus}, other work was competing with the benchmark and every figure is slower than on a quiet machine).`,
    '',
    table(
      ['data set', 'file', 'size', 'rows', 'observations (browser / native; expected)', 'units'],
      results.map(({ set, browser: b, native: n }) => [
        set.label,
        set.file.split('/').at(-1),
        bytes(set.bytes),
        String(set.rows),
        `${b.observations ?? '—'} / ${n.observations ?? '—'}; ${set.observations}`,
        String(set.units),
      ]),
    ),
    '',
    '## Figures',
    '',
    table(
      ['figure', 'browser', 'native', 'browser / native', 'budget', 'met?'],
      results.flatMap(setRows),
    ),
    '',
    ...HOW,
    '',
  );
  for (const r of results) {
    const { browser: b, native: n } = r;
    out.push(`## Steps — ${r.set.label}`, '');
    if (b.scoreError)
      out.push(`Browser: **the scoring after the load failed** — ${b.scoreError}`, '');
    const stop = b.replay?.find((s) => s.error);
    if (stop)
      out.push(
        `Browser, scoring SQL replayed step by step: **${stop.step} fails** after ${ms(stop.ms)} — ${stop.error}`,
        '',
      );
    if (b.error) out.push(`Browser: **failed** while ${b.error}`, '');
    if (n.error) out.push(`Native: **failed** — ${n.error}`, '');
    if (ok(n.ingestSqlMs))
      out.push(
        `Native ingest: ${ms(n.ingestMs)}, of which ${ms(n.ingestSqlMs)} inside DuckDB statements (the rest is the app’s JavaScript: decoding, finding the layout, the line map, SHA-256).`,
        '',
      );
    if (b.steps || b.replay) out.push(stepTable(r), '');
    const notices = (b.notices ?? b.loadNotices ?? []).filter(Boolean);
    if (notices.length) out.push(`Messages on the page: ${notices.join(' · ')}`, '');
  }
  out.push('## Production bundle', '', bundleTable(sizes), '');
  return out.join('\n');
}

// Run alone, it writes the report again from the figures a run saved (bench/.data/*.json).
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2]) {
  const { readFileSync } = await import('node:fs');
  console.log(formatReport(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
}
