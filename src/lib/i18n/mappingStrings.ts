// Text of the column mapping view and of the data-coverage warnings. Vietnamese first; every key
// exists in both languages (checked by the type).
import type { Lang } from './format';

const vi = {
  title: 'Ghép cột với chỉ tiêu',
  intro:
    'Mỗi cột số liệu của tệp cần ứng với một chỉ tiêu của danh mục. Cột đoán theo tiêu đề đã được dùng — hãy xem lại; cột chưa ghép chưa được tính điểm. Bảng xếp hạng cập nhật sau mỗi lựa chọn.',
  matched: 'đã khớp',
  guessed: 'đoán',
  unmatched: 'chưa ghép',
  chosenCount: 'bạn đã chọn',
  acceptGuesses: 'Chấp nhận mọi cột đoán',
  close: 'Xong',
  samples: 'Ví dụ',
  noSamples: '(cột trống)',
  current: 'Đang đọc là',
  guessNote: 'đoán theo tiêu đề',
  personNote: 'bạn đã chọn',
  nameNote: 'khớp đúng tên',
  codeNote: 'khớp đúng mã',
  notMapped: 'chưa ghép — không được tính điểm',
  notAMeasure: 'Không phải chỉ tiêu',
  skipped: 'không nạp (không phải chỉ tiêu)',
  suggestions: 'Gợi ý',
  search: 'Tìm chỉ tiêu',
  searchHint: 'gõ vài chữ, ví dụ “camera”',
  noResults: 'Không có chỉ tiêu nào chứa các chữ này.',
  usedBy: 'dùng cho',
  numerator: 'tử số',
  denominator: 'mẫu số',
  rateFromCounts: 'tính tỷ lệ = tử số ÷ mẫu số từ hai cột đếm',
  rateComputed: 'tỷ lệ được tính từ hai cột',
  rateNeedsOther: 'cần chọn thêm cột kia của tỷ lệ',
  matchedColumns: 'Cột đã khớp đúng tên hoặc mã',
  lacking: 'Tệp này thiếu số liệu cho {n} chỉ số của bộ chỉ số “{framework}”',
  lackingNone: 'Tệp này có số liệu cho mọi chỉ số của bộ chỉ số “{framework}”.',
  openMapper: 'Ghép cột',
  needsMapping: '{n} cột chưa ghép hoặc mới đoán',
  lowCoverageTitle: 'Kết quả chưa đủ số liệu',
  lowCoverage:
    'Trung bình mỗi đơn vị chỉ có số liệu cho {share} số chỉ số của bộ chỉ số. Điểm và thứ hạng dưới đây chưa phản ánh đúng mức chuyển đổi số: hãy nạp thêm số liệu hoặc ghép các cột chưa ghép.',
  lowCoverageLacking: '{n} chỉ số không đơn vị nào có số liệu.',
  lowCoverageUnit: 'thiếu số liệu',
  lowCoverageUnits: '{n} đơn vị có dưới {share} số liệu (đánh dấu ⚠ trong bảng).',
  newDistrict: 'Tệp vừa nạp là số liệu của {parent}: đang xem các đơn vị này.',
  showAll: 'Xem tất cả',
  parentFromTitle: 'đơn vị cấp trên lấy từ dòng tiêu đề: {parent}',
};

const en: Record<keyof typeof vi, string> = {
  title: 'Match columns to measures',
  intro:
    'Each data column of the file should be one measure of the catalog. Columns guessed from their header are already used — check them; columns not matched are not scored. The ranking updates after each choice.',
  matched: 'matched',
  guessed: 'guessed',
  unmatched: 'not matched',
  chosenCount: 'chosen by you',
  acceptGuesses: 'Accept every guessed column',
  close: 'Done',
  samples: 'Sample',
  noSamples: '(empty column)',
  current: 'Read as',
  guessNote: 'guessed from the header',
  personNote: 'your choice',
  nameNote: 'exact name',
  codeNote: 'exact code',
  notMapped: 'not matched — not scored',
  notAMeasure: 'Not a measure',
  skipped: 'not loaded (not a measure)',
  suggestions: 'Suggestions',
  search: 'Find a measure',
  searchHint: 'type a few letters, e.g. “camera”',
  noResults: 'No measure has these words.',
  usedBy: 'used by',
  numerator: 'numerator',
  denominator: 'denominator',
  rateFromCounts: 'rate = numerator ÷ denominator from two count columns',
  rateComputed: 'the rate is computed from the two columns',
  rateNeedsOther: 'choose the rate’s other column too',
  matchedColumns: 'Columns matched by exact name or code',
  lacking: 'This file has no data for {n} indicators of framework “{framework}”',
  lackingNone: 'This file has data for every indicator of framework “{framework}”.',
  openMapper: 'Match columns',
  needsMapping: '{n} columns not matched or only guessed',
  lowCoverageTitle: 'Not enough data for a result',
  lowCoverage:
    'On average each unit has data for only {share} of the framework’s indicators. The points and ranks below do not yet show the units’ digital transformation: load more data, or match the columns not matched.',
  lowCoverageLacking: '{n} indicators have no data for any unit.',
  lowCoverageUnit: 'little data',
  lowCoverageUnits: '{n} units have less than {share} of the data (marked ⚠ in the table).',
  newDistrict: 'The file just loaded is about {parent}: showing these units.',
  showAll: 'Show all',
  parentFromTitle: 'parent unit taken from the title rows: {parent}',
};

export type MappingKey = keyof typeof vi;

/** The text for `key`, with `{name}` placeholders filled from `fill`. */
export function mpt(lang: Lang, key: MappingKey, fill: Record<string, string> = {}): string {
  const text = (lang === 'vi' ? vi : en)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => fill[name] ?? whole);
}
