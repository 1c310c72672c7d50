// The session on the Node engine: the ordering rules the page relies on — start on the sample,
// a reload coming back from storage as it was, changes run in the order they were asked, what-if
// "before" kept exactly while edits are in force, an undo and a backup putting things back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import sampleResults from '../../data-samples/nam-dan-2023-2024.results.json';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/nodeEngine';
import type { LocalText } from '../../src/lib/framework/types';
import type { ColumnMapping } from '../../src/lib/ingest/columnMapping';
import { readWorkbookHere } from '../../src/lib/ingest/workbook';
import type { SessionDeps } from '../../src/lib/session/deps';
import { Session } from '../../src/lib/session/session';
import { initialState, type SessionState } from '../../src/lib/session/state';
import { memoryStore, type KeyValueStore } from '../../src/lib/storage/keyValue';
import type { WhatIfEdit } from '../../src/lib/whatif/edits';
import { readLastResults } from '../../src/lib/workspace/lastResults';
import { SAMPLE } from '../../src/lib/workspace/sample';
import { ROOT, csvFile, fileAt } from './support/workspace';

let database: NodeDatabase;
beforeAll(async () => {
  database = await openNodeDatabase();
});

interface Opened {
  session: Session;
  s: SessionState;
  notices: LocalText[];
}

/** A session as the page makes one, on `store` (a reload: a new session on the same store). */
function open(store: KeyValueStore = memoryStore()): Opened {
  const notices: LocalText[] = [];
  const s: SessionState = {
    ...initialState(),
    view: { parent: null },
    notices: { add: (title) => void notices.push(title) },
  };
  const mappings = new Map<string, ColumnMapping>();
  const deps: SessionDeps = {
    // One engine at a time per instance: a new session's engine closes the one before.
    startEngine: async () => database.freshEngine(),
    readWorkbook: readWorkbookHere,
    storage: async () => ({
      store,
      lock: { role: 'owner', onLost: () => undefined },
      refused: null,
    }),
    sample: {
      file: async () => fileAt(`data-samples/${SAMPLE.file}`),
      results: sampleResults,
    },
    mappings: {
      remembered: (signature) => mappings.get(signature),
      remember: (m) => Object.entries(m).forEach(([k, v]) => mappings.set(k, v)),
      all: () => Object.fromEntries(mappings),
    },
  };
  return { session: new Session(s, deps), s, notices };
}

const THACH_THANH = path.join(ROOT, 'tests/fixtures/ingest/files/long-thach-thanh.csv');
const thachThanh = () => ({
  name: 'long-thach-thanh.csv',
  data: new Blob([readFileSync(THACH_THANH)]),
});

const edit = (value: number): WhatIfEdit => ({
  kind: 'value',
  unit: '17986',
  year: 2024,
  measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
  value,
  text: null,
});

const beforeTables = async (session: Session) =>
  (
    await session.query(
      "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'what_if_before'",
    )
  )[0]!.n;

describe('the session', () => {
  test('starts on the sample, scored, the sample’s build-time results on screen meanwhile', async () => {
    const { session, s } = open();
    expect(s.phase).toBe('starting');
    await session.ready;
    expect(s.phase).toBe('ready');
    expect(s.showingSample).toBe(true);
    expect(s.ranking).toHaveLength(19);
    // What the first screen showed is what the engine then scored.
    expect(s.lastResults!.scoredAt).toBeNull();
    expect(s.lastResults!.ranking.map((r) => [r.unitCode, r.total])).toEqual(
      [...s.ranking]
        .sort((a, b) => a.rank! - b.rank! || a.unitCode.localeCompare(b.unitCode))
        .map((r) => [r.unitCode, r.total]),
    );
  });

  test('a reload comes back as it was left: loads, the plan chosen, the ranking; the last results shown first', async () => {
    const store = memoryStore();
    const first = open(store);
    await first.session.ready;
    first.s.loadMode = 'replace';
    await first.session.loadFiles([thachThanh()]);
    await first.session.setProfile(null);
    await first.session.saved();
    const left = first.s.ranking.map((r) => [r.unitCode, r.total]);
    expect(left.map(([u]) => u)).not.toContain('17944');
    const kept = await readLastResults(store);
    expect(kept!.ranking.map((r) => r.unitCode).sort()).toEqual(left.map(([u]) => u).sort());

    const again = open(store);
    await again.session.ready;
    expect(again.s.lastResults!.scoredAt).not.toBeNull();
    expect(again.s.reports.map((r) => r.file)).toEqual([SAMPLE.file, 'long-thach-thanh.csv']);
    expect(again.s.profileId).toBeNull();
    expect(again.s.showingSample).toBe(false);
    expect(again.s.ranking.map((r) => [r.unitCode, r.total])).toEqual(left);
    expect(again.notices).toEqual([]);
  });

  test('changes run in the order asked: two quick edits both count; "before" exists exactly while edits do', async () => {
    const { session, s } = open();
    await session.ready;
    const total = () => s.ranking.find((r) => r.unitCode === '17986')!.total!;
    const loaded = total();
    expect(await beforeTables(session)).toBe(0);
    // Both asked before either ran.
    await Promise.all([session.addEdit(edit(0.9)), session.addEdit(edit(1))]);
    expect(s.edits.map((e) => (e.kind === 'value' ? e.value : null))).toEqual([0.9, 1]);
    expect(await beforeTables(session)).toBe(1);
    expect(total()).toBeGreaterThan(loaded);
    // The data changes under the edits: "before" is the new data without them.
    await session.setProfile(null);
    const [before] = await session.query(
      "SELECT total FROM what_if_before WHERE unit_code = '17986' AND year = 2024",
    );
    expect(before!.total).toBeCloseTo(loaded, 10);
    await session.removeEdit();
    await session.removeEdit();
    expect(s.edits).toEqual([]);
    expect(await beforeTables(session)).toBe(0);
    expect(total()).toBeCloseTo(loaded, 10);
  });

  test('a failed file leaves what was loaded, says so; an undo brings back what a drop set aside', async () => {
    const { session, s, notices } = open();
    await session.ready;
    const sample = s.ranking.map((r) => [r.unitCode, r.total]);
    await session.loadFiles([csvFile('hong.csv', '')]);
    expect(notices.map((n) => n.vi).join()).toMatch(/hong\.csv/);
    expect(s.ranking.map((r) => [r.unitCode, r.total])).toEqual(sample);
    s.loadMode = 'replace';
    await session.loadFiles([thachThanh()]);
    expect(s.showingSample).toBe(false);
    expect(s.ranking.map((r) => r.unitCode)).not.toContain('17944');
    await session.undoLastLoad();
    expect(s.showingSample).toBe(true);
    expect(s.ranking.map((r) => [r.unitCode, r.total])).toEqual(sample);
  });

  test('a backup put back replaces the workspace and starts again from it', async () => {
    const from = open();
    await from.session.ready;
    from.s.loadMode = 'replace';
    await from.session.loadFiles([thachThanh()]);
    const content = await from.session.backupContent();
    const ranked = from.s.ranking.map((r) => [r.unitCode, r.total]);

    const to = open();
    await to.session.ready;
    expect(to.s.showingSample).toBe(true);
    await to.session.restoreBackup({ ...content, notebooks: [] });
    expect(to.s.phase).toBe('ready');
    expect(to.s.reports.map((r) => r.file)).toEqual([SAMPLE.file, 'long-thach-thanh.csv']);
    expect(to.s.ranking.map((r) => [r.unitCode, r.total])).toEqual(ranked);
  });
});
