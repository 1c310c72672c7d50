// Which columns say who a row is about — its code, name, parent and level — and the SQL that
// writes those units into `units`. Codes are official: 5-digit commune, 3-digit district,
// 2-digit province; spreadsheets drop their leading zeros, which are put back here.
import type { Engine } from '../db/engine';
import type { Level } from '../framework/types';
import { fold, foldSql } from '../sql/fold';
import { ident, lit } from '../sql/quote';
import { CODE_LENGTH, type ColumnRole } from './columnRoles';
import { IngestError } from './errors';

/**
 * SQL: the row's code cell holds a code — letters, digits, ".", "-", "_", no spaces. Signature
 * lines ("NGƯỜI LẬP BIỂU") and totals that spill into the code column are not units.
 */
export function hasCodeSql(column: string): string {
  return `regexp_full_match(trim(${ident(column)}), '[0-9A-Za-z._-]{1,15}')`;
}

export interface UnitColumns {
  code: string;
  /** Level of the code column when its header says it (e.g. "Mã xã"), else null. */
  level: Level | null;
  name: string | null;
  parent: { column: string; level: Level | null } | null;
  parentName: string | null;
  levelColumn: string | null;
  /** When units were matched by name: the column holding the official name to store. */
  officialName?: string;
  /** The parent every row shares when no column gives one: named in the title rows. */
  sharedParent?: { code: string | null; name: string };
}

/** The most specific code column is the unit; the nearest code column above it is its parent. */
export function unitColumns(headers: string[], roles: ColumnRole[], fileName: string): UnitColumns {
  const find = (pred: (r: ColumnRole) => boolean): string | null => {
    const i = roles.findIndex(pred);
    return i < 0 ? null : headers[i]!;
  };
  const codeOf = (l: Level | null): string | null =>
    find((r) => r.role === 'code' && r.level === l);
  const nameOf = (l: Level | null): string | null =>
    find((r) => r.role === 'name' && r.level === l);
  const level = (['xa', 'huyen', 'tinh', null] as const).find((l) => codeOf(l) !== null);
  if (level === undefined) {
    // Say what the table holds and what each kind of table needs: it may be no data table at all.
    const found =
      headers
        .slice(0, 8)
        .map((h) => `"${h}"`)
        .join(', ') + (headers.length > 8 ? ', …' : '');
    throw new IngestError(
      'noUnitColumn',
      {
        vi: `Không tìm thấy cột mã đơn vị (ví dụ "unit_code", "Mã xã", "commune_code") hay tên xã. Các cột của bảng: ${found}. Bảng số liệu cần một cột mã hoặc tên đơn vị; bộ chỉ số cần cột tên chỉ số ("Chỉ số", "Tiêu chí") và cột điểm tối đa; phiếu tự đánh giá cần cột chỉ số và cột "Điểm tự chấm" hoặc "Thẩm định". Sửa tiêu đề cột cho rõ, hoặc chọn cách đọc bảng trong báo cáo nạp.`,
        en: `No unit code column (e.g. "unit_code", "Mã xã", "commune_code") or commune name found. The table's columns: ${found}. A data table needs a unit code or name column; a framework needs an indicator name column ("Chỉ số", "Tiêu chí") and a max points column; a self-assessment form needs an indicator column and a "Điểm tự chấm" or "Thẩm định" column. Make the headers say so, or choose how to read the table in the load report.`,
      },
      { file: fileName },
    );
  }
  // Above a commune: its district, or — in two-level data since 2025 — its province.
  const above: Level[] = level === 'xa' ? ['huyen', 'tinh'] : level === 'huyen' ? ['tinh'] : [];
  const parentLevel = above.find((l) => codeOf(l) !== null) ?? null;
  const explicitParent = find((r) => r.role === 'parentCode');
  return {
    code: codeOf(level)!,
    level,
    name: nameOf(level) ?? nameOf(null),
    parent: explicitParent
      ? { column: explicitParent, level: null }
      : parentLevel
        ? { column: codeOf(parentLevel)!, level: parentLevel }
        : null,
    parentName: find((r) => r.role === 'parentName') ?? (parentLevel ? nameOf(parentLevel) : null),
    levelColumn: find((r) => r.role === 'level'),
  };
}

/**
 * A code column as SQL: trimmed, leading zeros restored. With a known level the code is padded
 * to that level's length; else the row's name may say it ("Phường Phúc Xá" is a commune-level
 * unit: "1" is 00001); otherwise only lengths no level has are repaired (4 digits → a commune,
 * 1 digit → a province).
 */
export function codeSql(
  column: string,
  level: Level | null,
  nameColumn: string | null = null,
): string {
  const t = `trim(${ident(column)})`;
  const numeric = `regexp_full_match(${t}, '\\d+')`;
  if (level)
    return `CASE WHEN ${numeric} THEN lpad(${t}, ${CODE_LENGTH[level]}, '0') ELSE ${t} END`;
  const byName = nameColumn
    ? (['xa', 'huyen', 'tinh'] as Level[])
        .map((l) => `WHEN ${lit(l)} THEN lpad(${t}, ${CODE_LENGTH[l]}, '0')`)
        .join(' ')
    : '';
  const byLength = `CASE length(${t}) WHEN 4 THEN lpad(${t}, 5, '0') WHEN 1 THEN lpad(${t}, 2, '0') ELSE ${t} END`;
  const padded = nameColumn
    ? `CASE ${levelOfNameSql(nameColumn)} ${byName} ELSE ${byLength} END`
    : byLength;
  return `CASE WHEN ${numeric} THEN ${padded} ELSE ${t} END`;
}

/** The level a unit's name gives by its first word: "Xã …", "Phường …", "Huyện …", "Tỉnh …". */
function levelOfNameSql(nameColumn: string): string {
  const name = foldSql(ident(nameColumn));
  return `CASE WHEN regexp_matches(${name}, '^(xa|phuong|thi tran|dac khu) ') THEN 'xa'
    WHEN regexp_matches(${name}, '^(huyen|quan|thi xa) ') THEN 'huyen'
    WHEN regexp_matches(${name}, '^tinh ') THEN 'tinh' END`;
}

const LEVEL_WORDS: Record<string, Level> = {
  xa: 'xa',
  phuong: 'xa',
  'thi tran': 'xa',
  'dac khu': 'xa',
  huyen: 'huyen',
  quan: 'huyen',
  'thi xa': 'huyen',
  'thanh pho thuoc tinh': 'huyen',
  tinh: 'tinh',
  'thanh pho truc thuoc trung uong': 'tinh',
};

export async function upsertUnits(engine: Engine, table: string, u: UnitColumns): Promise<void> {
  const code = codeSql(u.code, u.level, u.name);
  const text = (c: string | null): string => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL');
  const name = text(u.officialName ?? u.name);
  const fromWords = u.levelColumn
    ? `CASE ${Object.entries(LEVEL_WORDS)
        .map(
          ([w, l]) =>
            `WHEN ${lit(fold(w))} = lower(strip_accents(trim(${ident(u.levelColumn!)}))) THEN ${lit(l)}`,
        )
        .join(' ')} END`
    : 'NULL';
  const fromLength = `CASE WHEN regexp_full_match(${code}, '\\d+') THEN CASE length(${code}) ${(
    ['xa', 'huyen', 'tinh'] as Level[]
  )
    .map((l) => `WHEN ${CODE_LENGTH[l]} THEN ${lit(l)}`)
    .join(' ')} END END`;
  const level = u.level
    ? lit(u.level)
    : `coalesce(${fromWords}, ${u.name ? levelOfNameSql(u.name) : 'NULL'}, ${fromLength})`;
  // The title's parent only where nothing better is known: the reference list's district of a
  // commune comes first, and a unit already loaded keeps its parent (see ON CONFLICT).
  const ref = (field: string): string =>
    `(SELECT any_value(r.${field}) FROM ref_units r WHERE r.unit_code = ${code})`;
  const shared = u.sharedParent;
  const parent = u.parent
    ? codeSql(u.parent.column, u.parent.level)
    : shared
      ? `nullif(coalesce(${ref('parent_code')}, ${lit(shared.code)}), ${code})`
      : ref('parent_code');
  const parentName = shared
    ? `CASE WHEN ${ref('parent_code')} IS NOT NULL THEN ${ref('parent_name')} WHEN ${lit(shared.code)} = ${code} THEN NULL ELSE ${lit(shared.name)} END`
    : u.parent
      ? text(u.parentName)
      : `coalesce(${text(u.parentName)}, ${ref('parent_name')})`;
  // A parent from a column or the reference list replaces the one stored; a title's does not.
  const keep = (field: string): string =>
    shared
      ? `coalesce(units.${field}, excluded.${field})`
      : `coalesce(excluded.${field}, units.${field})`;
  await engine.exec(`
INSERT INTO units
SELECT code, any_value(name), any_value(level), any_value(parent_code), any_value(parent_name) FROM (
  SELECT ${code} AS code, coalesce(${name}, ${ref('unit_name')}) AS name, ${level} AS level,
    nullif(${parent}, '') AS parent_code, ${parentName} AS parent_name
  FROM ${table} WHERE ${hasCodeSql(u.code)}
) GROUP BY code
ON CONFLICT (unit_code) DO UPDATE SET
  unit_name = coalesce(excluded.unit_name, units.unit_name),
  level = coalesce(excluded.level, units.level),
  parent_code = ${keep('parent_code')},
  parent_name = ${keep('parent_name')}`);
}
