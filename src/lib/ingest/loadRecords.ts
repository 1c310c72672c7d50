// The two records every load writes, each statement built once: the load's row in `loads`, and
// its cell issues in `load_issues` — given as values, or selected by a query whose columns come
// in ISSUE_COLUMNS order.
import { lit } from '../sql/quote';

const ISSUE_COLUMNS = '(load_id, file, sheet, row, col, header, raw, reason)';

export interface LoadRow {
  loadId: number;
  file: string;
  /** What the file was read as: a table's shape, 'framework', 'targets', 'selfAssessment'. */
  shape: string;
  rowsRead: number;
  observations: number;
}

export function loadRowSql(r: LoadRow): string {
  return `INSERT INTO loads (load_id, file_name, shape, rows_read, observations)
    VALUES (${r.loadId}, ${lit(r.file)}, ${lit(r.shape)}, ${r.rowsRead}, ${r.observations})`;
}

/** Issues selected by `select`: load id, file, sheet, row, column letter, header, raw text, reason. */
export function issuesFromQuerySql(select: string): string {
  return `INSERT INTO load_issues ${ISSUE_COLUMNS}\n${select}`;
}

export interface IssueRow {
  sheet: string | null;
  row: number;
  column: string;
  header: string;
  raw: string;
  reason: string;
}

/** Issues known in TS, one statement for all; null when there are none. */
export function issueRowsSql(
  loadId: number,
  file: string,
  issues: readonly IssueRow[],
): string | null {
  if (issues.length === 0) return null;
  const rows = issues.map(
    (i) =>
      `(${loadId}, ${lit(file)}, ${lit(i.sheet)}, ${i.row}, ${lit(i.column)}, ${lit(i.header)}, ${lit(i.raw)}, ${lit(i.reason)})`,
  );
  return `INSERT INTO load_issues ${ISSUE_COLUMNS} VALUES ${rows.join(', ')}`;
}
