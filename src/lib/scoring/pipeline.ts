// The scoring pipeline: an ordered list of named, pure steps. Running it replays the steps from
// `observations` and logs what each did; a what-if edit is a new setting and a replay of the
// steps it touches.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { ident, lit } from '../sql/quote';
import {
  AFFECTED,
  COARSER_AFFECTED_SQL,
  affectedPointsSql,
  editedSql,
  type AffectedGrain,
  type EditedValue,
} from './affected';
import { readScope, scopeWhere, type Scope } from './scope';
import { setAside } from './setAside';
import type { PartialRun, ScoringSettings, Step } from './step';
import { measuresStep, observedMeasuresStep } from './steps/measures';
import { indicatorInputsStep } from './steps/indicatorInputs';
import { indicatorPointsStep } from './steps/indicatorPoints';
import { mainIndexScoresStep } from './steps/mainIndexScores';
import { pillarScoresStep } from './steps/pillarScores';
import { totalsStep } from './steps/totals';
import { ranksStep } from './steps/ranks';
import { bandsStep } from './steps/bands';
import { gapsStep } from './steps/gaps';
import { pointsAtStakeStep } from './steps/pointsAtStake';
import { explainStep } from './steps/explain';
import { assessedPointsStep } from './steps/assessedPoints';

export const PIPELINE: readonly Step[] = [
  observedMeasuresStep,
  measuresStep,
  indicatorInputsStep,
  indicatorPointsStep,
  mainIndexScoresStep,
  pillarScoresStep,
  totalsStep,
  ranksStep,
  bandsStep,
  gapsStep,
  pointsAtStakeStep,
  assessedPointsStep,
  explainStep,
];

/** Every table the pipeline writes, its log included. */
export const PIPELINE_TABLES: readonly string[] = [
  ...PIPELINE.map((s) => s.output),
  'pipeline_log',
];

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

/** Every source: the first run, or after a change nobody described, replays everything. */
export const ALL_SOURCES: ReadonlySet<string> = new Set([
  'data',
  'framework',
  'weights',
  'profile',
  'whatIf',
]);

/** The SQL of every step for these settings, without running anything. */
export function pipelineSql(settings: ScoringSettings): { step: Step; sql: string }[] {
  return PIPELINE.map((step) => ({ step, sql: step.sql(settings) }));
}

/**
 * From this many observations a run goes step by step (see runInSteps): the tables a transaction
 * writes stay uncompressed until it commits, and a national set's scoring tables written in one
 * transaction fill DuckDB-WASM's 3.1 GiB where, committed step by step, they take a tenth.
 */
export const IN_STEPS_FROM = 500_000;

/**
 * Rows a run in steps reads at a time for a step that can be built a group of keys at a time: a
 * national set's observed values built in one statement took the wasm heap (which never shrinks)
 * from 1.6 to 2.3 GB; in groups of a million rows they took nothing past what the load had taken.
 */
export const GROUP_ROWS = 1_000_000;

export interface PipelineOptions {
  memory: PipelineMemory;
  changed: ReadonlySet<string>;
  /** Observations from which a run goes step by step; IN_STEPS_FROM unless a test says. */
  inStepsFrom?: number;
  /** Rows read per group in a run in steps; GROUP_ROWS unless a test says. */
  groupRows?: number;
  /**
   * The what-if values that changed, when nothing else did: the steps computed per unit-year
   * (or unit-year-indicator) then compute only those these reach (see affected.ts).
   */
  edited?: readonly EditedValue[];
  /** Unit-years up to which a partial run reads only its scope; SCOPE_LIMIT unless a test says. */
  scopeUpTo?: number;
  /** Unit-years scored from which a partial run may read only its scope; SCOPE_FROM unless a test says. */
  scopeFrom?: number;
  /**
   * Statements writing the run's inputs (the what-if values), sent to the engine with the run's
   * first ones: every round trip costs milliseconds in a page.
   */
  inputs?: readonly string[];
}

/**
 * Runs the steps so that a failing step leaves the previous results whole: in one transaction,
 * or for a large set step by step with the previous results kept aside until the new ones are
 * whole. With a memory, only the steps whose SQL or inputs changed run; without one, all of them.
 */
export async function runPipeline(
  engine: Engine,
  settings: ScoringSettings,
  replay?: PipelineOptions,
): Promise<PipelineRun> {
  const steps = pipelineSql(settings);
  const toRun = replay
    ? replay.memory.plan(steps, replay.changed)
    : new Set(steps.map((s) => s.step.name));
  const edited = replay?.edited && onlyValues(replay.changed) ? replay.edited : null;
  const inputs = replay?.inputs ?? [];
  if (
    toRun.size > 0 &&
    !edited &&
    (await writesMuch(engine, toRun, replay, replay?.inStepsFrom ?? IN_STEPS_FROM))
  ) {
    if (inputs.length > 0) await engine.exec(inputs.join(';\n'));
    return runInSteps(engine, settings, steps, toRun, replay?.memory, replay?.groupRows);
  }
  await engine.exec(
    [...inputs, ...(edited ? editedSql(edited) : []), 'BEGIN TRANSACTION'].join(';\n'),
  );
  try {
    if (edited) await engine.execPrepared(affectedPointsSql(settings.framework));
    const scope = edited
      ? await readScope(engine, COARSER_AFFECTED_SQL, replay?.scopeUpTo, replay?.scopeFrom)
      : undefined;
    const builds = new Map(
      steps
        .filter((s) => toRun.has(s.step.name))
        .map((s) => [s.step.name, buildOf(s, replay?.memory, edited !== null)]),
    );
    const run = await runSteps(engine, settings, steps, builds, replay?.memory, scope);
    await engine.exec('COMMIT');
    replay?.memory.remember(run);
    if (replay?.memory.dueForCheckpoint()) await checkpoint(engine, replay.memory);
    return run;
  } catch (e) {
    await engine.exec('ROLLBACK');
    throw e;
  }
}

const onlyValues = (changed: ReadonlySet<string>): boolean =>
  [...changed].every((c) => c === 'whatIf');

/** How a step that runs builds its output. */
type Build = 'create' | 'refill' | 'partial';

/**
 * A table built before by the same SQL is filled again rather than created (see runStep); after
 * a value edit alone, a step computed per unit-year fills again only the unit-years it reaches.
 */
function buildOf(
  { step, sql }: { step: Step; sql: string },
  memory: PipelineMemory | undefined,
  valuesOnly: boolean,
): Build {
  if (!STORED.test(sql) || !memory?.built(step.name, sql)) return 'create';
  return valuesOnly && step.partialBy ? 'partial' : 'refill';
}

/**
 * Whether the steps to run write as many rows as a run goes step by step for. After edits alone
 * (values, weights, targets) a step writes as many rows as last time: a weight edit on a national
 * set rewrites the totals alone, which one transaction holds easily. After new data or another
 * framework, or for a step never stored, the observations are the measure.
 */
async function writesMuch(
  engine: Engine,
  toRun: ReadonlySet<string>,
  replay: PipelineOptions | undefined,
  from: number,
): Promise<boolean> {
  const rows = [...toRun].map((name) => replay?.memory.rowsOf(name));
  const sameRows = replay && !replay.changed.has('data') && !replay.changed.has('framework');
  if (!sameRows || rows.some((n) => n === undefined))
    return (await observationCount(engine)) >= from;
  return rows.some((n) => (n ?? 0) >= from);
}

async function observationCount(engine: Engine): Promise<number> {
  const [r] = toRows(await engine.query('SELECT count(*)::DOUBLE AS n FROM observations'));
  return Number(r?.n ?? 0);
}

/**
 * A run in which every step commits on its own, so that what it wrote is compressed before the
 * next step runs. The outputs it rebuilds are set aside until every step has run: the results are
 * the old ones or the new ones, never a mix.
 */
async function runInSteps(
  engine: Engine,
  settings: ScoringSettings,
  steps: readonly { step: Step; sql: string }[],
  toRun: ReadonlySet<string>,
  memory: PipelineMemory | undefined,
  groupRows = GROUP_ROWS,
): Promise<PipelineRun> {
  const aside = await setAside(
    engine,
    steps.filter((s) => toRun.has(s.step.name)).map((s) => s.step.output),
  );
  let run: PipelineRun;
  try {
    const builds = new Map([...toRun].map((name) => [name, 'create' as const]));
    run = await runSteps(engine, settings, steps, builds, memory, undefined, groupRows);
  } catch (e) {
    await aside.restore();
    throw e;
  }
  await aside.drop();
  memory?.remember(run);
  // The old outputs are gone: a checkpoint gives their memory back now.
  await checkpoint(engine, memory);
  return run;
}

async function checkpoint(engine: Engine, memory: PipelineMemory | undefined): Promise<void> {
  await engine.exec('CHECKPOINT');
  memory?.checkpointed();
}

const STORED = /^\s*CREATE OR REPLACE TABLE (\w+) AS\s/;

/** A stored step's SQL as the table it creates and the query that fills it; null for a view. */
function storedParts(sql: string): { table: string; select: string } | null {
  const stored = STORED.exec(sql);
  return stored ? { table: stored[1]!, select: sql.slice(stored[0].length) } : null;
}

/** A partial run's scope as it bounds a step's rows: not those of a grain a scope's units do not bound. */
const scopeOf = (step: Step, scope: Scope | undefined): Scope | undefined =>
  step.partialBy && AFFECTED[step.partialBy].byUnit ? scope : undefined;

/** The join of a step's rows (`alias`) to the affected rows of its grain (`a`). */
const affectedOn = (grain: AffectedGrain, alias: string): string =>
  AFFECTED[grain].keys.map((k) => `a.${k} = ${alias}.${k}`).join(' AND ');

/**
 * Empties, in one round trip to the engine, what the steps that fill their table again will
 * fill: all of it for a refill, the affected rows for a partial build (reading only the scope's
 * rows when there is one). Returns the rows deleted from each table: those the last run left
 * minus those that stay.
 */
async function emptyTables(
  engine: Engine,
  steps: readonly { step: Step; sql: string }[],
  builds: ReadonlyMap<string, Build>,
  memory: PipelineMemory | undefined,
  scope: Scope | undefined,
): Promise<Map<string, number>> {
  const emptied = steps.flatMap(({ step, sql }) => {
    const build = builds.get(step.name);
    const stored = storedParts(sql);
    return stored && (build === 'refill' || build === 'partial')
      ? [{ step, table: stored.table, build }]
      : [];
  });
  if (emptied.length === 0) return new Map();
  const deletes = emptied.map(({ step, table, build }) => {
    if (build === 'refill') return `DELETE FROM ${table}`;
    const bound = scopeOf(step, scope);
    return `DELETE FROM ${table} t USING ${AFFECTED[step.partialBy!].table} a
         WHERE ${affectedOn(step.partialBy!, 't')}${bound ? ` AND ${scopeWhere(bound, 't')}` : ''}`;
  });
  const counts = emptied
    .map(({ step, table }) => `(SELECT count(*) FROM ${table})::DOUBLE AS ${ident(step.name)}`)
    .join(', ');
  const [left] = toRows(await engine.query([...deletes, `SELECT ${counts}`].join(';\n')));
  return new Map(
    emptied.map(({ step }) => [
      step.name,
      (memory?.rowsOf(step.name) ?? 0) - Number(left?.[step.name] ?? 0),
    ]),
  );
}

/**
 * Runs one step. A table built before by the same SQL (emptied by emptyTables) is filled again
 * through a kept prepared statement: the same rows a CREATE would give, without planning the
 * query again nor redefining the table (which would make DuckDB re-plan every kept statement).
 * A partial build does the same for the rows the affected table of its grain names alone,
 * reading only the scope's rows when it has one (its SQL then changes with every edit, so it is
 * not kept prepared).
 */
async function runStep(
  engine: Engine,
  sql: string,
  build: Build,
  grain: AffectedGrain | undefined,
  scope: Scope | undefined,
): Promise<void> {
  const stored = storedParts(sql);
  if (build === 'create' || !stored) {
    await engine.exec(sql);
    return;
  }
  const { table, select } = stored;
  if (build === 'refill') {
    await engine.execPrepared(`INSERT INTO ${table} SELECT * FROM (${select})`);
    return;
  }
  const insert = `INSERT INTO ${table} SELECT s.* FROM (${select}) s SEMI JOIN ${AFFECTED[grain!].table} a ON ${affectedOn(grain!, 's')}`;
  await (scope ? engine.exec(insert) : engine.execPrepared(insert));
}

/**
 * Builds a step's output a group of keys at a time, each statement committed on its own (a run in
 * steps is in no transaction): the first group creates the table, the others are added to it.
 */
async function runInGroups(
  engine: Engine,
  settings: ScoringSettings,
  sql: string,
  inGroups: NonNullable<Step['inGroups']>,
  groupRows: number,
): Promise<void> {
  const keys = toRows(await engine.query(inGroups.keysSql(settings)));
  const groups = keyGroups(
    keys.map((r) => ({ key: String(r.key), rows: Number(r.n) })),
    groupRows,
  );
  if (groups.length <= 1) {
    await engine.exec(sql);
    return;
  }
  for (const [i, group] of groups.entries()) {
    const part = inGroups.sql(settings, group);
    const stored = storedParts(part);
    if (!stored) throw new Error(`A step built in groups must create a table: ${part}`);
    await engine.exec(
      i === 0 ? part : `INSERT INTO ${stored.table} SELECT * FROM (${stored.select})`,
    );
  }
}

/**
 * Keys in order, packed into groups reading at most `rows` rows (a key reading more is a group of
 * its own): a key is never split, since its rows are computed together.
 */
export function keyGroups(
  counts: readonly { key: string; rows: number }[],
  rows: number,
): string[][] {
  const groups: string[][] = [];
  let filled = Infinity;
  for (const c of counts) {
    if (filled + c.rows > rows) {
      groups.push([]);
      filled = 0;
    }
    groups.at(-1)!.push(c.key);
    filled += c.rows;
  }
  return groups;
}

async function runSteps(
  engine: Engine,
  settings: ScoringSettings,
  steps: readonly { step: Step; sql: string }[],
  /** The steps to run, and how each builds its output. */
  builds: ReadonlyMap<string, Build>,
  memory: PipelineMemory | undefined,
  /** A partial run's unit-years as constants (see scope.ts), when not too many. */
  scope?: Scope,
  /** In a run in steps: rows read per group for a step built in groups of keys. */
  groupRows?: number,
): Promise<PipelineRun> {
  const t0 = performance.now();
  const logs: StepLog[] = [];
  const deleted = await emptyTables(engine, steps, builds, memory, scope);
  for (const { step, sql } of steps) {
    const s0 = performance.now();
    const build = builds.get(step.name);
    const ran = build !== undefined;
    // The log keeps the step's SQL as the memory compares it, not a partial run's.
    const partial: PartialRun | undefined =
      build === 'partial' ? { scope: scopeOf(step, scope) } : undefined;
    const inGroups = build === 'create' ? step.inGroups : undefined;
    if (inGroups && groupRows !== undefined)
      await runInGroups(engine, settings, sql, inGroups, groupRows);
    else if (ran)
      await runStep(
        engine,
        partial ? step.sql(settings, partial) : sql,
        build,
        step.partialBy,
        partial?.scope,
      );
    logs.push({
      step: step.name,
      output: step.output,
      sql,
      rows: step.view || ran ? null : (memory?.rowsOf(step.name) ?? null),
      ms: performance.now() - s0,
      ran,
      refilled: build === 'refill' || build === 'partial',
      partial: build === 'partial',
      deleted: deleted.get(step.name) ?? 0,
    });
  }
  // The tables built now are counted as the log is written, in one round trip to the engine
  // (a view is not counted: that would compute all of it).
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
  return {
    frameworkId: settings.framework.id,
    profileId: settings.profile?.id ?? null,
    steps: logs,
    ms: performance.now() - t0,
  };
}
