// Ingest throughput through the real app in headless Chromium: a 1-million-row long CSV, and the
// same wide sheet as .xlsx (read-excel-file) and as .ods and Excel 97–2003 .xls (SheetJS), each
// dropped through the file input. An .xls holds at most 65,536 rows (BIFF8): its sheet is the
// first 65,000 rows. Prints figures; asserts nothing.
// Usage: npm run build && node scripts/bench-ingest.mjs
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { preview } from 'vite';
import { writeXlsx } from './lib/xlsx-writer.mjs';
import * as XLSX from '@e965/xlsx';

const OUT = path.join(os.tmpdir(), 'dti-bench-ingest');
mkdirSync(OUT, { recursive: true });
const MEASURES = [
  'dvctt_toan_trinh_ty_le',
  'so_hoa_ho_so_ty_le',
  'hai_long_tthc_ty_le',
  'camera_an_ninh_so_luong',
  'thanh_toan_khong_tien_mat_ty_le',
];

/** Deterministic values: no randomness, so runs compare. */
const value = (i, j) => ((i * 7919 + j * 104729) % 1000) / 10;

function longCsv(rows) {
  const units = Math.ceil(rows / (MEASURES.length * 5));
  const lines = ['unit_code,year,measure,value'];
  let n = 0;
  for (let u = 0; u < units && n < rows; u++) {
    const code = String(10000 + u);
    for (let y = 2020; y < 2025 && n < rows; y++) {
      for (let m = 0; m < MEASURES.length && n < rows; m++, n++)
        lines.push(`${code},${y},${MEASURES[m]},${value(u, m + y)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function wideRows(rows) {
  const header = ['Mã xã', 'Tên xã', 'Năm', ...MEASURES];
  const body = Array.from({ length: rows }, (_, i) => [
    String(10000 + (i % 20000)),
    `Xã ${i}`,
    2020 + Math.floor(i / 20000),
    ...MEASURES.map((_, j) => value(i, j)),
  ]);
  return [header, ...body];
}

const wideXlsx = (rows) => writeXlsx({ sheets: [{ name: 'Số liệu', rows: wideRows(rows) }] });

/** The same sheet written by SheetJS in another format. */
function wideIn(bookType, rows) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(wideRows(rows)), 'Số liệu');
  return XLSX.write(book, { type: 'buffer', bookType, compression: true });
}

const files = [
  { name: 'long-1m.csv', make: () => longCsv(1_000_000), rows: 1_000_000 },
  { name: 'wide-100k.xlsx', make: () => wideXlsx(100_000), rows: 100_000 },
  { name: 'wide-100k.ods', make: () => wideIn('ods', 100_000), rows: 100_000 },
  { name: 'wide-65k.xlsx', make: () => wideXlsx(65_000), rows: 65_000 },
  { name: 'wide-65k.xls', make: () => wideIn('biff8', 65_000), rows: 65_000 },
];
for (const f of files) {
  const t0 = performance.now();
  writeFileSync(path.join(OUT, f.name), f.make());
  f.bytes = statSync(path.join(OUT, f.name)).size;
  console.log(
    `generated ${f.name}: ${(f.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms`,
  );
}

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const results = [];
for (const f of files) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dti-bench-profile-'));
  const context = await launchChromium(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.resolvedUrls.local[0]);
  await page.evaluate(() => window.dtiLab.ready);
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(path.join(OUT, f.name));
  await page.waitForFunction(
    () => window.dtiLab.reports().length > 1 || window.dtiLab.notices().length > 0,
    null,
    { timeout: 600_000, polling: 200 },
  );
  await page.evaluate(() => window.dtiLab.settled());
  const totalMs = Date.now() - t0;
  const [log] = await page.evaluate(() =>
    window.dtiLab.query('SELECT sum(ms)::DOUBLE AS ms FROM pipeline_log'),
  );
  const report = await page.evaluate(() => window.dtiLab.reports().at(-1));
  const notices = await page.evaluate(() => window.dtiLab.notices());
  const scoreMs = Math.round(log?.ms ?? 0);
  const ingestMs = totalMs - scoreMs;
  results.push({
    file: f.name,
    MB: +(f.bytes / 1e6).toFixed(1),
    rows: f.rows,
    observations: report?.observations ?? null,
    'ingest ms': ingestMs,
    'rows/s': Math.round(f.rows / (ingestMs / 1000)),
    'MB/s': +(f.bytes / 1e6 / (ingestMs / 1000)).toFixed(1),
    'then score ms': scoreMs,
    error: notices.at(-1)?.detail.en ?? '',
  });
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
await server.close();
console.table(results);
console.log(
  'ingest ms = from the drop to the report, minus the scoring pipeline (pipeline_log) that follows it.',
);
