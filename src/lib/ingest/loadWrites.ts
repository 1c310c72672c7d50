// A load writes in two parts. Its observations go in first, a chunk of rows at a time, each
// chunk committed on its own: rows a transaction writes stay uncompressed until it commits, and
// a national file's took the tab's database from 0.9 to 2.1 GB (memory a tab never gives back).
// No reader sees them meanwhile: scoring reads the observations of the loads listed in `loads`,
// and this load's row is written after them, in one transaction with all the rest. A load that
// fails or is cancelled deletes what it committed.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { stagingTables } from './staged';

export interface LoadWrites {
  readonly loadId: number;
  /** Starts the transaction of the rest of the load (once; again does nothing). */
  begin(): Promise<void>;
}

/**
 * Runs a load: what `work` wrote is committed when it returns, taken back when it throws — its
 * transaction rolled back, the rows committed before it deleted, its staging tables dropped.
 */
export async function inLoad<T>(
  engine: Engine,
  work: (writes: LoadWrites) => Promise<T>,
): Promise<T> {
  const loadId = await nextLoadId(engine);
  let begun = false;
  const begin = async (): Promise<void> => {
    if (begun) return;
    await engine.exec('BEGIN TRANSACTION');
    begun = true;
  };
  try {
    const result = await work({ loadId, begin });
    await begin();
    await engine.exec('COMMIT');
    return result;
  } catch (e) {
    if (begun) await engine.exec('ROLLBACK');
    await engine.exec(
      [
        `DELETE FROM observations WHERE load_id = ${loadId}`,
        ...stagingTables(loadId).map((t) => `DROP TABLE IF EXISTS ${t}`),
      ].join(';\n'),
    );
    throw e;
  }
}

/**
 * Past every load and every observation: rows a failed load could not delete (the engine out of
 * memory) must never join a later load.
 */
async function nextLoadId(engine: Engine): Promise<number> {
  const [next] = toRows(
    await engine.query(
      `SELECT greatest((SELECT max(load_id) FROM loads), (SELECT max(load_id) FROM observations), 0)::INTEGER + 1 AS id`,
    ),
  );
  return Number(next!.id);
}
