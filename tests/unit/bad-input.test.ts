// The bad-input corpus (tests/fixtures/bad/generate.mjs): every file is refused with its own
// reason, in both languages and naming the file, and what was loaded before is untouched. Files
// with rows in two encodings load with each row read in its own encoding, and say which rows.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  badInputs,
  badSpecs,
  mixedEncodingInputs,
  type MixedInput,
} from '../fixtures/bad/generate.mjs';
import { IngestError } from '../../src/lib/ingest/errors';
import { InvalidSpecError } from '../../src/lib/framework/check';
import { readSpecFile } from '../../src/lib/framework/readSpecFile';
import { decodeText, detectEncoding, TEXT_ENCODINGS } from '../../src/lib/ingest/decodeText';
import { scanLines } from '../../src/lib/ingest/lineScan';
import { reportCsv } from '../../src/lib/ingest/reportCsv';
import { readChoicesOf } from '../../src/lib/workspace/loadLedger';
import { validateSavedWorkspace } from '../../src/lib/workspace/savedWorkspace';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { zipSizes } from '../../src/lib/ingest/zipDirectory';
import { fileAt, freshWorkspace, inputFile, rows } from './support/workspace';

const mixed = mixedEncodingInputs();
const mixedFile = (name: string): MixedInput => mixed.find((m) => m.name === name)!;
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('bad input', () => {
  let ws: Workspace;
  let before: string;
  const state = async () =>
    JSON.stringify(
      await rows(
        ws,
        'SELECT (SELECT count(*) FROM observations) AS o, (SELECT count(*) FROM loads) AS l, (SELECT count(*) FROM units) AS u, (SELECT round(sum(total), 6) FROM scores) AS t',
      ),
    );
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score('dti-xa-minh-hoa', null);
    before = await state();
  });

  for (const bad of badInputs()) {
    it(`${bad.name}: ${bad.exercises}`, async () => {
      const t0 = performance.now();
      const error = await ws.loadFile(inputFile(bad.name, bad.make())).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IngestError);
      const e = error as IngestError;
      expect(e.code).toBe(bad.expect);
      expect(e.at.file).toBe(bad.name);
      if (bad.row !== undefined) expect(e.at.row).toBe(bad.row);
      expect(e.text.vi.length).toBeGreaterThan(10);
      expect(e.text.en.length).toBeGreaterThan(10);
      // Short enough to read on screen (no file content pasted into it).
      expect(e.message.length).toBeLessThan(600);
      // Refused quickly, not after filling the memory.
      expect(performance.now() - t0).toBeLessThan(30_000);
      await ws.score('dti-xa-minh-hoa', null);
      expect(await state()).toBe(before);
    });
  }

  it('names every damaged row, the first in the location and the next in the text', async () => {
    const bad = badInputs().find((b) => b.expect === 'undecodableRows')!;
    const e = (await ws
      .loadFile(inputFile(bad.name, bad.make()))
      .catch((x: unknown) => x)) as IngestError;
    expect(e.at).toEqual({ file: bad.name, row: 351 });
    expect(e.text.vi).toMatch(
      /^Dòng này và 1 dòng khác \(352\) không đọc được theo UTF-8 hay Windows-1252/,
    );
    expect(e.text.en).toMatch(
      /^This row and 1 more \(352\) cannot be read as UTF-8 or Windows-1252/,
    );
    expect(e.text.vi).toContain('dữ liệu đã nạp trước đó vẫn giữ nguyên');
  });

  it('writes sizes as each language writes numbers', async () => {
    const bomb = badInputs().find((b) => b.name === 'bom-nen.xlsx')!;
    const e = (await ws
      .loadFile(inputFile(bomb.name, bomb.make()))
      .catch((x: unknown) => x)) as IngestError;
    expect(e.text.vi).toMatch(/^Tệp Excel nặng 0,68 MB nhưng giải nén ra 704 MB, quá 600 MB /);
    expect(e.text.en).toMatch(
      /^The Excel file is 0\.68 MB but unpacks to 704 MB, more than the 600 MB /,
    );
  });

  it('reads a zip directory without unpacking: the bomb declares 700 MB in under 1 MB', () => {
    const bomb = badInputs()
      .find((b) => b.name.endsWith('.xlsx'))!
      .make();
    const sizes = zipSizes(bomb)!;
    expect(bomb.length).toBeLessThan(1024 ** 2);
    expect(sizes.unpacked).toBeGreaterThan(700 * 1024 ** 2);
    expect(zipSizes(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  for (const spec of badSpecs() as { name: string; exercises: string; text: string }[]) {
    it(`${spec.name}: ${spec.exercises}`, () => {
      let error: unknown = null;
      try {
        readSpecFile(spec.text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidSpecError);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  }
});

describe('rows in two encodings', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
  });

  const namesOf = async (codes: string[]) =>
    Object.fromEntries(
      (
        await rows(
          ws,
          `SELECT unit_code, unit_name FROM units WHERE unit_code IN (${codes.map((c) => `'${c}'`).join(', ')})`,
        )
      ).map((r) => [String(r.unit_code), String(r.unit_name)]),
    );

  for (const m of mixed) {
    it(`${m.name}: ${m.exercises}`, async () => {
      const report = await ws.loadFile(inputFile(m.name, m.make()));
      const x = m.expect;
      expect(report.encoding).toBe(x.encoding);
      expect(report.encodingNote).toMatchObject({
        kind: 'mixed',
        main: x.main,
        other: x.other,
        rows: x.rows,
        count: x.count,
      });
      // Every name right, on the rows of either encoding.
      expect(await namesOf(Object.keys(x.names))).toEqual(x.names);
      // The rows named are the rows provenance gives for the same lines.
      const lines = await rows(
        ws,
        `SELECT DISTINCT source_row FROM observations WHERE load_id = ${report.loadId} ORDER BY 1`,
      );
      for (const row of x.rows) expect(lines.map((l) => l.source_row)).toContain(row);
      expect(report.rowsRead).toBe(lines.length);
      // In both languages, naming the file, the encodings and the rows.
      const note = report.encodingNote!.text;
      expect(note.vi).toContain(`Tệp "${m.name}" lẫn hai bảng mã`);
      expect(note.en).toContain(`The file "${m.name}" mixes two encodings`);
      expect(note.vi).toContain(`dòng ${x.rows.join(', ')})`);
      expect(note.en).toContain(`${x.rows.join(', ')})`);
      // The downloadable report carries it too.
      expect(reportCsv([report])).toContain(note.vi.replaceAll('"', '""'));
    });
  }

  it('says it exactly, for rows in Windows-1258 in a UTF-8 file', async () => {
    const m = mixedFile('lan-bang-ma-1258.csv');
    const report = await ws.loadFile(inputFile(m.name, m.make()));
    expect(report.encodingNote!.text).toEqual({
      vi: 'Tệp "lan-bang-ma-1258.csv" lẫn hai bảng mã: phần lớn là UTF-8 nhưng 3 dòng là Windows-1258 (dòng 4, 6, 9). Mỗi dòng đã được đọc theo đúng bảng mã của nó; hãy kiểm tra tên trên các dòng đó và sửa tệp gốc để cả tệp chỉ dùng một bảng mã (nên dùng UTF-8).',
      en: 'The file "lan-bang-ma-1258.csv" mixes two encodings: mostly UTF-8, but 3 rows are Windows-1258 (rows 4, 6, 9). Each row was read in its own encoding; check the names on those rows, and fix the source file so that all of it uses one encoding (preferably UTF-8).',
    });
  });

  it('decodes each line in its own encoding, and detects the file as mixed', () => {
    const bytes = mixedFile('lan-bang-ma-1258.csv').make();
    expect(detectEncoding(bytes)).toBe('utf-8+windows-1258');
    const lines = decodeText(bytes).text.split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'Mã xã,Tên xã,Năm,bang_rong_phu_ho_gia_dinh_ty_le',
      '17932,Xã Nam Hưng,2024,79.5',
      '17935,Xã Nam Nghĩa,2024,47',
      '17938,Xã Nam Thanh,2024,61.2',
    ]);
    expect(lines[5]).toBe('17950,Thị trấn Nam Đàn,2024,92.4');
    expect(lines[8]).toBe('17986,Xã Khánh Sơn,2024,73.8');
  });

  it('numbers rows as the report does whatever the line ends, past a BOM', () => {
    // Row 1 (BOM, CR LF), row 2 in UTF-8 (LF), row 3 in Windows-1252 (lone CR), row 4 (CR LF).
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('Mã xã,Tên\r\n17938,Xã Nam Thanh\n'),
      ...latin1('17998,X\u00e3 Nam Kim\r17932,'),
      ...new TextEncoder().encode('Xã Nam Hưng\r\n'),
    ]);
    const scan = scanLines(bytes, 3);
    expect(scan.utf8).toEqual({ rows: [1, 2, 4], count: 3 });
    expect(scan.legacy).toEqual({ rows: [3], count: 1 });
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8+windows-1252');
    expect(decoded.text).toBe(
      'Mã xã,Tên\r\n17938,Xã Nam Thanh\n17998,Xã Nam Kim\r17932,Xã Nam Hưng\r\n',
    );
    expect(decoded.finding).toEqual({
      kind: 'mixed',
      main: 'utf-8',
      other: 'windows-1252',
      rows: [3],
      count: 1,
    });
  });

  it('lists the first ten rows and counts the rest', () => {
    const lines = ['ma_xa,ten_xa'];
    for (let i = 0; i < 30; i++)
      lines.push(i % 2 ? `1793${i % 10},Xã Nam Thanh` : `1793${i % 10},X\u00e3 Kim`);
    const bytes = Uint8Array.from(
      lines.flatMap((l, i) =>
        i % 2 === 0 && i > 0 ? [...new TextEncoder().encode(l), 10] : [...latin1(l), 10],
      ),
    );
    const d = decodeText(bytes);
    expect(d.finding).toMatchObject({ kind: 'mixed', count: 15 });
    expect(d.finding!.rows).toHaveLength(10);
  });

  it('a file in Windows-1258 alone is read as before, with nothing to say', () => {
    const m = mixedFile('lan-bang-ma-1258-utf8.csv');
    const bytes = m.make();
    // Without its pasted UTF-8 row (row 5) the file is all Windows-1258.
    const lines = Buffer.from(bytes).toString('latin1').split('\r\n');
    const legacy = latin1(lines.filter((_, i) => i !== 4).join('\r\n'));
    expect(decodeText(legacy)).toMatchObject({ encoding: 'windows-1258', finding: null });
    expect(decodeText(legacy).text).toContain('17968,Xã Thượng Tân Lộc,2024,68.3');
  });

  it('an invalid UTF-8 line that no code page reads is refused, not decoded', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('a,b\nXã,1\n'),
      0x58,
      0xe3,
      0x00,
      0x2c,
      0x31,
    ]);
    expect(() => decodeText(bytes)).toThrow(/lines not readable as UTF-8 or windows-1252: 3/);
  });

  it('a code page that leaves a byte unassigned gives way to one that has it', () => {
    // Tones after letters point to Windows-1258, but 0x8A (Š) exists only in Windows-1252.
    const bytes = latin1('ma,ten\n1,\u008Akoda Ni\u00ecce\n');
    expect(decodeText(bytes)).toMatchObject({ encoding: 'windows-1252', finding: null });
  });

  describe('an encoding the person chooses', () => {
    const m = mixedFile('lan-bang-ma-1258.csv');

    it('UTF-8: the other rows show U+FFFD, and the report names them and the better choice', async () => {
      const report = await ws.loadFile(inputFile(m.name, m.make()), { encoding: 'utf-8' });
      expect(report.encoding).toBe('utf-8');
      expect(report.encodingNote).toMatchObject({
        kind: 'replaced',
        main: 'utf-8',
        other: 'windows-1258',
        rows: [4, 6, 9],
        count: 3,
        suggested: 'utf-8+windows-1258',
      });
      expect(report.encodingNote!.text.vi).toBe(
        'Tệp "lan-bang-ma-1258.csv" được đọc theo UTF-8 như đã chọn, nhưng 3 dòng không phải UTF-8 (có vẻ là Windows-1258): dòng 4, 6, 9. Chữ không đọc được trên các dòng đó hiện thành "�". Chọn bảng mã "utf-8+windows-1258" để đọc đúng.',
      );
      const names = await namesOf(['17938', '17932']);
      expect(names['17938']).toContain('\uFFFD');
      expect(names['17932']).toBe('Xã Nam Hưng');
    });

    it('a legacy page: the UTF-8 rows come out garbled, and the report says which', () => {
      const d = decodeText(m.make(), 'windows-1258');
      expect(d.encoding).toBe('windows-1258');
      expect(d.finding).toEqual({
        kind: 'misread',
        main: 'windows-1258',
        other: 'utf-8',
        rows: [1, 2, 3, 5, 7, 8],
        count: 6,
        suggested: 'utf-8+windows-1258',
      });
      expect(d.text).toContain('17938,Xã Nam Thanh');
      expect(d.text).not.toContain('17932,Xã Nam Hưng');
      // All UTF-8 read as a legacy page: UTF-8 is the better reading.
      const utf8 = new TextEncoder().encode('Mã xã\n17932,Xã Nam Hưng\n');
      expect(decodeText(utf8, 'windows-1252').finding).toMatchObject({
        kind: 'misread',
        rows: [1, 2],
        suggested: 'utf-8',
      });
    });

    it('the mixed reading by name reads as detected; in a file of one encoding it says nothing', () => {
      expect(decodeText(m.make(), 'utf-8+windows-1258')).toEqual(decodeText(m.make()));
      const utf8 = new TextEncoder().encode('Mã xã\n17932,Xã Nam Hưng\n');
      expect(decodeText(utf8, 'utf-8+windows-1258')).toEqual({
        text: 'Mã xã\n17932,Xã Nam Hưng\n',
        encoding: 'utf-8+windows-1258',
        finding: null,
      });
    });

    it('the mixed choice survives the saved workspace, and reading again gives the same', async () => {
      const report = await ws.loadFile(inputFile(m.name, m.make()));
      const choices = readChoicesOf(report);
      expect(choices.encoding).toBe('utf-8+windows-1258');
      const saved = validateSavedWorkspace({
        version: 1,
        loads: [{ name: m.name, file: 'k', choices, batch: 1, replace: false }],
        specs: [],
        frameworkId: 'dti-xa-minh-hoa',
        profileId: null,
      });
      expect(saved.loads[0]!.choices).toEqual(choices);
      for (const encoding of TEXT_ENCODINGS) {
        expect(() =>
          validateSavedWorkspace({
            ...saved,
            loads: [{ ...saved.loads[0]!, choices: { encoding } }],
          }),
        ).not.toThrow();
      }
      const again = await ws.loadFile(inputFile(m.name, m.make()), saved.loads[0]!.choices);
      expect(again.encoding).toBe(report.encoding);
      expect(again.encodingNote).toEqual(report.encodingNote);
    });
  });
});
