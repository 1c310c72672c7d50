// Reading files as offices send them: encodings, delimiters, title rows, two-row merged headers,
// numbering rows, blank lines, totals and notes — every row accounted for at its real position.
import { describe, expect, it } from 'vitest';
import { csvRecords, LineCounter, sniffDelimiter } from '../../src/lib/ingest/csvRecords';
import { decodeText, detectEncoding } from '../../src/lib/ingest/decodeText';
import { findLayout } from '../../src/lib/ingest/findLayout';
import { sniffFile } from '../../src/lib/ingest/sniffFile';
import { csvFile, freshWorkspace, rows } from './support/workspace';

/** Windows-1258 bytes for a few Vietnamese words: base letters plus combining tone bytes. */
const CP1258: Record<string, number> = {
  ơ: 0xf5,
  ư: 0xfd,
  đ: 0xf0,
  â: 0xe2,
  ê: 0xea,
  ô: 0xf4,
  ă: 0xe3,
  '\u0300': 0xcc,
  '\u0301': 0xec,
  '\u0303': 0xde,
  '\u0309': 0xd2,
  '\u0323': 0xf2,
};
function encode1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text
    .normalize('NFD')
    .replace(/o\u031b/g, 'ơ')
    .replace(/u\u031b/g, 'ư')
    .replace(/a\u0302/g, 'â')
    .replace(/e\u0302/g, 'ê')
    .replace(/o\u0302/g, 'ô')
    .replace(/a\u0306/g, 'ă')) {
    out.push(CP1258[ch] ?? ch.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

describe('encodings', () => {
  const text = 'Mã xã,Tên xã\n17986,Xã Khánh Sơn\n';
  it.each([
    ['utf-8', new TextEncoder().encode(text)],
    ['utf-8-bom', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    [
      'utf-16le',
      Uint8Array.from([
        0xff,
        0xfe,
        ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      ]),
    ],
    [
      'utf-16be',
      Uint8Array.from([
        0xfe,
        0xff,
        ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
      ]),
    ],
    ['windows-1258', encode1258(text)],
  ] as const)('%s is detected and decoded to the same text', (encoding, bytes) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(decodeText(bytes).text).toBe(text.normalize('NFC'));
  });

  it('tells Western Windows-1252 from Vietnamese Windows-1258', () => {
    const bytes = Uint8Array.from(
      [...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x2c, 0x4e, 0x61, 0xef, 0x76, 0x65]),
    );
    expect(detectEncoding(bytes)).toBe('windows-1252');
    expect(decodeText(bytes).text).toBe('Café,Naïve');
  });

  it('NFD text comes out NFC', () => {
    const nfd = 'Tỷ lệ số hóa'.normalize('NFD');
    expect(decodeText(new TextEncoder().encode(nfd)).text).toBe('Tỷ lệ số hóa'.normalize('NFC'));
  });
});

describe('file kinds', () => {
  it('knows a file by its bytes, not its name', () => {
    expect(sniffFile('a.csv', new Uint8Array())).toEqual({ kind: 'empty' });
    expect(sniffFile('anh.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toEqual(
      { kind: 'binary', what: 'PNG' },
    );
    expect(sniffFile('bang.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 0]))).toEqual({ kind: 'xlsx' });
    expect(
      sniffFile('mat-khau.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).toEqual({ kind: 'cfb' });
    expect(sniffFile('a.csv', new TextEncoder().encode('a,b\n1,2\n'))).toEqual({ kind: 'text' });
  });
});

describe('delimiters and records', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1,5;2;3\n4;5,5;6\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('sniffs "%s"', (d, text) => {
    expect(sniffDelimiter(text)).toBe(d);
  });

  it('tracks the line each record starts on, across quoted line breaks and blank lines', () => {
    const text = 'a,b\n1,"hai\ndòng"\n\n2,x\r\n3,y';
    expect(csvRecords(text, ',').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'hai\ndòng']],
      [4, ['']],
      [5, ['2', 'x']],
      [6, ['3', 'y']],
    ]);
    // Read in two pieces split at every place (a CR and its LF apart included): the same map.
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new LineCounter();
      counter.push(text.slice(0, cut));
      counter.push(text.slice(cut));
      const map = counter.lines(2);
      expect([cut, Array.from(map.recordLines), map.blankLines]).toEqual([cut, [2, 5, 6], [4]]);
    }
  });

  it('finds the first line longer than the limit, wherever the pieces are cut', () => {
    const text = `a,b\n${'x'.repeat(12)}\r\n1,2\n${'y'.repeat(11)}`;
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new LineCounter(10);
      counter.push(text.slice(0, cut));
      counter.push(text.slice(cut));
      expect([cut, counter.longLine]).toEqual([cut, 2]);
    }
    const last = new LineCounter(10);
    last.push('a,b\n1,2\n' + 'y'.repeat(11));
    expect(last.longLine).toBe(3);
    const none = new LineCounter(10);
    none.push('a,b\n' + 'x'.repeat(10) + '\n');
    expect(none.longLine).toBeNull();
  });
});

const GOVERNMENT = [
  'UBND HUYỆN NAM ĐÀN,,,,,',
  'BIỂU TỔNG HỢP SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2024,,,,,',
  ',,,,,',
  'STT,Mã xã,Tên xã,Chính quyền số,,Hạ tầng số',
  ',,,Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến toàn trình (%),Tỷ lệ số hóa hồ sơ (%),Số mắt camera an ninh',
  '(1),(2),(3),(4),(5),(6)',
  '1,17986,Xã Khánh Sơn,"45,5","60",12',
  '',
  '2,17932,Xã Nam Hưng,"30,0",đang cập nhật,"1.200"',
  '3,17935,Xã Nam Nghĩa,-,N/A,chưa có',
  ',,Tổng cộng,,,1.212',
  ',,Cộng huyện,,,',
  'Ghi chú: số liệu tạm tính,,,,,',
  ',,,,NGƯỜI LẬP BIỂU,',
  '"Nam Đàn, ngày 15 tháng 01 năm 2025",,,,,',
].join('\n');

describe('government layout', () => {
  it('finds titles, a two-row header with its merged group, and the numbering row', () => {
    const layout = findLayout(csvRecords(GOVERNMENT, ','))!;
    expect(layout).toMatchObject({
      titleRecords: [0, 1, 2],
      headerRecords: [3, 4],
      numberingRecord: 5,
      dataStart: 6,
    });
    expect(layout.columns.map((c) => c.name)).toEqual([
      'STT',
      'Mã xã',
      'Tên xã',
      'Chính quyền số / Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến toàn trình (%)',
      'Chính quyền số / Tỷ lệ số hóa hồ sơ (%)',
      'Hạ tầng số / Số mắt camera an ninh',
    ]);
  });

  it('loads it: measures matched by name, every non-data row listed at its real row, bad cells reported', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(csvFile('bieu-tong-hop-2024.csv', GOVERNMENT));
    expect(report).toMatchObject({
      shape: 'wide',
      encoding: 'utf-8',
      delimiter: ',',
      headerRows: [4, 5],
      rowsRead: 8,
      units: 3,
      year: 2024,
    });
    expect(
      report.columns
        .filter((c) => c.role === 'measureColumn')
        .map((c) => [c.column, c.measure, c.matchedBy]),
    ).toEqual([
      ['D', 'dvctt_toan_trinh_ty_le', 'name'],
      ['E', 'so_hoa_ho_so_ty_le', 'name'],
      ['F', 'camera_an_ninh_so_luong', 'name'],
    ]);
    expect(report.skippedRows.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [3, 'blank'],
      [6, 'numbering'],
      [8, 'blank'],
      [11, 'total'],
      [12, 'total'],
      [13, 'note'],
      [14, 'note'],
      [15, 'note'],
    ]);
    expect(report.issues).toEqual([
      {
        sheet: null,
        row: 9,
        column: 'E',
        header: 'Chính quyền số / Tỷ lệ số hóa hồ sơ (%)',
        raw: 'đang cập nhật',
        reason: 'notNumber',
      },
    ]);
    const values = await rows(
      ws,
      `SELECT unit_code, measure, value, source_cell FROM observations WHERE value IS NOT NULL ORDER BY source_row, source_cell`,
    );
    expect(values).toEqual([
      { unit_code: '17986', measure: 'dvctt_toan_trinh_ty_le', value: 45.5, source_cell: 'D7' },
      { unit_code: '17986', measure: 'so_hoa_ho_so_ty_le', value: 60, source_cell: 'E7' },
      { unit_code: '17986', measure: 'camera_an_ninh_so_luong', value: 12, source_cell: 'F7' },
      { unit_code: '17932', measure: 'dvctt_toan_trinh_ty_le', value: 30, source_cell: 'D9' },
      { unit_code: '17932', measure: 'camera_an_ninh_so_luong', value: 1200, source_cell: 'F9' },
    ]);
  });
});
