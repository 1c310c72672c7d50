// The session's loads: a drop of files, reading one again with other choices, the person's
// column choices, undoing a drop; frameworks and target profiles from files join the selectors.
import { toRows } from '../db/rows';
import { assessedFrameworkId } from '../framework/assessedFramework';
import { readSpecFile } from '../framework/readSpecFile';
import { SAY } from '../i18n/stateMessages';
import {
  columnsToMap,
  withGuessesAccepted,
  type ColumnMapping,
  type MappingChoice,
} from '../ingest/columnMapping';
import type { FormRole } from '../ingest/formColumns';
import type { RateScale } from '../ingest/rateScales';
import { IngestError } from '../ingest/errors';
import type { InputFile } from '../ingest/inputFile';
import type { LoadOptions } from '../ingest/loadInput';
import type { LoadReport } from '../ingest/loadReport';
import type { LoadControl } from '../ingest/progress';
import { readLoadedLevels, readParentsOfLoads } from '../scoring/results';
import { litList } from '../sql/quote';
import { readChoicesOf } from '../workspace/loadLedger';
import { clearLoadMark, markLoad } from '../workspace/loadMark';
import { SAMPLE } from '../workspace/sample';
import type { Workspace } from '../workspace/workspace';
import type { Core } from './core';

/**
 * Loads each file: data into the workspace, frameworks and target profiles (JSON) into the
 * selectors. A file that fails leaves everything loaded before it untouched.
 */
export async function loadFiles(
  c: Core,
  files: readonly (File | InputFile)[],
): Promise<LoadReport[]> {
  const { s } = c;
  const ws = c.workspace();
  s.phase = 'busy';
  const done: LoadReport[] = [];
  let changed = false;
  const abort = new AbortController();
  c.loading.abort = abort;
  const { store } = await c.deps.storage();
  await markLoad(
    store,
    files.map((f) => f.name),
  ).catch(() => undefined);
  try {
    for (const [index, file] of files.entries()) {
      const control: LoadControl = {
        signal: abort.signal,
        onProgress: (p) => {
          s.progress = { file: file.name, index, count: files.length, ...p };
        },
      };
      try {
        // A dropped file is read where it lies, as the load needs its parts.
        const input = file instanceof File ? { name: file.name, data: file } : file;
        if (/\.json$/i.test(input.name)) {
          const text = await input.data.text();
          await registerSpec(c, text);
          c.ledger().addSpec(text);
        } else {
          // The first file of a drop opens its batch; in replace mode the drop's data sets
          // aside everything loaded before it (frameworks and targets set nothing aside).
          const batch = done[0]?.batch;
          const replace = s.loadMode === 'replace';
          const report = await ws.loadFile(input, {
            ...(batch === undefined ? {} : { batch }),
            replace,
            remembered: (signature) => c.deps.mappings.remembered(signature),
            ...control,
          });
          await c.ledger().remember(report, input, replace && batch === undefined);
          adoptFramework(c, report);
          done.push(report);
        }
        changed = true;
      } catch (e) {
        c.notify(SAY.fileNotLoaded(file.name), e);
        // A cancel stops the whole drop: the files after this one are not read either.
        if (e instanceof IngestError && e.code === 'cancelled') break;
      }
    }
    s.progress = null;
    c.loading.abort = null;
    if (done.length > 0) {
      s.reports = [...s.reports, ...done];
      // The mapping view opens on the last file of the drop with columns to look at.
      const toMap = [...done].reverse().find((r) => columnsToMap(r).length > 0);
      if (toMap) s.mappingLoad = toMap.loadId;
      s.activeLoads = await activeLoads(ws);
      s.showingSample = false;
      await rankByForms(c, done);
      await fitFrameworkTo(
        c,
        done.map((r) => r.loadId),
      );
    }
    if (changed) {
      const newest = Math.max(0, ...done.map((r) => r.year ?? 0));
      await c.rescore(newest || null).catch((e: unknown) => c.notify(SAY.scoringFailed, e));
      await turnToNewUnits(c, done);
      c.save();
    }
  } finally {
    s.progress = null;
    c.loading.abort = null;
    s.phase = 'ready';
    // After the drop's result is saved (or nothing came of it), the note goes.
    c.afterSaves(() => clearLoadMark(store).catch(() => undefined));
  }
  return done;
}

/** Stops the load under way at its next step; what it had written is taken back. */
export function cancelLoad(c: Core): void {
  c.loading.abort?.abort();
}

/** Reads a loaded file again with another sheet or text encoding, in the same place. */
export async function reloadWith(c: Core, loadId: number, options: LoadOptions): Promise<void> {
  const { s } = c;
  const ws = c.workspace();
  const input = c.ledger().input(loadId);
  const old = s.reports.find((r) => r.loadId === loadId);
  if (!input || !old) return;
  try {
    // What the person chose before (sheet, encoding, shape) holds unless chosen again.
    const report = await ws.loadFile(input, {
      remembered: (signature) => c.deps.mappings.remembered(signature),
      ...readChoicesOf(old),
      ...options,
      ...(old.batch === undefined ? {} : { batch: old.batch }),
    });
    await ws.removeLoad(loadId);
    c.ledger().forget(loadId);
    await c.ledger().remember(report, input);
    // All three at once: in between, a view keyed on the load (the mapping view) saw none.
    const active = await activeLoads(ws);
    s.reports = s.reports.map((r) => (r.loadId === loadId ? report : r));
    if (s.mappingLoad === loadId) s.mappingLoad = report.loadId;
    s.activeLoads = active;
    refreshSpecs(c);
    adoptFramework(c, report);
    await fitFrameworkTo(c, [report.loadId]);
    await c.rescore(report.year);
    c.save();
  } catch (e) {
    c.notify(SAY.fileNotReloaded(input.name), e);
  }
}

/** A column read as a measure, or as none: the choice is remembered for the same header. */
export const remapped =
  (c: Core, column: string, measure: MappingChoice) =>
  (report: LoadReport): LoadOptions =>
    remembered(c, report, { ...report.mapping, [column]: measure });

/** Every guessed column confirmed, and remembered. */
export const guessesAccepted =
  (c: Core) =>
  (report: LoadReport): LoadOptions =>
    remembered(c, report, withGuessesAccepted(report));

function remembered(c: Core, report: LoadReport, mapping: ColumnMapping): LoadOptions {
  c.deps.mappings.remember({ [report.signature]: mapping });
  return { mapping };
}

export const formRoleSet =
  (column: string, role: FormRole | null) =>
  (report: LoadReport): LoadOptions => ({ formRoles: { ...report.formRoles, [column]: role } });

export const rateScaleSet =
  (measure: string, scale: RateScale) =>
  (report: LoadReport): LoadOptions => {
    const chosen = Object.fromEntries(
      report.rateScales.filter((r) => r.decidedBy === 'person').map((r) => [r.measure, r.scale]),
    );
    return { mapping: report.mapping, rateScales: { ...chosen, [measure]: scale } };
  };

/** Takes back the last drop of files, bringing back whatever it replaced. */
export async function undoLastLoad(c: Core): Promise<void> {
  const { s } = c;
  const ws = c.workspace();
  const last = s.reports.at(-1)?.batch;
  if (last === undefined) return;
  await ws.undoBatch(last);
  refreshSpecs(c);
  for (const r of s.reports) if (r.batch === last) c.ledger().forget(r.loadId);
  c.ledger().forgetBatch(last);
  s.reports = s.reports.filter((r) => r.batch !== last);
  s.newParent = null;
  s.activeLoads = await activeLoads(ws);
  s.showingSample = onlySample(s.reports, s.activeLoads);
  await fitFrameworkTo(c, [...s.activeLoads]);
  await c.rescore();
  c.save();
}

export async function registerSpec(c: Core, text: string): Promise<void> {
  const ws = c.workspace();
  const spec = readSpecFile(text);
  if (spec.kind === 'framework') {
    await ws.registerFramework(spec.framework);
    c.s.frameworks = ws.frameworks();
    c.s.frameworkId = spec.framework.id;
  } else {
    await ws.registerProfile(spec.profile);
    c.s.profiles = ws.profiles();
    c.s.profileId = spec.profile.id;
  }
}

/** After an undo or a re-read: the lists as the workspace has them, a gone choice replaced. */
function refreshSpecs(c: Core): void {
  const { s } = c;
  const ws = c.workspace();
  s.frameworks = ws.frameworks();
  s.profiles = ws.profiles();
  s.measures = ws.measures();
  if (!s.frameworks.some((f) => f.id === s.frameworkId)) s.frameworkId = SAMPLE.frameworkId;
  if (s.profileId !== null && !s.profiles.some((p) => p.id === s.profileId))
    s.profileId = s.profiles.some((p) => p.id === SAMPLE.profileId) ? SAMPLE.profileId : null;
}

/** A framework or target profile read from a sheet joins its selector and is selected. */
export function adoptFramework(c: Core, report: LoadReport): void {
  const { s } = c;
  const ws = c.workspace();
  if (report.framework) {
    s.frameworks = ws.frameworks();
    s.measures = ws.measures();
    s.frameworkId = report.framework.definition.id;
  }
  if (report.profile) {
    s.profiles = ws.profiles();
    s.profileId = report.profile.definition.id;
  }
  // A form brings its framework scored from forms' points into the selector.
  if (report.assessed) {
    s.frameworks = ws.frameworks();
    s.measures = ws.measures();
  }
}

/**
 * A drop of forms for units the framework has no data for ranks them by their forms: by
 * appraised points when any form of the drop gives them (a unit whose form has none then
 * shows no points — the ranking by self-assessed points is the other choice in the
 * selector), else by self-assessed points. Where the data is loaded, the computed ranking
 * stays, the forms beside it.
 */
async function rankByForms(c: Core, done: readonly LoadReport[]): Promise<void> {
  const { s } = c;
  const forms = done.flatMap((r) => (r.assessed && r.subject ? [r] : []));
  const fw = s.frameworks.find((f) => f.id === s.frameworkId);
  if (!fw || forms.length === 0 || forms.length < done.length) return;
  const units = forms.map((r) => r.subject!.unitCode);
  const [data] = toRows(
    await c.workspace().engine.query(`SELECT count(*)::INTEGER AS n FROM observations o
      JOIN loads l USING (load_id)
      WHERE l.active AND o.unit_code IN ${litList(units)}
        AND o.measure IN ${litList(fw.indicators.flatMap((x) => x.measures))}`),
  );
  if (Number(data?.n ?? 0) > 0) return;
  const kind = forms.some((r) => r.assessed!.appraised > 0) ? 'appraised' : 'self';
  const id = assessedFrameworkId(forms[0]!.assessed!.framework, kind);
  if (s.frameworks.some((f) => f.id === id)) s.frameworkId = id;
}

/**
 * A drop of one district's units among another's: the view turns to the new district (its
 * parent filter), so they are not buried at the foot of the ranking.
 */
async function turnToNewUnits(c: Core, done: readonly LoadReport[]): Promise<void> {
  const { s } = c;
  const data = done.filter((r) => r.observations > 0).map((r) => r.loadId);
  if (data.length === 0) return;
  const parents = await readParentsOfLoads(c.workspace().engine, data);
  const only = parents.length === 1 ? parents[0]! : null;
  if (!only?.code) return;
  const others = s.ranking.some((r) => r.parentCode !== null && r.parentCode !== only.code);
  if (!others || s.view.parent === only.code) return;
  s.view.parent = only.code;
  s.newParent = { code: only.code, name: only.name ?? only.code };
}

/** After loading province data with a commune framework selected (or the reverse), switch. */
export async function fitFrameworkTo(c: Core, loadIds: number[]): Promise<void> {
  const { s } = c;
  const levels = await readLoadedLevels(c.workspace().engine, loadIds);
  const current = s.frameworks.find((f) => f.id === s.frameworkId);
  if (!current || levels.length === 0 || levels.includes(current.level)) return;
  const fitting = s.frameworks.find((f) => f.level === levels[0]);
  if (fitting) s.frameworkId = fitting.id;
}

/** Whether the data that counts is the sample alone (what it set aside may come back). */
export function onlySample(reports: readonly LoadReport[], active: ReadonlySet<number>): boolean {
  const counting = reports.filter((r) => active.has(r.loadId));
  return counting.length > 0 && counting.every((r) => r.file === SAMPLE.file);
}

export async function activeLoads(ws: Workspace): Promise<Set<number>> {
  const states = await ws.loadStates();
  return new Set([...states].filter(([, active]) => active).map(([id]) => id));
}
