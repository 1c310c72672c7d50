// The loaded data, frameworks and target profiles in one DuckDB database, and the only
// entry point that changes them: load files, register a framework or profile, score.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { INGEST_DDL } from '../ingest/tablesDdl';
import { PIPELINE_LOG_DDL, SPEC_DDL } from '../scoring/tablesDdl';
import type { Builtins } from '../framework/builtin';
import {
  frameworkTablesSql,
  frameworkWeightsSql,
  measureCatalogSql,
  removeFrameworkSql,
  removeProfileSql,
  targetProfileTablesSql,
} from '../scoring/specTables';
import { checkpoint } from '../ingest/progress';
import { assessedFramework } from '../framework/assessedFramework';
import type { Framework, MeasureDef, TargetProfile } from '../framework/types';
import type { InputFile } from '../ingest/inputFile';
import { loadInput, type LoadOptions } from '../ingest/loadInput';
import { inLoad } from '../ingest/loadWrites';
import { referenceUnitsSql } from '../ingest/unitsByName';
import type { WorkbookReader } from '../ingest/workbook';
import type { LoadReport } from '../ingest/loadReport';
import { AFFECTED_DDL, changedValues, editedKey, type EditedValue } from '../scoring/affected';
import { ALL_SOURCES, runPipeline } from '../scoring/pipeline';
import type { PipelineRun } from '../scoring/pipelineLog';
import { PipelineMemory } from '../scoring/pipelineMemory';
import {
  editFramework,
  editProfile,
  valueEdits,
  type ValueEdit,
  type WhatIfEdit,
} from '../whatif/edits';
import { WHAT_IF_DDL, whatIfValuesSql } from '../whatif/valuesTable';
import {
  changedSince,
  digestOf,
  RUN_SETTINGS_DDL,
  writeRunSettingsSql,
  type RunSettings,
} from './runLog';

export interface WorkspaceLoadOptions extends LoadOptions {
  /** Loads dropped together share a batch (the first load's id); undo takes back a batch. */
  batch?: number;
  /** Set aside every load outside this batch: they stay, inactive, until an undo. */
  replace?: boolean;
}

export type { InputFile } from '../ingest/inputFile';

export interface Workspace {
  readonly engine: Engine;
  frameworks(): Framework[];
  /** Every measure known: the built-in catalog and the frameworks' own. */
  measures(): MeasureDef[];
  profiles(): TargetProfile[];
  framework(id: string): Framework;
  profile(id: string): TargetProfile;
  registerFramework(fw: Framework): Promise<void>;
  registerProfile(p: TargetProfile): Promise<void>;
  /** Loads one file in one transaction; nothing of a failed file remains. */
  loadFile(file: InputFile, options?: WorkspaceLoadOptions): Promise<LoadReport>;
  /** Removes one load (to read its file again differently); its batch and what it replaced stay. */
  removeLoad(loadId: number): Promise<void>;
  /** Takes back a batch of loads and brings back what it replaced. */
  undoBatch(batch: number): Promise<void>;
  /** Whether each load still counts (false once a later batch replaced it). */
  loadStates(): Promise<Map<number, boolean>>;
  /** Scores with the framework and profile as the what-if edits change them (none: as loaded). */
  score(
    frameworkId: string,
    profileId: string | null,
    edits?: readonly WhatIfEdit[],
  ): Promise<ScoredRun>;
  /**
   * Runs again what a run's log says it was asked (its `settings`, or the last run's as
   * `readRunSettings` gives them), as COINr's `regen` does: the same tables again. Refused when
   * the framework, the plan or the loads that count have changed since.
   */
  rebuild(settings: RunSettings): Promise<ScoredRun>;
}

/** A run, with what it was asked (also kept in `pipeline_settings`). */
export type ScoredRun = PipelineRun & { settings: RunSettings };

/** Units no longer named by any load go with their last load. */
const UNITS_WITHOUT_DATA = `DELETE FROM units WHERE unit_code NOT IN
  (SELECT unit_code FROM observations UNION SELECT unit_code FROM assessments)`;

type Spec = { kind: 'framework'; def: Framework } | { kind: 'profile'; def: TargetProfile };

/**
 * What a load brings besides data: a framework or target profile read from a sheet; for a form
 * whose indicators a framework knows, that framework scored from the forms' points.
 */
function specsOf(report: LoadReport, frameworks: ReadonlyMap<string, Framework>): Spec[] {
  if (report.framework) return [{ kind: 'framework', def: report.framework.definition }];
  if (report.profile) return [{ kind: 'profile', def: report.profile.definition }];
  const assessedOf = report.assessed && frameworks.get(report.assessed.framework);
  if (assessedOf)
    return (['appraised', 'self'] as const).map((kind) => ({
      kind: 'framework',
      def: assessedFramework(assessedOf, kind),
    }));
  return [];
}

async function execAll(engine: Engine, statements: string[]): Promise<void> {
  for (const s of statements) await engine.exec(s);
}

/** Runs `work` in one transaction: all of it happens, or none. */
async function inTransaction<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
  await engine.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await engine.exec('COMMIT');
    return result;
  } catch (e) {
    await engine.exec('ROLLBACK');
    throw e;
  }
}

export async function openWorkspace(
  engine: Engine,
  builtins: Builtins,
  readWorkbook: WorkbookReader,
): Promise<Workspace> {
  await execAll(engine, [
    ...INGEST_DDL,
    ...SPEC_DDL,
    ...PIPELINE_LOG_DDL,
    ...WHAT_IF_DDL,
    ...AFFECTED_DDL,
    ...RUN_SETTINGS_DDL,
    ...referenceUnitsSql(),
  ]);
  const frameworks = new Map<string, Framework>();
  const profiles = new Map<string, TargetProfile>();

  const catalog = (): MeasureDef[] => [
    ...builtins.measures,
    ...[...frameworks.values()].flatMap((f) => f.measures),
  ];

  // What the framework and profile tables hold now, by id: as registered, or as edited by a
  // what-if. Scoring rewrites them only when that changes.
  const written = new Map<string, string>();
  // What changed since the last scoring, so that a replay runs only the steps it touches.
  const memory = new PipelineMemory();
  const changed = new Set<string>(ALL_SOURCES);
  const changedAll = (): void => ALL_SOURCES.forEach((s) => changed.add(s));
  const writeFramework = async (fw: Framework): Promise<void> => {
    const key = JSON.stringify(fw);
    const before = written.get(`fw:${fw.id}`);
    if (before === key) return;
    // A new weight changes only how main indices add up, not any indicator's points.
    const rest = (f: Framework): string =>
      JSON.stringify({ ...f, aggregation: { ...f.aggregation, weights: null } });
    const onlyWeights = before !== undefined && rest(JSON.parse(before) as Framework) === rest(fw);
    await execAll(
      engine,
      onlyWeights ? frameworkWeightsSql(fw) : frameworkTablesSql(fw, catalog()),
    );
    written.set(`fw:${fw.id}`, key);
    changed.add(onlyWeights ? 'weights' : 'framework');
  };
  const writeProfile = async (p: TargetProfile): Promise<void> => {
    const key = JSON.stringify(p);
    if (written.get(`tp:${p.id}`) === key) return;
    await execAll(engine, targetProfileTablesSql(p));
    written.set(`tp:${p.id}`, key);
    changed.add('profile');
  };
  let whatIfWritten = '';
  let valuesWritten: ValueEdit[] = [];
  // The values changed since the last scoring.
  const edited = new Map<string, EditedValue>();
  /**
   * The statements that write the what-if values, when they differ from those written: the
   * scoring sends them with its first ones, and calls `written` once they are in.
   */
  const whatIfValuesWrite = (
    edits: readonly WhatIfEdit[],
  ): { statements: string[]; written: () => void } => {
    const statements = whatIfValuesSql(edits);
    const sql = statements.join(';\n');
    if (sql === whatIfWritten) return { statements: [], written: () => undefined };
    changed.add('whatIf');
    const values = valueEdits(edits).map(({ e }) => e);
    for (const k of changedValues(valuesWritten, values)) edited.set(editedKey(k), k);
    return {
      statements,
      written: () => {
        whatIfWritten = sql;
        valuesWritten = values;
      },
    };
  };

  const registerFramework = async (fw: Framework): Promise<void> => {
    frameworks.set(fw.id, fw);
    // The measure catalog (kinds, scales) is read with the data.
    changed.add('data');
    written.delete(`fw:${fw.id}`);
    await writeFramework(fw);
    await execAll(engine, measureCatalogSql(catalog()));
  };
  const registerProfile = async (p: TargetProfile): Promise<void> => {
    profiles.set(p.id, p);
    written.delete(`tp:${p.id}`);
    await writeProfile(p);
  };
  for (const fw of builtins.frameworks) await registerFramework(fw);
  for (const p of builtins.profiles) await registerProfile(p);

  // Frameworks and target profiles read from sheets, by the load that read them: undoing the
  // load takes them back out (unless a later load of the same sheet still holds them).
  const sheetSpecs = new Map<number, Spec[]>();
  const specSql = (spec: Spec): string[] => {
    // These statements write the tables behind the cache's back: the next score rewrites them.
    written.delete(`${spec.kind === 'framework' ? 'fw' : 'tp'}:${spec.def.id}`);
    return spec.kind === 'framework'
      ? [
          ...frameworkTablesSql(spec.def, catalog()),
          ...measureCatalogSql([...catalog(), ...spec.def.measures]),
        ]
      : targetProfileTablesSql(spec.def);
  };
  const adopt = (spec: Spec): void => {
    if (spec.kind === 'framework') frameworks.set(spec.def.id, spec.def);
    else profiles.set(spec.def.id, spec.def);
  };
  /** What removing these loads does to sheet specs: SQL to run, and the maps to fix after. */
  const forget = (loadIds: number[]): { sql: string[]; after: () => Promise<void> } => {
    const gone = loadIds.flatMap((id) => sheetSpecs.get(id) ?? []);
    const kept = (spec: Spec): Spec | undefined =>
      [...sheetSpecs]
        .filter(([id]) => !loadIds.includes(id))
        .flatMap(([, s]) => s)
        .filter((s) => s.kind === spec.kind && s.def.id === spec.def.id)
        .at(-1);
    for (const spec of gone)
      written.delete(`${spec.kind === 'framework' ? 'fw' : 'tp'}:${spec.def.id}`);
    const sql = gone.flatMap((spec) => {
      const other = kept(spec);
      if (other) return specSql(other);
      return spec.kind === 'framework'
        ? removeFrameworkSql(spec.def.id)
        : removeProfileSql(spec.def.id);
    });
    return {
      sql,
      after: async () => {
        for (const spec of gone) {
          const other = kept(spec);
          if (other) adopt(other);
          else if (spec.kind === 'framework') frameworks.delete(spec.def.id);
          else profiles.delete(spec.def.id);
        }
        for (const id of loadIds) sheetSpecs.delete(id);
        if (gone.length > 0) await execAll(engine, measureCatalogSql(catalog()));
      },
    };
  };
  /** The loads of a batch, read before they are deleted. */
  const loadsOf = async (batch: number): Promise<number[]> =>
    toRows(await engine.query(`SELECT load_id FROM loads WHERE batch = ${batch}`)).map((r) =>
      Number(r.load_id),
    );

  const get = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`unknown ${what}: ${id}`);
    return found;
  };

  return {
    engine,
    frameworks: () => [...frameworks.values()],
    // One entry per code: a framework's own definition of a measure replaces the catalog's.
    measures: () => [...new Map(catalog().map((m) => [m.code, m])).values()],
    profiles: () => [...profiles.values()],
    framework: (id) => get(frameworks, id, 'framework'),
    profile: (id) => get(profiles, id, 'target profile'),
    registerFramework,
    registerProfile,
    // A file that fails half-way leaves no trace: its observations go in before its transaction
    // and are deleted if it fails (see loadWrites.ts); the rest is one transaction. A framework
    // or profile read from a sheet is written in that transaction and joins the lists after it.
    loadFile: async (file, options = {}) => {
      changedAll();
      const report = await inLoad(engine, async (writes) => {
        const read = await loadInput(
          engine,
          file,
          writes,
          { measures: catalog(), frameworks: [...frameworks.values()] },
          readWorkbook,
          options,
        );
        await writes.begin();
        const batch = options.batch ?? read.loadId;
        await engine.exec(`UPDATE loads SET batch = ${batch} WHERE load_id = ${read.loadId}`);
        const specs = specsOf(read, frameworks);
        for (const spec of specs) await execAll(engine, specSql(spec));
        // Replacing means replacing data: a framework or a list of targets sets nothing aside.
        if (options.replace && !read.framework && !read.profile) {
          await engine.exec(
            `UPDATE loads SET active = FALSE, replaced_by = ${batch} WHERE active AND batch <> ${batch}`,
          );
        }
        // The last moment a cancel can still take everything back.
        checkpoint(options, file.name, 'checking', 1, 1);
        return { ...read, batch };
      });
      const specs = specsOf(report, frameworks);
      if (specs.length > 0) {
        sheetSpecs.set(report.loadId, specs);
        specs.forEach(adopt);
      }
      return report;
    },
    removeLoad: async (loadId) => {
      changedAll();
      const id = Math.trunc(loadId);
      const specs = forget([id]);
      await inTransaction(engine, () =>
        execAll(engine, [
          `DELETE FROM observations WHERE load_id = ${id}`,
          `DELETE FROM assessments WHERE load_id = ${id}`,
          `DELETE FROM load_issues WHERE load_id = ${id}`,
          `DELETE FROM load_scales WHERE load_id = ${id}`,
          `DELETE FROM loads WHERE load_id = ${id}`,
          UNITS_WITHOUT_DATA,
          ...specs.sql,
        ]),
      );
      await specs.after();
    },
    undoBatch: async (batch) => {
      changedAll();
      const b = Math.trunc(batch);
      const specs = forget(await loadsOf(b));
      await inTransaction(engine, () =>
        execAll(engine, [
          `DELETE FROM observations WHERE load_id IN (SELECT load_id FROM loads WHERE batch = ${b})`,
          `DELETE FROM assessments WHERE load_id IN (SELECT load_id FROM loads WHERE batch = ${b})`,
          `DELETE FROM load_issues WHERE load_id IN (SELECT load_id FROM loads WHERE batch = ${b})`,
          `DELETE FROM load_scales WHERE load_id IN (SELECT load_id FROM loads WHERE batch = ${b})`,
          `DELETE FROM loads WHERE batch = ${b}`,
          `UPDATE loads SET active = TRUE, replaced_by = NULL WHERE replaced_by = ${b}`,
          UNITS_WITHOUT_DATA,
          ...specs.sql,
        ]),
      );
      await specs.after();
    },
    loadStates: async () =>
      new Map(
        toRows(await engine.query('SELECT load_id, active FROM loads')).map((r) => [
          Number(r.load_id),
          Boolean(r.active),
        ]),
      ),
    score: (frameworkId, profileId, edits = []) => score(frameworkId, profileId, edits),
    rebuild: async (logged) => {
      const why = changedSince(
        logged,
        await settingsOf(logged.frameworkId, logged.profileId, logged.edits),
      );
      if (why) throw new Error(`the logged run cannot be rebuilt: ${why}`);
      return score(logged.frameworkId, logged.profileId, logged.edits);
    },
  };

  async function settingsOf(
    frameworkId: string,
    profileId: string | null,
    edits: readonly WhatIfEdit[],
  ): Promise<RunSettings> {
    const active = toRows(await engine.query('SELECT load_id FROM loads WHERE active ORDER BY 1'));
    return {
      frameworkId,
      framework: await digestOf(get(frameworks, frameworkId, 'framework')),
      profileId,
      profile:
        profileId === null ? null : await digestOf(get(profiles, profileId, 'target profile')),
      edits: [...edits],
      loads: active.map((r) => Number(r.load_id)),
    };
  }

  async function score(
    frameworkId: string,
    profileId: string | null,
    edits: readonly WhatIfEdit[],
  ): Promise<ScoredRun> {
    const framework = editFramework(get(frameworks, frameworkId, 'framework'), edits);
    const profile =
      profileId === null ? null : editProfile(get(profiles, profileId, 'target profile'), edits);
    await writeFramework(framework);
    if (profile) await writeProfile(profile);
    const whatIf = whatIfValuesWrite(edits);
    const run = await runPipeline(
      engine,
      { framework, profile, whatIfValues: valueEdits(edits).length > 0 },
      { memory, changed, edited: [...edited.values()], inputs: whatIf.statements },
    );
    whatIf.written();
    changed.clear();
    edited.clear();
    const settings = await settingsOf(frameworkId, profileId, edits);
    await engine.exec(writeRunSettingsSql(settings));
    return { ...run, settings };
  }
}
