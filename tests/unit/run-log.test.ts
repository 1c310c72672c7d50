// A scoring run's log holds what the run was asked, and the run can be rebuilt from it: the same
// tables again, as COINr's `regen` does — refused once what it names has changed.
import { describe, expect, it } from 'vitest';
import { readRunSettings } from '../../src/lib/workspace/runLog';
import { weightGroups, type WhatIfEdit } from '../../src/lib/whatif/edits';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { csvFile, fileAt, freshWorkspace, rows } from './support/workspace';

const FW = 'dti-xa-minh-hoa';
const PLAN = 'kh-cds-khanh-son-2024';

const tables = async (ws: Workspace) => ({
  scores: await rows(ws, 'SELECT * FROM scores ORDER BY year, unit_code'),
  gaps: await rows(ws, 'SELECT * FROM gaps ORDER BY ALL'),
  points: await rows(
    ws,
    'SELECT unit_code, year, indicator, points FROM indicator_points ORDER BY ALL',
  ),
});

describe('a run rebuilt from its log', () => {
  it('logs what it was asked, and gives the same tables when run again from the log', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const group = weightGroups(ws.framework(FW))[0]!.code;
    const edits: WhatIfEdit[] = [
      { kind: 'weight', framework: FW, group, value: 3 },
      {
        kind: 'value',
        unit: '17971',
        year: 2024,
        measure: 'camera_an_ninh_so_luong',
        value: 90,
        text: null,
      },
    ];
    const first = await ws.score(FW, PLAN, edits);
    expect(first.settings).toMatchObject({ frameworkId: FW, profileId: PLAN, edits, loads: [1] });
    expect(first.settings.framework).toMatch(/^[0-9a-f]{64}$/);
    expect(await readRunSettings(ws.engine)).toEqual(first.settings);
    const before = await tables(ws);

    // Another run in between: no plan, no edits.
    await ws.score(FW, null);
    expect(await tables(ws)).not.toEqual(before);

    const again = await ws.rebuild(first.settings);
    expect(again.settings).toEqual(first.settings);
    expect(await tables(ws)).toEqual(before);
  });

  it('is refused once the loads or the framework it names have changed', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    const run = await ws.score(FW, PLAN);
    await ws.loadFile(
      csvFile('them.csv', 'unit_code,year,camera_an_ninh_so_luong\n17971,2024,95\n'),
    );
    await expect(ws.rebuild(run.settings)).rejects.toThrow(/loads that count have changed/);
    const now = await ws.score(FW, PLAN);
    const fw = ws.framework(FW);
    await ws.registerFramework({ ...fw, indicators: fw.indicators.slice(1) });
    await expect(ws.rebuild(now.settings)).rejects.toThrow(
      /framework "dti-xa-minh-hoa" has changed/,
    );
  });
});
