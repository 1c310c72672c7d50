// Running a planned scoring: each step built as planned — created, filled again, or filled
// again for the unit-years an edit reaches — its tables emptied first in one round trip, a large
// step built in groups of keys, and the run logged.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { ident } from '../sql/quote';
import { AFFECTED, type AffectedGrain } from './affected';
import { writePipelineLog, type PipelineRun, type StepLog } from './pipelineLog';
import type { PipelineMemory } from './pipelineMemory';
import { scopeWhere, type Scope } from './scope';
import type { PartialRun, ScoringSettings, Step } from './step';

/** How a step that runs builds its output. */
export type Build = 'create' | 'refill' | 'partial';

const STORED = /^\s*CREATE OR REPLACE TABLE (\w+) AS\s/;

/** Whether a step's SQL stores a table (a view's does not). */
export const isStored = (sql: string): boolean => STORED.test(sql);

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

export async function runSteps(
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
  await writePipelineLog(engine, logs, steps);
  return {
    frameworkId: settings.framework.id,
    profileId: settings.profile?.id ?? null,
    steps: logs,
    ms: performance.now() - t0,
  };
}
