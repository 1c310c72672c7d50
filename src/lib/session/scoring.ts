// Scoring in the session: the workspace scored with the choices and edits as they are, the
// results read into the state all at once, and kept for the next page opening to show at once.
import { readEngineMemory } from '../db/engineMemory';
import { readIndicatorsWithoutData, readRanking, readYears } from '../scoring/results';
import { lastResultsOf, writeLastResults, type LastResults } from '../workspace/lastResults';
import type { Core } from './core';
import type { SessionState } from './state';

export async function scoreAndRead(
  c: Core,
  preferYear: number | null,
  yearsMayChange = true,
): Promise<void> {
  const { s } = c;
  const ws = c.workspace();
  await ws.score(s.frameworkId, s.profileId, s.edits);
  const years = yearsMayChange ? await readYears(ws.engine) : s.years;
  const year =
    preferYear !== null && years.includes(preferYear)
      ? preferYear
      : years.includes(s.year ?? -1)
        ? s.year
        : (years.at(-1) ?? null);
  // Both read before either is shown: a view redrawn in between kept the engine's answer waiting.
  const [ranking, lacking, memory] = await Promise.all([
    year === null ? [] : readRanking(ws.engine, year),
    year === null ? [] : readIndicatorsWithoutData(ws.engine, year),
    readEngineMemory(ws.engine),
  ]);
  s.years = years;
  s.year = year;
  s.ranking = ranking;
  s.lacking = lacking;
  s.scored += 1;
  s.engineMemory = memory;
  keepResults(c);
}

/** Another year of the results already scored. */
export async function showYear(c: Core, year: number): Promise<void> {
  const { s } = c;
  const engine = c.workspace().engine;
  const [ranking, lacking] = await Promise.all([
    readRanking(engine, year),
    readIndicatorsWithoutData(engine, year),
  ]);
  s.year = year;
  s.ranking = ranking;
  s.lacking = lacking;
  keepResults(c);
}

export function resultsNow(s: SessionState): LastResults | null {
  const { frameworkId, profileId, year, ranking } = s;
  if (year === null) return null;
  return lastResultsOf({ frameworkId, profileId, year, ranking }, new Date());
}

/** The results on screen, for the next page opening to show at once. */
function keepResults(c: Core): void {
  const results = resultsNow(c.s);
  if (!results) return;
  // Only a help for the next opening: not kept, it is scored again then.
  c.afterSaves(() =>
    c.deps
      .storage()
      .then(({ store }) => writeLastResults(store, results))
      .catch(() => undefined),
  );
}
