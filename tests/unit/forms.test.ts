// Tables whose rows are indicators: self-assessment forms (many at once make a district table,
// set beside the computed points) and frameworks published as spreadsheets.
import { explainUnit } from '../../src/lib/scoring/explainTrace';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import type { LoadReport } from '../../src/lib/ingest/loadReport';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { ruleText } from '../../src/lib/rules/registry';
import { readTargetText } from '../../src/lib/ingest/targetsFromSheet';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

const FORMS = 'tests/fixtures/ingest/files';

/** A small self-assessment form as CSV: title rows, header, the given indicator rows. */
function form(titles: string[], items: [string, string, string, string][]): string {
  const header = 'STT,Chỉ số,Điểm tối đa,Cách tính,Điểm tự chấm,Thẩm định,Giải trình';
  return [
    ...titles.map((t) => `"${t}",,,,,,`),
    ',,,,,,',
    header,
    ...items.map(([stt, name, self, appraised], i) =>
      [stt, `"${name}"`, '4', '', `"${self}"`, `"${appraised}"`, `bằng chứng ${i + 1}`].join(','),
    ),
  ].join('\n');
}

/** The three communes' forms, loaded one by one into one batch (100). */
async function loadThreeForms(ws: Workspace): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const f of [
    'tu-danh-gia-khanh-son-2024.xlsx',
    'tu-danh-gia-kim-lien-2024.xlsx',
    'tu-danh-gia-nam-anh-2024.csv',
  ])
    reports.push(await ws.loadFile(fileAt(`${FORMS}/${f}`), { batch: 100 }));
  return reports;
}

describe('self-assessment forms', () => {
  it('three forms dropped together become one district table beside the computed points', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const reports = await loadThreeForms(ws);
    expect(reports.map((r) => [r.shape, r.subject?.unitCode, r.year, r.yearSource])).toEqual([
      ['selfAssessment', '17986', 2024, 'title'],
      ['selfAssessment', '17971', 2024, 'title'],
      ['selfAssessment', '17941', 2024, 'title'],
    ]);
    expect(reports.map((r) => r.observations)).toEqual([13, 13, 13]);
    await ws.score('dti-xa-minh-hoa', null);

    const side = await rows(
      ws,
      `SELECT unit_code, count(*)::INTEGER AS n, count(appraised_points)::INTEGER AS appraised,
         count(computed_points)::INTEGER AS computed FROM assessed_points WHERE year = 2024
       GROUP BY unit_code ORDER BY unit_code`,
    );
    expect(side).toEqual([
      { unit_code: '17941', n: 13, appraised: 0, computed: 13 },
      // Kim Liên's tc_ke_hoach self score "đạt" is unreadable: kept as text, reported.
      { unit_code: '17971', n: 13, appraised: 13, computed: 13 },
      { unit_code: '17986', n: 13, appraised: 13, computed: 13 },
    ]);
    const [kl] = await rows(
      ws,
      `SELECT a.self_points, a.appraised_points, a.appraised_minus_self, a.computed_points,
         a.computed_minus_assessed, p.points, a.appraised_cell, a.source_file
       FROM assessed_points a JOIN indicator_points p USING (unit_code, year, indicator)
       WHERE unit_code = '17971' AND year = 2024 AND indicator = 'ht_smartphone'`,
    );
    expect(kl).toMatchObject({
      self_points: 4.5,
      appraised_points: 3.5,
      appraised_minus_self: -1,
      source_file: 'tu-danh-gia-kim-lien-2024.xlsx',
    });
    expect(kl!.computed_points).toBe(kl!.points);
    expect(Number(kl!.computed_minus_assessed)).toBeCloseTo(Number(kl!.points) - 3.5, 9);
    expect(kl!.appraised_cell).toMatch(/^F\d+$/);
  });

  it('forms alone rank the district by appraised (or self-assessed) points, each traced to its cell', async () => {
    const ws = await freshWorkspace();
    const reports = await loadThreeForms(ws);
    expect(reports.map((r) => r.assessed)).toEqual([
      { framework: 'dti-xa-minh-hoa', self: 13, appraised: 13 },
      // Kim Liên's "đạt" where a self score belongs is not a number.
      { framework: 'dti-xa-minh-hoa', self: 12, appraised: 13 },
      { framework: 'dti-xa-minh-hoa', self: 13, appraised: 0 },
    ]);
    const ids = ws.frameworks().map((f) => f.id);
    expect(ids).toContain('dti-xa-minh-hoa.tham-dinh');
    expect(ids).toContain('dti-xa-minh-hoa.tu-cham');
    await ws.score('dti-xa-minh-hoa.tham-dinh', null);
    // The total is Σ appraised points ÷ Σ max points of the framework (missing: 0 points).
    const [expected] = await rows(
      ws,
      `SELECT sum(appraised_points) / (SELECT sum(max_points) FROM fw_main_indices
         WHERE framework_id = 'dti-xa-minh-hoa' AND scored) AS total
       FROM assessments WHERE unit_code = '17971'`,
    );
    const ranked = await rows(
      ws,
      'SELECT unit_code, total, rank FROM scores ORDER BY rank, unit_code',
    );
    expect(ranked.map((r) => r.unit_code)).toHaveLength(3);
    const kl = ranked.find((r) => r.unit_code === '17971')!;
    expect(Number(kl.total)).toBeCloseTo(Number(expected!.total), 9);
    // Nam Anh was not appraised: no points by appraisal, last.
    expect(ranked.at(-1)).toMatchObject({ unit_code: '17941', total: 0 });
    const trace = await explainUnit(ws.engine, '17971', 2024);
    const step = trace.find((t) => t.indicator === 'ht_smartphone')!;
    expect(step.points).toBe(3.5);
    expect(step.inputs[0]!.source).toMatchObject({
      file: 'tu-danh-gia-kim-lien-2024.xlsx',
      column: 'F',
    });
    await ws.score('dti-xa-minh-hoa.tu-cham', null);
    const self = await rows(ws, "SELECT total FROM scores WHERE unit_code = '17941'");
    expect(Number(self[0]!.total)).toBeGreaterThan(0);
    // Undoing the forms takes their points back out.
    await ws.undoBatch(100);
    const [left] = await rows(
      ws,
      "SELECT count(*)::INTEGER AS n FROM observations WHERE measure LIKE 'dti-xa-minh-hoa.%'",
    );
    expect(left).toEqual({ n: 0 });
  });

  it('reads a form in a province’s own wording, its unit from "Mã xã: …" in the title', async () => {
    const ws = await freshWorkspace();
    const sheet = [
      'UBND XÃ (ghi theo mã)',
      'BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ THỰC HIỆN BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2024',
      'Mã xã: 17971',
      'TT,Chỉ số/Chỉ số thành phần,QUY CHUẨN ĐÁNH GIÁ,,TỰ ĐÁNH GIÁ,',
      ',,Điểm tối đa,Phương pháp xác định và cách cho điểm,Điểm số tự chấm,Giải trình kết quả',
      '1.1,Số cuộc họp Ban Chỉ đạo CĐS xã trong năm,4,,3,Biên bản họp',
    ].join('\n');
    const r = await ws.loadFile(csvFile('bieu-mau-01.csv', sheet));
    expect(r.shape).toBe('selfAssessment');
    expect(r.subject).toEqual({ unitCode: '17971', unitName: 'Xã Kim Liên', from: 'title' });
    expect(r.columns.map((c) => c.role)).toEqual([
      'rowNumber',
      'indicatorName',
      'maxPoints',
      'method',
      'selfPoints',
      'evidence',
    ]);
    expect(r.assessed).toEqual({ framework: 'dti-xa-minh-hoa', self: 1, appraised: 0 });
  });

  it('reports an unknown indicator and points above the max, and reads decimal commas', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(
      csvFile(
        'phieu.csv',
        form(
          ['UBND HUYỆN NAM ĐÀN', 'PHIẾU TỰ ĐÁNH GIÁ NĂM 2025 — XÃ NAM NGHĨA'],
          [
            ['1', 'Số cuộc họp Ban Chỉ đạo CĐS xã trong năm', '3,5', '3'],
            ['2', 'Chỉ số không có trong bộ', '2', ''],
            ['3', 'TRƯỞNG BAN CHỈ ĐẠO CĐS XÃ', '7', '-'],
          ],
        ),
      ),
    );
    expect(r.subject).toEqual({ unitCode: '17935', unitName: 'Xã Nam Nghĩa', from: 'title' });
    expect(r.year).toBe(2025);
    expect(r.issues.map((i) => [i.row, i.column, i.raw, i.reason])).toEqual([
      [6, 'B', 'Chỉ số không có trong bộ', 'unknownIndicator'],
      [7, 'E', '7', 'overMax'],
    ]);
    const got = await rows(
      ws,
      `SELECT indicator, framework_id, self_points, appraised_points FROM assessments ORDER BY source_row`,
    );
    expect(got).toEqual([
      {
        indicator: 'ns_hop_bcd',
        framework_id: 'dti-xa-minh-hoa',
        self_points: 3.5,
        appraised_points: 3,
      },
      {
        indicator: 'chi_so_khong_co_trong_bo',
        framework_id: null,
        self_points: 2,
        appraised_points: null,
      },
      {
        indicator: 'ns_truong_bcd',
        framework_id: 'dti-xa-minh-hoa',
        self_points: 7,
        appraised_points: null,
      },
    ]);
  });

  it('refuses a form naming no known unit, and one whose name fits several, saying which', async () => {
    const ws = await freshWorkspace();
    const item: [string, string, string, string] = [
      '1',
      'Số cuộc họp Ban Chỉ đạo CĐS xã trong năm',
      '3',
      '3',
    ];
    const refused = (title: string) =>
      ws.loadFile(csvFile('phieu-2024.csv', form([title], [item]))).then(
        () => null,
        (e: unknown) => e as IngestError,
      );
    expect((await refused('PHIẾU TỰ ĐÁNH GIÁ NĂM 2024'))?.code).toBe('noFormUnit');
    // Without diacritics "THANH LONG" is Xã Thanh Long (17794) as much as Xã Thành Long (15259).
    const many = await refused('PHIEU TU DANH GIA NAM 2024 - XA THANH LONG');
    expect(many?.code).toBe('ambiguousFormUnit');
    expect(many?.text.vi).toContain('17794');
    expect(many?.text.vi).toContain('15259');
    // The person says which unit it is.
    const r = await ws.loadFile(
      csvFile('phieu-2024.csv', form(['PHIEU TU DANH GIA NAM 2024 - XA THANH LONG'], [item])),
      { unit: '17794' },
    );
    expect(r.subject).toEqual({ unitCode: '17794', unitName: 'Xã Thanh Long', from: 'person' });
  });

  it('a form read as a wide table when the person says so; the detected shape stays in the report', async () => {
    const ws = await freshWorkspace();
    const file = fileAt(`${FORMS}/tu-danh-gia-nam-anh-2024.csv`);
    const e = await ws.loadFile(file, { shape: 'wide' }).then(
      () => null,
      (x: unknown) => x as IngestError,
    );
    expect(e?.code).toBe('noUnitColumn');
    const r = await ws.loadFile(file);
    expect([r.shape, r.detectedShape]).toEqual(['selfAssessment', 'selfAssessment']);
  });
});

describe('frameworks given as a spreadsheet', () => {
  it('borrows rules by indicator code, scores other indicators from points entered, and scores', async () => {
    const ws = await freshWorkspace();
    const sheet = [
      'BỘ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ CỦA TỈNH',
      '',
      'Mã,Chỉ tiêu,Nhóm,Điểm tối đa,Cách tính',
      'ns_hop_bcd,Số cuộc họp Ban Chỉ đạo,Nhận thức số,8,Mỗi cuộc họp 2 điểm',
      'kt_rieng,Sản phẩm OCOP bán trên sàn,Kinh tế số,"2,5",Theo thẩm định',
      ',Tổng điểm,,"10,5",',
    ].join('\n');
    const r = await ws.loadFile(csvFile('bo-chi-so-tinh.csv', sheet));
    expect(r.shape).toBe('framework');
    const id = r.framework!.definition.id;
    expect(id).toBe('bang-bo-chi-so-tinh');
    expect(
      r.framework!.rules.map((x) => [x.indicator, x.row, x.from, x.framework ?? null, x.method]),
    ).toEqual([
      ['ns_hop_bcd', 4, 'known', 'dti-xa-minh-hoa', 'Mỗi cuộc họp 2 điểm'],
      ['kt_rieng', 5, 'points', null, 'Theo thẩm định'],
    ]);
    // "Theo thẩm định" states no rule: it is listed as not understood, with why.
    expect(r.framework!.rules[1]!.doubts[0]!.en).toMatch(/^No points found/);
    expect(r.skippedRows.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [2, 'blank'],
      [6, 'total'],
    ]);
    const fw = ws.framework(id);
    expect(fw.mainIndices.map((m) => [m.code, m.maxPoints])).toEqual([
      ['nhan_thuc_so', 8],
      ['kinh_te_so', 2.5],
    ]);
    // Tier points are scaled to the sheet's max (4 → 8 points).
    const borrowed = fw.indicators[0]!;
    const original = ws
      .framework('dti-xa-minh-hoa')
      .indicators.find((i) => i.code === 'ns_hop_bcd')!;
    expect(borrowed.rule.kind).toBe(original.rule.kind);
    expect(ruleText(fw.indicators[1]!).vi).toBe(
      'điểm = giá trị kt_rieng (là điểm đã chấm), tối đa 2,5',
    );

    await ws.loadFile(
      csvFile(
        'diem-2024.csv',
        'unit_code,year,ns_hop_bcd,kt_rieng\n17932,2024,4,3\n17935,2024,0,"1,5"\n',
      ),
    );
    await ws.score(id, null);
    const points = await rows(
      ws,
      `SELECT unit_code, indicator, points FROM indicator_points ORDER BY unit_code, indicator`,
    );
    const originalAt4 = await (async () => {
      const w2 = await freshWorkspace();
      await w2.loadFile(csvFile('x-2024.csv', 'unit_code,year,ns_hop_bcd\n17932,2024,4\n'));
      await w2.score('dti-xa-minh-hoa', null);
      const [p] = await rows(
        w2,
        `SELECT points FROM indicator_points WHERE indicator = 'ns_hop_bcd'`,
      );
      return Number(p!.points);
    })();
    expect(points).toEqual([
      { unit_code: '17932', indicator: 'kt_rieng', points: 2.5 },
      { unit_code: '17932', indicator: 'ns_hop_bcd', points: originalAt4 * 2 },
      { unit_code: '17935', indicator: 'kt_rieng', points: 1.5 },
      { unit_code: '17935', indicator: 'ns_hop_bcd', points: 0 },
    ]);
  });

  it('a sheet that does not add up is refused with the problem named', async () => {
    const ws = await freshWorkspace();
    const e = await ws
      .loadFile(
        csvFile(
          'hong.csv',
          'Mã,Chỉ tiêu,Nhóm,Điểm tối đa\na,Chỉ số A,Nhóm 1,-3\nb,Chỉ số B,Nhóm 1,2\n',
        ),
      )
      .then(
        () => null,
        (x: unknown) => x as IngestError,
      );
    expect(e?.code).toBe('invalidFrameworkSheet');
    expect(e?.text.en).toContain('indicators[0].maxPoints');
  });
});

describe('plan targets given as a spreadsheet', () => {
  it('reads targets as plans write them', () => {
    const cases: [string, string | null, unknown][] = [
      ['≥ 95%', null, { comparator: '>=', value: 0.95, percent: true }],
      ['Tối thiểu 60%', null, { comparator: '>=', value: 0.6, percent: true }],
      ['Ít nhất 3', null, { comparator: '>=', value: 3, percent: false }],
      ['Từ 50% trở lên', null, { comparator: '>=', value: 0.5, percent: true }],
      ['Đạt 100%', null, { comparator: '>=', value: 1, percent: true }],
      ['Trên 70%', null, { comparator: '>', value: 0.7, percent: true }],
      ['hơn 80 %', null, { comparator: '>', value: 0.8, percent: true }],
      ['vượt 50%', null, { comparator: '>', value: 0.5, percent: true }],
      ['dưới 5', null, { comparator: '<', value: 5, percent: false }],
      ['ít hơn 5', null, { comparator: '<', value: 5, percent: false }],
      ['Không quá 2', null, { comparator: '<=', value: 2, percent: false }],
      ['Tối đa 10%', null, { comparator: '<=', value: 0.1, percent: true }],
      ['1.000', null, { comparator: '>=', value: 1000, percent: false }],
      ['0,2', null, { comparator: '>=', value: 0.2, percent: false }],
      ['60 – 80 %', null, { comparator: 'range', value: 0.6, high: 0.8, percent: true }],
      ['từ 60 đến 80%', null, { comparator: 'range', value: 0.6, high: 0.8, percent: true }],
      [
        'Giữ trong khoảng 10 - 20%',
        null,
        { comparator: 'band', value: 0.1, high: 0.2, percent: true },
      ],
      [
        '10 - 20%',
        'giữ trong khoảng',
        { comparator: 'band', value: 0.1, high: 0.2, percent: true },
      ],
      ['100', '≤', { comparator: '<=', value: 100, percent: false }],
      ['70', '>', { comparator: '>', value: 70, percent: false }],
      ['100%', '=', { comparator: '=', value: 1, percent: true }],
      ['đang xây dựng', null, null],
      ['80 – 60 %', null, null],
    ];
    for (const [text, cmp, want] of cases) expect(readTargetText(text, cmp), text).toEqual(want);
  });

  it('a loaded target sheet becomes a profile whose gaps are computed', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(fileAt(`${FORMS}/chi-tieu-tinh-thien-2025.xlsx`));
    const id = r.profile!.definition.id;
    await ws.loadFile(
      csvFile(
        'tinh-thien-2025.csv',
        'unit_code,year,dvctt_toan_trinh_ty_le,ho_so_cong_viec_tren_mang_ty_le\n21199,2025,45%,70%\n',
      ),
    );
    await ws.score('dti-xa-minh-hoa', id);
    const gaps = await rows(
      ws,
      `SELECT measure, x AS value, target AS target_value, gap, met FROM gaps
       WHERE unit_code = '21199' AND year = 2025 AND x IS NOT NULL ORDER BY measure`,
    );
    expect(gaps).toEqual([
      {
        measure: 'dvctt_toan_trinh_ty_le',
        value: 0.45,
        target_value: 0.6,
        gap: expect.closeTo(0.15, 9),
        met: false,
      },
      {
        measure: 'ho_so_cong_viec_tren_mang_ty_le',
        value: 0.7,
        target_value: 0.6,
        gap: expect.closeTo(-0.1, 9),
        met: true,
      },
    ]);
  });
});

describe('sheets read as forms, frameworks and targets: edge cases', () => {
  it('reads a form with English headers that clash with internal names', async () => {
    const ws = await freshWorkspace();
    const text = [
      'SELF-ASSESSMENT 2024 — XÃ NAM ANH',
      '',
      'No,Indicator,Max points,Self,Appraised',
      '1,Số cuộc họp Ban Chỉ đạo CĐS xã trong năm,4,3,2',
    ].join('\n');
    const r = await ws.loadFile(csvFile('self-2024.csv', text));
    expect([r.shape, r.subject?.unitCode, r.observations]).toEqual(['selfAssessment', '17941', 1]);
    const [got] = await rows(
      ws,
      'SELECT indicator, self_points, appraised_points FROM assessments',
    );
    expect(got).toEqual({ indicator: 'ns_hop_bcd', self_points: 3, appraised_points: 2 });
  });

  it('takes the form year from "NĂM 2024", not from a date written out in words', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(
      csvFile(
        'phieu.csv',
        form(
          ['PHIẾU TỰ ĐÁNH GIÁ NĂM 2024 — XÃ NAM ANH', 'Nam Đàn, ngày 15 tháng 01 năm 2025'],
          [['1', 'Số cuộc họp Ban Chỉ đạo CĐS xã trong năm', '3', '3']],
        ),
      ),
    );
    expect([r.year, r.yearSource]).toEqual([2024, 'title']);
  });

  it('a unit name inside a longer one found too is not meant', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(
      csvFile(
        'phieu-2025.csv',
        form(
          ['UBND XÃ TỊNH ẤN ĐÔNG', 'PHIẾU TỰ ĐÁNH GIÁ NĂM 2025'],
          [['1', 'Số cuộc họp Ban Chỉ đạo CĐS xã trong năm', '3', '3']],
        ),
      ),
    );
    expect(r.subject?.unitName).toBe('Xã Tịnh Ấn Đông');
  });

  it('a framework sheet with section rows and names that start like totals', async () => {
    const ws = await freshWorkspace();
    const sheet = [
      'BỘ CHỈ SỐ CẤP XÃ',
      'STT,Mã,Chỉ tiêu,Điểm tối đa',
      'I,,Chính quyền số,6',
      '1,cong_tt,Cổng thông tin điện tử của xã hoạt động,3',
      '2,tong_hs,Tổng số hồ sơ được số hóa,3',
      'II,,Kinh tế số,4',
      '3,so_hoa_ho_so_ty_le,Tỷ lệ số hóa hồ sơ (điểm),4',
      ',,Tổng điểm,10',
    ].join('\n');
    const r = await ws.loadFile(csvFile('bo-chi-so-b.csv', sheet));
    const fw = r.framework!.definition;
    expect(fw.indicators.map((i) => [i.code, i.mainIndex, i.maxPoints])).toEqual([
      ['cong_tt', 'chinh_quyen_so', 3],
      ['tong_hs', 'chinh_quyen_so', 3],
      ['so_hoa_ho_so_ty_le', 'kinh_te_so', 4],
    ]);
    // A catalog rate of the same code: points entered for it get a measure of their own.
    expect(fw.indicators[2]!.measures).toEqual(['so_hoa_ho_so_ty_le_diem']);
    expect(r.skippedRows.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [3, 'total'],
      [6, 'total'],
      [8, 'total'],
    ]);
  });

  it('undoing a sheet framework takes it back out; replace mode sets no data aside for it', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const sheet = fileAt(`${FORMS}/framework-bo-chi-so.xlsx`);
    const first = await ws.loadFile(sheet, { replace: true });
    const id = first.framework!.definition.id;
    expect([...(await ws.loadStates()).values()]).toEqual([true, true]);
    const second = await ws.loadFile(sheet);
    await ws.undoBatch(second.batch!);
    expect(ws.frameworks().map((f) => f.id)).toContain(id);
    expect(
      (
        await rows(
          ws,
          `SELECT count(*)::INTEGER AS n FROM fw_indicators WHERE framework_id = '${id}'`,
        )
      )[0],
    ).toEqual({ n: 10 });
    await ws.undoBatch(first.batch!);
    expect(ws.frameworks().map((f) => f.id)).not.toContain(id);
    expect(
      (
        await rows(
          ws,
          `SELECT count(*)::INTEGER AS n FROM fw_indicators WHERE framework_id = '${id}'`,
        )
      )[0],
    ).toEqual({ n: 0 });
  });
});

describe('rate scales', () => {
  const text =
    'unit_code,year,dvctt_toan_trinh_ty_le,so_hoa_ho_so_ty_le\n17932,2024,0.45,45\n17935,2024,0.6,61\n';

  it('are decided per measure from the values, reported, and can be set the other way', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(csvFile('tyle-2024.csv', text));
    expect(r.rateScales).toEqual([
      { measure: 'dvctt_toan_trinh_ty_le', scale: 'fraction', decidedBy: 'data' },
      { measure: 'so_hoa_ho_so_ty_le', scale: 'percent', decidedBy: 'data' },
    ]);
    // Read again with the person's choice: "0.45" meant 0.45 %, not 45 %.
    const again = await ws.loadFile(csvFile('tyle-2024.csv', text), {
      rateScales: { dvctt_toan_trinh_ty_le: 'percent' },
    });
    await ws.removeLoad(r.loadId);
    expect(again.rateScales[0]).toEqual({
      measure: 'dvctt_toan_trinh_ty_le',
      scale: 'percent',
      decidedBy: 'person',
    });
    await ws.score('dti-xa-minh-hoa', null);
    const got = await rows(
      ws,
      `SELECT measure, value FROM measures WHERE unit_code = '17932' AND measure IN ('dvctt_toan_trinh_ty_le', 'so_hoa_ho_so_ty_le') ORDER BY measure`,
    );
    expect(got).toEqual([
      { measure: 'dvctt_toan_trinh_ty_le', value: expect.closeTo(0.0045, 12) },
      { measure: 'so_hoa_ho_so_ty_le', value: expect.closeTo(0.45, 12) },
    ]);
  });
});
