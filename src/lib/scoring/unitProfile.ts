// Typed reads for a unit's profile and a side-by-side comparison: main-index values against the
// peers' median and best, the indicators furthest above and below the peers, the total over the
// years, the gaps to targets and the points still at stake, and the self-assessed and appraised
// points beside the computed ones. Peers: the units with the same parent in the same year.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { LocalText } from '../framework/types';
import { lit, litList } from '../sql/quote';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The scored units of a unit's parent that year (all units when it has no parent). */
const peersSql = (unit: string, year: number): string => `
  SELECT unit_code FROM scores WHERE year = ${lit(year)} AND parent_code IS NOT DISTINCT FROM
    (SELECT parent_code FROM scores WHERE unit_code = ${lit(unit)} AND year = ${lit(year)})`;

export interface MainIndexStanding {
  mainIndex: string;
  name: LocalText;
  scored: boolean;
  value: number | null;
  median: number | null;
  best: number | null;
  bestUnit: string | null;
}

export async function readMainIndexStanding(
  engine: Engine,
  frameworkId: string,
  unit: string,
  year: number,
): Promise<MainIndexStanding[]> {
  const rows = toRows(
    await engine.query(`
SELECT m.main_index, f.name_vi, f.name_en, f.scored, f.ord,
  max(m.value) FILTER (WHERE m.unit_code = ${lit(unit)}) AS value,
  median(m.value) AS median, max(m.value) AS best,
  -- Every unit at the best value, the unit itself first: ties are common at full marks.
  string_agg(s.unit_name, ', ' ORDER BY s.unit_code <> ${lit(unit)}, s.unit_name)
    FILTER (WHERE m.value = (SELECT max(x.value) FROM main_index_scores x
      WHERE x.year = m.year AND x.main_index = m.main_index AND x.unit_code IN (${peersSql(unit, year)}))) AS best_unit
FROM main_index_scores m
JOIN scores s USING (unit_code, year)
JOIN fw_main_indices f ON f.framework_id = ${lit(frameworkId)} AND f.main_index = m.main_index
WHERE m.year = ${lit(year)} AND m.unit_code IN (${peersSql(unit, year)})
GROUP BY ALL ORDER BY f.ord`),
  );
  return rows.map((r) => ({
    mainIndex: String(r.main_index),
    name: { vi: String(r.name_vi), en: String(r.name_en) },
    scored: Boolean(r.scored),
    value: num(r.value),
    median: num(r.median),
    best: num(r.best),
    bestUnit: str(r.best_unit),
  }));
}

export interface IndicatorStanding {
  indicator: string;
  name: LocalText;
  /** Share of max points the unit got, and the peers' median share. */
  fraction: number;
  median: number;
}

/**
 * Indicators furthest above the peers' median (strengths) and below it (weaknesses), by share
 * of max points; at most `n` of each, none where the unit equals the median.
 */
export async function readStrengths(
  engine: Engine,
  frameworkId: string,
  unit: string,
  year: number,
  n = 3,
): Promise<{ strengths: IndicatorStanding[]; weaknesses: IndicatorStanding[] }> {
  const rows = toRows(
    await engine.query(`
WITH shares AS (
  SELECT unit_code, indicator, points / max_points AS share
  FROM indicator_points
  -- Indicators without data are not strengths or weaknesses: they have no share to compare.
  WHERE year = ${lit(year)} AND scored AND max_points > 0 AND points IS NOT NULL
    AND status NOT IN ('na', 'missing', 'unreadable')
    AND unit_code IN (${peersSql(unit, year)})
)
SELECT s.indicator, i.name_vi, i.name_en, max(s.share) FILTER (WHERE s.unit_code = ${lit(unit)}) AS share,
  median(s.share) AS median
FROM shares s JOIN fw_indicators i ON i.framework_id = ${lit(frameworkId)} AND i.indicator = s.indicator
GROUP BY ALL HAVING share IS NOT NULL`),
  );
  const all = rows.map((r) => ({
    indicator: String(r.indicator),
    name: { vi: String(r.name_vi), en: String(r.name_en) },
    fraction: Number(r.share),
    median: Number(r.median),
  }));
  const delta = (x: IndicatorStanding): number => x.fraction - x.median;
  return {
    strengths: all
      .filter((x) => delta(x) > 1e-9)
      .sort((a, b) => delta(b) - delta(a))
      .slice(0, n),
    weaknesses: all
      .filter((x) => delta(x) < -1e-9)
      .sort((a, b) => delta(a) - delta(b))
      .slice(0, n),
  };
}

export interface TotalOverYears {
  unit: string;
  unitName: string;
  year: number;
  total: number | null;
  rank: number | null;
}

export async function readTotalsOverYears(
  engine: Engine,
  units: readonly string[],
): Promise<TotalOverYears[]> {
  if (units.length === 0) return [];
  const rows = toRows(
    await engine.query(
      `SELECT unit_code, unit_name, year, total, rank FROM scores
       WHERE unit_code IN ${litList([...units])} ORDER BY unit_code, year`,
    ),
  );
  return rows.map((r) => ({
    unit: String(r.unit_code),
    unitName: String(r.unit_name ?? r.unit_code),
    year: Number(r.year),
    total: num(r.total),
    rank: num(r.rank),
  }));
}

export interface TargetStanding {
  targetId: string;
  measure: string;
  measureName: LocalText;
  kind: string | null;
  direction: string | null;
  comparator: string;
  target: number;
  targetHigh: number | null;
  deadline: number;
  quote: string;
  value: number | null;
  /** The report gave only a bound of the value: above ('>', "trên 70 %") or below ('<'). */
  valueBound: string | null;
  /** `unsure`: the value is only a bound, which cannot tell whether the target is met. */
  status: 'met' | 'behind' | 'unsure' | 'missing';
  gap: number | null;
  attainment: number | null;
  baselineYear: number | null;
  progress: number | null;
  onTrack: boolean | null;
  neededPerYear: number | null;
}

export async function readTargets(
  engine: Engine,
  unit: string,
  year: number,
): Promise<TargetStanding[]> {
  const rows = toRows(
    await engine.query(`
SELECT g.*, t.quote, c.name_vi, c.name_en, c.kind, c.direction
FROM gaps g
JOIN tp_targets t USING (profile_id, target_id)
LEFT JOIN measure_catalog c ON c.measure = g.measure
WHERE g.unit_code = ${lit(unit)} AND g.year = ${lit(year)}
ORDER BY t.ord`),
  );
  return rows.map((r) => ({
    targetId: String(r.target_id),
    measure: String(r.measure),
    measureName: { vi: String(r.name_vi ?? r.measure), en: String(r.name_en ?? r.measure) },
    kind: str(r.kind),
    direction: str(r.direction),
    comparator: String(r.comparator),
    target: Number(r.target),
    targetHigh: num(r.target_high),
    deadline: Number(r.deadline),
    quote: String(r.quote ?? ''),
    value: num(r.x),
    valueBound: str(r.x_bound),
    status: r.status as TargetStanding['status'],
    gap: num(r.gap),
    attainment: num(r.attainment),
    baselineYear: num(r.baseline_year),
    progress: num(r.progress),
    onTrack: r.on_track === null || r.on_track === undefined ? null : Boolean(r.on_track),
    neededPerYear: num(r.needed_per_year),
  }));
}

export interface PointsAtStake {
  indicator: string;
  name: LocalText;
  status: string;
  points: number | null;
  maxPoints: number;
  atStake: number;
  effectOnTotal: number | null;
}

/** Indicators by the points they could still add, largest first. */
export async function readPointsAtStake(
  engine: Engine,
  frameworkId: string,
  unit: string,
  year: number,
  n = 8,
): Promise<PointsAtStake[]> {
  const rows = toRows(
    await engine.query(`
SELECT p.*, i.name_vi, i.name_en FROM points_at_stake p
JOIN fw_indicators i ON i.framework_id = ${lit(frameworkId)} AND i.indicator = p.indicator
WHERE p.unit_code = ${lit(unit)} AND p.year = ${lit(year)} AND p.at_stake > 1e-9
ORDER BY p.at_stake DESC, i.ord LIMIT ${Math.trunc(n)}`),
  );
  return rows.map((r) => ({
    indicator: String(r.indicator),
    name: { vi: String(r.name_vi), en: String(r.name_en) },
    status: String(r.status),
    points: num(r.points),
    maxPoints: Number(r.max_points),
    atStake: Number(r.at_stake),
    effectOnTotal: num(r.effect_on_total),
  }));
}

export interface AssessedPoints {
  indicator: string;
  self: number | null;
  appraised: number | null;
  computed: number | null;
  selfText: string | null;
  appraisedText: string | null;
  source: string | null;
  selfCell: string | null;
  appraisedCell: string | null;
}

export async function readAssessed(
  engine: Engine,
  unit: string,
  year: number,
): Promise<AssessedPoints[]> {
  const rows = toRows(
    await engine.query(
      `SELECT * FROM assessed_points WHERE unit_code = ${lit(unit)} AND year = ${lit(year)}`,
    ),
  );
  return rows.map((r) => ({
    indicator: String(r.indicator),
    self: num(r.self_points),
    appraised: num(r.appraised_points),
    computed: num(r.computed_points),
    selfText: str(r.self_text),
    appraisedText: str(r.appraised_text),
    source: str(r.source_file),
    selfCell: str(r.self_cell),
    appraisedCell: str(r.appraised_cell),
  }));
}
