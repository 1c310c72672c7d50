// What brings the workspace back after a reload, and what carries a notebook's data to a
// colleague: both are read field by field, and a round trip gives back exactly what went in.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/lib/storage/keyValue';
import {
  fileKey,
  readSavedFile,
  readSavedWorkspace,
  validateSavedWorkspace,
  writeSavedWorkspace,
  type SavedWorkspace,
} from '../../src/lib/workspace/savedWorkspace';
import { isBundle, readBundle, writeBundle } from '../../src/lib/workspace/bundle';
import type { Notebook } from '../../src/lib/notebook/types';
import { LoadLedger, readChoicesOf } from '../../src/lib/workspace/loadLedger';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const bytesA = new TextEncoder().encode('ma_xa,nam,x\n17944,2024,1\n');
const bytesB = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);

async function saved(): Promise<SavedWorkspace> {
  return {
    version: 1,
    loads: [
      {
        name: 'a.csv',
        file: await fileKey(new Blob([bytesA])),
        choices: {},
        batch: 1,
        replace: false,
      },
      {
        name: 'b.xlsx',
        file: await fileKey(new Blob([bytesB])),
        choices: {
          sheet: 'Biểu 1',
          encoding: 'windows-1258',
          shape: 'selfAssessment',
          unit: '17944',
          mapping: { 'Tỷ lệ': 'dvc_toan_trinh', Ghi_chu: null },
          rateScales: { dvc_toan_trinh: 'percent' },
        },
        batch: 2,
        replace: true,
      },
    ],
    specs: ['{"id":"x"}'],
    frameworkId: 'dti-xa-minh-hoa',
    profileId: null,
    edits: [
      {
        kind: 'value',
        unit: '17950',
        year: 2024,
        measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
        value: 1,
        text: null,
      },
      { kind: 'value', unit: '17950', year: 2024, measure: 'ke_hoach', value: null, text: 'có' },
      { kind: 'target', profile: 'kh-cds-ba-to-2023', target: 't1', value: 0.75 },
      { kind: 'maxPoints', framework: 'dti-xa-minh-hoa', indicator: 'ht_bang_rong', value: 10 },
      { kind: 'weight', framework: 'dti-xa-minh-hoa', group: 'ha_tang', value: 0 },
    ],
  };
}

describe('the saved workspace', () => {
  it('keys files by content and round-trips through storage', async () => {
    const keyA = await fileKey(new Blob([bytesA]));
    expect(keyA).toMatch(/^[0-9a-f]{64}$/);
    expect(keyA).toBe(createHash('sha256').update(bytesA).digest('hex'));
    expect(keyA).not.toBe(await fileKey(new Blob([bytesB])));
    const store = memoryStore();
    const s = await saved();
    // Files are kept as the Blobs they came as; a save from before kept bytes.
    const files = new Map<string, Blob | Uint8Array>([
      [s.loads[0]!.file, new Blob([bytesA])],
      [s.loads[1]!.file, bytesB],
    ]);
    await writeSavedWorkspace(store, s, (k) => files.get(k));
    expect(await readSavedWorkspace(store)).toEqual(s);
    for (const [load, bytes] of [
      [s.loads[0]!, bytesA],
      [s.loads[1]!, bytesB],
    ] as const) {
      const kept = await readSavedFile(store, load.file);
      expect(kept).toBeInstanceOf(Blob);
      expect(new Uint8Array(await kept!.arrayBuffer())).toEqual(bytes);
    }
  });

  it('keys a large file by its chunks: the same bytes, the same key; one byte more, another', async () => {
    const big = new Uint8Array(64 * 1024 ** 2 + 10).map((_, i) => i % 253);
    const key = await fileKey(new Blob([big]));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await fileKey(new Blob([big.slice()]))).toBe(key);
    big[big.length - 1] = 0;
    expect(await fileKey(new Blob([big]))).not.toBe(key);
  });

  it('removes files no load needs any more', async () => {
    const store = memoryStore();
    const s = await saved();
    const files = new Map([
      [s.loads[0]!.file, new Blob([bytesA])],
      [s.loads[1]!.file, new Blob([bytesB])],
    ]);
    await writeSavedWorkspace(store, s, (k) => files.get(k));
    await writeSavedWorkspace(store, { ...s, loads: [s.loads[0]!] }, (k) => files.get(k));
    expect(await store.keys('files')).toEqual([s.loads[0]!.file]);
  });

  it('refuses a damaged manifest field by field, and reads it as nothing saved', async () => {
    const s = await saved();
    const bad = {
      ...s,
      loads: [{ ...s.loads[1], choices: { shape: 'script', mapping: { a: 1 }, extra: true } }],
      __proto__x: 1,
    };
    let paths: string[] = [];
    try {
      validateSavedWorkspace(bad);
    } catch (e) {
      paths = (e as { problems: { path: string }[] }).problems.map((p) => p.path);
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        '__proto__x',
        'loads[0].choices.shape',
        'loads[0].choices.mapping["a"]',
        'loads[0].choices.extra',
      ]),
    );
    const store = memoryStore();
    await store.put('workspace', 'current', bad);
    expect(await readSavedWorkspace(store)).toBeNull();
  });
});

describe('saved what-if edits', () => {
  it('are read field by field: a bad edit makes the manifest unreadable, not half-applied', async () => {
    const s = await saved();
    for (const edit of [
      { kind: 'value', unit: '17950', year: 2024, measure: 'm', value: 'NaN', text: null },
      { kind: 'value', unit: "x'; DROP", year: 2024, measure: 'm', value: 1, text: null },
      { kind: 'weight', framework: 'f', group: 'g', value: -1 },
      { kind: 'weight', framework: 'f', group: 'g', value: 2e9 },
      { kind: 'maxPoints', framework: 'f', indicator: 'i', value: 2e9 },
      { kind: 'maxPoints', framework: 'f', indicator: 'i', value: 1, extra: 1 },
      { kind: 'script', value: 1 },
    ]) {
      expect(() => validateSavedWorkspace({ ...s, edits: [edit] }), JSON.stringify(edit)).toThrow();
    }
    // A manifest from before edits were saved still reads.
    const { edits: _, ...older } = s;
    expect(validateSavedWorkspace(older).edits).toBeUndefined();
  });
});

describe('saved column mappings', () => {
  it('travel with the workspace, read field by field', async () => {
    const s = await saved();
    const mappings = {
      'ma xa | ty le ho so dvctt (%)': { 'Tỷ lệ hồ sơ DVCTT (%)': 'm', Dân: null },
    };
    expect(validateSavedWorkspace({ ...s, mappings }).mappings).toEqual(mappings);
    for (const bad of [{ sig: { col: 1 } }, { sig: 'm' }, []]) {
      expect(() => validateSavedWorkspace({ ...s, mappings: bad }), JSON.stringify(bad)).toThrow();
    }
  });
});

describe('a notebook with its data', () => {
  const notebook: Notebook = {
    id: 'nb-1',
    title: 'Gửi đồng nghiệp',
    updated: '2026-11-23T00:00:00.000Z',
    cells: [{ id: 'c1', kind: 'sql', name: 'ket_qua', sql: 'SELECT * FROM scores' }],
  };

  it('round-trips the notebook, the choices and the exact bytes', async () => {
    const workspace = await saved();
    const files = new Map([
      [workspace.loads[0]!.file, bytesA],
      [workspace.loads[1]!.file, bytesB],
    ]);
    const bytes = await writeBundle({ notebook, workspace, files });
    expect(isBundle(bytes)).toBe(true);
    const back = await readBundle(bytes);
    expect(back.notebook).toEqual(notebook);
    expect(back.workspace).toEqual(workspace);
    expect(back.files.get(workspace.loads[1]!.file)).toEqual(bytesB);
  });

  it('refuses a bundle that lacks a file or is not gzip', async () => {
    const workspace = await saved();
    const bytes = await writeBundle({
      notebook,
      workspace,
      files: new Map([[workspace.loads[0]!.file, bytesA]]),
    });
    await expect(readBundle(bytes)).rejects.toThrow(/misses files/);
    await expect(readBundle(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).rejects.toThrow(/damaged/);
    expect(isBundle(new TextEncoder().encode('{"format":"dti-lab-notebook"}'))).toBe(false);
  });
});

describe('the ledger of loads', () => {
  it('replays each load with the choices that made it, into the same observations', async () => {
    const first = await freshWorkspace();
    const second = await freshWorkspace();
    try {
      const ledger = new LoadLedger();
      const sample = fileAt('data-samples/nam-dan-2023-2024.csv');
      const sheets = fileAt('tests/fixtures/ingest/files/xlsx-three-sheets-2023-2024.xlsx');
      const a = await first.loadFile(sample);
      await ledger.remember(a, sample);
      const b = await first.loadFile(sheets, { sheet: 'Năm 2024', replace: true });
      await ledger.remember(b, sheets, true);
      expect(readChoicesOf(b)).toMatchObject({ sheet: 'Năm 2024' });

      const saved = ledger.saved([a, b], 'dti-xa-minh-hoa', null);
      expect(saved.loads.map((l) => [l.name, l.replace])).toEqual([
        ['nam-dan-2023-2024.csv', false],
        ['xlsx-three-sheets-2023-2024.xlsx', true],
      ]);
      const files = ledger.filesByKey();
      for (const load of saved.loads)
        await second.loadFile(
          { name: load.name, data: files.get(load.file)! },
          { ...load.choices, replace: load.replace },
        );
      const observations = (ws: Workspace) =>
        rows(
          ws,
          `SELECT o.unit_code, o.year, o.measure, o.value, o.source_sheet, o.source_cell
           FROM observations o JOIN loads l USING (load_id) WHERE l.active
           ORDER BY ALL`,
        );
      expect(await observations(second)).toEqual(await observations(first));

      // Sent to a colleague: only what counts now, once.
      const sent = ledger.toSend([a, b, b], new Set([b.loadId]), 'dti-xa-minh-hoa', null);
      expect(sent.workspace.loads.map((l) => l.name)).toEqual(['xlsx-three-sheets-2023-2024.xlsx']);
      expect([...sent.files.keys()]).toEqual([sent.workspace.loads[0]!.file]);

      // A saved load that did not come back stays saved.
      ledger.keepUnrestored(saved.loads[0]!);
      expect(ledger.saved([b], 'dti-xa-minh-hoa', null).loads.map((l) => l.name)).toEqual([
        'xlsx-three-sheets-2023-2024.xlsx',
        'nam-dan-2023-2024.csv',
      ]);
    } finally {
      await first.engine.close();
      await second.engine.close();
    }
  });
});
