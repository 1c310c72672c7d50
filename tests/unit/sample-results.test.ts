// The first screen of a first visit shows the sample's results before the engine has started:
// they are kept in data-samples/nam-dan-2023-2024.results.json, and must be exactly what scoring
// the sample gives now. When scoring changes on purpose, `npx vitest run -u` writes them again.
import { expect, test } from 'vitest';
import { readRanking, readYears } from '../../src/lib/scoring/results';
import { lastResultsOf, validateLastResults } from '../../src/lib/workspace/lastResults';
import { SAMPLE } from '../../src/lib/workspace/sample';
import { fileAt, freshWorkspace } from './support/workspace';

test('the sample results shipped with the app are what scoring the sample gives', async () => {
  const ws = await freshWorkspace();
  await ws.loadFile(fileAt(`data-samples/${SAMPLE.file}`));
  await ws.score(SAMPLE.frameworkId, SAMPLE.profileId);
  const year = (await readYears(ws.engine)).at(-1)!;
  const results = lastResultsOf(
    { ...SAMPLE, year, ranking: await readRanking(ws.engine, year) },
    null,
  );
  expect(results.units).toBe(19);
  expect(validateLastResults(JSON.parse(JSON.stringify(results)))).toEqual(results);
  await expect(`${JSON.stringify(results, null, 2)}\n`).toMatchFileSnapshot(
    '../../data-samples/nam-dan-2023-2024.results.json',
  );
});

test('stored results that do not read are no results, never a wrong table', () => {
  expect(validateLastResults(undefined)).toBeNull();
  expect(validateLastResults({ version: 2 })).toBeNull();
  const row = {
    unitCode: '17932',
    unitName: 'Xã Nam Hưng',
    parentCode: null,
    parentName: null,
    rank: 1,
    rankInParent: 1,
    previousRank: null,
    rankChange: null,
    total: 0.5,
    points: 50,
    maxCounted: 100,
    totalMax: 100,
    band: { vi: 'Khởi động', en: 'Starting' },
    bandCode: 'khoi_dong',
    bandIndex: 0,
    coverage: 1,
    mainIndexValues: { cq: 0.5 },
  };
  const stored = {
    version: 1,
    scoredAt: '2026-12-08T01:00:00.000Z',
    frameworkId: 'dti-xa-minh-hoa',
    profileId: null,
    year: 2024,
    units: 1,
    ranking: [row],
  };
  expect(validateLastResults(stored)).toEqual(stored);
  expect(validateLastResults({ ...stored, ranking: [{ ...row, total: '0,5' }] })).toBeNull();
  expect(validateLastResults({ ...stored, ranking: [{ ...row, band: 'Khởi động' }] })).toBeNull();
  expect(validateLastResults({ ...stored, extra: true })).toBeNull();
});
