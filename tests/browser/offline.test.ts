// Workshop rooms often have no internet: after one visit the app opens and works with the
// network off, from its service worker's cache.
import { describe, expect, it } from 'vitest';
import { openApp, screenshot } from './support/browser';

describe('offline after the first visit', () => {
  it('reloads with the network off: ranking, a unit profile with its charts, a notebook, the workshop', async () => {
    const s = await openApp();
    try {
      const page = s.page;
      // The service worker has cached every file once it controls the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
          );
      });
      const cached = await page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('dti-lab-'))!);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached.some((p) => /duckdb-eh.*\.wasm$/.test(p))).toBe(true);
      expect(cached.some((p) => /NotebookPage.*\.js$/.test(p))).toBe(true);

      await s.context.setOffline(true);
      await page.reload();
      await page.evaluate(() => window.dtiLab.ready);
      expect(await page.getByTestId('ranking').locator('tbody tr').count()).toBe(19);
      // Pages and charts load their own chunks: from the cache too.
      await page.goto(`${s.baseUrl}?view=unit&unit=17956`);
      await page.evaluate(() => window.dtiLab.ready);
      await page.getByTestId('indicator-table').waitFor();
      await expect
        .poll(() => page.locator('[data-testid="figure"] svg').count())
        .toBeGreaterThan(0);
      await page.getByTestId('nav-notebook').click();
      await page.getByTestId('notebook-page').waitFor();
      await expect
        .poll(() => page.locator('[data-kind="sql"][data-status="fresh"]').count())
        .toBe(await page.locator('[data-kind="sql"]').count());
      expect(await page.locator('[data-kind="sql"][data-status="error"]').count()).toBe(0);
      await screenshot(page, 'offline-notebook-1366');
      // The workshop, offline: a what-if edit re-scores and the walk reaches the total.
      await page.getByTestId('nav-workshop').click();
      await page.getByTestId('whatif-unit').selectOption('17950');
      await page.getByTestId('whatif-measure').selectOption('bang_rong_phu_ho_gia_dinh_ty_le');
      await page.getByTestId('whatif-value').fill('100');
      await page.getByTestId('whatif-apply').click();
      await expect
        .poll(() =>
          page.locator('[data-testid="ba-row"][data-unit="17950"]').getAttribute('data-rank'),
        )
        .toBe('6');
      await page.getByTestId('workshop-walk').click();
      await page.getByTestId('walk-unit').selectOption('17950');
      for (
        let i = 0;
        i < 20 && (await page.getByTestId('walk-step').getAttribute('data-kind')) !== 'total';
        i++
      )
        await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('walk-total').innerText()).toContain('0,8656');
    } finally {
      await s.context.setOffline(false);
      await s.close();
    }
  });
});
