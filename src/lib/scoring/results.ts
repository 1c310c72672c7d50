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
  rankChange: number | null;
  total: number | null;
  points: number;
  maxCounted: number;
  totalMax: number;
  band: LocalText | null;
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
    rankChange: num(s.rank_change),
    total: num(s.total),
    points: Number(s.points ?? 0),
    maxCounted: Number(s.max_counted ?? 0),
    totalMax: Number(s.total_max ?? 0),
    band: s.band === null ? null : { vi: String(s.band_vi), en: String(s.band_en) },
    coverage: num(s.coverage),
    mainIndexValues: byUnit.get(String(s.unit_code)) ?? {},
  }));
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
