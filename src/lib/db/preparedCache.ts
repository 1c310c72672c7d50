// Prepared statements kept by their text, so a statement run again (a what-if replay of the
// same scoring step) skips DuckDB's parsing and planning — for the scoring steps on a district's
// data, most of their time.
//
// DuckDB checks a kept statement against the catalog version it was planned under and plans it
// again when the catalog has changed since — on every run, never storing the new plan. So the
// kept statements are dropped whenever something is defined (CREATE, DROP, ALTER …), and none is
// prepared inside a transaction that defined something: it would carry that transaction's
// uncommitted version and be planned again on every later run.
export interface Prepared {
  run(): Promise<void>;
  close(): Promise<void>;
}

export interface KeptStatements {
  /** Called with the text of every statement run outside this cache. */
  saw(sql: string): void;
  /** Runs a statement through its kept prepared statement, or directly when none may be kept. */
  run(sql: string): Promise<void>;
}

const DEFINES = /^(CREATE|DROP|ALTER|ATTACH|DETACH|COMMENT|USE|IMPORT)\b/i;
const BEGINS = /^(BEGIN|START\s+TRANSACTION)\b/i;
const ENDS = /^(COMMIT|ROLLBACK|ABORT|END)\b/i;

/**
 * The opening words of each statement in a text, comments skipped. Splitting on ";" may cut a
 * string literal: a false "CREATE" only drops kept plans (a little speed), never correctness.
 */
export function statementHeads(sql: string): string[] {
  return sql
    .split(';')
    .map((part) => part.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/, '').slice(0, 40));
}

export function keptStatements(
  prepare: (sql: string) => Promise<Prepared>,
  direct: (sql: string) => Promise<void>,
  limit = 32,
): KeptStatements {
  const kept = new Map<string, Prepared>();
  let inTransaction = false;
  let definedInTransaction = false;
  const dropAll = (): void => {
    for (const s of kept.values()) void s.close().catch(() => undefined);
    kept.clear();
  };
  return {
    saw: (sql) => {
      for (const head of statementHeads(sql)) {
        if (BEGINS.test(head)) inTransaction = true;
        if (DEFINES.test(head)) {
          dropAll();
          if (inTransaction) definedInTransaction = true;
        }
        if (ENDS.test(head)) {
          inTransaction = false;
          definedInTransaction = false;
        }
      }
    },
    run: async (sql) => {
      if (definedInTransaction) return direct(sql);
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = await prepare(sql);
      try {
        await statement.run();
      } catch (e) {
        await statement.close().catch(() => undefined);
        throw e;
      }
      kept.set(sql, statement);
      for (const [old, s] of kept) {
        if (kept.size <= limit) break;
        kept.delete(old);
        await s.close().catch(() => undefined);
      }
    },
  };
}
