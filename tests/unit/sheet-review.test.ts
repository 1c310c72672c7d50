// A framework read from a table, reviewed and corrected in place: what was understood and what
// not; a reworded method read at once; the corrected framework valid and scoring; the framework
// written back as the same table reads back into the same rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkTable } from '../../src/lib/export/frameworkExport';
import { correctedFramework, previewMethod, reviewRows } from '../../src/lib/ingest/sheetReview';
import { measureIndex, roleOf } from '../../src/lib/ingest/columnRoles';
import type { IngestError } from '../../src/lib/ingest/errors';
import { detectShape } from '../../src/lib/ingest/shape';
import { csvFile, freshWorkspace, ROOT, rows } from './support/workspace';

/** A district framework table in a decision's wording: one method states no rule. */
const SHEET = readFileSync(
  path.join(ROOT, 'tests/fixtures/framework-tables/bo-chi-so-huyen-thu.csv'),
  'utf8',
);

const csv = (rows: (string | number)[][]): string =>
  rows
    .map((r) =>
      r
        .map((c) =>
          typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : String(c),
        )
        .join(','),
    )
    .join('\n');

describe('reviewing a framework read from a table', () => {
  it('lists each indicator with the rule understood, and what was not understood', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(csvFile('bo-chi-so-huyen.csv', SHEET));
    const fw = r.framework!.definition;
    expect(fw.level).toBe('huyen');
    expect(fw.mainIndices.map((m) => [m.name.vi, m.maxPoints])).toEqual([
      ['Nhận thức số', 40],
      ['Hạ tầng số', 10],
    ]);
    const rows = reviewRows(fw, r.framework!.rules);
    expect(rows.map((x) => [x.code, x.kind, x.status])).toEqual([
      ['1.1', 'tiers', 'read'],
      ['1.2', 'points', 'notUnderstood'],
      ['2.1', 'boolean', 'read'],
    ]);
    expect(rows[0]!.words.vi).toContain('≥ 4 → 20 điểm');
    expect(rows[1]!.doubts[0]!.vi).toMatch(/^Không thấy mức điểm/);
    // Evidence is kept with its indicator.
    expect(r.framework!.sheet.outline.indicators[0]!.notes).toEqual([
      { header: 'Tài liệu kiểm chứng', text: 'Biên bản họp' },
    ]);
  });

  it('reads a reworded method at once', () => {
    const p = previewMethod('Có văn bản: Điểm tối đa; Không có: 0 điểm', 20, 'Văn bản chỉ đạo');
    expect(p.kind).toBe('boolean');
    expect(p.words?.vi).toBe('có → 20 điểm; không → 0 điểm');
    expect(previewMethod('tùy hội đồng', 20, 'x').doubts).toHaveLength(1);
  });

  it('gives a corrected framework that scores, and writes it back as the same table', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(csvFile('bo-chi-so-huyen.csv', SHEET));
    const { framework, rules } = correctedFramework(
      r.framework!.sheet,
      new Map([
        ['1.2', { method: 'Có văn bản: Điểm tối đa; Không có: 0 điểm' }],
        ['2.1', { asPoints: true, maxPoints: 15 }],
      ]),
      ws.frameworks(),
      ws.measures(),
    );
    expect(framework.id).toBe('bang-bo-chi-so-huyen-da-sua');
    expect(framework.title.vi).toMatch(/\(đã sửa\)$/);
    expect(framework.indicators.map((x) => [x.code, x.rule.kind, x.maxPoints])).toEqual([
      ['1.1', 'tiers', 20],
      ['1.2', 'boolean', 20],
      ['2.1', 'points', 15],
    ]);
    expect(framework.mainIndices.map((m) => m.maxPoints)).toEqual([40, 15]);
    expect(rules.map((x) => x.from)).toEqual(['text', 'text', 'points']);

    // It reads the measures of the framework it corrects: data loaded for that one scores it.
    expect(framework.indicators[0]!.measures).toEqual(['bang-bo-chi-so-huyen.1.1']);
    await ws.registerFramework(framework);
    await ws.loadFile(
      csvFile('so-lieu.csv', 'district_code,year,bang-bo-chi-so-huyen.1.1\n430,2024,4\n'),
    );
    await ws.score(framework.id, null);
    expect(await rows(ws, "SELECT points FROM indicator_points WHERE indicator = '1.1'")).toEqual([
      { points: 20 },
    ]);

    // Written back as a table, it reads into the same rules.
    const methods = new Map(rules.map((x) => [x.indicator, x.from === 'points' ? null : x.method]));
    methods.set('1.2', 'Có văn bản: Điểm tối đa; Không có: 0 điểm');
    const table = frameworkTable(framework, methods);
    const back = await ws.loadFile(csvFile('bo-chi-so-xuat.csv', csv(table)));
    expect(
      back.framework!.definition.indicators.map((x) => [x.code, x.rule.kind, x.maxPoints]),
    ).toEqual([
      ['1.1', 'tiers', 20],
      ['1.2', 'boolean', 20],
      ['2.1', 'points', 15],
    ]);
  });
});

describe('a table that is neither data nor a framework', () => {
  it('says what it found and what each kind of table needs; nothing loaded changes', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(
      csvFile('du-lieu.csv', 'unit_code,year,so_hoa_ho_so_ty_le\n17986,2024,0.5\n'),
    );
    const before = await rows(ws, 'SELECT count(*)::INTEGER AS n FROM observations');
    const e = await ws
      .loadFile(
        csvFile('danh-sach.csv', 'Họ và tên,Ngày sinh,Địa chỉ\nNguyễn Văn A,01/01/1990,Nam Đàn\n'),
      )
      .then(
        () => null,
        (x: unknown) => x as IngestError,
      );
    expect(e?.code).toBe('noUnitColumn');
    expect(e?.text.vi).toContain('"Họ và tên", "Ngày sinh", "Địa chỉ"');
    expect(e?.text.vi).toContain('bộ chỉ số cần cột tên chỉ số');
    expect(e?.text.en).toContain('a self-assessment form needs an indicator column');
    expect(e?.at.file).toBe('danh-sach.csv');
    expect(await rows(ws, 'SELECT count(*)::INTEGER AS n FROM observations')).toEqual(before);
    expect(before).toEqual([{ n: 1 }]);
  });
});

describe('a framework table without its max column', () => {
  it('is read as a framework that lacks max points, not as data without unit codes', async () => {
    const ws = await freshWorkspace();
    const e = await ws
      .loadFile(
        csvFile('thieu-diem.csv', 'STT,Tiêu chí,Cách tính điểm\n1.1,Có chuyên mục,Có: 10 điểm\n'),
      )
      .then(
        () => null,
        (x: unknown) => x as IngestError,
      );
    expect(e?.code).toBe('shapeColumns');
    expect(e?.text.vi).toContain('cột điểm tối đa');
    expect(e?.text.vi).toContain('Các cột đã thấy: STT; Tiêu chí; Cách tính điểm');
  });
});

describe('data tables stay data tables', () => {
  it.each([
    ['unit_code,year,measure,value,Ghi chú thẩm định', 'long'],
    ['Mã xã,Tên xã,Năm,Số hồ sơ được thẩm định,Nội dung tuyên truyền', 'wide'],
    ['unit_code,year,measure,value,Phương pháp thu thập', 'long'],
    ['Mã xã,Năm,Công suất tối đa,Tỷ lệ hồ sơ tự đánh giá (%)', 'wide'],
  ])('%s → %s', (header, shape) => {
    const columns = header.split(',').map((label) => ({ name: label, label, group: null }));
    const index = measureIndex([]);
    expect(
      detectShape(
        columns,
        columns.map((c) => roleOf(c, index)),
      ),
    ).toBe(shape);
  });
  it('while a table of indicators with a bare "Mã" column is a framework', () => {
    const columns = ['Mã', 'Chỉ tiêu', 'Nhóm', 'Điểm tối đa', 'Cách tính'].map((label) => ({
      name: label,
      label,
      group: null,
    }));
    const index = measureIndex([]);
    expect(
      detectShape(
        columns,
        columns.map((c) => roleOf(c, index)),
      ),
    ).toBe('framework');
  });
});

describe('the level of a framework table without titles', () => {
  it('is the level its indicators name', async () => {
    const ws = await freshWorkspace();
    const r = await ws.loadFile(
      csvFile(
        'khong-tieu-de.csv',
        [
          'STT,Chỉ số/Chỉ số thành phần,Điểm tối đa,Cách xác định và tính điểm',
          '1.1,Ban chỉ đạo chuyển đổi số cấp huyện tổ chức các cuộc họp,20,"BCĐ họp 4 lần/năm: 20 điểm; Còn lại: 0 điểm"',
          '1.2,"Chủ tịch UBND huyện, thị xã, thành phố chủ trì họp",20,Có: 20 điểm; Không: 0 điểm',
        ].join('\n'),
      ),
    );
    expect(r.framework!.definition.level).toBe('huyen');
  });
});
