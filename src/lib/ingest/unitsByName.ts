// Rows that name their commune but give no code: matched to official units by name — the
// shipped reference list of the plans' districts and every unit already loaded — within the
// district the file names, if it names one. A name with no match or several is reported,
// never guessed.
import type { Engine } from '../db/engine';
import { foldSql } from '../sql/fold';
import { ident, lit } from '../sql/quote';
import { noteRowSql, totalRowSql } from './rowWords';
import referenceCsv from '../../../data-samples/reference/plan-districts-units.csv?raw';

/** Columns the match adds to the staged table. */
export const MATCH = {
  code: '__unit_code',
  name: '__unit_name',
  level: '__unit_level',
  parentCode: '__parent_code',
  parentName: '__parent_name',
  outcome: '__match',
} as const;

/** Reference units as rows: district 3-digit code and name, commune 5-digit code and name. */
export function referenceUnitsSql(): string[] {
  const rows = referenceCsv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  return [
    `CREATE OR REPLACE TABLE ref_units (unit_code VARCHAR, unit_name VARCHAR, level VARCHAR, parent_code VARCHAR, parent_name VARCHAR)`,
    `INSERT INTO ref_units VALUES ${rows.map(([dc, dn, cc, cn]) => `(${lit(cc!)}, ${lit(cn!)}, 'xa', ${lit(dc!)}, ${lit(dn!)})`).join(',\n')}`,
  ];
}

/**
 * A unit name without its kind, lower case: "Xã", "Phường", "Thị trấn", "Huyện" … written out,
 * or as offices shorten them ("TT. Nam Đàn", "TT Nam Đàn", "X. Nam Xuân", "TP. Vinh").
 */
function bareSql(expr: string, fold: boolean): string {
  const lower = fold ? foldSql(expr) : `lower(regexp_replace(trim(${expr}), '\\s+', ' ', 'g'))`;
  const kinds = fold
    ? 'xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|dac khu'
    : 'xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|đặc khu';
  const short = '(tt|tx|tp)(\\.\\s*|\\s+)|(x|p|h|q)\\.\\s*';
  return `regexp_replace(${lower}, '^((${kinds}) |${short})', '')`;
}

export async function matchUnitsByName(
  engine: Engine,
  table: string,
  nameColumn: string,
  districtColumn: string | null,
): Promise<void> {
  const name = ident(nameColumn);
  const district = districtColumn ? ident(districtColumn) : null;
  // Candidates: the reference list and the units loaded so far (their names are official).
  const candidates = `SELECT unit_code, unit_name, level, parent_code, parent_name FROM ref_units
    UNION SELECT unit_code, unit_name, level, parent_code, parent_name FROM units WHERE unit_name IS NOT NULL`;
  const sameDistrict = (fold: boolean): string =>
    district ? `AND ${bareSql('c.parent_name', fold)} = ${bareSql(`s.${district}`, fold)}` : '';
  // Exact names (case aside) first; names without diacritics only when no exact name matches.
  const matches = (fold: boolean): string => `
    SELECT s.__row, c.unit_code, c.unit_name, c.level, c.parent_code, c.parent_name
    FROM ${table} s JOIN (${candidates}) c
      ON ${bareSql('c.unit_name', fold)} = ${bareSql(`s.${name}`, fold)} ${sameDistrict(fold)}`;
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table}_matches AS
    WITH exact AS (${matches(false)}),
    folded AS (${matches(true)} WHERE s.__row NOT IN (SELECT __row FROM exact)),
    every AS (SELECT * FROM exact UNION ALL SELECT * FROM folded)
    SELECT __row, count(DISTINCT unit_code) AS n, any_value(unit_code) AS unit_code, any_value(unit_name) AS unit_name,
      any_value(level) AS level, any_value(parent_code) AS parent_code, any_value(parent_name) AS parent_name
    FROM every GROUP BY __row`);
  // A total ("Tổng cộng") or a note or signature ("Người lập biểu") in the name column names no
  // unit, nor does anything under the last unit found once such a row has begun the footer (the
  // signer's name): those rows are skipped with their reason, not reported as unknown units.
  const label = `regexp_replace(${foldSql(`s.${name}`)}, '^[^a-z0-9]+', '')`;
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS
    WITH s AS (SELECT s.*, m.n AS __n, m.unit_code AS __m_code, m.unit_name AS __m_name,
                 m.level AS __m_level, m.parent_code AS __m_parent, m.parent_name AS __m_parent_name,
                 coalesce(${totalRowSql(label)} OR ${noteRowSql(label)}, FALSE) AS __label
               FROM ${table} s LEFT JOIN ${table}_matches m USING (__row)),
    edge AS (SELECT min(__row) FILTER (WHERE __label AND __row > last_one) AS footer
             FROM s, (SELECT coalesce(max(__row) FILTER (WHERE __n = 1), 0) AS last_one FROM s))
    SELECT s.* EXCLUDE (__n, __m_code, __m_name, __m_level, __m_parent, __m_parent_name, __label),
      CASE WHEN __n = 1 THEN __m_code END AS ${MATCH.code},
      CASE WHEN __n = 1 THEN __m_name END AS ${MATCH.name},
      CASE WHEN __n = 1 THEN __m_level END AS ${MATCH.level},
      CASE WHEN __n = 1 THEN __m_parent END AS ${MATCH.parentCode},
      CASE WHEN __n = 1 THEN __m_parent_name END AS ${MATCH.parentName},
      CASE WHEN nullif(trim(s.${name}), '') IS NULL THEN NULL
           WHEN __n = 1 THEN 'one'
           WHEN __label OR s.__row >= edge.footer THEN NULL
           WHEN __n > 1 THEN 'many' ELSE 'none' END AS ${MATCH.outcome}
    FROM s, edge
    ORDER BY s.__row`);
  await engine.exec(`DROP TABLE IF EXISTS ${table}_matches`);
}
