// The district a summary's title rows name ("UBND HUYỆN …") as the parent of its communes when
// the file gives no parent column — never over a parent the app already knows.
import { describe, expect, test } from 'vitest';
import { parentInTitles } from '../../src/lib/ingest/titleParent';
import { csvFile, freshWorkspace, rows } from './support/workspace';

describe('reading the title rows', () => {
  test.each([
    ['UBND HUYỆN THẠCH THÀNH', 'Huyện Thạch Thành', 'huyen'],
    ['ỦY BAN NHÂN DÂN HUYỆN NAM ĐÀN', 'Huyện Nam Đàn', 'huyen'],
    ['UBND HUYỆN NAM ĐÀN - TỈNH NGHỆ AN', 'Huyện Nam Đàn', 'huyen'],
    ['UBND HUYỆN NAM ĐÀN\nPHÒNG VĂN HÓA VÀ THÔNG TIN', 'Huyện Nam Đàn', 'huyen'],
    ['UBND THỊ XÃ SƠN TÂY', 'Thị xã Sơn Tây', 'huyen'],
    ['UBND THÀNH PHỐ VINH', 'Thành phố Vinh', null],
    ['UBND TỈNH NGHỆ AN', 'Tỉnh Nghệ An', 'tinh'],
  ])('%s → %s', (title, name, level) => {
    expect(parentInTitles(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', title])).toEqual({ name, level });
  });

  test('a title that names no authoring unit gives none', () => {
    expect(parentInTitles(['BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024', 'PHÒNG VĂN HÓA'])).toBeNull();
  });
});

const table = (title: string, ...lines: string[]) =>
  csvFile('tong-hop-2024.csv', [title, 'Mã xã;Tên xã;Số camera an ninh', ...lines].join('\n'));

describe('the parent of the rows', () => {
  test('a commune the reference list knows keeps its district; a new one takes the title’s', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(
      table('UBND HUYỆN THẠCH THÀNH', '15187;Thị trấn Kim Tân;5', '99991;Xã Mới;3'),
    );
    expect(report.parentFromTitle).toBe('Huyện Thạch Thành');
    expect(
      await rows(
        ws,
        `SELECT unit_code, parent_code, parent_name FROM units WHERE unit_code IN ('15187', '99991') ORDER BY unit_code`,
      ),
    ).toEqual([
      { unit_code: '15187', parent_code: '391', parent_name: 'Huyện Thạch Thành' },
      { unit_code: '99991', parent_code: '391', parent_name: 'Huyện Thạch Thành' },
    ]);
  });

  test('a title naming another unit does not move communes already under their district', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(
      csvFile(
        'nam-dan-2024.csv',
        'Mã xã;Tên xã;Mã huyện;Tên huyện;Số camera an ninh\n17932;Xã Nam Hưng;430;Huyện Nam Đàn;4',
      ),
    );
    await ws.loadFile(table('UBND TỈNH NGHỆ AN', '17932;Xã Nam Hưng;5'));
    expect(
      await rows(ws, `SELECT parent_code, parent_name FROM units WHERE unit_code = '17932'`),
    ).toEqual([{ parent_code: '430', parent_name: 'Huyện Nam Đàn' }]);
  });

  test('a district file under its own district’s title is not its own parent', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(
      csvFile(
        'huyen-2024.csv',
        'UBND HUYỆN NAM ĐÀN\nMã huyện;Tên huyện;Số camera an ninh\n430;Huyện Nam Đàn;40',
      ),
    );
    expect(await rows(ws, `SELECT parent_code FROM units WHERE unit_code = '430'`)).toEqual([
      { parent_code: null },
    ]);
  });
});
