// The dashboard a district officer opens every week: overview, a unit's profile with the
// explain trace, three units side by side, the plan targets — each view opened, exported, and
// photographed at 1366×768 and at phone size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openApp, screenshot, type Session } from './support/browser';

const THREE = ['17944', '17956', '17986'];

describe('dashboard', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('overview: ranking, band counts, distribution and heatmap with their data tables', async () => {
    await expect.poll(() => s.page.getByTestId('figure').count()).toBe(2);
    await expect
      .poll(() => s.page.locator('[data-testid="figure"] svg').count())
      .toBeGreaterThan(1);
    const bands = await s.page.getByTestId('band-counts').innerText();
    expect(bands).toMatch(/Nâng cao\s*\d+/);
    await screenshot(s.page, 'dashboard-overview-1366');
  });

  it('sorts the ranking by a column and back', async () => {
    await s.page.getByTestId('sort-name').click();
    const names = await s.page.locator('[data-testid="ranking"] tbody th.unit').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    await s.page.getByTestId('sort-rank').click();
  });

  it('unit profile: standing, strengths, indicators with sources, and the explain chain', async () => {
    await s.page.getByTestId('open-17944').click();
    const profile = s.page.getByTestId('unit-profile');
    await profile.waitFor();
    await expect
      .poll(() => s.page.getByTestId('indicator-table').locator('tbody tr').count())
      .toBeGreaterThan(20);
    expect(s.page.url()).toContain('view=unit');
    expect(s.page.url()).toContain('unit=17944');
    await s.page.getByTestId('explain-ht_smartphone').click();
    const chain = await s.page.getByTestId('explain-chain').innerText();
    expect(chain).toMatch(/Số liệu gốc/);
    await screenshot(s.page, 'dashboard-unit-1366');
  });

  it('compares three units', async () => {
    await s.page.getByTestId('nav-overview').click();
    for (const c of THREE) await s.page.getByTestId(`compare-${c}`).check();
    await s.page.getByTestId('nav-compare').click();
    await s.page.getByTestId('compare-table').waitFor();
    expect(s.page.url()).toContain(`compare=${THREE.join('%2C')}`);
    await screenshot(s.page, 'dashboard-compare-1366');
  });

  it('targets of a unit', async () => {
    await s.page.getByTestId('nav-targets').click();
    await s.page.getByTestId('targets-table').waitFor();
    await screenshot(s.page, 'dashboard-targets-1366');
    expect(foreignRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
