// Prints how long the production build takes from navigation to the sample's ranking on screen,
// in headless Chromium. A figure to read, not a test. Usage: npm run build && node scripts/measure-startup.mjs [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { preview } from 'vite';

const runs = Number(process.argv[2] ?? 3);
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const url = server.resolvedUrls.local[0];
const figures = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dti-startup-'));
  const context = await launchChromium(dir);
  const page = context.pages()[0] ?? (await context.newPage());
  const t0 = Date.now();
  await page.goto(url);
  // The paint entry may come after the load event: wait for it rather than read it once.
  const firstPaint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );
  await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
  const wall = Date.now() - t0;
  const inPage = await page.evaluate(() => window.dtiLab.timings().firstRankingMs);
  figures.push({
    run: i + 1,
    cold: true,
    firstContentfulPaintMs: Math.round(firstPaint ?? NaN),
    rankingOnScreenMs: wall,
    engineToRankingMs: Math.round(inPage),
  });
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
console.table(figures);
await server.close();
