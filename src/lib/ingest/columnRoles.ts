// Which header is the unit code, its name, the parent, the year — and which are measures.
// Headers are compared folded, with runs of non-letters as "_": "Mã xã", "ma_xa", "MA XA" agree.
import type { Level } from '../framework/types';
import { fold } from '../sql/fold';

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
  | { role: 'measureColumn'; measure: string };

export function headerKey(header: string): string {
  return fold(header)
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}

const ROLES: [ColumnRole, string[]][] = [
  [{ role: 'code', level: 'xa' }, ['commune_code', 'ma_xa', 'ma_phuong_xa', 'ward_code']],
  [{ role: 'code', level: 'huyen' }, ['district_code', 'ma_huyen']],
  [{ role: 'code', level: 'tinh' }, ['province_code', 'ma_tinh']],
  [{ role: 'code', level: null }, ['unit_code', 'ma', 'ma_don_vi', 'ma_dvhc', 'code']],
  [{ role: 'name', level: 'xa' }, ['commune', 'commune_name', 'ten_xa', 'xa', 'xa_phuong', 'ward']],
  [{ role: 'name', level: 'huyen' }, ['district', 'district_name', 'ten_huyen', 'huyen']],
  [{ role: 'name', level: 'tinh' }, ['province', 'province_name', 'ten_tinh', 'tinh']],
  [{ role: 'name', level: null }, ['unit_name', 'ten', 'ten_don_vi', 'don_vi', 'name']],
  [{ role: 'parentCode' }, ['parent_code', 'ma_cap_tren', 'ma_don_vi_cap_tren']],
  [{ role: 'parentName' }, ['parent_name', 'cap_tren', 'don_vi_cap_tren']],
  [{ role: 'level' }, ['level', 'cap']],
  [{ role: 'year' }, ['year', 'nam']],
  [{ role: 'measure' }, ['measure', 'chi_tieu', 'ma_chi_tieu', 'indicator_code']],
  [{ role: 'value' }, ['value', 'gia_tri']],
  [{ role: 'rowNumber' }, ['stt', 'tt', 'no']],
];

const BY_KEY = new Map<string, ColumnRole>(
  ROLES.flatMap(([role, keys]) => keys.map((k) => [k, role] as const)),
);

/** Role of one header; anything not recognised is a measure column named by its key. */
export function roleOf(header: string, knownMeasures: ReadonlySet<string>): ColumnRole {
  const key = headerKey(header);
  if (knownMeasures.has(header.trim())) return { role: 'measureColumn', measure: header.trim() };
  if (knownMeasures.has(key)) return { role: 'measureColumn', measure: key };
  return BY_KEY.get(key) ?? { role: 'measureColumn', measure: key };
}

/** Official code lengths: 2-digit province, 3-digit district, 5-digit commune. */
export const CODE_LENGTH: Record<Level, number> = { tinh: 2, huyen: 3, xa: 5 };
