// The reads behind the dashboard pages, checked against the result tables they summarise.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readMainIndexStanding,
  readPointsAtStake,
  readStrengths,
  readTargets,
  readTotalsOverYears,
} from '../../src/lib/scoring/unitProfile';
import { readDistribution, readRanking } from '../../src/lib/scoring/results';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const FW = 'dti-xa-minh-hoa';

describe('dashboard reads', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score(FW, 'kh-cds-khanh-son-2024');
  });

  it('main indices against the median and best of the same district', async () => {
    const standing = await readMainIndexStanding(ws.engine, FW, '17971', 2024);
    expect(standing).toHaveLength(9);
    for (const m of standing) {
      const values = (
        await rows(
          ws,
          `SELECT value FROM main_index_scores WHERE year = 2024 AND main_index = '${m.mainIndex}' ORDER BY value`,
        )
      ).map((r) => Number(r.value));
      expect(values).toHaveLength(19);
      expect(m.median).toBeCloseTo(values[9]!, 12);
      expect(m.best).toBeCloseTo(values[18]!, 12);
    }
  });

  it('the ranking carries each band by code and place, and the rank the year before', async () => {
    const ranking = await readRanking(ws.engine, 2024);
    const before = await readRanking(ws.engine, 2023);
    const bands = ws.framework(FW).bands;
    for (const r of ranking) {
      expect(bands[r.bandIndex!]!.code).toBe(r.bandCode);
      expect(bands[r.bandIndex!]!.name).toEqual(r.band);
      expect(r.previousRank).toBe(before.find((b) => b.unitCode === r.unitCode)?.rank ?? null);
    }
  });

  it('counts units per band and per tenth of the total, of all units or one parent’s', async () => {
    const ranking = await readRanking(ws.engine, 2024);
    const all = await readDistribution(ws.engine, FW, 2024, null);
    const bands = ws.framework(FW).bands;
    // Every band, highest first, the empty ones too.
    expect(all.bands.map((b) => b.code)).toEqual([...bands].reverse().map((b) => b.code));
    for (const b of all.bands)
      expect(b.count).toBe(ranking.filter((r) => r.bandCode === b.code).length);
    expect(all.bands.reduce((n, b) => n + b.count, 0)).toBe(19);
    expect(all.bins).toHaveLength(10);
    for (const [i, bin] of all.bins.entries()) {
      const inBin = ranking.filter(
        (r) =>
          r.total !== null &&
          r.total >= i / 10 &&
          (i === 9 ? r.total <= 1 : r.total < (i + 1) / 10),
      );
      expect(bin, `bin ${i}`).toEqual({ from: i / 10, count: inBin.length });
    }
    const parent = ranking[0]!.parentCode!;
    const some = await readDistribution(ws.engine, FW, 2024, parent);
    const under = ranking.filter((r) => r.parentCode === parent);
    expect(some.bands.reduce((n, b) => n + b.count, 0)).toBe(under.length);
    expect(some.bins.reduce((n, b) => n + b.count, 0)).toBe(under.length);
  });

  it('strengths are above the median and weaknesses below, largest first', async () => {
    const { strengths, weaknesses } = await readStrengths(ws.engine, FW, '17971', 2024);
    expect(weaknesses.length).toBeGreaterThan(0);
    for (const w of weaknesses) expect(w.fraction).toBeLessThan(w.median);
    for (const s of strengths) expect(s.fraction).toBeGreaterThan(s.median);
    const gaps = weaknesses.map((w) => w.median - w.fraction);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });

  it('targets, points at stake and totals over the years', async () => {
    const targets = await readTargets(ws.engine, '17971', 2024);
    expect(targets).toHaveLength(20);
    expect(targets.every((t) => ['met', 'behind', 'missing'].includes(t.status))).toBe(true);
    const stake = await readPointsAtStake(ws.engine, FW, '17971', 2024);
    expect(stake.map((p) => p.atStake)).toEqual(
      [...stake.map((p) => p.atStake)].sort((a, b) => b - a),
    );
    const [p] = stake;
    expect(p!.atStake).toBeCloseTo(p!.maxPoints - (p!.points ?? 0), 12);
    // The total is Σ points ÷ Σ max counted: the indicator at its max moves it by this much.
    const [t] = await rows(
      ws,
      `SELECT points, max_counted FROM totals WHERE unit_code = '17971' AND year = 2024`,
    );
    const [ip] = await rows(
      ws,
      `SELECT max_counted FROM indicator_points WHERE unit_code = '17971' AND year = 2024 AND indicator = '${p!.indicator}'`,
    );
    const P = Number(t!.points);
    const M = Number(t!.max_counted);
    expect(p!.effectOnTotal).toBeCloseTo(
      (P + p!.atStake) / (M + p!.maxPoints - Number(ip!.max_counted)) - P / M,
      12,
    );
    const trend = await readTotalsOverYears(ws.engine, ['17971', '17986']);
    expect(trend.map((t) => [t.unit, t.year])).toEqual([
      ['17971', 2023],
      ['17971', 2024],
      ['17986', 2023],
      ['17986', 2024],
    ]);
  });

  it('rules are written with the measures named in words, not codes', async () => {
    const [r] = await rows(
      ws,
      `SELECT rule_vi, rule_en FROM fw_indicators WHERE framework_id = '${FW}' AND indicator = 'nl_dinh_danh'`,
    );
    const name = ws.measures().find((m) => m.code === 'cbcc_dinh_danh_dien_tu_ty_le')!.name;
    expect(r).toEqual({
      rule_vi: `điểm = “${name.vi}” × 4 (tối đa 100 %)`,
      rule_en: `points = “${name.en}” × 4 (capped at 100 %)`,
    });
  });

  it('works for a framework scored at main-index level, where units have no parent', async () => {
    const w = await freshWorkspace();
    await w.loadFile(fileAt('tests/fixtures/golden/dti-2022-top5.csv'));
    await w.score('dti-tinh-922', null);
    const [unit] = await rows(w, `SELECT unit_code FROM scores WHERE rank = 1`);
    const standing = await readMainIndexStanding(
      w.engine,
      'dti-tinh-922',
      String(unit!.unit_code),
      2022,
    );
    expect(standing.length).toBeGreaterThan(0);
    expect(standing.filter((m) => m.scored).every((m) => m.best !== null)).toBe(true);
  });
});
