// What the last committed run left, for the next run to replay only what changed.
import type { PipelineRun } from './pipelineLog';
import type { Step } from './step';

/**
 * What the last committed run left: each step's SQL. A replay runs a step only when its SQL
 * differs or something it reads changed since — a what-if edit of one value replays from
 * `measures`, a weight from `totals`, a target nothing stored at all.
 */
export class PipelineMemory {
  readonly #sql = new Map<string, string>();
  readonly #rows = new Map<string, number | null>();
  /** Rows deleted by refills since the last checkpoint: DuckDB keeps them until one. */
  #deleted = 0;

  /**
   * @param minDeadRows dead rows tolerated whatever the live ones: a checkpoint costs tens of
   *   milliseconds, so a district's what-if edits (a few thousand rows each) do not pay it each time.
   */
  constructor(readonly minDeadRows = 250_000) {}

  /** Whether the step's table was last built by exactly this SQL (so its columns fit it). */
  built(step: string, sql: string): boolean {
    return this.#sql.get(step) === sql;
  }

  /** The rows of the step's table after its last run: null for a view, undefined if never run. */
  rowsOf(step: string): number | null | undefined {
    return this.#rows.get(step);
  }

  /** The steps to run, given the sources changed since the last run. */
  plan(steps: readonly { step: Step; sql: string }[], changed: ReadonlySet<string>): Set<string> {
    const dirty = new Set(changed);
    const run = new Set<string>();
    for (const { step, sql } of steps) {
      const inputsChanged = step.reads.some((r) => dirty.has(r));
      const sqlChanged = this.#sql.get(step.name) !== sql;
      // A view is defined once; it reads its inputs afresh whenever it is read.
      if (sqlChanged || (inputsChanged && !step.view)) run.add(step.name);
      if (sqlChanged || inputsChanged) dirty.add(step.output);
    }
    return run;
  }

  remember(run: PipelineRun): void {
    for (const l of run.steps) {
      this.#deleted += l.deleted;
      this.#sql.set(l.step, l.sql);
      this.#rows.set(l.step, l.rows);
    }
  }

  /**
   * Whether to checkpoint now: once the rows deleted by refills outnumber the rows kept (and the
   * floor), so the dead rows never take much more memory than the live ones.
   */
  dueForCheckpoint(): boolean {
    const live = [...this.#rows.values()].reduce<number>((s, n) => s + (n ?? 0), 0);
    return this.#deleted > Math.max(live, this.minDeadRows);
  }

  checkpointed(): void {
    this.#deleted = 0;
  }
}
