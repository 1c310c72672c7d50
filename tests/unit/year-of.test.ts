// The year of a summary that has no year column: as district summaries give it — in a title
// row ("… NĂM 2024"), the sheet name or the file name — and never a date's year.
import { describe, expect, test } from 'vitest';
import { yearInWords } from '../../src/lib/ingest/yearOf';
import { csvFile, freshWorkspace, rows } from './support/workspace';

describe('the year in words', () => {
  test('a title row names it; a date in a title or the file name does not', () => {
    expect(
      yearInWords(
        [
          'UBND HUYỆN NAM ĐÀN',
          'BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ CÁC XÃ NĂM 2024',
          'Nam Đàn, ngày 15 tháng 01 năm 2025',
        ],
        'BC_CDS_gui_ngay_15-01-2025.xlsx',
        'Sheet1',
      ),
    ).toEqual({ value: 2024, from: 'title' });
    expect(yearInWords([], 'BC_CDS_gui_ngay_15-01-2025.xlsx', null)).toBeNull();
    expect(yearInWords(['Báo cáo ngày 15/01/2025'], 'bao-cao.xlsx', null)).toBeNull();
  });

  test('else the sheet name, else the file name, else a lone year in the titles', () => {
    expect(yearInWords(['BÁO CÁO'], 'bao-cao-2023.xlsx', 'Năm 2024')).toEqual({
      value: 2024,
      from: 'sheet',
    });
    expect(yearInWords(['BÁO CÁO'], 'bao-cao-2023.xlsx', 'Sheet1')).toEqual({
      value: 2023,
      from: 'fileName',
    });
    expect(yearInWords(['KẾT QUẢ CĐS 2022'], 'bao-cao.xlsx', null)).toEqual({
      value: 2022,
      from: 'title',
    });
    expect(yearInWords([], 'so-sanh-2023-2024.xlsx', null)).toEqual({
      several: [2023, 2024],
      from: 'fileName',
    });
  });
});

test('a summary whose year is only in its title loads under that year, and says where it was read', async () => {
  const ws = await freshWorkspace();
  const report = await ws.loadFile(
    csvFile(
      'BC_CDS_gui_ngay_15-01-2025.csv',
      [
        'UBND HUYỆN NAM ĐÀN;;',
        'BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ CÁC XÃ NĂM 2024;;',
        'Mã xã;Tên xã;Số mắt camera an ninh',
        '17932;Xã Nam Hưng;12',
        '17935;Xã Nam Nghĩa;7',
      ].join('\n'),
    ),
  );
  expect(report.year).toBe(2024);
  expect(report.yearSource).toBe('title');
  expect(await rows(ws, 'SELECT DISTINCT year FROM observations')).toEqual([{ year: 2024 }]);
});
