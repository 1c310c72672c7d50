// The bad-input corpus (tests/fixtures/bad/generate.mjs) as a person meets it: every file picked
// through the page's file input, one after the other in one session over the sample district.
// Each refused file leaves a notice on screen, in Vietnamese and naming the file, and nothing
// else changes: the observations, the ranking on the page. Files with rows in two encodings
// load, their report saying which rows; the encoding can still be chosen by hand. A good file
// loads afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs, badSpecs, mixedEncodingInputs } from '../fixtures/bad/generate.mjs';
import { foreignRequests, openApp, type Session } from './support/browser';

/** What the notice must say for each refusal, beyond naming the file (Vietnamese, as shown). */
const SAYS: Record<string, RegExp> = {
  tooLarge: /Tệp Excel nặng 0,68 MB nhưng giải nén ra 704 MB, quá 600 MB .*"bom nén"/,
  corruptXlsx: /Tệp Excel bị hỏng hoặc không đầy đủ/,
  binary: /không phải bảng tính CSV, Excel hay văn bản Word \(nội dung là dữ liệu nhị phân\)/,
  empty: /Tệp rỗng \(0 byte\)/,
  undecodableRows:
    /dòng 351: Dòng này và 1 dòng khác \(352\) không đọc được theo UTF-8 hay Windows-1252/,
  tooManyColumns: /Bảng có 100\.002 cột, quá 5\.000 cột/,
  lineTooLong: /dòng 2: Dòng này dài hơn 2 triệu ký tự/,
  noData: /Bảng không có dòng số liệu nào: mọi dòng dưới tiêu đề đều trống/,
};

/** A framework file's notice: its title names the file, the detail what is wrong, field by field. */
const SPEC_SAYS: Record<string, RegExp[]> = {
  'thieu-truong.json': [
    /^Bộ chỉ số không hợp lệ: /m,
    /id — phải là chuỗi không rỗng/,
    /indicators — phải là một danh sách/,
    /mainIndices\[0\]\.name\.vi — phải là chuỗi không rỗng/,
  ],
  'vong-lap.json': [
    /indicators\[0\]\.mainIndex — chỉ số chính "i1" không tồn tại/,
    /mainIndices\[0\] — chỉ số chính "A" không có chỉ số thành phần nào/,
  ],
  // Parsed (V8 parses deep JSON without recursion), then refused for what it is: an array.
  'long-sau.json': [/Tệp JSON không phải bộ chỉ số hay bộ chỉ tiêu: schema/],
  '__proto__.json': [/__proto__ — trường không được hỗ trợ/],
};

const SCRATCH = path.resolve(import.meta.dirname, '../../.tmp');

describe('the bad-input corpus through the file input', () => {
  let s: Session;
  let dir: string;
  let before: Awaited<ReturnType<typeof workspaceState>>;

  /** What must not change: the rows loaded, and the ranking as the page shows it. */
  const workspaceState = async () => {
    const ranking = s.page.getByTestId('ranking');
    await ranking.waitFor({ state: 'visible', timeout: 10_000 });
    const [counts] = await s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT (SELECT count(*) FROM observations)::INTEGER AS observations,
                (SELECT count(*) FROM loads WHERE active)::INTEGER AS loads,
                (SELECT round(sum(total), 6) FROM scores)::DOUBLE AS total`,
      ),
    );
    return {
      ...counts,
      firstRow: await ranking.locator('tbody tr').first().innerText(),
      rankingRows: await ranking.locator('tbody tr').count(),
    };
  };

  /** Picks a file with the file input, as a person would, and waits for what it led to. */
  const pick = async (name: string): Promise<number> => {
    const count = () =>
      s.page.evaluate(() => window.dtiLab.reports().length + window.dtiLab.notices().length);
    const was = await count();
    const t0 = performance.now();
    await s.page.getByTestId('file-input').setInputFiles(path.join(dir, name));
    await expect.poll(count, { timeout: 60_000 }).toBeGreaterThan(was);
    await s.page.evaluate(() => window.dtiLab.settled());
    return performance.now() - t0;
  };

  /** The newest notice's text as the page shows it, then closed as a person would. */
  const lastNotice = async (
    keep = false,
  ): Promise<{ text: string; code: string | null; title: string }> => {
    const box = s.page.getByTestId('notice').last();
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await box.innerText();
    const notice = await s.page.evaluate(() => window.dtiLab.notices().at(-1)!);
    if (!keep) await box.getByRole('button').click();
    return { text, code: notice.code, title: notice.title.vi };
  };

  beforeAll(async () => {
    mkdirSync(SCRATCH, { recursive: true });
    dir = mkdtempSync(path.join(SCRATCH, 'bad-input-'));
    for (const b of [...badInputs(), ...mixedEncodingInputs()] as {
      name: string;
      make: () => Uint8Array;
    }[])
      writeFileSync(path.join(dir, b.name), b.make());
    for (const b of badSpecs()) writeFileSync(path.join(dir, b.name), b.text);
    s = await openApp();
    before = await workspaceState();
    // The sample district: 19 communes, scored and ranked.
    expect(before.rankingRows).toBe(19);
  });

  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const bad of badInputs()) {
    it(`${bad.name}: refused (${bad.expect}) on screen, naming the file; nothing changes`, async () => {
      const ms = await pick(bad.name);
      const isBomb = bad.name === 'bom-nen.xlsx';
      const notice = await lastNotice(isBomb);
      expect(notice.code).toBe(bad.expect);
      expect(notice.text).toContain(`Không nạp được tệp "${bad.name}"`);
      expect(notice.text).toContain(`Tệp "${bad.name}"`);
      expect(notice.text).toMatch(SAYS[bad.expect]!);
      if (isBomb) {
        const shot = path.join(SCRATCH, 'bad-input-zip-bomb-notice.png');
        await s.page.getByTestId('notice').last().screenshot({ path: shot });
        await s.page.screenshot({ path: path.join(SCRATCH, 'bad-input-zip-bomb-page.png') });
        await s.page.getByTestId('notice').last().getByRole('button').click();
      }
      expect(await workspaceState()).toEqual(before);
      // Refused fast in the browser too (the unit test allows 30 s under Node).
      expect(ms).toBeLessThan(15_000);
    });
  }

  for (const spec of badSpecs()) {
    it(`${spec.name}: a framework refused field by field; nothing changes`, async () => {
      await pick(spec.name);
      const notice = await lastNotice();
      expect(notice.title).toBe(`Không nạp được tệp "${spec.name}"`);
      expect(notice.text).toContain(`Không nạp được tệp "${spec.name}"`);
      for (const says of SPEC_SAYS[spec.name]!) expect(notice.text).toMatch(says);
      // Nothing reached the page's prototypes.
      expect(await s.page.evaluate(() => 'polluted' in {})).toBe(false);
      expect(await workspaceState()).toEqual(before);
    });
  }

  for (const m of mixedEncodingInputs()) {
    it(`${m.name}: loads with each row in its own encoding, and the report names the rows`, async () => {
      await pick(m.name);
      const report = await s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
      expect(report.file).toBe(m.name);
      expect(report.encoding).toBe(m.expect.encoding);
      expect(report.encodingNote).toMatchObject({ rows: m.expect.rows, count: m.expect.count });
      // On screen, without opening anything: the report is open at its warning.
      const entry = s.page.locator('details.report', { hasText: m.name });
      const note = entry.getByTestId('encoding-note');
      expect(await note.isVisible()).toBe(true);
      const text = await note.innerText();
      expect(text).toContain(`Tệp "${m.name}" lẫn hai bảng mã`);
      expect(text).toContain(`(dòng ${m.expect.rows.join(', ')})`);
      expect(await entry.locator('summary').innerText()).toContain(`⚠ ${m.expect.count} dòng`);
      const codes = Object.keys(m.expect.names);
      const names = await s.page.evaluate(
        (sql) => window.dtiLab.query(sql),
        `SELECT unit_code, unit_name FROM units WHERE unit_code IN (${codes.map((c) => `'${c}'`).join(', ')})`,
      );
      expect(Object.fromEntries(names.map((r) => [r.unit_code, r.unit_name]))).toEqual(
        m.expect.names,
      );
      if (m.name === 'lan-bang-ma-1258.csv') {
        await entry.scrollIntoViewIfNeeded();
        await entry.screenshot({ path: path.join(SCRATCH, 'bad-input-mixed-encoding-report.png') });
      }
      // Taken back with the undo button: the sample district as it was.
      await s.page.getByTestId('undo-load').click();
      await s.page.evaluate(() => window.dtiLab.settled());
      expect(await workspaceState()).toEqual(before);
    });
  }

  it('the encoding chosen by hand still reads a mixed file: UTF-8 shows which rows it cannot read', async () => {
    await pick('lan-bang-ma-1258.csv');
    const entry = s.page.locator('details.report', { hasText: 'lan-bang-ma-1258.csv' });
    const select = entry.getByTestId('encoding-select');
    expect(await select.inputValue()).toBe('utf-8+windows-1258');
    await select.selectOption('utf-8');
    await s.page.evaluate(() => window.dtiLab.settled());
    const report = () => s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
    expect(await report()).toMatchObject({
      encoding: 'utf-8',
      encodingNote: { kind: 'replaced', rows: [4, 6, 9], suggested: 'utf-8+windows-1258' },
    });
    expect(await entry.getByTestId('encoding-note').innerText()).toContain(
      'được đọc theo UTF-8 như đã chọn, nhưng 3 dòng không phải UTF-8 (có vẻ là Windows-1258): dòng 4, 6, 9',
    );
    await entry.screenshot({ path: path.join(SCRATCH, 'bad-input-chosen-utf8-report.png') });
    // Back to the mixed reading, as the note suggests: the names right again.
    await entry.getByTestId('encoding-select').selectOption('utf-8+windows-1258');
    await s.page.evaluate(() => window.dtiLab.settled());
    expect((await report()).encoding).toBe('utf-8+windows-1258');
    const [name] = await s.page.evaluate(() =>
      window.dtiLab.query(`SELECT unit_name FROM units WHERE unit_code = '17950'`),
    );
    expect(name!.unit_name).toBe('Thị trấn Nam Đàn');
    await s.page.getByTestId('undo-load').click();
    await s.page.evaluate(() => window.dtiLab.settled());
    expect(await workspaceState()).toEqual(before);
  });

  it('still loads a good file afterwards, and nothing went wrong on the way', async () => {
    writeFileSync(
      path.join(dir, 'tot-2024.csv'),
      'Mã xã,Tên xã,Năm,camera_an_ninh_so_luong\n17932,Xã Nam Hưng,2024,57\n',
    );
    await pick('tot-2024.csv');
    const report = await s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
    expect(report).toMatchObject({ file: 'tot-2024.csv', encoding: 'utf-8', observations: 1 });
    expect(report.encodingNote).toBeUndefined();
    const [v] = await s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT value FROM observations WHERE source_file = 'tot-2024.csv' AND unit_code = '17932'`,
      ),
    );
    expect(v).toEqual({ value: 57 });
    expect(await s.page.getByTestId('ranking').isVisible()).toBe(true);
    expect(await s.page.getByTestId('notice').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
