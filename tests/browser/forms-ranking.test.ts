// A district that has only its communes' self-assessment forms: dropped in place of what was
// loaded, they rank the communes by appraised points (self-assessed where none), each number
// traced to its form's cell; the computed framework stays in the selector.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './support/browser';

const DIR = path.resolve(import.meta.dirname, '../fixtures/ingest/files');
const FORMS = [
  'tu-danh-gia-khanh-son-2024.xlsx',
  'tu-danh-gia-kim-lien-2024.xlsx',
  'tu-danh-gia-nam-anh-2024.csv',
];

describe('a district ranked by its forms', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('forms alone rank the communes by appraised points', async () => {
    await s.page.getByTestId('load-mode').selectOption('replace');
    await s.page.getByTestId('file-input').setInputFiles(FORMS.map((f) => path.join(DIR, f)));
    await expect
      .poll(() => s.page.getByTestId('framework-select').inputValue())
      .toBe('dti-xa-minh-hoa.tham-dinh');
    await s.page.evaluate(() => window.dtiLab.settled());
    const ranking = s.page.getByTestId('ranking');
    await expect.poll(() => ranking.locator('tbody tr').count()).toBe(3);
    // Nam Anh was not appraised yet: last, with no appraised points.
    expect(await ranking.locator('tbody tr').last().innerText()).toMatch(/Nam Anh/);
    const [check] = await s.page.evaluate(() =>
      window.dtiLab.query(`SELECT s.total, (SELECT sum(appraised_points) FROM assessments a
          WHERE a.unit_code = '17971') / (SELECT sum(max_points) FROM fw_main_indices
          WHERE framework_id = 'dti-xa-minh-hoa' AND scored) AS expected
        FROM scores s WHERE s.unit_code = '17971'`),
    );
    expect(Number(check!.total)).toBeCloseTo(Number(check!.expected), 9);
    await screenshot(s.page, 'forms-ranking-1366');
    await s.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.page, 'forms-ranking-390');
    await s.page.getByRole('button', { name: 'English' }).click();
    await screenshot(s.page, 'forms-ranking-en-390');
  });
});
