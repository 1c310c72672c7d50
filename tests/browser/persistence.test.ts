// The workspace survives a reload: the files loaded, how the person chose to read them, which
// drop replaced which, and the framework chosen — rebuilt from the saved files, so every number
// still points at its file and cell.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/browser';

const DIR = path.resolve(import.meta.dirname, '../fixtures/ingest/files');
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the workspace after a reload', () => {
  it('comes back with its loads, their sheets, replaced drops and the chosen target profile', async () => {
    const s = await openApp();
    try {
      const page = s.page;
      await page
        .getByTestId('file-input')
        .setInputFiles(path.join(DIR, 'xlsx-three-sheets-2023-2024.xlsx'));
      await page.evaluate(() => window.dtiLab.settled());
      const entry = page.locator('details.report', { hasText: 'xlsx-three-sheets' });
      await entry.locator('summary').click();
      await entry.getByTestId('sheet-select').selectOption('Năm 2024');
      // A second drop in replace mode sets the first two aside.
      await page.getByTestId('load-mode').selectOption('replace');
      await page.getByTestId('file-input').setInputFiles(path.join(DIR, 'gov-nam-dan-2024.csv'));
      await page.evaluate(() => window.dtiLab.settled());
      const profiles = await page
        .locator('[data-testid="profile-select"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const otherProfile = profiles.find(
        (p) => p !== '' && p !== 'kh-cds-khanh-son-2024' && p !== 'none',
      )!;
      await page.getByTestId('profile-select').selectOption(otherProfile);
      await page.evaluate(() => window.dtiLab.saved());

      const state = () =>
        page.evaluate(async () => ({
          profile: (document.querySelector('[data-testid="profile-select"]') as HTMLSelectElement)
            .value,
          reports: window.dtiLab
            .reports()
            .map((r) => ({ file: r.file, sheet: r.sheet ?? null, year: r.year ?? null })),
          loads: await window.dtiLab.query(
            'SELECT count(*)::INT AS n, count(*) FILTER (WHERE active)::INT AS active FROM loads',
          ),
          observations: await window.dtiLab.query(
            `SELECT count(*)::INT AS n, sum(value)::DOUBLE AS total FROM observations o
             JOIN loads l USING (load_id) WHERE l.active`,
          ),
          ranking: await window.dtiLab.query(
            'SELECT unit_code, rank, total FROM scores WHERE year = 2024 ORDER BY unit_code',
          ),
        }));
      const before = await state();
      expect(before.reports.map((r) => r.file)).toEqual([
        'nam-dan-2023-2024.csv',
        'xlsx-three-sheets-2023-2024.xlsx',
        'gov-nam-dan-2024.csv',
      ]);
      expect(before.reports[1]!.sheet).toBe('Năm 2024');
      expect(before.loads).toEqual([{ n: 3, active: 1 }]);
      expect(before.profile).toBe(otherProfile);

      await page.reload();
      await page.evaluate(() => window.dtiLab.ready);
      expect(await state()).toEqual(before);
      expect(await page.evaluate(() => window.dtiLab.notices())).toEqual([]);

      // Undo still knows the drops: the replaced loads come back.
      await page.evaluate(() => window.dtiLab.undoLastLoad());
      const undone = await page.evaluate(() =>
        window.dtiLab.query('SELECT count(*) FILTER (WHERE active)::INT AS active FROM loads'),
      );
      expect(undone).toEqual([{ active: 2 }]);
    } finally {
      await s.close();
    }
  });

  it('keeps a framework loaded from a JSON file selected through two reloads', async () => {
    const s = await openApp();
    try {
      const page = s.page;
      const fw = JSON.parse(
        readFileSync(
          path.join(ROOT, 'src/lib/framework/builtin/frameworks/dti-xa-minh-hoa.json'),
          'utf8',
        ),
      );
      fw.id = 'xa-luu-lai';
      fw.title = { vi: 'Bộ chỉ số xã — bản lưu', en: 'Commune set — saved copy' };
      await page.getByTestId('file-input').setInputFiles({
        name: 'xa-luu-lai.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(fw)),
      });
      await expect.poll(() => page.getByTestId('framework-select').inputValue()).toBe('xa-luu-lai');
      for (const round of [1, 2]) {
        // A change after a reload saves the workspace again: the framework file must stay in it.
        await page.getByTestId('profile-select').selectOption({ index: round });
        await page.evaluate(() => window.dtiLab.saved());
        await page.reload();
        await page.evaluate(() => window.dtiLab.ready);
        expect(await page.getByTestId('framework-select').inputValue(), `reload ${round}`).toBe(
          'xa-luu-lai',
        );
      }
      expect(await page.evaluate(() => window.dtiLab.notices())).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
