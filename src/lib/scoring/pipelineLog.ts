// The log of a scoring run: each step's SQL, whether it ran, its rows and its time, kept in
// `pipeline_log` (a fixed table, refilled, so that logging a replay redefines nothing).
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';
import type { Step } from './step';

export interface StepLog {
  step: string;
  output: string;
  sql: string;
  /** Rows stored; null for a view. */
  rows: number | null;
  /** The step's own time; emptying the tables a run fills again is the run's (see emptyTables). */
  ms: number;
  /** False when a replay found nothing it reads changed and kept its output as it was. */
  ran: boolean;
  /** True when the step's table was emptied and filled again (rather than created). */
  refilled: boolean;
  /** True when only the unit-years a value edit reaches were computed again. */
  partial: boolean;
  /** Rows the run deleted from the step's table: DuckDB keeps them until a checkpoint. */
  deleted: number;
}

export interface PipelineRun {
  frameworkId: string;
  profileId: string | null;
  steps: StepLog[];
  ms: number;
}

/**
 * Writes the run's log, counting in the same round trip to the engine the rows of the tables the
 * run built (a view is not counted: that would compute all of it); the counts go into `logs`.
 */
export async function writePipelineLog(
  engine: Engine,
  logs: StepLog[],
  steps: readonly { step: Step; sql: string }[],
): Promise<void> {
  const counted = new Set(
    logs
      .filter((l) => l.ran && !steps.find((s) => s.step.name === l.step)!.step.view)
      .map((l) => l.step),
  );
  const rowsSql = (l: StepLog): string =>
    counted.has(l.step) ? `(SELECT count(*) FROM ${l.output})` : lit(l.rows);
  const written = toRows(
    await engine.query(
      `DELETE FROM pipeline_log;
INSERT INTO pipeline_log VALUES ${logs
        .map(
          (s, i) =>
            `(${i + 1}, ${lit(s.step)}, ${lit(s.output)}, ${rowsSql(s)}, ${lit(Math.round(s.ms * 10) / 10)}, ${lit(s.ran)}, ${lit(s.sql)})`,
        )
        .join(', ')}
RETURNING step, rows`,
    ),
  );
  for (const r of written)
    if (counted.has(String(r.step))) logs.find((l) => l.step === r.step)!.rows = Number(r.rows);
}
