// Workshop mode at a projector's 1280×720: a plan one click away, what-if edits that move ranks
// as worked out by hand, undo one by one, reset, the guided walk, presentation and the handout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './support/browser';

const NAM_DAN = '17950';
const NAM_CAT = '17983';
const BROADBAND = 'bang_rong_phu_ho_gia_dinh_ty_le';

describe('workshop', () => {
  let s: Session;
  const row = (unit: string) => s.page.locator(`[data-testid="ba-row"][data-unit="${unit}"]`);

  beforeAll(async () => {
    s = await openApp({ width: 1280, height: 720 });
    await s.page.getByTestId('nav-workshop').click();
    await s.page.getByTestId('workshop').waitFor();
  });
  afterAll(() => s.close());

  it('starts from the sample with the five plans one click away', async () => {
    const page = s.page;
    expect(await page.locator('[data-testid="plans"] button').count()).toBe(5);
    await page.getByTestId('plan-kh-cds-ba-to-2023').click();
    await expect
      .poll(() => page.getByTestId('profile-select').inputValue())
      .toBe('kh-cds-ba-to-2023');
    await expect
      .poll(() => page.getByTestId('plan-kh-cds-ba-to-2023').getAttribute('aria-pressed'))
      .toBe('true');
    expect(await page.locator('[data-testid="ba-row"]').count()).toBe(19);
    await screenshot(page, 'workshop-start-1280');
  });

  it('a raw value edit moves Thị trấn Nam Đàn from 7th to 6th, as worked out by hand', async () => {
    const page = s.page;
    // By hand: broadband 69,6 % earns 0,696 × 5 = 3,48 of 5 points; at 100 % it earns 5, so
    // 85,04 + 1,52 = 86,56 points → 0,8656, past Xã Nam Cát (0,8638), behind Xã Nam Hưng (0,8709).
    expect(await row(NAM_DAN).getAttribute('data-rank')).toBe('7');
    await page.getByTestId('whatif-unit').selectOption(NAM_DAN);
    await page.getByTestId('whatif-measure').selectOption(BROADBAND);
    await expect.poll(() => page.getByTestId('whatif-now').innerText()).toBe('69,6 %');
    await page.getByTestId('whatif-value').fill('100');
    await page.getByTestId('whatif-apply').click();

    await expect.poll(() => row(NAM_DAN).getAttribute('data-rank')).toBe('6');
    expect(await row(NAM_DAN).getByTestId('rank-up').innerText()).toBe('▲1');
    expect(await row(NAM_DAN).innerText()).toContain('0,8504');
    expect(await row(NAM_DAN).innerText()).toContain('0,8656');
    expect(await row(NAM_DAN).innerText()).toContain('+0,0152');
    expect(await row(NAM_CAT).getAttribute('data-rank')).toBe('7');
    expect(await row(NAM_CAT).getByTestId('rank-down').innerText()).toBe('▼1');
    // The ranking everyone else sees follows; the loaded data does not change.
    const [score] = await page.evaluate(
      (u) =>
        window.dtiLab.query(
          `SELECT rank, round(total, 4) AS total FROM scores WHERE unit_code = '${u}' AND year = 2024`,
        ),
      NAM_DAN,
    );
    expect(score).toEqual({ rank: 6, total: 0.8656 });
    const [observed] = await page.evaluate(
      ([u, m]) =>
        window.dtiLab.query(
          `SELECT text FROM observations WHERE unit_code = '${u}' AND year = 2024 AND measure = '${m}'`,
        ),
      [NAM_DAN, BROADBAND],
    );
    expect(observed).toEqual({ text: '69.6' });
    const ms = await page.evaluate(() => window.dtiLab.timings().whatIfMs);
    expect(ms).toBeGreaterThan(0);
    expect(await page.getByTestId('edit').count()).toBe(1);
    expect(await page.getByTestId('edit').innerText()).toContain('100 %');
    await screenshot(page, 'workshop-whatif-1280');
  });

  it("an indicator's max points and a group weight are edits too; each undoes on its own", async () => {
    const page = s.page;
    await page.getByTestId('whatif-kind-maxPoints').check();
    await page.getByTestId('whatif-indicator').selectOption('ht_bang_rong');
    await expect.poll(() => page.getByTestId('whatif-now').innerText()).toBe('5');
    await page.getByTestId('whatif-value').fill('10');
    await page.getByTestId('whatif-apply').click();
    await expect.poll(() => page.getByTestId('edit').count()).toBe(2);
    // By hand: 86,56 + 5 = 91,56 of 105 points.
    await expect
      .poll(() =>
        page.evaluate(
          (u) =>
            window.dtiLab.query(
              `SELECT round(total, 4) AS t FROM scores WHERE unit_code = '${u}' AND year = 2024`,
            ),
          NAM_DAN,
        ),
      )
      .toEqual([{ t: Math.round((91.56 / 105) * 1e4) / 1e4 }]);

    await page.getByTestId('whatif-kind-weight').check();
    await page.getByTestId('whatif-group').selectOption({ index: 0 });
    await page.getByTestId('whatif-value').fill('0');
    await page.getByTestId('whatif-apply').click();
    await expect.poll(() => page.getByTestId('edit').count()).toBe(3);

    // Undo the middle one (max points): the value edit and the weight stay.
    await page.getByTestId('undo-edit').nth(1).click();
    await expect.poll(() => page.getByTestId('edit').count()).toBe(2);
    expect(await page.getByTestId('edit').first().innerText()).toContain('100 %');
    // Undo the weight: back to the value edit alone, and its rank 6.
    await page.getByTestId('undo-edit').nth(1).click();
    await expect.poll(() => page.getByTestId('edit').count()).toBe(1);
    await expect.poll(() => row(NAM_DAN).getAttribute('data-rank')).toBe('6');
    // And the last: the scores as loaded.
    await page.getByTestId('undo-edit').first().click();
    await page.getByTestId('no-edits').waitFor();
    await expect.poll(() => row(NAM_DAN).getAttribute('data-rank')).toBe('7');
  });

  it('reset brings back the sample and drops every edit, keeping other data one undo away', async () => {
    const page = s.page;
    await page.evaluate(
      (u) =>
        window.dtiLab.addEdit({
          kind: 'value',
          unit: u,
          year: 2024,
          measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
          value: 1,
          text: null,
        }),
      NAM_DAN,
    );
    // Other data on top of the sample: the sample is no longer what is shown.
    await page.evaluate(async () => {
      const csv =
        'unit_code,unit_name,year,bang_rong_phu_ho_gia_dinh_ty_le\n99001,Xã Thử,2024,50\n';
      await window.dtiLab.loadFiles([new File([csv], 'xa-thu.csv', { type: 'text/csv' })]);
    });
    await page.getByTestId('workshop-reset').click();
    await page.getByTestId('no-edits').waitFor();
    await expect.poll(() => row(NAM_DAN).getAttribute('data-rank')).toBe('7');
    expect(await page.locator('[data-testid="ba-row"]').count()).toBe(19);
    const reports = await page.evaluate(() => window.dtiLab.reports().map((r) => r.file));
    expect(reports.at(-1)).toBe('nam-dan-2023-2024.csv');
    // The reset was a drop of its own: undoing it brings back what was there before.
    await page.evaluate(() => window.dtiLab.undoLastLoad());
    const units = await page.evaluate(() =>
      window.dtiLab.query("SELECT count(*) AS n FROM scores WHERE unit_code = '99001'"),
    );
    expect(units).toEqual([{ n: 1 }]);
    await page.getByTestId('workshop-reset').click();
    await expect.poll(() => page.locator('[data-testid="ba-row"]').count()).toBe(19);
  });

  it('the guided walk reaches the total and the rank; arrow keys move, presentation fills the screen', async () => {
    const page = s.page;
    await page.getByTestId('workshop-walk').click();
    await page.getByTestId('walk-unit').selectOption(NAM_DAN);
    const slide = page.getByTestId('walk-step');
    await expect.poll(() => slide.getAttribute('data-kind')).toBe('intro');
    expect(await slide.innerText()).toContain('Thị trấn Nam Đàn');
    await page.getByTestId('workshop-present').click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')))
      .toBe(true);
    expect(await page.locator('.masthead').count()).toBe(0);
    // The presentation draws the walk anew and reads its unit again: wait for its first slide.
    await expect.poll(() => slide.getAttribute('data-kind')).toBe('intro');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slide.getAttribute('data-kind')).toBe('mainIndex');
    // An indicator's rule and source cell on demand.
    await page.getByTestId('walk-indicator').first().click();
    expect(await page.getByTestId('walk-rule').innerText()).toContain('nam-dan-2023-2024.csv');
    await screenshot(page, 'workshop-walk-main-index-1280');
    for (let i = 0; i < 20 && (await slide.getAttribute('data-kind')) !== 'total'; i++)
      await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('walk-total').innerText()).toContain('85,04 ÷ 100 = 0,8504');
    await screenshot(page, 'workshop-walk-total-1280');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('walk-rank').innerText()).toBe('7 / 19');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slide.getAttribute('data-kind')).toBe('total');
    // Every slide fits the projector's screen: nothing to scroll.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      720,
    );
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')))
      .toBe(false);
  });

  it('keeps the edits through a reload, with their before/after', async () => {
    const page = s.page;
    await page
      .getByTestId('workshop-back')
      .click()
      .catch(() => undefined);
    await page.evaluate(
      (u) =>
        window.dtiLab.addEdit({
          kind: 'value',
          unit: u,
          year: 2024,
          measure: 'bang_rong_phu_ho_gia_dinh_ty_le',
          value: 1,
          text: null,
        }),
      NAM_DAN,
    );
    await page.evaluate(() => window.dtiLab.saved());
    await page.reload();
    await page.evaluate(() => window.dtiLab.ready);
    await page.getByTestId('workshop').waitFor();
    await expect.poll(() => page.getByTestId('edit').count()).toBe(1);
    await expect.poll(() => row(NAM_DAN).getAttribute('data-rank')).toBe('6');
    await expect.poll(() => row(NAM_DAN).innerText()).toContain('+0,0152');
    await page.getByTestId('undo-edit').click();
    await page.getByTestId('no-edits').waitFor();
    await page.evaluate(() => window.dtiLab.saved());
  });

  it('keeps two quick edits both, and tells every other page that edits are in force', async () => {
    const page = s.page;
    const edit = (value: number) => ({
      kind: 'value' as const,
      unit: NAM_DAN,
      year: 2024,
      measure: BROADBAND,
      value,
      text: null,
    });
    // Both sent before either has run: neither may be lost.
    await page.evaluate(
      ([a, b]) => Promise.all([window.dtiLab.addEdit(a!), window.dtiLab.addEdit(b!)]),
      [edit(0.9), edit(1)],
    );
    await expect.poll(() => page.getByTestId('edit').count()).toBe(2);
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('edits-banner').waitFor();
    await screenshot(page, 'workshop-edits-banner-1280');
    await page.getByTestId('edits-banner').getByRole('button').click();
    await page.getByTestId('workshop').waitFor();
    await page.getByTestId('undo-all').click();
    await page.getByTestId('no-edits').waitFor();
    await page.getByTestId('nav-overview').click();
    expect(await page.getByTestId('edits-banner').count()).toBe(0);
    await page.getByTestId('nav-workshop').click();
  });

  it('prints a one-page summary of a commune with its three biggest gaps', async () => {
    const page = s.page;
    await page.getByTestId('workshop-handout').click();
    await page.getByTestId('handout-unit').selectOption(NAM_DAN);
    await expect.poll(() => page.getByTestId('handout-total').innerText()).toBe('0,8504');
    // The total comes with the ranking; the gaps are read for the unit, a moment later.
    await expect.poll(() => page.locator('[data-testid="handout-gaps"] li').count()).toBe(3);
    expect(await page.locator('[data-testid="handout-targets"] li').count()).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'workshop-handout-print');
    const pdf = await page.pdf({ format: 'A4' });
    // One page: the page tree counts one.
    expect(pdf.toString('latin1').match(/\/Count (\d+)/)?.[1]).toBe('1');
    await page.emulateMedia({ media: 'screen' });
    expect(s.consoleErrors).toEqual([]);
  });
});
