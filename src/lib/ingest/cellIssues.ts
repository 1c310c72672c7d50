// Cells that hold something their column cannot take — a word where a number belongs, an
// answer that is not yes/no, a unit name that matches no unit or several — recorded in
// `load_issues` with sheet, row, column and raw text, and returned for the report.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { MeasureDef } from '../framework/types';
import { foldSql } from '../sql/fold';
import { ident, lit, litList } from '../sql/quote';
import { columnLetter } from './cellRef';
import { MISSING_MARKERS, yesNoSql } from '../text/cellWords';
import { MATCH } from './unitsByName';
import { parseDateSql } from '../text/datesSql';
import { issuesFromQuerySql } from './loadRecords';

export type IssueReason =
  | 'notNumber'
  | 'notYesNo'
  | 'unknownUnit'
  | 'ambiguousUnit'
  /** A form's indicator that no registered framework has (kept under its own name). */
  | 'unknownIndicator'
  /** Points above the indicator's max points. */
  | 'overMax'
  /** A target whose measure is neither a catalog code nor a catalog name (kept under its name). */
  | 'unknownMeasure'
  /** A target value that is not a number, a percentage or a range. */
  | 'notTarget'
  /** Not a day-first date (dd/mm/yyyy) where a date belongs. */
  | 'notDate';

/** A cell that holds something but could not be read as what its column needs. */
export interface CellIssue {
  sheet: string | null;
  row: number;
  column: string;
  header: string;
  raw: string;
  reason: IssueReason;
}

/** At most this many issues are returned for the report; all stay in `load_issues`. */
const MAX_LISTED = 5000;

/** Named rows that matched no unit, or several: each listed with its cell and what it says. */
export async function recordUnitIssues(
  engine: Engine,
  table: string,
  loadId: number,
  file: string,
  sheet: string | null,
  nameColumn: string,
  headers: string[],
): Promise<void> {
  await engine.exec(
    issuesFromQuerySql(`
SELECT ${loadId}, ${lit(file)}, ${lit(sheet)}, __row, ${lit(columnLetter(headers.indexOf(nameColumn)))}, ${lit(nameColumn)}, trim(${ident(nameColumn)}),
  CASE ${MATCH.outcome} WHEN 'many' THEN 'ambiguousUnit' ELSE 'unknownUnit' END
FROM ${table} WHERE ${MATCH.outcome} IN ('none', 'many')`),
  );
}

/**
 * Cells of a known measure that hold text the measure cannot take: not a number for rates and
 * counts, not a yes/no answer for yes/no measures. "No data" markers are missing, not issues.
 */
export async function recordIssues(
  engine: Engine,
  loadId: number,
  catalog: readonly MeasureDef[],
): Promise<CellIssue[]> {
  const numeric = catalog
    .filter((m) => ['rate', 'count', 'number'].includes(m.kind))
    .map((m) => m.code);
  const yesNo = catalog.filter((m) => m.kind === 'boolean').map((m) => m.code);
  const dates = catalog.filter((m) => m.kind === 'date').map((m) => m.code);
  const f = foldSql('o.text');
  await engine.exec(
    issuesFromQuerySql(`
SELECT o.load_id, o.source_file, o.source_sheet, o.source_row, regexp_extract(o.source_cell, '^[A-Z]+'), o.source_column, o.text,
  CASE WHEN o.measure IN ${litList(yesNo)} THEN 'notYesNo'
       WHEN o.measure IN ${litList(dates)} THEN 'notDate' ELSE 'notNumber' END
FROM observations o
WHERE o.load_id = ${loadId} AND ${f} NOT IN ${litList(MISSING_MARKERS)}
  AND ((o.measure IN ${litList(numeric)} AND o.value IS NULL)
    OR (o.measure IN ${litList(yesNo)} AND o.value IS NULL AND ${yesNoSql(f)} IS NULL)
    OR (o.measure IN ${litList(dates)} AND ${parseDateSql('o.text')} IS NULL))`),
  );
  return listIssues(engine, loadId);
}

/** The issues recorded for a load, in sheet order, as the report lists them. */
export async function listIssues(engine: Engine, loadId: number): Promise<CellIssue[]> {
  const rows = toRows(
    await engine.query(
      `SELECT * FROM load_issues WHERE load_id = ${loadId} ORDER BY row, col LIMIT ${MAX_LISTED}`,
    ),
  );
  return rows.map((r) => ({
    sheet: r.sheet === null ? null : String(r.sheet),
    row: Number(r.row),
    column: String(r.col),
    header: String(r.header),
    raw: String(r.raw),
    reason: r.reason as IssueReason,
  }));
}
