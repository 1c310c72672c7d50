// CSV ingest: who each row is about, which year, how numbers are read, and what is reported.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import { csvFile, freshWorkspace, rows } from './support/workspace';

async function load(name: string, text: string) {
  const ws = await freshWorkspace();
  const report = await ws.loadFile(csvFile(name, text));
  return { ws, report };
}

async function loadError(name: string, text: string): Promise<IngestError> {
  const ws = await freshWorkspace();
  try {
    await ws.loadFile(csvFile(name, text));
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    // Nothing of a failed file stays behind.
    expect((await rows(ws, 'SELECT count(*)::INTEGER AS n FROM units'))[0]!.n).toBe(0);
    return e as IngestError;
  }
  throw new Error('expected the load to fail');
}

describe('units', () => {
  it('repairs leading zeros by level and keeps the parent at its own level', async () => {
    const { ws } = await load(
      'x-2024.csv',
      'Mã xã,Tên xã,Mã huyện,Tên huyện,a\n688,Xã A,16,Huyện B,1\n17986,Xã Khánh Sơn,430,Huyện Nam Đàn,2\n',
    );
    expect(
      await rows(
        ws,
        'SELECT unit_code, level, parent_code, parent_name FROM units ORDER BY unit_code',
      ),
    ).toEqual([
      { unit_code: '00688', level: 'xa', parent_code: '016', parent_name: 'Huyện B' },
      { unit_code: '17986', level: 'xa', parent_code: '430', parent_name: 'Huyện Nam Đàn' },
    ]);
  });

  it('in two-level data (no districts) a commune’s parent is its province', async () => {
    const { ws } = await load(
      'x-2025.csv',
      'ma_xa,ten_xa,ma_tinh,ten_tinh,a\n17713,Xã Đại Đồng,40,Tỉnh Nghệ An,1\n',
    );
    expect(await rows(ws, 'SELECT unit_code, level, parent_code FROM units')).toEqual([
      { unit_code: '17713', level: 'xa', parent_code: '40' },
    ]);
  });

  it('a generic code column: 4 digits are a commune that lost its zero, 1 digit a province', async () => {
    const { ws } = await load(
      'x-2024.csv',
      'unit_code,unit_name,a\n4,Tỉnh Cao Bằng,1\n1234,Xã Z,2\n430,Huyện Nam Đàn,3\n',
    );
    expect(await rows(ws, 'SELECT unit_code, level FROM units ORDER BY unit_code')).toEqual([
      { unit_code: '01234', level: 'xa' },
      { unit_code: '04', level: 'tinh' },
      { unit_code: '430', level: 'huyen' },
    ]);
  });

  it('skips and lists rows with no unit code (totals, notes), even when they hold no year', async () => {
    const { report } = await load(
      'x.csv',
      'STT,Mã xã,Tên,Năm,a\n1,17986,Xã Khánh Sơn,2024,5\n,,Tổng cộng,,5\nGhi chú: số liệu tạm tính,,,,\n',
    );
    expect(report.observations).toBe(1);
    expect(report.skippedRows).toEqual([
      { row: 3, reason: 'total', text: 'Tổng cộng | 5' },
      { row: 4, reason: 'note', text: 'Ghi chú: số liệu tạm tính' },
    ]);
  });

  it('reports the same unit, year and measure given twice', async () => {
    const { report } = await load('x-2024.csv', 'unit_code,a\n17986,1\n17986,2\n');
    expect(report.duplicates).toEqual([{ unit: '17986', year: 2024, measure: 'a', rows: [2, 3] }]);
  });
});

describe('years', () => {
  it('reads one year from the file name', async () => {
    const { report } = await load('bao-cao-nam-2024.csv', 'unit_code,a\n17986,1\n');
    expect(report).toMatchObject({ year: 2024, yearSource: 'fileName' });
  });

  it('refuses a file name with two years, and a file with no year, naming the file', async () => {
    const two = await loadError('QD-2031-UBND-2024.csv', 'unit_code,a\n17986,1\n');
    expect(two.text.vi).toMatch(/nhiều năm \(2031, 2024\)/);
    expect(two.at.file).toBe('QD-2031-UBND-2024.csv');
    const none = await loadError('bao-cao.csv', 'unit_code,a\n17986,1\n');
    expect(none.text.en).toMatch(/No year found/);
  });

  it('names the row and column of a bad year', async () => {
    const e = await loadError('x.csv', 'unit_code,year,a\n17986,2024,1\n17989,năm ngoái,2\n');
    expect(e.at).toEqual({ file: 'x.csv', row: 3, column: 'year' });
  });
});

describe('numbers', () => {
  it('decides the decimal mark per column and reads Vietnamese and English groupings', async () => {
    const { ws, report } = await load(
      'x-2024.csv',
      [
        'unit_code,vi_count,vi_rate,en_rate,mixed',
        '17932,1.200,"45,5",0.8002,"1,234.5"',
        '17935,"1.234,5",12,1.000,7',
        '17938,15,"12,5 %",45.5,x',
      ].join('\n'),
    );
    const got = await rows(
      ws,
      `SELECT unit_code, measure, value FROM observations ORDER BY measure, unit_code`,
    );
    const v = (m: string, u: string) =>
      got.find((r) => r.measure === m && r.unit_code === u)?.value;
    expect([v('vi_count', '17932'), v('vi_count', '17935'), v('vi_count', '17938')]).toEqual([
      1200, 1234.5, 15,
    ]);
    expect([v('vi_rate', '17932'), v('vi_rate', '17938')]).toEqual([45.5, 12.5]);
    expect([v('en_rate', '17932'), v('en_rate', '17935'), v('en_rate', '17938')]).toEqual([
      0.8002, 1, 45.5,
    ]);
    expect(v('mixed', '17932')).toBe(1234.5);
    expect(v('mixed', '17938')).toBeNull(); // text stays text
    expect(report.columns.find((c) => c.header === 'en_rate')?.decimalMark).toBe('.');
    expect(report.columns.find((c) => c.header === 'vi_count')?.decimalMark).toBe(',');
  });

  it('never reads NaN or infinity as a number', async () => {
    const { ws } = await load('x-2024.csv', 'unit_code,a\n17932,NaN\n17935,inf\n17938,-Infinity\n');
    const got = await rows(ws, 'SELECT text, value FROM observations ORDER BY text');
    expect(got.every((r) => r.value === null)).toBe(true);
  });
});

describe('long files', () => {
  it('maps measure names to catalog codes the way headers are, and lists unknown ones', async () => {
    const { ws, report } = await load(
      'long.csv',
      'unit_code,year,measure,value\n17986,2024,DVCTT_toan_trinh_ty_le,45\n17986,2024,Số camera lạ,3\n',
    );
    expect(report.shape).toBe('long');
    expect(await rows(ws, 'SELECT measure FROM observations ORDER BY measure')).toEqual([
      { measure: 'dvctt_toan_trinh_ty_le' },
      { measure: 'so_camera_la' },
    ]);
    expect(report.unknownMeasures).toEqual(['so_camera_la']);
  });
});

describe('append, replace and undo', () => {
  it('replace sets earlier loads aside; undo takes the batch back and restores them', async () => {
    const ws = await freshWorkspace();
    const a = await ws.loadFile(csvFile('a-2024.csv', 'unit_code,m\n17986,1\n'));
    const b = await ws.loadFile(csvFile('b-2024.csv', 'unit_code,m\n17989,2\n'));
    const c = await ws.loadFile(csvFile('c-2024.csv', 'unit_code,m\n17932,3\n'), { replace: true });
    const d = await ws.loadFile(csvFile('d-2024.csv', 'unit_code,m\n17935,4\n'), {
      batch: c.batch!,
    });
    expect([a.batch, b.batch, c.batch, d.batch]).toEqual([a.loadId, b.loadId, c.loadId, c.loadId]);
    const counted = async () => {
      await ws.score('dti-xa-minh-hoa', null);
      return (await rows(ws, `SELECT unit_code FROM measures ORDER BY unit_code`)).map(
        (r) => r.unit_code,
      );
    };
    expect(await counted()).toEqual(['17932', '17935']);
    expect(await ws.loadStates()).toEqual(
      new Map([
        [a.loadId, false],
        [b.loadId, false],
        [c.loadId, true],
        [d.loadId, true],
      ]),
    );

    await ws.undoBatch(c.batch!);
    expect(await counted()).toEqual(['17986', '17989']);
    await ws.undoBatch(b.batch!);
    expect(await counted()).toEqual(['17986']);
    expect((await rows(ws, 'SELECT unit_code FROM units')).map((r) => r.unit_code)).toEqual([
      '17986',
    ]);
  });
});

describe('the person’s column mapping', () => {
  const csv = 'unit_code,Cột lạ,Số mắt camera an ninh\n17986,45,12\n';

  it('reads a column as the chosen measure, skips a column set to null, and says so', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(csvFile('x-2024.csv', csv), {
      mapping: { 'Cột lạ': 'dvctt_toan_trinh_ty_le', 'Số mắt camera an ninh': null },
    });
    expect(report.columns.slice(1).map((c) => [c.header, c.role, c.measure, c.matchedBy])).toEqual([
      ['Cột lạ', 'measureColumn', 'dvctt_toan_trinh_ty_le', 'person'],
      ['Số mắt camera an ninh', 'ignored', undefined, undefined],
    ]);
    expect(await rows(ws, 'SELECT measure, value FROM observations')).toEqual([
      { measure: 'dvctt_toan_trinh_ty_le', value: 45 },
    ]);
  });

  it('applies a remembered mapping to the next file with the same header, whatever its case and accents', async () => {
    const ws = await freshWorkspace();
    const first = await ws.loadFile(csvFile('a-2024.csv', csv));
    const remembered = new Map([[first.signature, { 'Cột lạ': 'so_hoa_ho_so_ty_le' }]]);
    const again = await ws.loadFile(
      csvFile('b-2025.csv', csv.replace('Cột lạ', 'CỘT LẠ').replace('17986,45', '17986,50')),
      {
        remembered: (s) => remembered.get(s),
      },
    );
    expect(again.signature).toBe(first.signature);
    expect(again.mapping).toEqual({ 'Cột lạ': 'so_hoa_ho_so_ty_le' });
    expect(
      await rows(ws, "SELECT year, value FROM observations WHERE measure = 'so_hoa_ho_so_ty_le'"),
    ).toEqual([{ year: 2025, value: 50 }]);
    const other = await ws.loadFile(csvFile('c-2026.csv', 'unit_code,Cột khác\n17986,1\n'), {
      remembered: (s) => remembered.get(s),
    });
    expect(other.mapping).toEqual({});
  });
});

describe('files too large for a tab', () => {
  it('refuses a file over the limit before reading it, stating the limit', async () => {
    const ws = await freshWorkspace();
    const e = await ws
      .loadFile(csvFile('lon-2024.csv', 'unit_code,a\n17986,1\n'.repeat(1000)), {
        maxBytes: (2 * 1024 ** 2) / 1024,
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).code).toBe('tooLarge');
    expect((e as IngestError).text.vi).toMatch(/vượt giới hạn/);
  });
});
