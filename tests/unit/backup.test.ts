// The workspace backup (a ZIP of the loaded files, how each was read, and the notebooks), the
// store a second tab works on, and the engine memory figure.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { holdingStore, memoryStore } from '../../src/lib/storage/keyValue';
import { readBackup, writeBackup, type Backup } from '../../src/lib/workspace/backup';
import { fileKey } from '../../src/lib/workspace/savedWorkspace';
import { zipEntries } from '../../src/lib/zip/readZip';
import { zipFiles } from '../../src/lib/zip/writeZip.mjs';
import { parseSize } from '../../src/lib/db/engineMemory';
import { InvalidSpecError } from '../../src/lib/framework/check';
import type { Notebook } from '../../src/lib/notebook/types';

const csv = new TextEncoder().encode('ma_xa,ten_xa,nam,x\n17944,Xã Nam Thanh,2024,1\n');
const xlsxLike = new Uint8Array(50_000).map((_, i) => (i * 13) % 251);
const notebook: Notebook = {
  id: 'nb-1',
  title: 'Sổ của tôi',
  updated: '2026-11-24T08:00:00.000Z',
  cells: [{ id: 'c1', kind: 'sql', sql: 'SELECT 1', name: 'mot' }],
  trusted: true,
};

async function sampleBackup(): Promise<Backup> {
  const a = await fileKey(new Blob([csv]));
  const b = await fileKey(new Blob([xlsxLike]));
  return {
    workspace: {
      version: 1,
      loads: [
        { name: 'a.csv', file: a, choices: { encoding: 'utf-8' }, batch: 1, replace: false },
        // The same bytes read twice with other choices: one copy in the archive.
        { name: 'a lần 2.csv', file: a, choices: { shape: 'long' }, batch: 2, replace: true },
        {
          name: 'Biểu: 1/2.xlsx',
          file: b,
          choices: { sheet: 'Năm 2024' },
          batch: 3,
          replace: false,
        },
      ],
      specs: ['{"kind":"x"}'],
      frameworkId: 'dti-xa-minh-hoa',
      profileId: null,
      edits: [{ kind: 'weight', framework: 'dti-xa-minh-hoa', group: 'chinh_quyen_so', value: 2 }],
    },
    notebooks: [notebook],
    files: new Map([
      [a, csv],
      [b, xlsxLike],
    ]),
  };
}

/** Fails the test unless `run` throws an InvalidSpecError whose text holds `words`. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidSpecError);
    const err = e as InvalidSpecError;
    return [err.what.vi, ...err.problems.map((p) => `${p.path} — ${p.message.vi}`)].join(' | ');
  }
  throw new Error('expected a refusal');
}

describe('workspace backup', () => {
  it('gives back exactly what went in, each file once under a readable name', async () => {
    const backup = await sampleBackup();
    const bytes = writeBackup(backup, '2026-11-24T08:30:00.000Z');
    const names = zipEntries(bytes)!.map((e) => e.name);
    expect(names).toEqual([
      'dti-lab-sao-luu.json',
      `tep/${backup.workspace.loads[0]!.file.slice(0, 8)}-a.csv`,
      `tep/${backup.workspace.loads[2]!.file.slice(0, 8)}-Biểu_ 1_2.xlsx`,
    ]);
    const read = await readBackup(bytes);
    expect(read.created).toBe('2026-11-24T08:30:00.000Z');
    expect(read.backup.workspace).toEqual(backup.workspace);
    expect(read.backup.notebooks).toEqual([notebook]);
    expect([...read.backup.files.keys()].sort()).toEqual([...backup.files.keys()].sort());
    for (const [key, data] of backup.files) expect(read.backup.files.get(key)).toEqual(data);
  });

  it('reads a backup that a ZIP tool packed again with deflate', async () => {
    const entries = zipEntries(writeBackup(await sampleBackup(), '2026-11-24T08:30:00.000Z'))!;
    const original = writeBackup(await sampleBackup(), '2026-11-24T08:30:00.000Z');
    const repacked = zipFiles(
      entries.map((e) => {
        const start = e.offset + 30 + new TextEncoder().encode(e.name).length;
        return { name: e.name, data: original.subarray(start, start + e.size) };
      }),
      (d: Uint8Array) => new Uint8Array(zlib.deflateRawSync(d)),
    );
    expect(zipEntries(repacked)!.every((e) => e.method === 8)).toBe(true);
    const read = await readBackup(repacked);
    expect(read.backup.workspace.loads).toHaveLength(3);
    expect(read.backup.files.get(read.backup.workspace.loads[0]!.file)).toEqual(csv);
  });

  it('refuses a file changed after the backup was made, naming it', async () => {
    const bytes = writeBackup(await sampleBackup(), '2026-11-24T08:30:00.000Z');
    // The CSV's bytes sit right after the manifest; one letter of it is changed.
    const at = indexOf(bytes, new TextEncoder().encode('Nam Thanh'));
    bytes[at] = 'X'.charCodeAt(0);
    const text = await refusal(() => readBackup(bytes));
    expect(text).toContain('Tệp sao lưu không hợp lệ');
    expect(text).toContain('tệp "a.csv" đã bị sửa hoặc hỏng (mã SHA-256 không khớp)');
  });

  it('refuses a ZIP that is not a backup, a manifest with wrong fields, and a zip bomb', async () => {
    const plain = zipFiles([{ name: 'a.csv', data: csv }], null);
    expect(await refusal(() => readBackup(plain))).toContain(
      'không phải bản sao lưu của DTI Lab (không có dti-lab-sao-luu.json)',
    );
    expect(await refusal(() => readBackup(csv))).toContain('Tệp sao lưu bị hỏng');

    const manifest = (o: object) =>
      zipFiles(
        [{ name: 'dti-lab-sao-luu.json', data: new TextEncoder().encode(JSON.stringify(o)) }],
        null,
      );
    const wrong = await refusal(() =>
      readBackup(manifest({ format: 'khac', version: 2, created: 1, notebooks: {}, files: [] })),
    );
    expect(wrong).toContain('phải là "dti-lab-backup"');
    for (const path of ['version', 'created', 'notebooks', 'files'])
      expect(wrong, path).toMatch(new RegExp(`(^|[| ])${path}`));

    // 700 MB of zeros deflate to under 1 MB: refused from the directory, before unpacking.
    const zeros = zipFiles(
      [{ name: 'dti-lab-sao-luu.json', data: new Uint8Array(1) }],
      () => new Uint8Array(zlib.deflateRawSync(new Uint8Array(1))),
    );
    const bomb = declareSize(zeros, 700 * 1024 ** 2);
    expect(await refusal(() => readBackup(bomb))).toContain('giải nén ra hơn 600 MB');
  });

  it('refuses a manifest that names a file the archive does not hold', async () => {
    const entries = zipEntries(writeBackup(await sampleBackup(), '2026-11-24T08:30:00.000Z'))!;
    const whole = writeBackup(await sampleBackup(), '2026-11-24T08:30:00.000Z');
    // The same archive without the XLSX: its manifest still names it.
    const kept = entries.slice(0, 2).map((e) => {
      const start = e.offset + 30 + new TextEncoder().encode(e.name).length;
      return { name: e.name, data: whole.subarray(start, start + e.size) };
    });
    const text = await refusal(() => readBackup(zipFiles(kept, null)));
    expect(text).toContain('thiếu tệp "Biểu: 1/2.xlsx"');
  });
});

describe('the store of a tab that does not own the workspace', () => {
  it('keeps its writes and deletes to itself while holding, and writes through otherwise', async () => {
    const base = memoryStore();
    await base.put('workspace', 'current', { v: 1 });
    await base.put('files', 'k1', new Uint8Array([1, 2]));
    let holding = true;
    const store = holdingStore(base, () => holding);
    await store.put('workspace', 'current', { v: 2 });
    await store.delete('files', 'k1');
    await store.put('files', 'k2', new Uint8Array([3]));
    expect(await store.get('workspace', 'current')).toEqual({ v: 2 });
    expect(await store.get('files', 'k1')).toBeUndefined();
    expect((await store.keys('files')).sort()).toEqual(['k2']);
    // The other tab's data is untouched.
    expect(await base.get('workspace', 'current')).toEqual({ v: 1 });
    expect(await base.keys('files')).toEqual(['k1']);
    holding = false;
    await store.put('notebooks', 'nb', { id: 'nb' });
    expect(await base.get('notebooks', 'nb')).toEqual({ id: 'nb' });
  });
});

describe('engine memory figure', () => {
  it('reads the sizes DuckDB writes', () => {
    expect(parseSize('3.1 GiB')).toBeCloseTo(3.1 * 1024 ** 3);
    expect(parseSize('512.0 MiB')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5 GB')).toBe(1.5e9);
    expect(parseSize('0 bytes')).toBe(0);
    expect(parseSize('unlimited')).toBeNaN();
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}

/** The archive with its (single) entry's unpacked size rewritten in the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const entry = zipEntries(out)!;
  expect(entry).toHaveLength(1);
  for (let i = out.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, size, true);
      break;
    }
  return out;
}
