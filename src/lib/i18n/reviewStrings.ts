// Text of the review of a framework read from a table. Vietnamese first; every key exists in
// both languages (checked by the type).
import type { Lang } from './format';

const vi = {
  title: 'Xem lại bộ chỉ số vừa đọc',
  intro:
    'Mỗi chỉ số kèm cách tính điểm đọc được từ lời văn. Chỗ chưa hiểu được tính theo điểm nhập (điểm đã chấm) cho đến khi được sửa: sửa lời văn cho rõ, hoặc chọn tính theo điểm nhập.',
  read: 'đọc được',
  known: 'theo bộ chỉ số đã có',
  notUnderstood: 'chưa hiểu',
  onlyDoubts: 'Chỉ xem chỗ chưa hiểu',
  code: 'STT',
  indicator: 'Chỉ số',
  max: 'Điểm tối đa',
  method: 'Cách tính (lời văn)',
  understood: 'Hiểu thành',
  needs: 'Cần số liệu',
  status: 'Tình trạng',
  edit: 'Sửa',
  editing: 'Đang sửa',
  methodLabel: 'Lời văn cách tính',
  maxLabel: 'Điểm tối đa',
  asPoints: 'Tính theo điểm nhập (không đọc lời văn)',
  preview: 'Đọc được thành',
  previewNone: 'Chưa đọc được:',
  applyRow: 'Ghi nhận',
  cancel: 'Hủy',
  corrected: 'đã sửa',
  use: 'Dùng bộ chỉ số đã sửa',
  useHint: 'Lưu thành bộ chỉ số mới (… đã sửa), chọn nó và chấm điểm lại ngay.',
  downloadJson: 'Tải JSON',
  downloadXlsx: 'Tải bảng tính (.xlsx)',
  close: 'Đóng',
  tableDoubts: 'Bảng tự mâu thuẫn',
  row: 'dòng',
  summary: '{n} chỉ số: {read} đọc được, {known} theo bộ chỉ số đã có, {none} chưa hiểu',
};

const en: typeof vi = {
  title: 'Review the framework just read',
  intro:
    'Each indicator with the rule read from its method text. What was not understood scores the points as given (appraised points) until corrected: reword the text, or choose points as given.',
  read: 'read',
  known: 'from a known framework',
  notUnderstood: 'not understood',
  onlyDoubts: 'Only what was not understood',
  code: 'No.',
  indicator: 'Indicator',
  max: 'Max points',
  method: 'Method (as written)',
  understood: 'Read as',
  needs: 'Data needed',
  status: 'Status',
  edit: 'Edit',
  editing: 'Editing',
  methodLabel: 'Method text',
  maxLabel: 'Max points',
  asPoints: 'Points as given (do not read the text)',
  preview: 'Reads as',
  previewNone: 'Not read yet:',
  applyRow: 'Keep',
  cancel: 'Cancel',
  corrected: 'corrected',
  use: 'Use the corrected framework',
  useHint: 'Saved as a new framework (… corrected), selected and scored at once.',
  downloadJson: 'Download JSON',
  downloadXlsx: 'Download spreadsheet (.xlsx)',
  close: 'Close',
  tableDoubts: 'The table contradicts itself',
  row: 'row',
  summary: '{n} indicators: {read} read, {known} from a known framework, {none} not understood',
};

type Key = keyof typeof vi;

export function rvt(lang: Lang, key: Key, fill: Record<string, string> = {}): string {
  return (lang === 'vi' ? vi : en)[key].replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? '');
}

/** Each rule kind's name, by the kind's code (a test holds it to the rule registry's kinds). */
const KIND: Readonly<Record<string, { vi: string; en: string }>> = {
  ratio: { vi: 'tỷ lệ a ÷ b', en: 'ratio a ÷ b' },
  percent: { vi: 'tỷ lệ × điểm tối đa', en: 'rate × max' },
  tiers: { vi: 'theo mức (bậc)', en: 'tiers' },
  choice: { vi: 'lựa chọn', en: 'choice' },
  boolean: { vi: 'có / không', en: 'yes / no' },
  parts: { vi: 'từng phần', en: 'parts' },
  goalpost: { vi: 'khoảng cách tới đích', en: 'goalposts' },
  minmax: { vi: 'so với đơn vị khác (min–max)', en: 'relative (min–max)' },
  zscore: { vi: 'so với đơn vị khác (z)', en: 'relative (z-score)' },
  points: { vi: 'điểm nhập', en: 'points as given' },
};

export const kindName = (kind: string, lang: Lang): string => KIND[kind]?.[lang] ?? kind;
