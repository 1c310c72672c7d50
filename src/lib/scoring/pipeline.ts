// The scoring pipeline: an ordered list of named, pure steps. Running it replays every step
// from `observations` and logs what each did; a what-if edit is a new setting and a replay.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';
import type { ScoringSettings, Step } from './step';
import { measuresStep } from './steps/measures';
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
  ms: number;
}

export interface PipelineRun {
  frameworkId: string;
  profileId: string | null;
  steps: StepLog[];
  ms: number;
}

/** The SQL of every step for these settings, without running anything. */
export function pipelineSql(settings: ScoringSettings): { step: Step; sql: string }[] {
  return PIPELINE.map((step) => ({ step, sql: step.sql(settings) }));
}

/** Runs every step in one transaction: a failing step leaves the previous results whole. */
export async function runPipeline(engine: Engine, settings: ScoringSettings): Promise<PipelineRun> {
  await engine.exec('BEGIN TRANSACTION');
  try {
    const run = await runSteps(engine, settings);
    await engine.exec('COMMIT');
    return run;
  } catch (e) {
    await engine.exec('ROLLBACK');
    throw e;
  }
}

async function runSteps(engine: Engine, settings: ScoringSettings): Promise<PipelineRun> {
  const t0 = performance.now();
  const steps: StepLog[] = [];
  for (const { step, sql } of pipelineSql(settings)) {
    const s0 = performance.now();
    await engine.exec(sql);
    // Counting a view would compute all of it: only stored tables are counted.
    const counted = step.view
      ? []
      : toRows(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${step.output}`));
    steps.push({
      step: step.name,
      output: step.output,
      sql,
      rows: step.view ? null : Number(counted[0]?.n ?? 0),
      ms: performance.now() - s0,
    });
  }
  await engine.exec(
    `CREATE OR REPLACE TABLE pipeline_log AS SELECT * FROM (VALUES ${steps
      .map(
        (s, i) =>
          `(${i + 1}, ${lit(s.step)}, ${lit(s.output)}, ${lit(s.rows)}::INTEGER, ${lit(Math.round(s.ms * 10) / 10)}, ${lit(s.sql)})`,
      )
      .join(', ')}) AS v(ord, step, output, rows, ms, sql)`,
  );
  return {
    frameworkId: settings.framework.id,
    profileId: settings.profile?.id ?? null,
    steps,
    ms: performance.now() - t0,
  };
}
