// Whether each cell's result still answers its SQL. Derived, never stored: a result is stale when
// its text or name changed since it ran, when the data was scored again, or when a cell it read
// is stale, ran again after it, or is gone.
import type { CellLinks } from './dependencies';
import type { Cell } from './types';

export type CellStatus = 'fresh' | 'stale' | 'running' | 'error';

/** What a run of a SQL cell left behind, as far as staleness is concerned. */
export interface RunStamp {
  status: 'fresh' | 'running' | 'error';
  /** The SQL and name the cell had when it ran. */
  sql: string;
  name: string | undefined;
  /** The scoring the result was read after. */
  scored: number;
  /** Order of runs across the notebook. */
  seq: number;
  /** Ids of the cells it read. */
  reads: readonly string[];
}

export function cellStatuses(
  cells: readonly Cell[],
  links: ReadonlyMap<string, CellLinks>,
  runs: Readonly<Record<string, RunStamp>>,
  scored: number,
): Record<string, CellStatus> {
  const out: Record<string, CellStatus> = {};
  const byName = new Map(
    cells.flatMap((c) => (c.kind === 'sql' && c.name ? [[c.name.toLowerCase(), c.id]] : [])),
  );
  const ids = new Set(cells.map((c) => c.id));
  // Cells only read upwards, so one pass in order sees every cell's sources first.
  for (const cell of cells) {
    if (cell.kind === 'text') out[cell.id] = 'fresh';
    else if (cell.kind === 'chart') {
      const source = byName.get(cell.chart.from.toLowerCase());
      out[cell.id] = source ? (out[source] ?? 'stale') : 'stale';
    } else {
      const run = runs[cell.id];
      if (!run) out[cell.id] = 'stale';
      else if (run.status !== 'fresh') out[cell.id] = run.status;
      else {
        const reads = links.get(cell.id)?.reads ?? [];
        const changed =
          run.sql !== cell.sql ||
          run.name !== cell.name ||
          run.scored !== scored ||
          reads.some((r) => !run.reads.includes(r)) ||
          run.reads.some(
            (r) => !ids.has(r) || out[r] !== 'fresh' || (runs[r]?.seq ?? Infinity) > run.seq,
          );
        out[cell.id] = changed ? 'stale' : 'fresh';
      }
    }
  }
  return out;
}
