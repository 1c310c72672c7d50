// Kept prepared statements: reused by text, dropped when something is defined, never prepared
// inside a transaction that defined something (DuckDB would plan them again on every run).
import { describe, expect, it } from 'vitest';
import { keptStatements } from '../../src/lib/db/preparedCache';

function fake() {
  const log: string[] = [];
  const kept = keptStatements(
    async (sql) => {
      log.push(`prepare ${sql}`);
      return {
        run: async () => void log.push(`run ${sql}`),
        close: async () => void log.push(`close ${sql}`),
      };
    },
    async (sql) => void log.push(`direct ${sql}`),
    2,
  );
  return { log, kept };
}

describe('kept prepared statements', () => {
  it('are prepared once and run again by their text', async () => {
    const { log, kept } = fake();
    await kept.run('INSERT a');
    await kept.run('INSERT a');
    expect(log).toEqual(['prepare INSERT a', 'run INSERT a', 'run INSERT a']);
  });

  it('are dropped when something is defined, and prepared again after', async () => {
    const { log, kept } = fake();
    await kept.run('INSERT a');
    kept.saw('CREATE OR REPLACE VIEW v AS SELECT 1');
    await kept.run('INSERT a');
    expect(log).toEqual([
      'prepare INSERT a',
      'run INSERT a',
      'close INSERT a',
      'prepare INSERT a',
      'run INSERT a',
    ]);
  });

  it('run directly inside a transaction that defined something, kept again after it ends', async () => {
    const { log, kept } = fake();
    kept.saw('BEGIN TRANSACTION');
    kept.saw('\nCREATE OR REPLACE TABLE t AS SELECT 1');
    await kept.run('INSERT a');
    kept.saw('COMMIT');
    await kept.run('INSERT a');
    expect(log).toEqual(['direct INSERT a', 'prepare INSERT a', 'run INSERT a']);
    // Data changes do not make plans stale.
    kept.saw("DELETE FROM t; INSERT INTO t VALUES ('CREATE')");
    await kept.run('INSERT a');
    expect(log.at(-1)).toBe('run INSERT a');
    expect(log.filter((l) => l.startsWith('prepare'))).toHaveLength(1);
  });

  it('see definitions behind comments, later in a text, and START TRANSACTION', async () => {
    for (const ddl of [
      '-- note\nCREATE TABLE t (a INT)',
      '/* note */ create view v AS SELECT 1',
      'DELETE FROM t; DROP TABLE t',
    ]) {
      const { log, kept } = fake();
      await kept.run('INSERT a');
      kept.saw(ddl);
      expect(log.at(-1), ddl).toBe('close INSERT a');
    }
    const { log, kept } = fake();
    kept.saw('START TRANSACTION');
    kept.saw('CREATE TABLE t (a INT)');
    await kept.run('INSERT a');
    kept.saw('ROLLBACK');
    expect(log).toEqual(['direct INSERT a']);
  });

  it('keep only the most recent ones', async () => {
    const { log, kept } = fake();
    for (const s of ['A', 'B', 'C']) await kept.run(s);
    expect(log.filter((l) => l.startsWith('close'))).toEqual(['close A']);
  });

  it('drop a statement that failed', async () => {
    const kept = keptStatements(
      async () => ({
        run: async () => {
          throw new Error('boom');
        },
        close: async () => undefined,
      }),
      async () => undefined,
    );
    await expect(kept.run('X')).rejects.toThrow('boom');
  });
});
