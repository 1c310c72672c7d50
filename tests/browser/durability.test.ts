// The workspace is not lost: a browser killed in the middle of a load comes back with what was
// saved before it (and says which file did not load); a backup file made in one browser brings
// the same data, choices, edits and notebooks into another; a second tab on the workspace
// writes nothing until it takes the workspace over; the engine restarts from what is saved.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openApp, openProfile, screenshot, type Session } from './support/browser';

const FILES = path.resolve(import.meta.dirname, '../fixtures/ingest/files');
const SCRATCH = path.resolve(import.meta.dirname, '../../.tmp');

/** What must come back: the loads and how they were read, the numbers, the edits. */
function workspaceState(page: Page) {
  return page.evaluate(async () => ({
    reports: window.dtiLab
      .reports()
      .map((r) => ({ file: r.file, sheet: r.sheet ?? null, rows: r.rowsRead })),
    loads: await window.dtiLab.query(
      'SELECT count(*)::INT AS n, count(*) FILTER (WHERE active)::INT AS active FROM loads',
    ),
    observations: await window.dtiLab.query(
      `SELECT count(*)::INT AS n, round(sum(value), 6)::DOUBLE AS total FROM observations o
       JOIN loads l USING (load_id) WHERE l.active`,
    ),
    ranking: await window.dtiLab.query(
      'SELECT unit_code, rank, total FROM scores WHERE year = 2024 ORDER BY unit_code',
    ),
    edits: window.dtiLab.edits(),
  }));
}

type State = Awaited<ReturnType<typeof workspaceState>>;

/** The same workspace: everything equal, totals to 1e-9 (sums in another order differ in the last bits). */
function expectSame(actual: State, expected: State): void {
  const close = (s: State) => ({
    ...s,
    ranking: s.ranking.map((r) => ({ ...r, total: Math.round(Number(r.total) * 1e9) })),
  });
  expect(close(actual)).toEqual(close(expected));
}

/** A long CSV big enough that loading it takes seconds: 600,000 rows of the sample's measures. */
function bigLongCsv(): string {
  const file = path.join(SCRATCH, 'durability-big.csv');
  const lines = ['ma_xa,nam,chi_tieu,gia_tri'];
  const measures = ['bang_rong_phu_ho_gia_dinh_ty_le', 'camera_an_ninh_so_luong'];
  for (let i = 0; i < 600_000; i++)
    lines.push(`${20000 + (i % 3000)},${2020 + (i % 5)},${measures[i % 2]},${(i * 37) % 100}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Every process of the browser running on `profile`, killed at once as a crash would. */
function killBrowser(profile: string): void {
  execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
}

const edit = {
  kind: 'value',
  unit: '17950',
  year: 2024,
  measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
  value: 1,
  text: null,
} as const;

describe('durability of the workspace', () => {
  /** The browser the crash test opened again, once that test passed: the restart test goes on in it. */
  let survivor: Session | undefined;
  afterAll(async () => {
    await survivor?.close();
  });

  it('comes back as saved after the browser is killed in the middle of a load, naming the file', async () => {
    const s = await openApp();
    let after = null as Session | null;
    try {
      await s.page
        .getByTestId('file-input')
        .setInputFiles(path.join(FILES, 'gov-nam-dan-2024.csv'));
      await s.page.evaluate(() => window.dtiLab.settled());
      await s.page.evaluate((e) => window.dtiLab.addEdit(e), edit);
      await s.page.evaluate(() => window.dtiLab.saved());
      const before = await workspaceState(s.page);
      expect(before.reports.map((r) => r.file)).toEqual([
        'nam-dan-2023-2024.csv',
        'gov-nam-dan-2024.csv',
      ]);

      await s.page.getByTestId('file-input').setInputFiles(bigLongCsv());
      await s.page.getByTestId('load-progress').waitFor();
      killBrowser(s.profile);
      // The context alone: the profile stays for the browser that opens on it next.
      await s.context.close().catch(() => undefined);

      after = await openProfile(inject('baseUrl'), s.profile);
      expectSame(await workspaceState(after.page), before);
      const notice = after.page.locator('.notice', { hasText: 'Lần nạp trước chưa xong' });
      await expect.poll(() => notice.textContent()).toContain('"durability-big.csv" chưa được nạp');
      expect(await notice.textContent()).toContain('Dữ liệu đã có trước đó vẫn còn nguyên');
      await screenshot(after.page, 'durability-after-kill');

      // The app goes on: a load works, and the note does not come back on the next start.
      await after.page.getByTestId('file-input').setInputFiles(path.join(FILES, 'csv-utf8.csv'));
      await after.page.evaluate(() => window.dtiLab.settled());
      await after.page.evaluate(() => window.dtiLab.saved());
      await after.page.reload();
      await after.page.evaluate(() => window.dtiLab.ready);
      const notices = await after.page.evaluate(() => window.dtiLab.notices());
      expect(notices.map((n) => n.title.vi).join('\n')).not.toContain('Lần nạp trước chưa xong');
      expect((await workspaceState(after.page)).reports.at(-1)!.file).toBe('csv-utf8.csv');
      [survivor, after] = [after, null];
    } finally {
      await after?.close();
    }
  });

  it('restores a downloaded backup in another browser: data, choices, edits and notebooks', async () => {
    const s = await openApp();
    const t = await openApp();
    try {
      const page = s.page;
      await page
        .getByTestId('file-input')
        .setInputFiles(path.join(FILES, 'xlsx-three-sheets-2023-2024.xlsx'));
      await page.evaluate(() => window.dtiLab.settled());
      const entry = page.locator('details.report', { hasText: 'xlsx-three-sheets' });
      await entry.locator('summary').click();
      await entry.getByTestId('sheet-select').selectOption('Năm 2024');
      await page.evaluate(() => window.dtiLab.settled());
      await page.evaluate((e) => window.dtiLab.addEdit(e), edit);
      // A notebook of the person's own, as the notebook page stores it.
      await page.evaluate(
        (nb) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('dti-lab');
            open.onsuccess = () => {
              const tx = open.result.transaction('notebooks', 'readwrite');
              tx.objectStore('notebooks').put(nb, nb.id);
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        {
          id: 'nb-sao-luu',
          title: 'Sổ trong bản sao lưu',
          updated: '2026-11-24T08:00:00.000Z',
          cells: [{ id: 'c1', kind: 'sql', sql: 'SELECT count(*) AS n FROM scores', name: 'dem' }],
          trusted: true,
        },
      );
      await page.evaluate(() => window.dtiLab.saved());
      const before = await workspaceState(page);
      expect(before.reports[1]!.sheet).toBe('Năm 2024');
      expect(before.edits).toHaveLength(1);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-backup').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^dti-lab-sao-luu-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
      const file = path.join(SCRATCH, download.suggestedFilename());
      await download.saveAs(file);

      // Another browser, with only the sample: the backup is described, then restored.
      await t.page.getByTestId('restore-input').setInputFiles(file);
      const prompt = t.page.getByTestId('backup-prompt');
      await prompt.waitFor();
      const text = (await prompt.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain('2 tệp dữ liệu');
      expect(text).toContain('xlsx-three-sheets-2023-2024.xlsx');
      expect(text).toContain('thay đổi thử');
      await screenshot(t.page, 'durability-backup-prompt');
      await t.page.getByTestId('backup-confirm').click();
      await expect.poll(() => t.page.evaluate(() => window.dtiLab.reports().length)).toBe(2);
      await t.page.evaluate(() => window.dtiLab.settled());
      expectSame(await workspaceState(t.page), before);
      await t.page.getByTestId('nav-notebook').click();
      await expect
        .poll(() => t.page.getByTestId('notebook-select').textContent())
        .toContain('Sổ trong bản sao lưu');

      // It was written to storage: a reload keeps it.
      await t.page.evaluate(() => window.dtiLab.saved());
      await t.page.reload();
      await t.page.evaluate(() => window.dtiLab.ready);
      expectSame(await workspaceState(t.page), before);
      expect(t.consoleErrors).toEqual([]);

      // A backup that was changed is refused, and nothing is replaced.
      const bytes = readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 200) ^ 0xff, bytes.length - 200);
      await t.page.getByTestId('restore-input').setInputFiles({
        name: 'hong.zip',
        mimeType: 'application/zip',
        buffer: bytes,
      });
      const refused = t.page.locator('.notice', { hasText: 'hong.zip' });
      await refused.waitFor();
      expect(await refused.textContent()).toContain('Không khôi phục được từ tệp "hong.zip"');
      expectSame(await workspaceState(t.page), before);
    } finally {
      await s.close();
      await t.close();
    }
  });

  it('lets a second tab read the workspace but not write it, until it takes it over', async () => {
    const s = await openApp();
    try {
      const first = s.page;
      const second = await s.context.newPage();
      await second.goto(s.baseUrl);
      await second.evaluate(() => window.dtiLab.ready);
      const banner = second.getByTestId('tab-elsewhere');
      expect(await banner.textContent()).toContain('Dữ liệu này đang mở ở một thẻ khác');
      expect(await first.getByTestId('tab-elsewhere').count()).toBe(0);
      await screenshot(second, 'durability-second-tab');

      // The second tab loads a file: it works there, and is not written for the first.
      await second.getByTestId('file-input').setInputFiles(path.join(FILES, 'csv-utf8.csv'));
      await second.evaluate(() => window.dtiLab.settled());
      await second.evaluate(() => window.dtiLab.saved());
      expect((await workspaceState(second)).reports.map((r) => r.file)).toContain('csv-utf8.csv');
      const firstBefore = await workspaceState(first);
      await first.reload();
      await first.evaluate(() => window.dtiLab.ready);
      expectSame(await workspaceState(first), firstBefore);
      expect(firstBefore.reports.map((r) => r.file)).not.toContain('csv-utf8.csv');

      // Taken over: the second tab reloads as the one that saves, the first is told.
      await second.getByRole('button', { name: 'Dùng dữ liệu ở thẻ này' }).click();
      await second.waitForLoadState();
      await second.evaluate(() => window.dtiLab.ready);
      expect(await second.getByTestId('tab-elsewhere').count()).toBe(0);
      await first.getByTestId('tab-elsewhere').waitFor();
      await second.getByTestId('file-input').setInputFiles(path.join(FILES, 'csv-utf8.csv'));
      await second.evaluate(() => window.dtiLab.settled());
      await second.evaluate(() => window.dtiLab.saved());
      await second.reload();
      await second.evaluate(() => window.dtiLab.ready);
      expect((await workspaceState(second)).reports.map((r) => r.file)).toContain('csv-utf8.csv');
    } finally {
      await s.close();
    }
  });

  it('restarts the engine from the saved workspace, with the memory figure before and after', async () => {
    // A restart needs a browser that saves its workspace, not a new one: the crash test's will do.
    const s = survivor ?? (await openApp());
    survivor = undefined;
    try {
      const page = s.page;
      await page.getByTestId('file-input').setInputFiles(path.join(FILES, 'gov-nam-dan-2024.csv'));
      await page.evaluate(() => window.dtiLab.settled());
      await page.evaluate(() => window.dtiLab.saved());
      const before = await workspaceState(page);
      const figure = page.getByTestId('engine-memory');
      await expect.poll(() => figure.textContent()).toMatch(/Bộ máy DuckDB đang giữ \d+ MB/);
      await page.evaluate(() =>
        window.dtiLab.query('CREATE TABLE ballast AS SELECT range AS i FROM range(5000000)'),
      );
      await page.getByTestId('restart-engine').click();
      await page.getByTestId('restart-engine').waitFor();
      await page.evaluate(() => window.dtiLab.settled());
      expectSame(await workspaceState(page), before);
      // The ballast lived only in the old engine.
      const tables = await page.evaluate(() =>
        window.dtiLab.query(
          "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'ballast'",
        ),
      );
      expect(tables).toEqual([{ n: 0 }]);
      await expect.poll(() => figure.textContent()).toMatch(/Bộ máy DuckDB đang giữ \d+ MB/);
      await screenshot(page, 'durability-restarted');
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
