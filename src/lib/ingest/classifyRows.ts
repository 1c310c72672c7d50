// Rows of a table's data region that are not data — blank, a total or subtotal, a note or a
// signature, or simply no unit code — each named with why, for the load report.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { foldSql } from '../sql/fold';
import { ident } from '../sql/quote';
import { noteRowSql, totalRowSql } from './rowWords';
import type { SkippedRow } from './staged';
import { MATCH } from './unitsByName';
import { hasCodeSql } from './unitColumns';

/** Data-region rows without a unit code: blank, a total or subtotal, a note or signature, or other. */
export function rowsWithoutCode(
  engine: Engine,
  table: string,
  headers: string[],
  codeColumn: string,
  byName: boolean,
): Promise<SkippedRow[]> {
  // Rows named but not matched to a unit are reported as cell issues, not as skipped rows.
  const named = byName ? ` OR coalesce(${MATCH.outcome}, '') IN ('none', 'many')` : '';
  return nonDataRows(engine, table, headers, `coalesce(${hasCodeSql(codeColumn)}, FALSE)${named}`);
}

/**
 * Rows of the data region that `isData` (SQL over the row) rejects, each with why. A row whose
 * first cell is a Roman numeral ("I | Nhận thức số | 10") heads a section and carries its
 * subtotal: it counts as a total.
 */
export async function nonDataRows(
  engine: Engine,
  table: string,
  headers: string[],
  isData: string,
): Promise<SkippedRow[]> {
  const text = `concat_ws(' | ', ${headers.map((h) => `nullif(trim(${ident(h)}), '')`).join(', ')})`;
  // Folded, without leading brackets and bullets: "(Ký, ghi rõ họ tên)" → "ky, ghi ro ho ten)".
  // Both are computed once per row, in the inner query: a wide table's row text, repeated in
  // every test below, took longer to plan than the rows took to read.
  const folded = `regexp_replace(${foldSql('row_text')}, '^[^a-z0-9]+', '')`;
  const rows = toRows(
    await engine.query(
      `SELECT row, row_text AS text,
         CASE WHEN row_text = '' THEN 'blank'
              WHEN ${totalRowSql('folded')} THEN 'total'
              WHEN ${noteRowSql('folded')} THEN 'note'
              ELSE 'noCode' END AS reason
       FROM (SELECT row, row_text, ${folded} AS folded
             FROM (SELECT __row AS row, ${text} AS row_text FROM ${table} s WHERE NOT (${isData})))
       ORDER BY row`,
    ),
  );
  return rows.map((r) => ({
    row: Number(r.row),
    reason: r.reason as SkippedRow['reason'],
    text: String(r.text ?? ''),
  }));
}
