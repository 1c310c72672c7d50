// Prints how long a what-if edit takes to re-score and re-read the ranking, in headless Chromium
// on the production build: for the sample district (19 communes) and for a generated province of
// 700 communes. The time of each pipeline step comes from `pipeline_log`. A figure to read, not a
// test. Usage: npm run build && node scripts/measure-whatif.mjs [edits]
// (VIEW=overview … measures with another page open; the workshop page is the default).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './lib/chromium.mjs';

const runs = Number(process.argv[2] ?? 15);
const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = readFileSync(path.join(ROOT, 'data-samples/nam-dan-2023-2024.csv'), 'utf8');

/**
 * 700 communes in 35 districts, two years: the sample's rows repeated under new codes, every
 * number moved deterministically so that ranks differ (no randomness: runs compare).
 */
function province(communes = 700) {
  const [header, ...rows] = SAMPLE.trim().split('\n');
  const lines = [header];
  for (let i = 0; i < communes; i++) {
    // The two years of one of the sample's communes.
    const base = (i % (rows.length / 2)) * 2;
    for (const row of rows.slice(base, base + 2)) {
      const cells = row.split(',');
      const district = Math.floor(i / 20);
      cells[0] = String(90000 + i);
      cells[1] = `Xã Thử ${i + 1}`;
      cells[2] = String(900 + district);
      cells[3] = `Huyện Thử ${district + 1}`;
      for (let c = 5; c < cells.length; c++) {
        const v = Number(cells[c]);
        if (cells[c] !== '' && Number.isFinite(v)) {
          const moved = v * (0.8 + ((i * 37 + c * 11) % 40) / 100);
          cells[c] = String(
            Math.round(Math.min(v > 1 && v <= 100 ? 100 : Infinity, moved) * 10) / 10,
          );
        }
      }
      lines.push(cells.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const url = server.resolvedUrls.local[0];
const dir = mkdtempSync(path.join(os.tmpdir(), 'dti-whatif-'));
const context = await launchChromium(dir, { viewport: { width: 1280, height: 720 } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${url}?view=${process.env.VIEW ?? 'workshop'}`);
await page.evaluate(() => window.dtiLab.ready);

/** Edits one commune's rate measure back and forth; the app's own timing of each re-score. */
async function measure(label) {
  const result = await page.evaluate(async (runs) => {
    const api = window.dtiLab;
    const [u] = await api.query(
      'SELECT unit_code, max(year) AS year FROM scores GROUP BY unit_code ORDER BY unit_code LIMIT 1',
    );
    const times = [];
    /** Each step an edit ran again, with its time in every edit. */
    const steps = [];
    for (let i = 0; i < runs; i++) {
      // One edit at a time, as a person makes them: the page has redrawn and read its tables.
      await api.settled();
      await new Promise((resolve) => setTimeout(resolve, 150));
      await api.addEdit({
        kind: 'value',
        unit: String(u.unit_code),
        year: Number(u.year),
        measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
        value: (i % 10) / 10,
        text: null,
      });
      times.push(api.timings().whatIfMs);
      for (const s of await api.query(
        'SELECT step, rows, ms FROM pipeline_log WHERE ran ORDER BY ord',
      )) {
        const kept =
          steps.find((x) => x.step === s.step) ??
          steps[steps.push({ step: s.step, rows: s.rows, ms: [] }) - 1];
        kept.ms.push(Number(s.ms));
      }
    }
    const [n] = await api.query(
      'SELECT count(*) AS units FROM scores WHERE year = (SELECT max(year) FROM scores)',
    );
    const [o] = await api.query('SELECT count(*) AS n FROM observations');
    for (let i = 0; i < runs; i++) await api.removeEdit();
    return { times, steps, units: Number(n.units), observations: Number(o.n) };
  }, runs);
  const t = result.times;
  console.log(
    `\n${label}: ${result.units} units scored per year, ${result.observations} observations, ${t.length} edits`,
  );
  console.log(
    `  re-score after an edit (score + ranking read): median ${ms(median(t))}, min ${ms(Math.min(...t))}, max ${ms(Math.max(...t))}`,
  );
  console.log('  steps an edit runs again (the others are kept), median time:');
  for (const s of result.steps)
    console.log(
      `    ${String(s.step).padEnd(18)} ${String(s.rows ?? 'view').padStart(8)} rows  ${ms(median(s.ms))}`,
    );
}

await measure('Sample district (Nam Đàn)');

await page.evaluate(() => window.dtiLab.undoLastLoad());
const csv = province();
await page.evaluate(async (text) => {
  const file = new File([text], 'tinh-thu-700-xa.csv', { type: 'text/csv' });
  await window.dtiLab.loadFiles([file]);
  await window.dtiLab.settled();
}, csv);
await measure('Generated province (700 communes, 35 districts)');

await context.close();
rmSync(dir, { recursive: true, force: true });
await server.close();
