// What each column of a table is: who the row is about (code, name, parent, level), the year,
// a long table's measure and value, a row number — or a measure, matched to the catalog by
// code, then by name, then by the words the header shares with a measure's name (a guess the
// person can undo). Headers compare folded: "Mã xã", "ma_xa" and "MÃ XÃ" agree.
import type { Level, MeasureDef } from '../framework/types';
import { fold } from '../sql/fold';
import type { HeaderColumn } from './findLayout';
import { measureMatcher, type MeasureMatcher } from './measureMatch';

export type ColumnRole =
  | { role: 'code'; level: Level | null }
  | { role: 'name'; level: Level | null }
  | { role: 'parentCode' }
  | { role: 'parentName' }
  | { role: 'level' }
  | { role: 'year' }
  | { role: 'measure' }
  | { role: 'value' }
  | { role: 'rowNumber' }
  /** Notes, a source, a unit of measure: read by people, not a value of any measure. */
  | { role: 'note' }
  | { role: 'ignored' }
  | { role: 'measureColumn'; measure: string; matchedBy: MatchedBy }
  /** A count the person said is one side of a rate measure: the rate is computed per row. */
  | { role: 'ratePart'; measure: string; part: 'numerator' | 'denominator' };

/** How a column was matched to the catalog; a guess is marked for the person to confirm. */
export type MatchedBy = 'code' | 'name' | 'guess' | 'person' | 'none';

export function headerKey(header: string): string {
  return fold(header)
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}

/** A header without a trailing unit in brackets: "Tỷ lệ số hóa hồ sơ (%)" → "Tỷ lệ số hóa hồ sơ". */
const withoutUnit = (h: string): string => h.replace(/\s*[([][^)\]]*[)\]]\s*$/, '');

const ROLES: [ColumnRole, string[]][] = [
  [{ role: 'code', level: 'xa' }, ['commune_code', 'ma_xa', 'ma_phuong_xa', 'ward_code']],
  [{ role: 'code', level: 'huyen' }, ['district_code', 'ma_huyen']],
  [{ role: 'code', level: 'tinh' }, ['province_code', 'ma_tinh']],
  [{ role: 'code', level: null }, ['unit_code', 'ma', 'ma_don_vi', 'ma_dvhc', 'code']],
  [{ role: 'name', level: 'xa' }, ['commune', 'commune_name', 'ten_xa', 'xa', 'xa_phuong', 'ward']],
  [{ role: 'name', level: 'huyen' }, ['district', 'district_name', 'ten_huyen', 'huyen']],
  [{ role: 'name', level: 'tinh' }, ['province', 'province_name', 'ten_tinh', 'tinh']],
  [{ role: 'name', level: null }, ['unit_name', 'ten', 'ten_don_vi', 'don_vi', 'name', 'unit']],
  [{ role: 'parentCode' }, ['parent_code', 'ma_cap_tren', 'ma_don_vi_cap_tren']],
  [{ role: 'parentName' }, ['parent_name', 'cap_tren', 'don_vi_cap_tren']],
  [{ role: 'level' }, ['level', 'cap']],
  [{ role: 'year' }, ['year', 'nam']],
  [{ role: 'measure' }, ['measure', 'chi_tieu', 'ma_chi_tieu', 'indicator_code']],
  [{ role: 'value' }, ['value', 'gia_tri']],
  [{ role: 'rowNumber' }, ['stt', 'tt', 'no']],
  [
    { role: 'note' },
    [
      'ghi_chu',
      'ghi_chu_khac',
      'chu_thich',
      'note',
      'notes',
      'nhan_xet',
      'nguon',
      'nguon_so_lieu',
      'dvt',
      'don_vi_tinh',
    ],
  ],
];

const BY_KEY = new Map<string, ColumnRole>(
  ROLES.flatMap(([role, keys]) => keys.map((k) => [k, role] as const)),
);

/** The kinds of unit a header lists, by level: "xã, phường, thị trấn", "huyện, thị xã". */
const PLACE = '(?:xa|phuong|thi_tran|huyen|quan|thi_xa|thanh_pho|tinh)';
const LEVEL_OF_PLACE: Record<string, Level | null> = {
  xa: 'xa',
  phuong: 'xa',
  thi_tran: 'xa',
  huyen: 'huyen',
  quan: 'huyen',
  thi_xa: 'huyen',
  // A city may be a province's peer (Hà Nội) or a district's (TP Vinh).
  thanh_pho: null,
  tinh: 'tinh',
};
const CODE_HEADER = new RegExp(`^ma(?:_so)?_(${PLACE})(?:_${PLACE})*$`);
const NAME_HEADER = new RegExp(`^(?:ten_)?(${PLACE})(?:_${PLACE})*$`);
const UNIT_HEADER = /^(ma|ten)(?:_so)?_don_vi(?:_hanh_chinh)?$|^(don_vi_hanh_chinh)$/;

/**
 * Who a row is about, as offices head the column in their own words: "Mã xã, phường",
 * "Tên xã, thị trấn", "Xã/phường/thị trấn", "Tên đơn vị hành chính". The first kind of unit
 * named gives the level.
 */
function unitHeaderRole(key: string): ColumnRole | null {
  const code = CODE_HEADER.exec(key);
  if (code) return { role: 'code', level: LEVEL_OF_PLACE[code[1]!] ?? null };
  const name = NAME_HEADER.exec(key);
  if (name) return { role: 'name', level: LEVEL_OF_PLACE[name[1]!] ?? null };
  const unit = UNIT_HEADER.exec(key);
  if (unit) return { role: unit[1] === 'ma' ? 'code' : 'name', level: null };
  return null;
}

/** Catalog lookups: by code, by the folded key of the Vietnamese or English name, by words. */
export interface MeasureIndex {
  codes: ReadonlySet<string>;
  byName: ReadonlyMap<string, string>;
  words: MeasureMatcher;
}

export function measureIndex(measures: readonly MeasureDef[]): MeasureIndex {
  const byName = new Map<string, string>();
  for (const m of measures) {
    for (const name of [m.name.vi, m.name.en]) {
      for (const k of [headerKey(name), headerKey(withoutUnit(name))])
        if (!byName.has(k)) byName.set(k, m.code);
    }
  }
  return {
    codes: new Set(measures.map((m) => m.code)),
    byName,
    words: measureMatcher(measures),
  };
}

/** Role of one header column; anything unrecognised is a measure keyed by its folded label. */
export function roleOf(column: HeaderColumn, index: MeasureIndex): ColumnRole {
  const label = column.label.trim();
  if (index.codes.has(label)) return { role: 'measureColumn', measure: label, matchedBy: 'code' };
  const key = headerKey(label);
  if (index.codes.has(key)) return { role: 'measureColumn', measure: key, matchedBy: 'code' };
  if (column.group === null) {
    const role = BY_KEY.get(key) ?? unitHeaderRole(key);
    if (role) return role;
  }
  const byName = index.byName.get(key) ?? index.byName.get(headerKey(withoutUnit(label)));
  if (byName) return { role: 'measureColumn', measure: byName, matchedBy: 'name' };
  const known = BY_KEY.get(key);
  if (known) return known;
  const guess = index.words.match(label, column.group).confident;
  if (guess) return { role: 'measureColumn', measure: guess, matchedBy: 'guess' };
  // Another code of the row ("Mã cũ", "Mã bưu chính") is no measure's value.
  if (key.startsWith('ma_')) return { role: 'note' };
  return { role: 'measureColumn', measure: key, matchedBy: 'none' };
}

/** Official code lengths: 2-digit province, 3-digit district, 5-digit commune. */
export const CODE_LENGTH: Record<Level, number> = { tinh: 2, huyen: 3, xa: 5 };
