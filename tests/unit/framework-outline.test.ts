// The levels of a framework table out of its numbering: groups, main indices, indicators,
// sub-items; sections are not indicators; a method split over rows is one method.
import { describe, expect, it } from 'vitest';
import { numberingOf, outlineOf, type OutlineRow } from '../../src/lib/ingest/frameworkOutline';

let at = 0;
const row = (
  stt: string | null,
  name: string | null,
  max: number | null,
  method: string | null = null,
  extra: Partial<OutlineRow> = {},
): OutlineRow => ({
  row: ++at,
  stt,
  code: null,
  name,
  group: null,
  max,
  method,
  notes: [],
  ...extra,
});

describe('numbering', () => {
  it('tells groups, numbers, letters and bullets apart', () => {
    expect(numberingOf('II')).toEqual({ kind: 'group' });
    expect(numberingOf('B.')).toEqual({ kind: 'group' });
    expect(numberingOf('2')).toEqual({ kind: 'number', depth: 1 });
    expect(numberingOf('1.2.')).toEqual({ kind: 'number', depth: 2 });
    expect(numberingOf('1.2.3')).toEqual({ kind: 'number', depth: 3 });
    expect(numberingOf('a)')).toEqual({ kind: 'letter' });
    expect(numberingOf('-')).toEqual({ kind: 'bullet' });
    expect(numberingOf('')).toEqual({ kind: 'none' });
  });
});

describe('outline', () => {
  it('reads groups, main indices and indicators; a section row is not an indicator', () => {
    const o = outlineOf([
      row('I', 'NHÓM CHỈ SỐ NỀN TẢNG CHUNG', null),
      row('1', 'Nhận thức số', 40),
      row('1.1', 'BCĐ họp trong năm', 20, 'BCĐ họp 4 lần/năm: 20 điểm'),
      row('1.2', 'Văn bản chỉ đạo', 20, 'a = Số văn bản …'),
      row(null, null, null, 'b = Tổng số văn bản …'),
      row(null, null, null, 'Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa'),
      row('2', 'Thể chế số', 10),
      row('2.1', 'Có chuyên mục CĐS', 10, 'Có: 10 điểm; Không: 0 điểm'),
      row('II', 'NHÓM CHỈ SỐ HOẠT ĐỘNG', null),
      row('3', 'Chính quyền số', 30),
      row('3.1', 'Hồ sơ trực tuyến', 30, 'Điểm = Tỷ lệ × Điểm tối đa'),
      row(null, 'Tổng cộng', 80),
    ]);
    expect(o.mainIndices.map((m) => [m.code, m.name, m.maxPoints, m.group])).toEqual([
      ['1', 'Nhận thức số', 40, 'NHÓM CHỈ SỐ NỀN TẢNG CHUNG'],
      ['2', 'Thể chế số', 10, 'NHÓM CHỈ SỐ NỀN TẢNG CHUNG'],
      ['3', 'Chính quyền số', 30, 'NHÓM CHỈ SỐ HOẠT ĐỘNG'],
    ]);
    expect(o.indicators.map((x) => [x.code, x.mainIndex, x.maxPoints])).toEqual([
      ['1.1', '1', 20],
      ['1.2', '1', 20],
      ['2.1', '2', 10],
      ['3.1', '3', 30],
    ]);
    expect(o.indicators[1]!.method).toBe(
      'a = Số văn bản …\nb = Tổng số văn bản …\nTỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa',
    );
    expect(o.indicators[1]!.rows).toHaveLength(3);
    expect(o.total).toBe(80);
    expect(o.doubts).toEqual([]);
  });

  it('says where a section’s printed max is not the sum under it', () => {
    const o = outlineOf([
      row('1', 'Nhận thức số', 100),
      row('1.1', 'A', 20),
      row('1.2', 'B', 20),
      row(null, 'Tổng điểm', 50),
    ]);
    expect(o.mainIndices[0]!.maxPoints).toBe(40);
    expect(o.mainIndices[0]!.statedMax).toBe(100);
    expect(o.doubts.map((d) => d.message.en)).toEqual([
      '"Nhận thức số" states 100 points but the indicators under it add up to 40.',
      'The total row states 50 points but the indicators add up to 40.',
    ]);
  });

  it('scores lettered sub-items that carry points, and folds into the method those that do not', () => {
    const o = outlineOf([
      row('1', 'Hạ tầng số', 30),
      row('1.1', 'Trang bị', 20),
      row('a', 'Máy tính', 10, 'Có: 10 điểm'),
      row('b', 'Chữ ký số', 10, 'Có: 10 điểm'),
      row('1.2', 'Mạng', 10, 'Chấm theo:'),
      row('a)', 'kết nối mạng diện rộng', null),
      row('b)', 'kết nối Internet', null),
    ]);
    expect(o.indicators.map((x) => [x.code, x.name, x.maxPoints])).toEqual([
      ['1.1.a', 'Trang bị — Máy tính', 10],
      ['1.1.b', 'Trang bị — Chữ ký số', 10],
      ['1.2', 'Mạng', 10],
    ]);
    expect(o.indicators[2]!.method).toBe(
      'Chấm theo:\na) kết nối mạng diện rộng\nb) kết nối Internet',
    );
  });

  it('takes the main index from a group column when the table has no section rows', () => {
    const o = outlineOf([
      row(null, 'BCĐ họp', 10, null, { group: 'Nhận thức số', code: 'nt1' }),
      row(null, 'Văn bản', 10, null, { group: 'Nhận thức số', code: 'nt2' }),
      row(null, 'Nền tảng', 5, null, { group: 'Hạ tầng số', code: 'ht1' }),
    ]);
    expect(o.mainIndices.map((m) => [m.name, m.maxPoints])).toEqual([
      ['Nhận thức số', 20],
      ['Hạ tầng số', 5],
    ]);
    expect(o.indicators.map((x) => x.code)).toEqual(['nt1', 'nt2', 'ht1']);
  });

  it('keeps notes with their indicator and joins a wrapped name', () => {
    const o = outlineOf([
      row('1', 'Nhận thức', 10),
      row('1.1', 'Người đứng đầu là', 10, null, { notes: [{ header: 'Minh chứng', text: 'QĐ' }] }),
      row(null, 'Trưởng ban', null),
    ]);
    expect(o.indicators[0]!.name).toBe('Người đứng đầu là Trưởng ban');
    expect(o.indicators[0]!.notes).toEqual([{ header: 'Minh chứng', text: 'QĐ' }]);
  });
});

describe('outline: rows a review found misread', () => {
  it('reads totals however worded, carries on unnumbered unnamed rows, keeps headings and notes apart', () => {
    const o = outlineOf([
      row('A', 'NHÓM CHỈ SỐ CHUNG', null),
      row('1', 'Nhận thức số', 20),
      row('1.1', 'BCĐ họp', 10, 'Có: 10 điểm'),
      row(null, null, 10, 'Không: 0 điểm'),
      row('1.2', 'Văn bản', 10, 'Có: 10 điểm'),
      row(null, 'NHÓM CHỈ SỐ HOẠT ĐỘNG', null),
      row('2', 'Chính quyền số', 10),
      row('2.1', 'Hồ sơ', 10, null),
      row('-', 'hồ sơ trực tuyến', 5),
      row('-', 'hồ sơ số hóa', 5),
      row(null, 'TỔNG ĐIỂM (I+II)', 30),
      row(null, '* Ghi chú: điểm làm tròn', null),
    ]);
    expect(o.indicators.map((x) => [x.code, x.maxPoints])).toEqual([
      ['1.1', 10],
      ['1.2', 10],
      ['2.1.1', 5],
      ['2.1.2', 5],
    ]);
    expect(o.indicators[0]!.method).toBe('Có: 10 điểm\nKhông: 0 điểm');
    expect(o.indicators[1]!.name).toBe('Văn bản');
    expect(o.mainIndices.map((m) => [m.name, m.maxPoints, m.group])).toEqual([
      ['Nhận thức số', 20, 'NHÓM CHỈ SỐ CHUNG'],
      ['Chính quyền số', 10, 'NHÓM CHỈ SỐ HOẠT ĐỘNG'],
    ]);
    expect(o.total).toBe(30);
    expect(o.skipped.find((x) => x.row === at)).toEqual({ row: at, reason: 'noPoints' });
  });
});
