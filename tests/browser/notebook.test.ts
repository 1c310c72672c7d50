// The notebook as an analyst uses it: cells written and run from the keyboard, one cell reading
// another by name, an edit re-running exactly its dependents, a reload finding everything back,
// a notebook sent as a file (with and without its data), and a hostile notebook that opens
// without anything in it running.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, screenshot, type Session } from './support/browser';

const SCRATCH = path.resolve(import.meta.dirname, '../../.tmp');
/** Loading files and scoring them again takes seconds on a busy machine. */
const SLOW = { timeout: 30_000 };

const cells = (page: Page) => page.getByTestId('cell');
const cell = (page: Page, i: number) => cells(page).nth(i);

/** Replaces a SQL cell's text as typing would, without the completion popup taking Enter. */
async function writeSql(c: Locator, sql: string): Promise<void> {
  await c.locator('.cm-content').click();
  await c.page().keyboard.press('ControlOrMeta+A');
  await c.page().keyboard.press('Delete');
  await c.page().keyboard.insertText(sql);
}

async function statusOf(c: Locator): Promise<string | null> {
  return c.getAttribute('data-status');
}

async function runOf(c: Locator): Promise<number> {
  return Number(await c.getAttribute('data-run'));
}

async function openNotebookPage(page: Page): Promise<void> {
  await page.getByTestId('nav-notebook').click();
  await page.getByTestId('notebook-page').waitFor();
  await expect.poll(() => cells(page).count(), SLOW).toBeGreaterThan(0);
}

/** The title of the notebook open in the page as the browser has stored it (IndexedDB). */
function storedTitle(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const id = new URL(location.href).searchParams.get('nb')!;
        const open = indexedDB.open('dti-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('notebooks').objectStore('notebooks').get(id);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { title?: string } | undefined)?.title ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function downloaded(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

describe('notebook', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens on the built-in notebooks, run on the loaded data', async () => {
    await openNotebookPage(s.page);
    const titles = await s.page.locator('[data-testid="notebook-select"] option').allInnerTexts();
    expect(titles.slice(0, 3)).toEqual([
      'Khám phá dữ liệu DTI',
      'Vì sao xã này tụt hạng?',
      'Độ nhạy của xếp hạng theo trọng số',
    ]);
    await expect
      .poll(() => s.page.locator('[data-kind="sql"][data-status="fresh"]').count(), SLOW)
      .toBe(await s.page.locator('[data-kind="sql"]').count());
    expect(await s.page.locator('[data-kind="sql"][data-status="error"]').count()).toBe(0);
    await screenshot(s.page, 'notebook-builtin-1366');
  });

  it('each notebook shows its own SQL when another is chosen', async () => {
    const select = s.page.getByTestId('notebook-select');
    const editors = () => s.page.locator('[data-kind="sql"] .cm-content').allInnerTexts();
    const first = await editors();
    await select.selectOption({ label: 'Vì sao xã này tụt hạng?' });
    await expect.poll(async () => (await editors())[0]).not.toBe(first[0]);
    const second = await editors();
    expect(second.some((text, i) => text === first[i])).toBe(false);
    await select.selectOption({ label: 'Khám phá dữ liệu DTI' });
    await expect.poll(editors).toEqual(first);
  });

  it('creates cells, runs them from the keyboard, and one reads another by name', async () => {
    await s.page.getByTestId('new-notebook').click();
    await expect.poll(() => cells(s.page).count()).toBe(1);
    const first = cell(s.page, 0);
    await first.getByTestId('cell-name').fill('tong_2024');
    await first.getByTestId('cell-name').press('Tab');
    await writeSql(first, 'SELECT unit_code, unit_name, total FROM scores WHERE year = 2024');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => first.getByTestId('cell-rows').innerText()).toBe('19 dòng');
    expect(await first.getByTestId('result-row').count()).toBeGreaterThan(5);

    // Shift+Enter runs and moves on: at the last cell it adds a new SQL cell and focuses it.
    await first.locator('.cm-content').click();
    await s.page.keyboard.press('Shift+Enter');
    await expect.poll(() => cells(s.page).count()).toBe(2);
    const second = cell(s.page, 1);
    await s.page.keyboard.insertText('SELECT count(*) AS n FROM tong_2024 WHERE total >= 0.8');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(second)).toBe('fresh');
    const [{ n: expected }] = (await s.page.evaluate(() =>
      window.dtiLab.query(
        'SELECT count(*)::INT AS n FROM scores WHERE year = 2024 AND total >= 0.8',
      ),
    )) as [{ n: number }];
    expect(await second.getByTestId('result-row').first().innerText()).toContain(String(expected));

    // A third cell that reads nothing of the others.
    await s.page.getByTestId('add-sql').last().click();
    const third = cell(s.page, 2);
    await writeSql(third, 'SELECT 42 AS answer');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(third)).toBe('fresh');
  });

  it('editing a cell re-runs the cells that read it, and only those', async () => {
    const [first, second, third] = [0, 1, 2].map((i) => cell(s.page, i));
    const before = { second: await runOf(second!), third: await runOf(third!) };
    await writeSql(first!, 'SELECT unit_code, unit_name, total FROM scores WHERE year = 2023');
    // Edited but not yet run: it and its dependent are stale, the third is not.
    await expect.poll(() => statusOf(first!)).toBe('stale');
    expect(await statusOf(second!)).toBe('stale');
    expect(await statusOf(third!)).toBe('fresh');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(second!)).toBe('fresh');
    expect(await runOf(second!)).toBeGreaterThan(before.second);
    expect(await runOf(third!)).toBe(before.third);
    const [{ n }] = (await s.page.evaluate(() =>
      window.dtiLab.query(
        'SELECT count(*)::INT AS n FROM scores WHERE year = 2023 AND total >= 0.8',
      ),
    )) as [{ n: number }];
    expect(await second!.getByTestId('result-row').first().innerText()).toContain(String(n));

    // Running a reader first runs the edited cell it reads: nothing shows an old answer.
    await writeSql(first!, 'SELECT unit_code, unit_name, total FROM scores WHERE year = 2024');
    await second!.locator('.cm-content').click();
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(first!)).toBe('fresh');
    await expect.poll(() => statusOf(second!)).toBe('fresh');
    expect(await first!.getByTestId('cell-rows').innerText()).toBe('19 dòng');
  });

  it('completes table and column names in the SQL editor', async () => {
    const third = cell(s.page, 2);
    await writeSql(third, 'SELECT * FROM ');
    await s.page.keyboard.type('main_index_sc');
    const popup = s.page.locator('.cm-tooltip-autocomplete');
    await expect.poll(() => popup.innerText()).toMatch(/main_index_scores/);
    await s.page.keyboard.press('Escape');
    await writeSql(third, 'SELECT scores');
    await s.page.keyboard.type('.rank_');
    await expect.poll(() => popup.innerText()).toMatch(/rank_in_parent/);
    await s.page.keyboard.press('Escape');
  });

  it("shows DuckDB's message and where in the SQL it points", async () => {
    const third = cell(s.page, 2);
    await writeSql(third, 'SELECT unit_code,\n  nosuch FROM tong_2024');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(third)).toBe('error');
    expect(await third.getByTestId('cell-error').innerText()).toMatch(/nosuch/);
    expect(await third.getByTestId('cell-error-position').innerText()).toMatch(/Dòng 2, cột 3/);
    expect(await third.locator('.cm-sql-error').innerText()).toBe('nosuch');
    // A notebook only reads: a statement that writes is refused before it reaches the engine.
    await writeSql(third, 'DELETE FROM observations');
    await s.page.keyboard.press('Control+Enter');
    await expect
      .poll(() => third.getByTestId('cell-error').innerText())
      .toMatch(/câu lệnh đọc dữ liệu/);
    await writeSql(third, 'SELECT 42 AS answer');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(third)).toBe('fresh');
  });

  it('stops a query that would run for minutes, and the notebook goes on', async () => {
    const third = cell(s.page, 2);
    // About 10^11 rows: many minutes in a browser tab.
    await writeSql(third, 'SELECT sum(range) AS s FROM range(100000000000)');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(third)).toBe('running');
    await s.page.waitForTimeout(500);
    await s.page.getByTestId('stop-run').click();
    await expect.poll(() => statusOf(third), SLOW).toBe('error');
    expect(await third.getByTestId('cell-error').innerText()).toContain(
      'Đã dừng truy vấn theo yêu cầu',
    );
    expect(await s.page.getByTestId('stop-run').count()).toBe(0);
    // The engine and the rest of the app are as before.
    await writeSql(third, 'SELECT 42 AS answer');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => statusOf(third)).toBe('fresh');
    expect(
      await s.page.evaluate(() => window.dtiLab.query('SELECT count(*)::INT AS n FROM scores')),
    ).toEqual([{ n: expect.any(Number) }]);
  });

  it('draws a chart from a named result, and renders Markdown text', async () => {
    await s.page.getByTestId('add-chart').last().click();
    const chart = cell(s.page, 3);
    // A new chart reads the nearest named SQL cell above it: here the first.
    expect(await chart.getByTestId('chart-from').inputValue()).toBe('tong_2024');
    await chart.getByTestId('chart-mark').selectOption('barX');
    await chart.getByTestId('chart-x').selectOption('total');
    await chart.getByTestId('chart-y').selectOption('unit_name');
    await expect.poll(() => chart.locator('[data-testid="figure"] svg').count()).toBeGreaterThan(0);
    expect(await chart.locator('figcaption').innerText()).toMatch(/19 điểm dữ liệu/);

    await s.page.getByTestId('add-text').last().click();
    const text = cell(s.page, 4);
    await text.getByTestId('text-editor').fill('## Nhận xét\n\nCó **19** xã.');
    await text.getByTestId('text-editor').press('Control+Enter');
    expect(await text.locator('h4').innerText()).toBe('Nhận xét');
    expect(await text.locator('strong').innerText()).toBe('19');
    await screenshot(s.page, 'notebook-cells-1366');
  });

  it('moves, duplicates, deletes and undoes the delete', async () => {
    const ids = () => cells(s.page).evaluateAll((els) => els.map((e) => e.dataset.cellId));
    const start = await ids();
    await cell(s.page, 2).getByRole('button', { name: /^Lên/ }).click();
    expect(await ids()).toEqual([start[0], start[2], start[1], start[3], start[4]]);
    await cell(s.page, 1)
      .getByRole('button', { name: /^Xuống/ })
      .click();
    expect(await ids()).toEqual(start);
    await cell(s.page, 0).getByTestId('duplicate-cell').click();
    expect(await cells(s.page).count()).toBe(6);
    // The copy cannot share the name: it reads under a new one.
    expect(await cell(s.page, 1).getByTestId('cell-name').inputValue()).toBe('tong_2024_1');
    await cell(s.page, 1).getByTestId('delete-cell').click();
    await cell(s.page, 3).getByTestId('delete-cell').click();
    expect(await ids()).toEqual([start[0], start[1], start[2], start[4]]);
    await s.page.getByTestId('undo-delete').click();
    expect(await ids()).toEqual(start);
  });

  it('finds the notebook, its cells and their results back after a reload', async () => {
    await s.page.getByTestId('notebook-title').fill('Sổ thử nghiệm');
    await s.page.getByTestId('notebook-title').press('Enter');
    // The notebook is saved a moment after the last change: wait until it is stored.
    await expect.poll(() => storedTitle(s.page)).toBe('Sổ thử nghiệm');
    await s.page.reload();
    await s.page.evaluate(() => window.dtiLab.ready);
    await s.page.getByTestId('notebook-page').waitFor();
    expect(await s.page.getByTestId('notebook-title').inputValue()).toBe('Sổ thử nghiệm');
    await expect.poll(() => cells(s.page).count(), SLOW).toBe(5);
    await expect.poll(() => statusOf(cell(s.page, 1)), SLOW).toBe('fresh');
    expect(await cell(s.page, 0).getByTestId('cell-rows').innerText()).toBe('19 dòng');
    await expect
      .poll(() => cell(s.page, 3).locator('[data-testid="figure"] svg').count())
      .toBeGreaterThan(0);
    expect(await cell(s.page, 4).locator('strong').innerText()).toBe('19');

    // A run that never finished (a tab closed mid-run, a statement too heavy) is not repeated
    // by itself on the next visit. (The run after the reload has ended first.)
    await expect
      .poll(() => s.page.evaluate(() => localStorage.getItem('dti-lab.unfinished-runs@1')))
      .toBe('[]');
    await s.page.evaluate(() => {
      const id = new URL(location.href).searchParams.get('nb')!;
      localStorage.setItem('dti-lab.unfinished-runs@1', JSON.stringify([id]));
    });
    await s.page.reload();
    await s.page.evaluate(() => window.dtiLab.ready);
    await s.page.getByTestId('interrupted').waitFor();
    expect(await statusOf(cell(s.page, 0))).toBe('stale');
    await s.page.getByTestId('interrupted').getByRole('button').click();
    await expect.poll(() => statusOf(cell(s.page, 1)), SLOW).toBe('fresh');
    await expect.poll(() => s.page.getByTestId('interrupted').count(), SLOW).toBe(0);
  });

  it('exports a notebook as a file and imports it again as a new notebook', async () => {
    const file = await downloaded(s.page, () => s.page.getByTestId('export-notebook').click());
    expect(file.name).toBe('so-thu-nghiem.dtinb.json');
    const json = JSON.parse(readFileSync(file.path, 'utf8')) as {
      format: string;
      notebook: { cells: unknown[] };
    };
    expect(json.format).toBe('dti-lab-notebook');
    expect(json.notebook.cells).toHaveLength(5);
    const before = await s.page.locator('[data-testid="notebook-select"] option').count();
    await s.page.getByTestId('import-notebook').setInputFiles(file.path);
    await expect
      .poll(() => s.page.locator('[data-testid="notebook-select"] option').count())
      .toBe(before + 1);
    await expect.poll(() => cells(s.page).count(), SLOW).toBe(5);
    // A notebook from a file waits for the person to read it and run it.
    await s.page.getByTestId('not-run-yet').waitFor();
    expect(await statusOf(cell(s.page, 1))).toBe('stale');
    await s.page.getByTestId('run-all').click();
    await expect.poll(() => statusOf(cell(s.page, 1)), SLOW).toBe('fresh');
    expect(await s.page.getByTestId('not-run-yet').count()).toBe(0);
  });

  it('opens a hostile notebook without running anything in it', async () => {
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pwn = 'window.__pwned = 1';
    const hostile = {
      format: 'dti-lab-notebook',
      version: 1,
      notebook: {
        id: 'hostile',
        title: `<img src=x onerror="${pwn}">`,
        updated: '2026-11-23T00:00:00Z',
        cells: [
          {
            id: 't1',
            kind: 'text',
            text: [
              `<script>${pwn}</script>`,
              `<img src=x onerror="${pwn}">`,
              `[bấm vào đây](javascript:${pwn})`,
              `[cũng vậy](JaVaScRiPt:alert(1))`,
              '<a href="javascript:alert(1)">thẻ a</a>',
              '![ảnh](https://evil.example/pixel.png)',
              "{{constructor.constructor('alert(1)')()}}",
            ].join('\n\n'),
          },
          {
            id: 's0',
            kind: 'sql',
            sql: 'SELECT 1 AS €$a$; DELETE FROM observations',
          },
          {
            id: 's1',
            kind: 'sql',
            name: 'doc',
            sql: `SELECT '<script>${pwn}</script>' AS "<img src=x onerror=alert(1)>", 'javascript:alert(1)' AS link`,
          },
          {
            id: 'g1',
            kind: 'chart',
            chart: {
              from: 'doc',
              mark: 'dot',
              x: 'javascript:alert(1)',
              y: '<img src=x onerror=alert(1)>',
              title: `<script>${pwn}</script>`,
            },
          },
        ],
      },
    };
    const file = path.join(SCRATCH, 'hostile.dtinb.json');
    writeFileSync(file, JSON.stringify(hostile));
    const count = () =>
      s.page.evaluate(() => window.dtiLab.query('SELECT count(*)::INT AS n FROM observations'));
    const observations = await count();
    await s.page.getByTestId('import-notebook').setInputFiles(file);
    await expect.poll(() => s.page.getByTestId('notebook-title').inputValue()).toMatch(/^<img/);
    // Opening it runs nothing; running it changes nothing.
    expect(await statusOf(cell(s.page, 1))).toBe('stale');
    await s.page.getByTestId('run-all').click();
    await expect.poll(() => statusOf(cell(s.page, 2)), SLOW).toBe('fresh');
    expect(await statusOf(cell(s.page, 1))).toBe('error');
    expect(await count()).toEqual(observations);
    await s.page.waitForTimeout(500);

    const page = s.page.getByTestId('notebook-page');
    expect(await s.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
    const text = await cell(s.page, 0).innerText();
    expect(text).toContain(`<script>${pwn}</script>`);
    expect(text).toContain('[hình: ảnh]');
    // The result table shows the markup as text, header and value alike.
    const result = await cell(s.page, 2).getByTestId('result-table').innerText();
    expect(result).toContain('<img src=x onerror=alert(1)>');
    expect(result).toContain(`<script>${pwn}</script>`);
    // The chart's columns are names only: one that is not there is said so.
    expect(await cell(s.page, 3).getByTestId('chart-problems').innerText()).toMatch(
      /không có cột "javascript:alert\(1\)"/,
    );
    expect(foreignRequests(s)).toEqual([]);
    await screenshot(s.page, 'notebook-hostile-1366');

    // A file with fields the format does not know is refused, each problem named by its path.
    const script = path.join(SCRATCH, 'script.dtinb.json');
    writeFileSync(
      script,
      JSON.stringify({
        ...hostile,
        notebook: { ...hostile.notebook, cells: [{ id: 'x', kind: 'script', code: pwn }] },
      }),
    );
    await s.page.getByTestId('import-notebook').setInputFiles(script);
    await expect
      .poll(() => s.page.locator('.notice').last().innerText())
      .toMatch(/notebook\.cells\[0\]\.kind/);
    expect(await s.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('sends a notebook with its data to a colleague, who opens it with the same results', async () => {
    await s.page.getByTestId('notebook-select').selectOption({ label: 'Sổ thử nghiệm' });
    await expect.poll(() => statusOf(cell(s.page, 1)), SLOW).toBe('fresh');
    const file = await downloaded(s.page, () => s.page.getByTestId('export-bundle').click());
    expect(file.name).toBe('so-thu-nghiem.dtilab');

    const colleague = await openApp();
    try {
      // The colleague starts with nothing but the sample; undo it so the data must come from the file.
      await colleague.page.evaluate(() => window.dtiLab.undoLastLoad());
      expect(
        await colleague.page.evaluate(() =>
          window.dtiLab.query('SELECT count(*)::INT AS n FROM observations'),
        ),
      ).toEqual([{ n: 0 }]);
      await openNotebookPage(colleague.page);
      await colleague.page.getByTestId('import-notebook').setInputFiles(file.path);
      await expect
        .poll(async () => {
          const notices = await colleague.page.evaluate(() => window.dtiLab.notices());
          return notices.length > 0
            ? JSON.stringify(notices)
            : colleague.page.getByTestId('notebook-title').inputValue();
        }, SLOW)
        .toBe('Sổ thử nghiệm');
      await colleague.page.getByTestId('run-all').click();
      await expect.poll(() => statusOf(cell(colleague.page, 1)), SLOW).toBe('fresh');
      expect(await cell(colleague.page, 0).getByTestId('cell-rows').innerText()).toBe('19 dòng');
      expect(
        await colleague.page.evaluate(() =>
          window.dtiLab.query('SELECT count(*)::INT AS n FROM scores WHERE year = 2024'),
        ),
      ).toEqual([{ n: 19 }]);
      expect(foreignRequests(colleague)).toEqual([]);
    } finally {
      await colleague.close();
    }
  });
});
