// Summaries as offices write them, from the probe of real-style files: the name column headed
// in their words, names shortened ("TT. Nam Đàn"), the year only in a title row, the footer
// under the table, codes that lost their leading zeros, yes/no answered in words, a long table
// naming its measures, notes and empty columns beside the data, every letter lost to "?".
import { describe, expect, test } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import { columnsToMap } from '../../src/lib/ingest/columnMapping';
import { foldSql } from '../../src/lib/sql/fold';
import { lit } from '../../src/lib/sql/quote';
import { yesNoSql } from '../../src/lib/text/cellWords';
import { csvFile, freshWorkspace, rows } from './support/workspace';

describe('summaries in the offices’ words', () => {
  test('a names-only summary: its name header, shortened names, title year and footer', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(
      csvFile(
        'nam-dan.csv',
        [
          'UBND HUYỆN NAM ĐÀN;;;',
          'BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024;;;',
          'STT;Tên xã, thị trấn;Số mắt camera an ninh;Ghi chú',
          '1;Xã Nam Hưng;12;',
          '2;TT. Nam Đàn;7;đã rà soát',
          '3;X. Nam Xuân;9;',
          ';Tổng cộng;28;',
          ';Người lập biểu;;',
          ';(Ký, ghi rõ họ tên);;',
          ';Nguyễn Thị Hoa;;',
        ].join('\n'),
      ),
    );
    expect(report.year).toBe(2024);
    expect(report.yearSource).toBe('title');
    expect(report.issues).toEqual([]);
    expect(report.columns.find((c) => c.header === 'Ghi chú')!.role).toBe('note');
    expect(report.skippedRows.map((s) => s.reason)).toEqual([
      'title',
      'title',
      'total',
      'note',
      'note',
      'noCode',
    ]);
    expect(await rows(ws, 'SELECT unit_code, value FROM observations ORDER BY unit_code')).toEqual([
      { unit_code: '17932', value: 12 },
      { unit_code: '17944', value: 9 },
      { unit_code: '17950', value: 7 },
    ]);
  });

  test('codes without their leading zeros are padded as the names’ level says', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(
      csvFile(
        'ba-dinh-2024.csv',
        'Mã đơn vị,Tên đơn vị,Số mắt camera an ninh\n1,Phường Phúc Xá,40\n4,Phường Trúc Bạch,30\n',
      ),
    );
    expect(await rows(ws, 'SELECT unit_code, level FROM units ORDER BY 1')).toEqual([
      { unit_code: '00001', level: 'xa' },
      { unit_code: '00004', level: 'xa' },
    ]);
  });

  test('yes and no in words: done, not yet, a document cited; under way is asked', async () => {
    const ws = await freshWorkspace();
    const cells = [
      ['Đã ban hành (KH số 45)', true],
      ['Có (QĐ số 12)', true],
      ['QĐ số 12/QĐ-UBND ngày 05/3/2024', true],
      ['Đã thành lập', true],
      ['Chưa ban hành', false],
      ['Đang xây dựng', null],
      ['không có', false],
      ['Không', false],
      ['x', true],
      ['chưa có', null],
      ['không có số liệu', null],
      ['đang chờ ý kiến', null],
    ] as const;
    const answers = await rows(
      ws,
      `SELECT t, ${yesNoSql(foldSql('t'))} AS yes FROM (VALUES ${cells.map(([c]) => `(${lit(c)})`).join(', ')}) v(t)`,
    );
    expect(answers.map((a) => [a.t, a.yes])).toEqual(cells.map(([c, y]) => [c, y]));
  });

  test('a long table naming its measures in words reads them with the catalog, and says so', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(
      csvFile(
        'thanh-chuong-dai.csv',
        [
          'Mã xã,Năm,Chỉ tiêu,Giá trị,Đơn vị tính',
          '17713,2024,Tỷ lệ số hóa hồ sơ,0.5,%',
          '17713,2024,Số mắt camera an ninh,12,mắt',
          '17713,2024,Chỉ tiêu lạ của huyện,3,cái',
        ].join('\n'),
      ),
    );
    expect(report.measureNames).toEqual([
      { label: 'Tỷ lệ số hóa hồ sơ', measure: 'so_hoa_ho_so_ty_le', matchedBy: 'name' },
      { label: 'Số mắt camera an ninh', measure: 'camera_an_ninh_so_luong', matchedBy: 'name' },
    ]);
    expect(report.unknownMeasures).toEqual(['chi_tieu_la_cua_huyen']);
    expect(report.columns.find((c) => c.header === 'Đơn vị tính')!.role).toBe('note');
  });

  test('an empty column or another code beside the data is not offered as a measure', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(
      csvFile(
        'trong-2024.csv',
        'Mã xã,Tên xã,Cột trống,Mã cũ,Số mắt camera an ninh,Cột lạ\n17932,Xã Nam Hưng,,1793,12,5\n',
      ),
    );
    expect(report.columns.find((c) => c.header === 'Mã cũ')!.role).toBe('note');
    expect(columnsToMap(report).map((c) => c.header)).toEqual(['Cột lạ']);
  });

  test('a CSV whose every Vietnamese letter became "?" says so', async () => {
    const ws = await freshWorkspace();
    const load = ws.loadFile(
      csvFile(
        'mat-dau-2024.csv',
        'M? x?,T?n x?,S? m?t camera an ninh,T? l? s? h?a h? s?\n17932,X? Nam H?ng,12,0.5\n',
      ),
    );
    await expect(load).rejects.toThrow(IngestError);
    await expect(load).rejects.toMatchObject({ code: 'lostLetters' });
  });
});
