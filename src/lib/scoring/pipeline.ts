// The scoring pipeline: an ordered list of named, pure steps, and the plan of a run — which steps
// run, how each builds its output, whether the run goes step by step. Running the plan is
// runSteps.ts, its log pipelineLog.ts, what the last run left pipelineMemory.ts. A what-if edit
// is a new setting and a replay of the steps it touches.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { COARSER_AFFECTED_SQL, affectedPointsSql, editedSql, type EditedValue } from './affected';
import type { PipelineRun } from './pipelineLog';
import type { PipelineMemory } from './pipelineMemory';
import { isStored, runSteps, type Build } from './runSteps';
import { readScope } from './scope';
import { setAside } from './setAside';
import type { ScoringSettings, Step } from './step';
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

/**
 * A table built before by the same SQL is filled again rather than created (see runStep); after
 * a value edit alone, a step computed per unit-year fills again only the unit-years it reaches.
 */
function buildOf(
  { step, sql }: { step: Step; sql: string },
  memory: PipelineMemory | undefined,
  valuesOnly: boolean,
): Build {
  if (!isStored(sql) || !memory?.built(step.name, sql)) return 'create';
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
