// Interface text, Vietnamese first. Every key exists in both languages (checked by the type).
import type { LocalText } from '../framework/types';
import type { Lang } from './format';

const vi = {
  appTitle: 'DTI Lab',
  appSubtitle: 'Chấm điểm chỉ số chuyển đổi số ngay trong trình duyệt — dữ liệu không rời khỏi máy',
  language: 'Ngôn ngữ',
  framework: 'Bộ chỉ số',
  year: 'Năm',
  targets: 'Chỉ tiêu kế hoạch',
  noTargets: '(không so sánh chỉ tiêu)',
  loadFiles: 'Nạp tệp (CSV, JSON)',
  chooseFiles: 'Chọn tệp…',
  loadHint:
    'Số liệu CSV: bảng rộng (mỗi dòng một đơn vị, tiêu đề cột là mã chỉ tiêu) hoặc bảng dài (đơn vị, năm, chỉ tiêu, giá trị). Bộ chỉ số, bộ chỉ tiêu kế hoạch: tệp JSON.',
  starting: 'Đang khởi động DuckDB…',
  loading: 'Đang nạp và chấm điểm…',
  ranking: 'Bảng xếp hạng',
  rankingCaption:
    'Xếp hạng theo chỉ số tổng hợp (điểm đạt ÷ điểm tối đa). Đồng hạng khi bằng nhau đến 4 chữ số thập phân.',
  rank: 'Hạng',
  code: 'Mã',
  unit: 'Đơn vị',
  total: 'Chỉ số tổng hợp',
  points: 'Điểm',
  band: 'Xếp loại',
  coverage: 'Có số liệu',
  notScored: 'không tính điểm',
  notScoredNote: 'Cột in nghiêng: chỉ số chính được thu thập nhưng không tính vào tổng.',
  illustrative: 'Minh họa',
  illustrativeNote: 'Bộ chỉ số minh họa — không phải bộ chỉ số chính thức.',
  noUnits: 'Chưa có đơn vị nào thuộc cấp của bộ chỉ số này trong dữ liệu đã nạp.',
  loaded: 'Đã nạp',
  shape: 'Dạng',
  wide: 'bảng rộng',
  long: 'bảng dài',
  rows: 'dòng',
  units: 'đơn vị',
  observations: 'giá trị',
  unknownColumns: 'Cột chưa có trong danh mục chỉ tiêu (vẫn được nạp)',
  skippedRows: 'Dòng không phải số liệu (đã bỏ qua)',
  downloadReport: 'Tải báo cáo nạp dữ liệu (CSV)',
  sheet: 'trang',
  delimiter: 'dấu phân cách',
  headerRow: 'dòng tiêu đề',
  matchedByName: 'Cột khớp chỉ tiêu theo tên',
  issues: 'Ô không đọc được',
  unknownMeasures: 'Chỉ tiêu chưa có trong danh mục (vẫn được nạp)',
  duplicates: 'Số liệu lặp lại (lấy dòng cuối)',
  errorTitle: 'Không nạp được tệp',
  engineError: 'Không khởi động được cơ sở dữ liệu trong trình duyệt',
  dismiss: 'Đóng',
  sampleNote:
    'Đang hiển thị dữ liệu mẫu huyện Nam Đàn (Nghệ An): tên và mã xã thật, số liệu giả lập.',
  levelTinh: 'cấp tỉnh',
  levelHuyen: 'cấp huyện',
  levelXa: 'cấp xã',
  rankChange: 'so với năm trước',
} as const;

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  appTitle: 'DTI Lab',
  appSubtitle:
    'Digital transformation index scoring in your browser — your data never leaves this device',
  language: 'Language',
  framework: 'Framework',
  year: 'Year',
  targets: 'Plan targets',
  noTargets: '(no target comparison)',
  loadFiles: 'Load files (CSV, JSON)',
  chooseFiles: 'Choose files…',
  loadHint:
    'CSV data: wide (one row per unit, column headers are measure codes) or long (unit, year, measure, value). Frameworks and target profiles: JSON files.',
  starting: 'Starting DuckDB…',
  loading: 'Loading and scoring…',
  ranking: 'Ranking',
  rankingCaption:
    'Ranked by total index (points ÷ max points). Units tie when equal to 4 decimals.',
  rank: 'Rank',
  code: 'Code',
  unit: 'Unit',
  total: 'Total index',
  points: 'Points',
  band: 'Band',
  coverage: 'Data coverage',
  notScored: 'not scored',
  notScoredNote: 'Italic columns: main indices collected but not counted in the total.',
  illustrative: 'Illustrative',
  illustrativeNote: 'Illustrative framework — not an official set.',
  noUnits: 'No unit of this framework’s level is in the loaded data.',
  loaded: 'Loaded',
  shape: 'Shape',
  wide: 'wide table',
  long: 'long table',
  rows: 'rows',
  units: 'units',
  observations: 'values',
  unknownColumns: 'Columns not in the measure catalog (loaded anyway)',
  skippedRows: 'Rows that are not data (skipped)',
  downloadReport: 'Download the load report (CSV)',
  sheet: 'sheet',
  delimiter: 'delimiter',
  headerRow: 'header row',
  matchedByName: 'Columns matched to measures by name',
  issues: 'Cells that could not be read',
  unknownMeasures: 'Measures not in the catalog (loaded anyway)',
  duplicates: 'Values given more than once (the last row counts)',
  errorTitle: 'Could not load the file',
  engineError: 'Could not start the in-browser database',
  dismiss: 'Dismiss',
  sampleNote:
    'Showing the Nam Đàn district sample (Nghệ An): real commune names and codes, synthetic numbers.',
  levelTinh: 'province level',
  levelHuyen: 'district level',
  levelXa: 'commune level',
  rankChange: 'vs previous year',
};

export type StringKey = Key;

export function t(lang: Lang, key: Key): string {
  return lang === 'vi' ? vi[key] : en[key];
}

export function local(text: LocalText, lang: Lang): string {
  return text[lang];
}
