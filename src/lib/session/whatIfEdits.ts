// The session's what-if edits. While any edit is in force the result tables hold the scores
// with the edits, and `what_if_before` the scores without them: taken when the first edit comes,
// taken again whenever the data, framework or profile changes under the edits (see
// session.rescore), dropped with the last edit. So the table exists exactly while edits do.
import { DROP_SNAPSHOT_SQL, SNAPSHOT_SQL } from '../whatif/beforeAfter';
import type { WhatIfEdit } from '../whatif/edits';
import { SAMPLE } from '../workspace/sample';
import type { Core } from './core';
import { loadFiles, onlySample } from './loads';

/** The next list is made from the list as it is when the change runs, after those before it. */
export async function editsTo(c: Core, next: (edits: WhatIfEdit[]) => WhatIfEdit[]): Promise<void> {
  const { s } = c;
  const edits = next(s.edits);
  if (edits.length === s.edits.length && edits.every((e, i) => e === s.edits[i])) return;
  const t0 = performance.now();
  // Before the first edit the result tables hold the scores as loaded: they become "before".
  if (edits.length > 0 && s.edits.length === 0) await takeBefore(c);
  s.edits = edits;
  if (edits.length === 0) await dropBefore(c);
  // An edit changes values, not which years there are.
  await c.scoreAndRead(null, false);
  s.whatIfMs = performance.now() - t0;
  c.save();
}

/** The scores as they are now become "before" the edits. */
export async function takeBefore(c: Core): Promise<void> {
  await c.workspace().engine.exec(SNAPSHOT_SQL.join(';\n'));
}

export async function dropBefore(c: Core): Promise<void> {
  await c.workspace().engine.exec(DROP_SNAPSHOT_SQL.join(';\n'));
}

/**
 * The workshop's clean state: the sample district (loaded as a new drop when other data is
 * in use, so an undo brings that back), no edits, the default framework and the given plan.
 */
export async function resetWorkshop(c: Core, profileId: string | null): Promise<void> {
  const { s } = c;
  s.edits = [];
  await dropBefore(c);
  if (!s.showingSample) {
    const mode = s.loadMode;
    s.loadMode = 'replace';
    try {
      await loadFiles(c, [await c.deps.sample.file()]);
    } finally {
      s.loadMode = mode;
    }
    // Only the sample counts now; what it set aside comes back with an undo.
    s.showingSample = onlySample(s.reports, s.activeLoads);
  }
  s.frameworkId = SAMPLE.frameworkId;
  s.profileId = profileId !== null && s.profiles.some((p) => p.id === profileId) ? profileId : null;
  await c.rescore();
  c.save();
}
