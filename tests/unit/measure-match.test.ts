// Header → measure matching as officials write headers: abbreviations, other words for the same
// thing, units, group labels; a guess only when one measure is clearly meant, else candidates.
import { describe, expect, test } from 'vitest';
import catalog from '../../src/lib/framework/builtin/measures.json';
import type { MeasureDef } from '../../src/lib/framework/types';
import { measureMatcher, readHeader } from '../../src/lib/ingest/measureMatch';
import { columnsToMap, withGuessesAccepted } from '../../src/lib/ingest/columnMapping';
import { findMeasures } from '../../src/lib/view/findMeasures';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

const measures = (catalog as { measures: MeasureDef[] }).measures;
const matcher = measureMatcher(measures);
const guess = (header: string, group: string | null = null) =>
  matcher.match(header, group).confident;

describe('reading a header', () => {
  test('abbreviations are written out, joined ones too', () => {
    expect(readHeader('Tỷ lệ hồ sơ DVCTT (%)').tokens.join(' ')).toBe(
      readHeader('Tỷ lệ hồ sơ dịch vụ công trực tuyến').tokens.join(' '),
    );
    expect(readHeader('Chỉ tiêu KT-XH').tokens).toEqual(
      readHeader('Chỉ tiêu kinh tế xã hội').tokens,
    );
    expect(readHeader('Số tổ CNSCĐ').tokens).toEqual(
      readHeader('Số tổ công nghệ số cộng đồng').tokens,
    );
  });

  test('other words for the same thing read alike; a compound keeps its meaning', () => {
    expect(readHeader('Tỷ lệ xóm có Internet băng thông rộng').tokens).toEqual(
      readHeader('Tỷ lệ thôn có Internet băng rộng').tokens,
    );
    // "văn bản" (document) is not "bản" (village).
    expect(readHeader('Tỷ lệ văn bản ký số').tokens).not.toContain('thôn');
    // Old and new tone placement agree; "hồ sơ" and "hộ" stay apart.
    expect(readHeader('số hoá').tokens).toEqual(readHeader('số hóa').tokens);
    expect(readHeader('hồ sơ').tokens[0]).not.toBe(readHeader('hộ').tokens[0]);
  });

  test('says what kind of number the column holds', () => {
    expect(readHeader('Tỷ lệ hộ có địa chỉ số').kind).toBe('rate');
    expect(readHeader('Hộ có địa chỉ số (%)').kind).toBe('rate');
    expect(readHeader('Số camera an ninh').kind).toBe('count');
    expect(readHeader('Camera an ninh (cái)').kind).toBe('count');
    expect(readHeader('Ghi chú').kind).toBe('unknown');
  });
});

describe('matching', () => {
  test('the headers of a district summary find their measures', () => {
    expect(guess('Tỷ lệ hồ sơ DVCTT toàn trình (%)')).toBe('dvctt_toan_trinh_ty_le');
    expect(guess('Số camera an ninh')).toBe('camera_an_ninh_so_luong');
    expect(guess('Số tổ CNSCĐ')).toBe('to_cong_nghe_so_cong_dong_so_luong');
    expect(guess('Tỷ lệ xóm có Internet băng thông rộng (%)')).toBe('thon_xom_bang_rong_ty_le');
  });

  test('a near miss is asked, not guessed: same words, another quantity', () => {
    // Procedures offered end to end, not files processed end to end.
    expect(guess('Tỷ lệ TTHC cung cấp DVCTT toàn trình')).not.toBe('dvctt_toan_trinh_ty_le');
    // Adults, not the whole population.
    expect(guess('Tỷ lệ dân số trưởng thành có điện thoại thông minh')).toBeNull();
    // A count of what a rate measures.
    expect(guess('Số hồ sơ DVCTT toàn trình')).toBeNull();
    const counted = matcher.match('Số hồ sơ DVCTT toàn trình', null).candidates;
    expect(counted[0]?.measure).toBe('dvctt_toan_trinh_ty_le');
  });

  test('a group label helps, but the header must name the quantity itself', () => {
    expect(guess('Trễ hạn', 'Kết quả giải quyết thủ tục hành chính')).toBeNull();
    expect(guess('Trực tuyến', 'Số lượng hồ sơ tiếp nhận')).toBeNull();
    expect(guess('Ghi chú')).toBeNull();
    expect(matcher.match('Diện tích (km2)', null).candidates).toEqual([]);
  });

  test('a header without any marks is compared with the names folded alike', () => {
    expect(guess('So camera an ninh')).toBe('camera_an_ninh_so_luong');
  });
});

test('the measure search finds by a few letters, with or without marks', () => {
  expect(findMeasures(measures, 'camera').map((m) => m.code)).toEqual(['camera_an_ninh_so_luong']);
  expect(findMeasures(measures, 'so hoa ho so').map((m) => m.code)).toContain('so_hoa_ho_so_ty_le');
  // Another name officials give a measure finds it too: its own name says "tiếp nhận, giải quyết".
  expect(findMeasures(measures, 'TTHC xử lý trực tuyến').map((m) => m.code)).toContain(
    'ho_so_truc_tuyen_ty_le',
  );
  expect(findMeasures(measures, '')).toEqual([]);
});

test('a summary with abbreviated headers loads its guesses, each with candidates and samples', async () => {
  const ws = await freshWorkspace();
  const report = await ws.loadFile(fileAt('tests/fixtures/mapping/thach-thanh-2024-viet-tat.csv'));
  const column = (label: string) => report.columns.find((c) => c.header.endsWith(label))!;
  expect(report.units).toBe(12);
  expect(column('Tỷ lệ hồ sơ DVCTT toàn trình (%)')).toMatchObject({
    measure: 'dvctt_toan_trinh_ty_le',
    matchedBy: 'guess',
  });
  expect(column('Tỷ lệ hồ sơ DVCTT toàn trình (%)').samples).toHaveLength(3);
  expect(column('Số camera an ninh').matchedBy).toBe('guess');
  expect(column('Dân số (người)').matchedBy).toBe('none');
  expect(column('Tỷ lệ hồ sơ DVCTT toàn trình (%)').candidates![0]!.measure).toBe(
    'dvctt_toan_trinh_ty_le',
  );
  // The guesses are scored as their measures: values where they belong.
  const [camera] = await rows(
    ws,
    `SELECT count(*)::INTEGER AS n FROM observations WHERE load_id = ${report.loadId} AND measure = 'camera_an_ninh_so_luong'`,
  );
  expect(camera!.n).toBe(12);
  expect(columnsToMap(report).map((c) => c.header)).toContain(column('Số camera an ninh').header);

  // Accepting every guess makes them the person's; nothing is left to look at but the unmatched.
  const accepted = await ws.loadFile(
    fileAt('tests/fixtures/mapping/thach-thanh-2024-viet-tat.csv'),
    {
      mapping: withGuessesAccepted(report),
    },
  );
  expect(accepted.columns.filter((c) => c.matchedBy === 'guess')).toEqual([]);
  expect(accepted.columns.find((c) => c.header.endsWith('Số camera an ninh'))!.matchedBy).toBe(
    'person',
  );
});

test('two counts the person says make a rate load as that rate, traced to both cells', async () => {
  const ws = await freshWorkspace();
  const file = csvFile(
    'ho-so-2024.csv',
    [
      'UBND HUYỆN NAM ĐÀN',
      'Mã xã;Tên xã;Tổng số hồ sơ TTHC;Số hồ sơ nộp trực tuyến',
      '17932;Xã Nam Hưng;40;12',
      '17935;Xã Nam Nghĩa;0;0',
    ].join('\n'),
  );
  const first = await ws.loadFile(file);
  const total = first.columns.find((c) => c.header === 'Tổng số hồ sơ TTHC')!;
  const online = first.columns.find((c) => c.header === 'Số hồ sơ nộp trực tuyến')!;
  expect(total.kind).toBe('count');
  expect(online.kind).toBe('count');
  // One side alone loads nothing and is still to be looked at.
  const half = await ws.loadFile(file, {
    mapping: { [online.header]: { rate: 'ho_so_truc_tuyen_ty_le', part: 'numerator' } },
  });
  expect(columnsToMap(half).map((c) => c.header)).toContain(online.header);
  const both = await ws.loadFile(file, {
    mapping: {
      [online.header]: { rate: 'ho_so_truc_tuyen_ty_le', part: 'numerator' },
      [total.header]: { rate: 'ho_so_truc_tuyen_ty_le', part: 'denominator' },
    },
  });
  expect(columnsToMap(both)).toEqual([]);
  const got = await rows(
    ws,
    `SELECT unit_code, value, text, source_cell, source_column FROM observations
     WHERE load_id = ${both.loadId} AND measure = 'ho_so_truc_tuyen_ty_le' ORDER BY unit_code`,
  );
  // 12 of 40 files online; a commune with no files at all has no rate (missing), not 0 % and
  // not a cell that could not be read.
  expect(got).toEqual([
    {
      unit_code: '17932',
      value: 0.3,
      text: '12 / 40',
      source_cell: 'D3÷C3',
      source_column: 'Số hồ sơ nộp trực tuyến ÷ Tổng số hồ sơ TTHC',
    },
  ]);
  expect(both.issues).toEqual([]);
  // Two numerators and no denominator is no rate: still to be looked at, nothing loaded.
  const twice = await ws.loadFile(file, {
    mapping: {
      [online.header]: { rate: 'ho_so_truc_tuyen_ty_le', part: 'numerator' },
      [total.header]: { rate: 'ho_so_truc_tuyen_ty_le', part: 'numerator' },
    },
  });
  expect(columnsToMap(twice)).toHaveLength(2);
  expect(twice.observations).toBe(0);
  expect(both.rateScales.find((s) => s.measure === 'ho_so_truc_tuyen_ty_le')?.scale).toBe(
    'fraction',
  );
});

test('a guess the values or another column contradict is asked instead', async () => {
  const ws = await freshWorkspace();
  const report = await ws.loadFile(
    csvFile(
      'dia-chi-so-2024.csv',
      [
        'Mã xã;Tên xã;Tỷ lệ hộ có địa chỉ số;Số camera an ninh;Số mắt camera an ninh',
        '17932;Xã Nam Hưng;850;12;12',
        '17935;Xã Nam Nghĩa;700;8;8',
      ].join('\n'),
    ),
  );
  const by = (header: string) => report.columns.find((c) => c.header === header)!;
  // 850 households under a rate's header is no rate: the rate measure stays a suggestion.
  expect(matcher.match('Tỷ lệ hộ có địa chỉ số', null).confident).toBe('ho_dia_chi_so_ty_le');
  expect(by('Tỷ lệ hộ có địa chỉ số').matchedBy).toBe('none');
  expect(by('Tỷ lệ hộ có địa chỉ số').candidates![0]!.measure).toBe('ho_dia_chi_so_ty_le');
  // The exact name holds the measure; the guess beside it is not loaded twice.
  expect(by('Số mắt camera an ninh').matchedBy).toBe('name');
  expect(by('Số camera an ninh').matchedBy).toBe('none');
  expect(report.duplicates).toEqual([]);
});

test('review cases: a shortened name keeps what it counts; "số hóa" is no count; a place in brackets counts', () => {
  expect(guess('Ban chỉ đạo CĐS')).toBeNull();
  // Saying neither "Tỷ lệ" nor "Số", a header may hold the rate or the count: asked.
  expect(guess('Hộ có địa chỉ số')).toBeNull();
  expect(guess('Hộ có địa chỉ số (%)')).toBe('ho_dia_chi_so_ty_le');
  // A description's words explain a header only in part: another index is not this one.
  expect(guess('Chỉ số Chuyển đổi nhận thức')).toBeNull();
  expect(guess('Chỉ số Nhận thức số')).toBe('nhan_thuc_so');
  // What the measure rates must be what the header rates: households are not the population.
  expect(guess('Tỷ lệ hộ gia đình có điện thoại thông minh')).toBeNull();
  expect(guess('Tỷ lệ người dân có điện thoại thông minh')).toBe(
    'dien_thoai_thong_minh_dan_so_ty_le',
  );
  expect(readHeader('Số hoá hồ sơ').kind).toBe('unknown');
  expect(readHeader('Số hoá hồ sơ').tokens).toEqual(readHeader('số hóa hồ sơ').tokens);
  expect(readHeader('Hộ có địa chỉ số (ước tính)').kind).toBe('unknown');
  expect(matcher.match('Tỷ lệ văn bản được ký số (cấp xã)', null).candidates[0]!.measure).toBe(
    'van_ban_ky_so_cap_xa_ty_le',
  );
  expect(guess('So  camera an ninh')).toBe('camera_an_ninh_so_luong');
});
