// A table leaves the app as CSV in two flavours: "Excel (Tiếng Việt)" opens in columns with
// decimal commas in Excel set to Vietnamese and shows the figures the screen shows; "dữ liệu"
// keeps every digit for other tools. Both keep text that looks like a formula as text.
import { describe, expect, it } from 'vitest';
import { figure, tableCsv, tableXlsx } from '../../src/lib/export/tableExport';

const headers = ['Hạng', 'Đơn vị', 'Chỉ số', 'Điểm', 'Tỷ lệ', 'Ghi chú'];
const rows = [
  [1, 'Xã Nam Xuân', 0.8943999999999999, figure(12.345, 2), figure(0.6961, 3), '=1+1'],
  [2, 'Xã "Kim" Tân; thôn 3', 0.5, figure(7, 2), figure(null, 3), null],
  [3, 'Thị trấn', -0.00001, figure(-0.004, 2), 1, '@cmd'],
];

describe('table CSV', () => {
  it('Excel (Tiếng Việt): BOM, ";", decimal comma, rounded as shown, formulas kept as text', () => {
    const csv = tableCsv(headers, rows, 'excel-vi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Hạng;Đơn vị;Chỉ số;Điểm;Tỷ lệ;Ghi chú',
      "1;Xã Nam Xuân;0,8944;12,35;0,696;'=1+1",
      '2;"Xã ""Kim"" Tân; thôn 3";0,5;7;;',
      "3;Thị trấn;0;0;1;'@cmd",
      '',
    ]);
  });

  it('dữ liệu: no BOM, ",", decimal point, every digit', () => {
    const csv = tableCsv(headers, rows, 'data');
    expect(csv.split('\r\n')).toEqual([
      'Hạng,Đơn vị,Chỉ số,Điểm,Tỷ lệ,Ghi chú',
      "1,Xã Nam Xuân,0.8943999999999999,12.345,0.6961,'=1+1",
      '2,"Xã ""Kim"" Tân; thôn 3",0.5,7,,',
      "3,Thị trấn,-0.00001,-0.004,1,'@cmd",
      '',
    ]);
  });

  it('XLSX keeps numbers as numbers at full precision', () => {
    const bytes = tableXlsx(headers, rows);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(bytes).includes(Buffer.from('12.345'))).toBe(true);
  });
});
