// Typed reads of the result tables for views and the automation API; views never write SQL.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { LocalText } from '../framework/types';
import { lit } from '../sql/quote';

export interface RankingRow {
  unitCode: string;
  unitName: string;
  parentCode: string | null;
  parentName: string | null;
  rank: number | null;
  rankInParent: number | null;
  /** The rank the year before, of the units ranked both years. */
  previousRank: number | null;
  rankChange: number | null;
  total: number | null;
  points: number;
  maxCounted: number;
  totalMax: number;
  band: LocalText | null;
  /** The band's code, and its place in the framework's list from the lowest (its colour). */
  bandCode: string | null;
  bandIndex: number | null;
  coverage: number | null;
  mainIndexValues: Record<string, number | null>;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function readYears(engine: Engine): Promise<number[]> {
  const rows = toRows(await engine.query('SELECT DISTINCT year FROM scores ORDER BY year'));
  return rows.map((r) => Number(r.year));
}

export async function readRanking(engine: Engine, year: number): Promise<RankingRow[]> {
  const y = lit(year);
  const scores = toRows(
    await engine.query(
      `SELECT * FROM scores WHERE year = ${y} ORDER BY rank NULLS LAST, unit_code`,
    ),
  );
  const mains = toRows(
    await engine.query(
      `SELECT unit_code, main_index, value FROM main_index_scores WHERE year = ${y}`,
    ),
  );
  const byUnit = new Map<string, Record<string, number | null>>();
  for (const m of mains) {
    const code = String(m.unit_code);
    const values = byUnit.get(code) ?? {};
    values[String(m.main_index)] = num(m.value);
    byUnit.set(code, values);
  }
  return scores.map((s) => ({
    unitCode: String(s.unit_code),
    unitName: String(s.unit_name ?? s.unit_code),
    parentCode: s.parent_code === null ? null : String(s.parent_code),
    parentName: s.parent_name === null ? null : String(s.parent_name),
    rank: num(s.rank),
    rankInParent: num(s.rank_in_parent),
    previousRank: num(s.previous_rank),
    rankChange: num(s.rank_change),
    total: num(s.total),
    points: Number(s.points ?? 0),
    maxCounted: Number(s.max_counted ?? 0),
    totalMax: Number(s.total_max ?? 0),
    band: s.band === null ? null : { vi: String(s.band_vi), en: String(s.band_en) },
    bandCode: s.band === null ? null : String(s.band),
    bandIndex: num(s.band_index),
    coverage: num(s.coverage),
    mainIndexValues: byUnit.get(String(s.unit_code)) ?? {},
  }));
}

export interface Distribution {
  /** Every band of the framework, highest first, with how many units it holds. */
  bands: { code: string; index: number; name: LocalText; count: number }[];
  /** Units per tenth of the total (0–0.1 … 0.9–1, the last with 1 itself). */
  bins: { from: number; count: number }[];
}

/** How the year's units spread over the bands and the totals, of one parent's units or all. */
export async function readDistribution(
  engine: Engine,
  frameworkId: string,
  year: number,
  parent: string | null,
): Promise<Distribution> {
  const of = `s.year = ${lit(year)}${parent === null ? '' : ` AND s.parent_code = ${lit(parent)}`}`;
  const bands = toRows(
    await engine.query(
      `SELECT b.band, b.position, b.name_vi, b.name_en, count(s.unit_code) AS n
       FROM fw_bands b LEFT JOIN scores s ON s.band = b.band AND ${of}
       WHERE b.framework_id = ${lit(frameworkId)}
       GROUP BY ALL ORDER BY b.position DESC`,
    ),
  );
  const bins = toRows(
    await engine.query(
      `SELECT r.i AS bin, count(s.total) AS n
       FROM range(10) r(i) LEFT JOIN scores s
         ON ${of} AND s.total BETWEEN 0 AND 1 AND least(floor(s.total * 10), 9) = r.i
       GROUP BY r.i ORDER BY r.i`,
    ),
  );
  return {
    bands: bands.map((b) => ({
      code: String(b.band),
      index: Number(b.position),
      name: { vi: String(b.name_vi), en: String(b.name_en) },
      count: Number(b.n),
    })),
    bins: bins.map((b) => ({ from: Number(b.bin) / 10, count: Number(b.n) })),
  };
}

/** Levels of the units in the given loads, most frequent first: picks a framework that fits. */
export async function readLoadedLevels(
  engine: Engine,
  loadIds: readonly number[],
): Promise<string[]> {
  const rows = toRows(
    await engine.query(
      `SELECT u.level FROM units u WHERE u.level IS NOT NULL AND u.unit_code IN
         (SELECT unit_code FROM observations WHERE load_id IN (${loadIds.map((id) => lit(id)).join(', ') || 'NULL'}))
       GROUP BY u.level ORDER BY count(*) DESC`,
    ),
  );
  return rows.map((r) => String(r.level));
}

/**
 * Indicators of the scored framework that no unit has any input for in the year: the data they
 * need was not loaded (or its column not matched).
 */
export async function readIndicatorsWithoutData(engine: Engine, year: number): Promise<string[]> {
  const rows = toRows(
    await engine.query(
      `SELECT indicator FROM indicator_points WHERE year = ${lit(year)} AND scored
       GROUP BY indicator HAVING bool_and(status = 'missing') ORDER BY indicator`,
    ),
  );
  return rows.map((r) => String(r.indicator));
}

/** The parents of the units the given loads hold data for (null: units without a parent). */
export async function readParentsOfLoads(
  engine: Engine,
  loadIds: readonly number[],
): Promise<{ code: string | null; name: string | null }[]> {
  const rows = toRows(
    await engine.query(
      `SELECT u.parent_code AS code, any_value(u.parent_name) AS name FROM units u
       WHERE u.unit_code IN (SELECT unit_code FROM observations WHERE load_id IN (${loadIds.map((id) => lit(id)).join(', ') || 'NULL'}))
       GROUP BY u.parent_code`,
    ),
  );
  return rows.map((r) => ({
    code: r.code === null ? null : String(r.code),
    name: r.name === null ? null : String(r.name),
  }));
}
