// Results are on screen before the engine has started: a first visit shows the sample's (scored
// when the app was built), a repeat visit the workspace's as last scored, each marked as such
// until the engine has scored them again. The engine is held back by holding its wasm download.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { screenshot } from './support/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRATCH = path.join(ROOT, '.tmp');

/** A browser on `profile` whose engine download waits until `open()` is called. */
async function heldBrowser(
  profile: string,
): Promise<{ context: BrowserContext; page: Page; open(): void }> {
  // A service worker would answer the wasm from its cache, where no route sees it.
  const context = await launchChromium(profile, {
    viewport: { width: 1366, height: 768 },
    serviceWorkers: 'block',
    env: { ...process.env, TMPDIR: SCRATCH },
  });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  await context.route(/duckdb-(eh|mvp)[^/]*\.wasm/, async (route) => {
    await gate;
    await route.continue();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, open };
}

const snapshotRows = (page: Page) =>
  page
    .getByTestId('last-results')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td, th')].map((c) => c.textContent!.trim())),
    );

describe('the first screen', () => {
  mkdirSync(SCRATCH, { recursive: true });
  const profile = mkdtempSync(path.join(SCRATCH, 'chromium-'));
  afterAll(() => rm(profile, { recursive: true, force: true, maxRetries: 2 }));

  it('shows results before the engine starts: the sample first, then the workspace as last scored', async () => {
    const first = await heldBrowser(profile);
    let shownBeforeReload: string[][];
    try {
      const page = first.page;
      await page.goto(inject('baseUrl'));
      const last = page.getByTestId('last-results');
      await expect.poll(() => last.locator('tbody tr').count()).toBe(19);
      await expect(last.textContent()).resolves.toContain('Kết quả tính sẵn của dữ liệu mẫu');
      await expect(page.getByTestId('status').textContent()).resolves.toContain('DuckDB');
      await screenshot(page, 'first-screen-sample');
      const sample = await snapshotRows(page);
      expect(sample[0]!.slice(0, 4)).toEqual(['1', '17944', 'Xã Nam Xuân', '0,9645']);

      first.open();
      await page.evaluate(() => window.dtiLab.ready);
      await expect(last.count()).resolves.toBe(0);
      // The engine scored the sample to the table the first screen showed.
      const ranked = await page
        .getByTestId('ranking')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector('td.rank')!.firstChild!.textContent!.trim(),
            r.querySelector('td.code')!.textContent!.trim(),
            r.querySelector('th.unit')!.textContent!.trim(),
            r.querySelector('td.total')!.textContent!.trim(),
          ]),
        );
      expect(ranked).toEqual(sample.map((r) => r.slice(0, 4)));

      // Other data, scored and saved: the next opening shows it.
      await page.getByTestId('load-mode').selectOption('replace');
      await page
        .getByTestId('file-input')
        .setInputFiles(path.join(ROOT, 'tests/fixtures/ingest/files/long-thach-thanh.csv'));
      await page.evaluate(() => window.dtiLab.settled());
      await page.evaluate(() => window.dtiLab.saved());
      shownBeforeReload = await page
        .getByTestId('ranking')
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector('td.code')!.textContent!.trim(),
            r.querySelector('td.total')!.textContent!.trim(),
          ]),
        );
      expect(shownBeforeReload.map((r) => r[0])).not.toContain('17944');
    } finally {
      await first.context.close();
    }

    const again = await heldBrowser(profile);
    try {
      const page = again.page;
      await page.goto(inject('baseUrl'));
      const last = page.getByTestId('last-results');
      await expect.poll(() => last.locator('tbody tr').count()).toBe(shownBeforeReload.length);
      await expect(last.textContent()).resolves.toContain('Kết quả lần tính trước');
      await screenshot(page, 'first-screen-last-results');
      expect((await snapshotRows(page)).map((r) => [r[1], r[3]])).toEqual(shownBeforeReload);
      again.open();
      await page.evaluate(() => window.dtiLab.ready);
      await expect(last.count()).resolves.toBe(0);
      await expect(page.getByTestId('ranking').locator('tbody tr').count()).resolves.toBe(
        shownBeforeReload.length,
      );
    } finally {
      await again.context.close();
    }
  });
});
