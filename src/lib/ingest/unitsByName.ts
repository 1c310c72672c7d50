// Rows that name their commune but give no code: matched to official units by name — the
// shipped reference list of the plans' districts and every unit already loaded — within the
// district the file names, if it names one. A name with no match or several is reported,
// never guessed.
import type { Engine } from '../db/engine';
import { foldSql } from '../sql/fold';
import { ident, lit } from '../sql/quote';
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

/** A unit name without its kind ("Xã", "Phường", "Thị trấn", "Huyện" …), lower case. */
function bareSql(expr: string, fold: boolean): string {
  const lower = fold ? foldSql(expr) : `lower(regexp_replace(trim(${expr}), '\\s+', ' ', 'g'))`;
  const kinds = fold
    ? 'xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|dac khu'
    : 'xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|đặc khu';
  return `regexp_replace(${lower}, '^(${kinds}) ', '')`;
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
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT s.*,
      CASE WHEN m.n = 1 THEN m.unit_code END AS ${MATCH.code},
      CASE WHEN m.n = 1 THEN m.unit_name END AS ${MATCH.name},
      CASE WHEN m.n = 1 THEN m.level END AS ${MATCH.level},
      CASE WHEN m.n = 1 THEN m.parent_code END AS ${MATCH.parentCode},
      CASE WHEN m.n = 1 THEN m.parent_name END AS ${MATCH.parentName},
      CASE WHEN nullif(trim(s.${name}), '') IS NULL THEN NULL
           WHEN m.n = 1 THEN 'one' WHEN m.n > 1 THEN 'many' ELSE 'none' END AS ${MATCH.outcome}
    FROM ${table} s LEFT JOIN ${table}_matches m USING (__row)
    ORDER BY s.__row`);
  await engine.exec(`DROP TABLE IF EXISTS ${table}_matches`);
}
