// A run in steps commits each step on its own, so the outputs it rebuilds must be kept whole
// somewhere until every step has run: renamed aside (a catalog change, no copy of the rows), then
// dropped once the new ones are whole, or renamed back if a step fails.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';

type Kind = 'TABLE' | 'VIEW';

export interface SetAside {
  /** Drops what the failed run built of these outputs and puts the old ones back. */
  restore(): Promise<void>;
  /** Drops the old outputs: the new ones are whole. */
  drop(): Promise<void>;
}

const keptName = (output: string): string => `${output}__kept`;

const dropSql = (kinds: ReadonlyMap<string, Kind>, name: string): string =>
  `DROP ${kinds.get(name)} IF EXISTS ${name}`;

const inTransaction = (statements: string[]): string =>
  ['BEGIN TRANSACTION', ...statements, 'COMMIT'].join(';\n');

/** Which of these names are tables or views in the current schema, and which. */
async function objectKinds(engine: Engine, names: readonly string[]): Promise<Map<string, Kind>> {
  const here = 'database_name = current_database() AND schema_name = current_schema()';
  const list = names.map(lit).join(', ');
  const found = toRows(
    await engine.query(
      `SELECT table_name AS name, 'TABLE' AS kind FROM duckdb_tables() WHERE ${here} AND table_name IN (${list})
       UNION ALL
       SELECT view_name, 'VIEW' FROM duckdb_views() WHERE ${here} AND view_name IN (${list})`,
    ),
  );
  return new Map(found.map((r) => [String(r.name), r.kind as Kind]));
}

/** Renames the existing ones of `outputs` aside (a leftover of a crashed run is dropped first). */
export async function setAside(engine: Engine, outputs: readonly string[]): Promise<SetAside> {
  const existing = await objectKinds(engine, [...outputs, ...outputs.map(keptName)]);
  const kept = outputs.filter((o) => existing.has(o));
  await engine.exec(
    inTransaction([
      ...outputs
        .filter((o) => existing.has(keptName(o)))
        .map((o) => dropSql(existing, keptName(o))),
      ...kept.map((o) => `ALTER ${existing.get(o)} ${o} RENAME TO ${keptName(o)}`),
    ]),
  );
  const keptKinds = new Map(kept.map((o) => [keptName(o), existing.get(o)!]));
  return {
    restore: async () => {
      const built = await objectKinds(engine, outputs);
      await engine.exec(
        inTransaction([
          ...outputs.filter((o) => built.has(o)).map((o) => dropSql(built, o)),
          ...kept.map((o) => `ALTER ${existing.get(o)} ${keptName(o)} RENAME TO ${o}`),
        ]),
      );
    },
    drop: async () => {
      if (kept.length > 0)
        await engine.exec(kept.map((o) => dropSql(keptKinds, keptName(o))).join(';\n'));
    },
  };
}
