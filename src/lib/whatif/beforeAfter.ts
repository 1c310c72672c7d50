// Before and after a what-if: the scores without any edit are kept in `what_if_before` (and the
// target standings in `what_if_before_gaps`), so every unit's total, rank and band can be shown
// beside what the edits make of them.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { LocalText } from '../framework/types';
import { lit } from '../sql/quote';

/** Run right after scoring without edits: what the edits are compared with. */
export const SNAPSHOT_SQL = [
  `CREATE OR REPLACE TABLE what_if_before AS
  SELECT unit_code, year, total, points, max_counted, rank, band, band_vi, band_en FROM scores`,
  `CREATE OR REPLACE TABLE what_if_before_gaps AS
  SELECT unit_code, year, target_id, status, gap FROM gaps`,
];

export const DROP_SNAPSHOT_SQL = [
  'DROP TABLE IF EXISTS what_if_before',
  'DROP TABLE IF EXISTS what_if_before_gaps',
];

export interface Standing {
  total: number | null;
  points: number | null;
  maxCounted: number | null;
  rank: number | null;
  band: LocalText | null;
}

export interface UnitChange {
  unitCode: string;
  unitName: string;
  before: Standing;
  after: Standing;
  /** After − before, in total (0–1); null when either is missing. */
  delta: number | null;
  /** Places gained (positive) or lost (negative). */
  rankMove: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const band = (vi: unknown, en: unknown): LocalText | null =>
  vi === null || vi === undefined ? null : { vi: String(vi), en: String(en ?? vi) };

/** Every unit of the year, in the order of the new ranking. */
export async function readUnitChanges(engine: Engine, year: number): Promise<UnitChange[]> {
  const rows = toRows(
    await engine.query(`
SELECT s.unit_code, s.unit_name, s.total, s.points, s.max_counted, s.rank, s.band_vi, s.band_en,
  b.total AS b_total, b.points AS b_points, b.max_counted AS b_max_counted, b.rank AS b_rank,
  b.band_vi AS b_band_vi, b.band_en AS b_band_en
FROM scores s LEFT JOIN what_if_before b USING (unit_code, year)
WHERE s.year = ${lit(year)}
ORDER BY s.rank NULLS LAST, s.unit_code`),
  );
  return rows.map((r) => {
    const after: Standing = {
      total: num(r.total),
      points: num(r.points),
      maxCounted: num(r.max_counted),
      rank: num(r.rank),
      band: band(r.band_vi, r.band_en),
    };
    const before: Standing = {
      total: num(r.b_total),
      points: num(r.b_points),
      maxCounted: num(r.b_max_counted),
      rank: num(r.b_rank),
      band: band(r.b_band_vi, r.b_band_en),
    };
    return {
      unitCode: String(r.unit_code),
      unitName: String(r.unit_name ?? r.unit_code),
      before,
      after,
      delta: after.total !== null && before.total !== null ? after.total - before.total : null,
      rankMove: after.rank !== null && before.rank !== null ? before.rank - after.rank : null,
    };
  });
}

export interface TargetChange {
  targetId: string;
  metBefore: number;
  metAfter: number;
  units: number;
}

/** For each target: how many units of the year meet it without and with the edits. */
export async function readTargetChanges(engine: Engine, year: number): Promise<TargetChange[]> {
  const rows = toRows(
    await engine.query(`
SELECT g.target_id, count(*) FILTER (WHERE g.status = 'met') AS met_after,
  count(*) FILTER (WHERE b.status = 'met') AS met_before, count(*) AS units
FROM gaps g LEFT JOIN what_if_before_gaps b USING (unit_code, year, target_id)
WHERE g.year = ${lit(year)}
GROUP BY g.target_id ORDER BY g.target_id`),
  );
  return rows.map((r) => ({
    targetId: String(r.target_id),
    metBefore: Number(r.met_before),
    metAfter: Number(r.met_after),
    units: Number(r.units),
  }));
}
