// The tables and columns a SQL cell can name, for completion in the editor.
import type { Engine } from '../db/engine';

export type SqlSchema = Record<string, string[]>;

/** Every table and view with its columns, without the hidden results of unnamed cells. */
export async function readSchema(engine: Engine): Promise<SqlSchema> {
  const t = await engine.query(
    `SELECT table_name, list(column_name ORDER BY column_index) AS columns
     FROM duckdb_columns() WHERE NOT internal AND table_name NOT LIKE '\\_\\_cell\\_%' ESCAPE '\\'
     GROUP BY table_name`,
  );
  const schema: SqlSchema = {};
  for (const row of t.toArray() as { table_name: string; columns: { toArray(): string[] } }[])
    schema[row.table_name] = [...row.columns.toArray()];
  return schema;
}
