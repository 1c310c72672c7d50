// What the benchmark does with each data set, the same in the browser and natively: load the
// framework, load the data file (ingest, then the full scoring), then what-if edits one at a
// time — first values, then a main index's weight — each followed by the re-score the app does.

/** The target profile the app selects by default (DEFAULT_PROFILE in src/lib/state/app.svelte.ts). */
export const PROFILE_ID = 'kh-cds-khanh-son-2024';

/** Edits of each kind; the median is reported (the first value edit also takes the snapshot). */
export const EDITS = Number(process.env.BENCH_EDITS ?? 9);

/**
 * Time after which no further edit of a kind starts (at least two are made): at national scale
 * one re-score can take long enough that nine of them would not fit in a run.
 */
export const EDIT_BUDGET_MS = Number(process.env.BENCH_EDIT_BUDGET_S ?? 40) * 1000;

/** The i-th value edit: one commune's rate, set to a new value each time (rates 0–1). */
export function valueEdit(set, i) {
  return {
    kind: 'value',
    unit: set.edit.unit,
    year: set.edit.year,
    measure: set.edit.measure,
    value: ((i * 3) % 10) / 10 + 0.05,
    text: null,
  };
}

/** The i-th weight edit: the first main index weighs a little more each time. */
export function weightEdit(data, i) {
  return {
    kind: 'weight',
    framework: data.frameworkId,
    group: data.weightGroup,
    value: data.weightBase + 1 + i,
  };
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The pipeline log as both sides read it, for the per-step table and the same-SQL check. */
export const PIPELINE_LOG_SQL =
  'SELECT ord, step, output, rows, ms, ran, sql FROM pipeline_log ORDER BY ord';

/** DuckDB's own account of its memory, summed over its components. */
export const DUCKDB_MEMORY_SQL =
  'SELECT sum(memory_usage_bytes)::DOUBLE AS bytes, sum(temporary_storage_bytes)::DOUBLE AS temp FROM duckdb_memory()';
