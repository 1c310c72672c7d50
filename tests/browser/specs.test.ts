// Frameworks and target profiles loaded as JSON files: validated field by field on load, the
// problems shown with their paths, a valid one selectable and scored at once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type Session } from './support/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

describe('framework and target-profile files', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists every problem of an invalid framework with its path, in Vietnamese', async () => {
    const fw = JSON.parse(
      readFileSync(
        path.join(ROOT, 'src/lib/framework/builtin/frameworks/dti-xa-minh-hoa.json'),
        'utf8',
      ),
    );
    fw.id = 'hong';
    fw.indicators[0].rule = { kind: 'tiers', tiers: [{ at: 4, points: 99 }] };
    fw.indicators[1].mainIndex = 'khong_co';
    delete fw.title.en;
    await s.page.getByTestId('file-input').setInputFiles(json('bo-chi-so-loi.json', fw));
    const notice = s.page.getByTestId('notice').last();
    await expect.poll(() => notice.innerText()).toMatch(/bo-chi-so-loi\.json/);
    const text = await notice.innerText();
    expect(text).toMatch(/title\.en — phải là chuỗi không rỗng/);
    expect(text).toMatch(/indicators\[0\]\.rule\.tiers\[0\]\.points — phải ≤ 4/);
    expect(text).toMatch(/indicators\[1\]\.mainIndex — chỉ số chính "khong_co" không tồn tại/);
    await screenshot(s.page, 'framework-errors-1366');
    expect(await s.page.getByTestId('framework-select').locator('option').count()).toBe(2);
  });

  it('registers a valid framework: selected, scored, and the ranking follows its weights', async () => {
    const fw = JSON.parse(
      readFileSync(
        path.join(ROOT, 'src/lib/framework/builtin/frameworks/dti-xa-minh-hoa.json'),
        'utf8',
      ),
    );
    fw.id = 'xa-trong-so';
    fw.title = { vi: 'Bộ chỉ số xã — trọng số trụ cột', en: 'Commune set — pillar weights' };
    fw.aggregation = {
      method: 'weighted',
      by: 'pillar',
      weights: { cqs: 0.5, kts: 0.25, xhs: 0.25 },
    };
    await s.page.getByTestId('file-input').setInputFiles(json('xa-trong-so.json', fw));
    await expect
      .poll(() => s.page.getByTestId('framework-select').inputValue())
      .toBe('xa-trong-so');
    await s.page.evaluate(() => window.dtiLab.settled());
    const [check] = await s.page.evaluate(() =>
      window.dtiLab.query(`SELECT s.unit_code, s.total,
          (SELECT sum(weight * value) / sum(weight) FROM pillar_scores p WHERE p.unit_code = s.unit_code AND p.year = s.year) AS expected
        FROM scores s WHERE s.year = 2024 ORDER BY s.rank LIMIT 1`),
    );
    expect(Number(check!.total)).toBeCloseTo(Number(check!.expected), 12);
    expect(await s.page.getByTestId('ranking').locator('tbody tr').count()).toBe(19);
  });

  it('registers a target profile and measures gaps against it', async () => {
    const profile = {
      schema: 'dti-lab/targets@1',
      id: 'kh-huyen-thu',
      title: { vi: 'Chỉ tiêu thử của huyện', en: 'Test district targets' },
      unit: { code: '430', name: 'Huyện Nam Đàn', level: 'huyen' },
      plan: { title: 'Thử', year: 2024, source: 'test' },
      targets: [
        {
          id: 't1',
          measure: 'dvctt_toan_trinh_ty_le',
          comparator: '>=',
          value: 0.5,
          deadline: 2025,
          quote: 'DVCTT toàn trình từ 50 %',
        },
      ],
    };
    await s.page.getByTestId('file-input').setInputFiles(json('chi-tieu.json', profile));
    await expect.poll(() => s.page.getByTestId('profile-select').inputValue()).toBe('kh-huyen-thu');
    await s.page.evaluate(() => window.dtiLab.settled());
    const [g] = await s.page.evaluate(() =>
      window.dtiLab.query(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT profile_id)::INTEGER AS p FROM gaps`,
      ),
    );
    expect(g).toEqual({ n: 38, p: 1 });
  });
});
