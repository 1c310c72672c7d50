// Every page prints itself (issue 21, first step): the workshop handout's print rule used to hide
// the whole page everywhere else, and the overview, a profile, the comparison and the targets
// printed blank A4. In print media each page's content is visible, its controls are not, and the
// PDF has pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './support/browser';

/** Pages in the PDF's page tree. */
const pageCount = (pdf: Buffer): number =>
  Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));

async function printed(page: Page, content: string): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.getByTestId(content).isVisible(), content).toBe(true);
    // The controls are not printed.
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    return pageCount(await page.pdf({ format: 'A4' }));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('printing', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the overview prints its ranking, names and figures visible', async () => {
    const page = s.page;
    await page.emulateMedia({ media: 'print' });
    const first = page.getByTestId('ranking').locator('tbody tr').first();
    expect(await first.isVisible()).toBe(true);
    expect(await first.innerText()).toMatch(/Xã Nam Xuân[\s\S]*0,9645/);
    await page.emulateMedia({ media: 'screen' });
    expect(await printed(page, 'ranking')).toBeGreaterThanOrEqual(1);
  });

  it('a unit profile, the comparison and the targets print themselves', async () => {
    const page = s.page;
    await page.getByTestId('open-17944').click();
    await page.getByTestId('unit-profile').waitFor();
    expect(await printed(page, 'unit-headline')).toBeGreaterThanOrEqual(1);
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('compare-17944').check();
    await page.getByTestId('compare-17956').check();
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-table').waitFor();
    expect(await printed(page, 'compare-table')).toBeGreaterThanOrEqual(1);
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('targets-view').waitFor();
    expect(await printed(page, 'targets-view')).toBeGreaterThanOrEqual(1);
    expect(s.consoleErrors).toEqual([]);
  });
});
