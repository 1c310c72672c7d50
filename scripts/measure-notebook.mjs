// Prints the time from Ctrl+Enter in a notebook SQL cell to its result on screen (the next frame
// after the rows are in the page), on the production build with the sample, in headless
// Chromium. A figure to read, not a test. Usage: npm run build && node scripts/measure-notebook.mjs [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './lib/chromium.mjs';

const runs = Number(process.argv[2] ?? 10);
const QUERIES = {
  simple: 'SELECT unit_name, total, rank FROM scores WHERE year = 2024 ORDER BY rank',
  aggregate:
    'SELECT main_index, avg(value) AS trung_binh, max(value) AS cao_nhat FROM main_index_scores GROUP BY main_index ORDER BY main_index',
  wide: 'SELECT * FROM indicator_points',
};

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const url = server.resolvedUrls.local[0];
const dir = mkdtempSync(path.join(os.tmpdir(), 'dti-notebook-'));
const context = await launchChromium(dir, { viewport: { width: 1366, height: 900 } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${url}?view=notebook`);
await page.evaluate(() => window.dtiLab.ready);
await page.getByTestId('new-notebook').click();
const cell = page.locator('[data-testid="cell"]').first();
await cell.locator('[data-status="fresh"], [data-testid="cell-rows"]').first().waitFor();
await page.evaluate(() => {
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) window.__pressedAt = performance.now();
    },
    true,
  );
});

/** Ctrl+Enter, then the first frame after the cell's new result and its rows are in the page. */
async function timeRun(sql) {
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  const before = await cell.getAttribute('data-run');
  const waiting = page.evaluate(
    (previous) =>
      new Promise((resolve) => {
        const c = document.querySelector('[data-testid="cell"]');
        const check = () => {
          const rows = c.querySelector('[data-testid="result-row"]');
          if (c.dataset.run !== previous && c.dataset.status === 'fresh' && rows)
            requestAnimationFrame(() => resolve(performance.now() - window.__pressedAt));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    before,
  );
  await page.keyboard.press('Control+Enter');
  const ms = await waiting;
  const engineMs = Number((await cell.getByTestId('cell-ms').innerText()).replace(/\D/g, ''));
  const rows = await cell.getByTestId('cell-rows').innerText();
  return { ms, engineMs, rows };
}

const figures = [];
for (const [name, sql] of Object.entries(QUERIES)) {
  await timeRun(sql); // warm-up: first use of the tables and of the result view
  const times = [];
  let last;
  for (let i = 0; i < runs; i += 1) {
    last = await timeRun(sql);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  figures.push({
    query: name,
    rows: last.rows,
    runs,
    medianMs: Math.round(times[Math.floor(runs / 2)]),
    minMs: Math.round(times[0]),
    maxMs: Math.round(times.at(-1)),
    engineLastMs: last.engineMs,
  });
}
console.log(
  'Ctrl+Enter → result on screen, notebook SQL cell, sample data (Nam Đàn, 19 communes):',
);
console.table(figures);
await context.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
