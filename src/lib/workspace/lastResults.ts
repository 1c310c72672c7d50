// The results last on screen, kept beside the saved workspace: a page opening shows them at once,
// marked as such, while the engine starts and scores the workspace again (seconds). For a first
// visit the sample's results are known when the app is built (data-samples/*.results.json).
import { Checker } from '../framework/check';
import type { RankingRow } from '../scoring/results';
import type { KeyValueStore } from '../storage/keyValue';

export interface LastResults {
  version: 1;
  /** When they were scored (ISO time); null for the sample's, scored when the app was built. */
  scoredAt: string | null;
  frameworkId: string;
  profileId: string | null;
  year: number;
  /** Every unit ranked that year; `ranking` holds the first of them. */
  units: number;
  ranking: RankingRow[];
}

/** A national ranking has 10,000 rows: the first screen needs the top of it. */
export const KEPT_ROWS = 200;
const KEY = 'last-results';

export function lastResultsOf(
  scored: { frameworkId: string; profileId: string | null; year: number; ranking: RankingRow[] },
  scoredAt: Date | null,
): LastResults {
  const byRank = [...scored.ranking].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitCode.localeCompare(b.unitCode),
  );
  return {
    version: 1,
    scoredAt: scoredAt?.toISOString() ?? null,
    frameworkId: scored.frameworkId,
    profileId: scored.profileId,
    year: scored.year,
    units: scored.ranking.length,
    ranking: byRank.slice(0, KEPT_ROWS),
  };
}

export async function readLastResults(store: KeyValueStore): Promise<LastResults | null> {
  return validateLastResults(await store.get<unknown>('workspace', KEY));
}

export function writeLastResults(store: KeyValueStore, results: LastResults): Promise<void> {
  return store.put('workspace', KEY, results);
}

/** Gone with the workspace they came from (a backup put in its place scores its own). */
export function forgetLastResults(store: KeyValueStore): Promise<void> {
  return store.delete('workspace', KEY);
}

/**
 * Stored results read field by field; anything that does not read is no results (a first screen
 * without them), never a wrong table.
 */
export function validateLastResults(raw: unknown): LastResults | null {
  if (raw === undefined || raw === null) return null;
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', [
    'version',
    'scoredAt',
    'frameworkId',
    'profileId',
    'year',
    'units',
    'ranking',
  ]);
  c.integer(o.version, 'version', { min: 1, max: 1 });
  const results: LastResults = {
    version: 1,
    scoredAt: o.scoredAt === null ? null : c.string(o.scoredAt, 'scoredAt'),
    frameworkId: c.string(o.frameworkId, 'frameworkId'),
    profileId: o.profileId === null ? null : c.string(o.profileId, 'profileId'),
    year: c.integer(o.year, 'year', { min: 1900, max: 2200 }),
    units: c.integer(o.units, 'units', { min: 0 }),
    ranking: c.array(o.ranking, 'ranking').map((r, i) => readRow(c, r, `ranking[${i}]`)),
  };
  return c.problems.length === 0 ? results : null;
}

function readRow(c: Checker, raw: unknown, path: string): RankingRow {
  const o = c.object(raw, path);
  const at = (field: string) => `${path}.${field}`;
  const text = (field: string): string | null =>
    o[field] === null ? null : c.string(o[field], at(field));
  const num = (field: string): number | null =>
    o[field] === null ? null : c.number(o[field], at(field));
  return {
    unitCode: c.string(o.unitCode, at('unitCode')),
    unitName: c.string(o.unitName, at('unitName')),
    parentCode: text('parentCode'),
    parentName: text('parentName'),
    rank: num('rank'),
    rankInParent: num('rankInParent'),
    previousRank: num('previousRank'),
    rankChange: num('rankChange'),
    total: num('total'),
    points: c.number(o.points, at('points')),
    maxCounted: c.number(o.maxCounted, at('maxCounted')),
    totalMax: c.number(o.totalMax, at('totalMax')),
    band: o.band === null ? null : c.localText(o.band, at('band')),
    bandCode: text('bandCode'),
    bandIndex: num('bandIndex'),
    coverage: num('coverage'),
    mainIndexValues: Object.fromEntries(
      Object.entries(c.object(o.mainIndexValues, at('mainIndexValues'))).map(([k, v]) => [
        k,
        v === null ? null : c.number(v, at(`mainIndexValues.${k}`)),
      ]),
    ),
  };
}
