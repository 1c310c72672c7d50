// Columns of the tables whose rows are indicators or targets rather than units: a unit's
// self-assessment form (STT, Chỉ số, Điểm tối đa, Cách tính, Điểm tự chấm, Thẩm định, Giải
// trình), a framework as provinces publish it (Mã, Chỉ tiêu, Nhóm, Điểm tối đa, Cách tính) and a
// plan's appendix of targets (Chỉ tiêu, Mã số liệu, Chỉ tiêu phấn đấu, Năm hoàn thành). Headers
// compare folded, like every other header (see columnRoles.ts).
import { headerKey } from './columnRoles';
import type { HeaderColumn } from './findLayout';

export type FormRole =
  | 'rowNumber'
  | 'indicatorCode'
  | 'indicatorName'
  | 'group'
  | 'maxPoints'
  | 'method'
  | 'selfPoints'
  | 'appraisedPoints'
  | 'evidence'
  | 'targetValue'
  | 'comparator'
  | 'deadline'
  | 'quote';

const FORM_ROLES: [FormRole, string[]][] = [
  ['rowNumber', ['stt', 'tt', 'so_tt', 'no']],
  [
    'indicatorCode',
    [
      'ma',
      'ma_chi_so',
      'ma_chi_tieu',
      'ma_so_lieu',
      'ky_hieu',
      'code',
      'indicator_code',
      'measure',
    ],
  ],
  [
    'indicatorName',
    ['chi_so', 'chi_tieu', 'ten_chi_so', 'ten_chi_tieu', 'noi_dung', 'tieu_chi', 'indicator'],
  ],
  ['group', ['nhom', 'nhom_chi_so', 'chi_so_chinh', 'linh_vuc', 'tru_cot', 'group']],
  ['maxPoints', ['diem_toi_da', 'diem_chuan', 'thang_diem', 'max_points']],
  ['method', ['cach_tinh', 'cach_tinh_diem', 'phuong_phap_tinh', 'cach_cham', 'method']],
  [
    'selfPoints',
    ['diem_tu_cham', 'tu_cham', 'diem_tu_danh_gia', 'tu_danh_gia', 'self_assessed', 'self'],
  ],
  [
    'appraisedPoints',
    ['tham_dinh', 'diem_tham_dinh', 'diem_duoc_tham_dinh', 'ket_qua_tham_dinh', 'appraised'],
  ],
  [
    'evidence',
    ['giai_trinh', 'minh_chung', 'giai_trinh_minh_chung', 'tai_lieu_kiem_chung', 'evidence'],
  ],
  [
    'targetValue',
    ['chi_tieu_phan_dau', 'muc_tieu', 'gia_tri_muc_tieu', 'chi_tieu_dat', 'muc_phan_dau', 'target'],
  ],
  ['comparator', ['so_sanh', 'dieu_kien', 'comparator']],
  ['deadline', ['nam_hoan_thanh', 'thoi_han', 'thoi_han_hoan_thanh', 'nam_dat', 'deadline']],
  ['quote', ['trich_dan', 'nguon', 'quote']],
];

const BY_KEY = new Map<string, FormRole>(
  FORM_ROLES.flatMap(([role, keys]) => keys.map((k) => [k, role] as const)),
);

/** A header's role in an indicator-row table, or null. "Điểm tự chấm (điểm)" counts too. */
export function formRoleOf(column: HeaderColumn): FormRole | null {
  const key = headerKey(column.label.replace(/\s*\([^)]*\)\s*$/, ''));
  return BY_KEY.get(key) ?? BY_KEY.get(headerKey(column.label)) ?? null;
}

/** Column index of each form role found (the first column holding it). */
export function formColumns(columns: readonly HeaderColumn[]): Partial<Record<FormRole, number>> {
  const found: Partial<Record<FormRole, number>> = {};
  columns.forEach((c, i) => {
    const role = formRoleOf(c);
    if (role && found[role] === undefined) found[role] = i;
  });
  return found;
}
