// A load report as a CSV file a person can open in Excel: one line per thing to know — the
// file's facts, rows in another encoding, each column's mapping, each skipped row, each
// repeated value, each bad cell.
import { tableCsv, type Cell } from '../export/tableExport';
import { FORMAT_NAMES } from './officeFiles';
import type { LoadReport } from './loadReport';

const REASONS: Record<string, { vi: string; en: string }> = {
  title: { vi: 'dòng tiêu đề', en: 'title row' },
  numbering: { vi: 'dòng đánh số cột', en: 'column numbering row' },
  blank: { vi: 'dòng trống', en: 'blank row' },
  total: { vi: 'dòng tổng/cộng', en: 'total or subtotal row' },
  note: { vi: 'ghi chú/chữ ký', en: 'note or signature' },
  noCode: { vi: 'không có mã đơn vị', en: 'no unit code' },
  notNumber: { vi: 'không phải số', en: 'not a number' },
  notYesNo: { vi: 'không phải có/không', en: 'not a yes/no answer' },
  unknownUnit: { vi: 'không tìm thấy đơn vị có tên này', en: 'no unit has this name' },
  unknownIndicator: {
    vi: 'không có chỉ số này trong bộ chỉ số nào (vẫn nạp theo tên)',
    en: 'no framework has this indicator (loaded under its name)',
  },
  overMax: { vi: 'điểm vượt điểm tối đa', en: 'points above the max' },
  notDate: {
    vi: 'không phải ngày hợp lệ dạng ngày/tháng/năm',
    en: 'not a valid day/month/year date',
  },
  unknownMeasure: {
    vi: 'không tìm thấy số liệu này trong danh mục (vẫn giữ theo tên)',
    en: 'no catalog measure has this code or name (kept under its name)',
  },
  notTarget: {
    vi: 'không đọc được mức chỉ tiêu (cần số, %, hoặc khoảng "60 – 80 %")',
    en: 'not a target value (a number, a percentage or a range "60 – 80 %")',
  },
  ambiguousUnit: {
    vi: 'nhiều đơn vị trùng tên này — cần mã',
    en: 'several units have this name — a code is needed',
  },
};

export function reasonText(reason: string, lang: 'vi' | 'en'): string {
  return REASONS[reason]?.[lang] ?? reason;
}

/** Skipped rows counted by reason, in order of first appearance. */
export function skippedCounts(r: LoadReport): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of r.skippedRows) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts];
}

export function reportCsv(reports: readonly LoadReport[]): string {
  const lines: Cell[][] = [];
  for (const r of reports) {
    const f = [r.file, r.sheet ?? ''];
    lines.push([
      ...f,
      'file',
      '',
      '',
      '',
      `${r.shape}; ${r.encoding ?? (r.format ? FORMAT_NAMES[r.format].en : '')}; ${r.delimiter === '\t' ? 'tab' : (r.delimiter ?? '')}`,
      `dòng tiêu đề ${r.headerRows.join(', ')}; ${r.rowsRead} dòng số liệu; ${r.units} đơn vị; ${r.observations} giá trị`,
      `header rows ${r.headerRows.join(', ')}; ${r.rowsRead} data rows; ${r.units} units; ${r.observations} values`,
    ]);
    const note = r.encodingNote;
    if (note) {
      lines.push([
        ...f,
        'encoding',
        note.rows.join(' '),
        '',
        '',
        `${note.main}; ${note.other}: ${note.count}`,
        note.text.vi,
        note.text.en,
      ]);
    }
    for (const c of r.columns) {
      lines.push([
        ...f,
        'column',
        '',
        c.column,
        c.header,
        c.measure ?? c.role,
        c.matchedBy ?? c.role,
        c.matchedBy ?? c.role,
      ]);
    }
    for (const s of r.rateScales) {
      const by = {
        data: ['tự nhận biết từ số liệu', 'detected from the values'],
        catalog: ['theo danh mục chỉ tiêu', 'as the catalog defines it'],
        person: ['do người dùng chọn', 'chosen by the person'],
      }[s.decidedBy];
      lines.push([
        ...f,
        'scale',
        '',
        '',
        s.measure,
        s.scale === 'percent' ? '0–100' : '0–1',
        `thang đo tỷ lệ: ${by[0]}`,
        `rate scale: ${by[1]}`,
      ]);
    }
    for (const s of r.skippedRows)
      lines.push([
        ...f,
        'skipped',
        s.row,
        '',
        '',
        s.text,
        reasonText(s.reason, 'vi'),
        reasonText(s.reason, 'en'),
      ]);
    for (const d of r.duplicates) {
      lines.push([
        ...f,
        'duplicate',
        d.rows.join(' '),
        '',
        d.measure,
        d.unit,
        `lặp lại năm ${d.year}; lấy dòng cuối`,
        `repeated for ${d.year}; last row counts`,
      ]);
    }
    for (const i of r.issues)
      lines.push([
        ...f,
        'cell',
        i.row,
        i.column,
        i.header,
        i.raw,
        reasonText(i.reason, 'vi'),
        reasonText(i.reason, 'en'),
      ]);
  }
  return tableCsv(
    ['file', 'sheet', 'kind', 'row', 'column', 'header', 'value', 'detail_vi', 'detail_en'],
    lines,
    // Read by a person, in Excel.
    'excel-vi',
  );
}
