// What leaves the session and comes back: the saved workspace read again at start, the data
// sent with a notebook (out and in), a backup's content.
import { readSpecFile } from '../framework/readSpecFile';
import { SAY } from '../i18n/stateMessages';
import { blobOf, bytesByKey } from '../ingest/inputFile';
import type { LoadReport } from '../ingest/loadReport';
import type { Backup } from '../workspace/backup';
import { readSavedFile, type SavedWorkspace } from '../workspace/savedWorkspace';
import type { Core } from './core';
import { activeLoads, adoptFramework, onlySample, registerSpec } from './loads';

/**
 * The workspace as it was saved: frameworks and profiles, then each load in its drop, read
 * with the same choices. A file that no longer loads is reported; the others still come back.
 */
export async function restoreSaved(
  c: Core,
  saved: SavedWorkspace,
  fileOf: (key: string) => Promise<Blob | undefined>,
): Promise<void> {
  const { s } = c;
  const ws = c.workspace();
  for (const text of saved.specs) {
    try {
      await registerSpec(c, text);
      c.ledger().addSpec(text);
    } catch (e) {
      c.notify(SAY.frameworkNotRestored, e);
    }
  }
  const batches: Record<number, number> = {};
  const reports: LoadReport[] = [];
  for (const load of saved.loads) {
    try {
      const data = await fileOf(load.file);
      if (!data) throw new Error(`the saved copy of "${load.name}" is missing`);
      const input = { name: load.name, data };
      const batch = batches[load.batch];
      // Read with exactly the saved choices: mappings remembered since then do not apply.
      const report = await ws.loadFile(input, {
        ...load.choices,
        ...(batch === undefined ? {} : { batch }),
        replace: load.replace,
      });
      batches[load.batch] = report.batch ?? report.loadId;
      await c.ledger().remember(report, input, load.replace);
      adoptFramework(c, report);
      reports.push(report);
    } catch (e) {
      c.ledger().keepUnrestored(load);
      c.notify(SAY.fileNotRestored(load.name), e);
    }
  }
  s.reports = reports;
  s.activeLoads = await activeLoads(ws);
  s.showingSample = onlySample(reports, s.activeLoads);
  chooseSaved(c, saved);
  // Scoring applies them (edits of a framework or plan no longer here are kept, doing nothing).
  s.edits = saved.edits ?? [];
  // What this browser remembers wins: the saved copy may be older than a later choice.
  if (saved.mappings) c.deps.mappings.remember({ ...saved.mappings, ...c.deps.mappings.all() });
}

/** The framework and profile a saved or sent workspace chose, where they exist here. */
function chooseSaved(c: Core, saved: SavedWorkspace): void {
  const { s } = c;
  if (s.frameworks.some((f) => f.id === saved.frameworkId)) s.frameworkId = saved.frameworkId;
  if (saved.profileId === null || s.profiles.some((p) => p.id === saved.profileId))
    s.profileId = saved.profileId;
}

/** The data as it counts now (loads still active), for a notebook sent with its data. */
export async function dataToSend(
  c: Core,
): Promise<{ workspace: SavedWorkspace; files: Map<string, Uint8Array> }> {
  const { s } = c;
  const sent = c.ledger().toSend(s.reports, s.activeLoads, s.frameworkId, s.profileId);
  return { workspace: sent.workspace, files: await bytesByKey(sent.files) };
}

/**
 * Data that came with a notebook: loaded as one drop that sets aside what was there (an undo
 * brings it back), with the sender's choices, framework and target profile.
 */
export async function openSentData(
  c: Core,
  saved: SavedWorkspace,
  files: Map<string, Uint8Array>,
): Promise<void> {
  const { s } = c;
  const ws = c.workspace();
  for (const text of saved.specs) {
    // A sent framework may add to the app's, never stand in for a built-in one.
    const id = specId(text);
    if (id && c.builtinIds().includes(id)) {
      c.notify(SAY.sentFrameworkClash(id), null);
      continue;
    }
    await registerSpec(c, text);
    c.ledger().addSpec(text);
  }
  const done: LoadReport[] = [];
  for (const load of saved.loads) {
    const input = { name: load.name, data: blobOf(files.get(load.file)!) };
    try {
      const batch = done[0]?.batch;
      const report = await ws.loadFile(input, {
        ...load.choices,
        ...(batch === undefined ? {} : { batch }),
        replace: true,
      });
      await c.ledger().remember(report, input, batch === undefined);
      adoptFramework(c, report);
      done.push(report);
    } catch (e) {
      c.notify(SAY.fileNotLoaded(load.name), e);
    }
  }
  s.reports = [...s.reports, ...done];
  s.activeLoads = await activeLoads(ws);
  s.showingSample = false;
  chooseSaved(c, saved);
  await c.rescore();
  c.save();
}

/**
 * The workspace as it is now with the bytes of every file it names (one that did not restore
 * is still in storage): what a backup holds besides the notebooks.
 */
export async function backupContent(c: Core): Promise<Omit<Backup, 'notebooks'>> {
  const { s } = c;
  const saved = c.ledger().saved(s.reports, s.frameworkId, s.profileId);
  const kept = c.ledger().filesByKey();
  const { store } = await c.deps.storage();
  for (const load of saved.loads)
    if (!kept.has(load.file)) {
      const data = await readSavedFile(store, load.file);
      if (data) kept.set(load.file, data);
    }
  const files = await bytesByKey(kept);
  const loads = saved.loads.filter((l) => files.has(l.file));
  return {
    workspace: { ...saved, loads, edits: s.edits, mappings: c.deps.mappings.all() },
    files,
  };
}

/** The id a framework or profile file gives itself, or null when it does not read. */
function specId(text: string): string | null {
  try {
    const spec = readSpecFile(text);
    return spec.kind === 'framework' ? spec.framework.id : spec.profile.id;
  } catch {
    return null;
  }
}
