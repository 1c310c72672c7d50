// What a page opening shows and says before the engine has started.
import { loadBuiltins } from '../framework/builtin';
import { SAY } from '../i18n/stateMessages';
import type { KeyValueStore } from '../storage/keyValue';
import { readLastResults, validateLastResults } from '../workspace/lastResults';
import { takeInterruptedLoad } from '../workspace/loadMark';
import { readSavedWorkspace } from '../workspace/savedWorkspace';
import type { Core } from './core';

/**
 * The results of the saved workspace as last scored, or the sample's for a first visit: on
 * screen at once, marked, until the engine has scored them again.
 */
export async function showLastResults(c: Core, store: KeyValueStore): Promise<void> {
  const saved = await readSavedWorkspace(store);
  const results = saved
    ? await readLastResults(store).catch(() => null)
    : validateLastResults(c.deps.sample.results);
  if (!results) return;
  // Their framework's name, when it is one the app ships.
  c.s.frameworks = loadBuiltins().frameworks;
  c.s.lastResults = results;
}

/**
 * The drop that was loading when the tab was closed or crashed never reached the saved
 * workspace, which is as it was before; the person is told which files to load again.
 */
export async function reportInterruptedLoad(c: Core, store: KeyValueStore): Promise<void> {
  // Another tab's note is that tab's to read: its load may still be under way.
  if (c.s.tabRole !== 'owner') return;
  const files = await takeInterruptedLoad(store);
  if (files) c.notify(SAY.interruptedLoad(files), null);
}
