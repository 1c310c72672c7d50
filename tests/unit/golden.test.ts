// The official DTI 2022 province table, scored through the built-in QĐ 922 framework, must
// reproduce every published PDTI (the max-points-weighted mean of the main-index values).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const GOLDEN = 'tests/fixtures/golden/dti-2022-top5.csv';

describe('golden: DTI 2022 province ranking under QĐ 922', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt(GOLDEN));
    await ws.score('dti-tinh-922', null);
  });

  it('reproduces every published PDTI within 1e-4', async () => {
    const result = await rows(
      ws,
      `SELECT s.unit_code, s.unit_name, s.total, s.rank, m.value AS published, r.value AS published_rank
       FROM scores s
       JOIN measures m ON m.unit_code = s.unit_code AND m.year = s.year AND m.measure = 'pdti_published'
       JOIN measures r ON r.unit_code = s.unit_code AND r.year = s.year AND r.measure = 'rank'
       WHERE s.year = 2022 ORDER BY s.rank`,
    );
    expect(result).toHaveLength(5);
    const errors = result.map((r) => Math.abs(Number(r.total) - Number(r.published)));
    expect(Math.max(...errors)).toBeLessThan(1e-4);
    expect(result.map((r) => r.rank)).toEqual(result.map((r) => r.published_rank));
    expect(result[0]).toMatchObject({ unit_code: '48', unit_name: 'TP. Đà Nẵng' });
  });

  it('is the max-points-weighted mean, not the plain mean of main-index values', async () => {
    const [dn] = await rows(ws, `SELECT total FROM scores WHERE unit_code = '48'`);
    const [plain] = await rows(
      ws,
      `SELECT avg(value) AS v FROM main_index_scores WHERE unit_code = '48' AND scored`,
    );
    expect(Number(dn!.total)).toBeCloseTo(0.8002, 4);
    expect(Number(plain!.v)).toBeCloseTo(0.8116, 4);
  });

  it('keeps Đô thị thông minh out of the total (unscored, no data: still 1000 max points)', async () => {
    const [s] = await rows(ws, `SELECT total_max, max_counted FROM scores WHERE unit_code = '48'`);
    expect(s).toEqual({ total_max: 1000, max_counted: 1000 });
  });
});
