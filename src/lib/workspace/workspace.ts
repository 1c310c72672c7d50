// The loaded data, frameworks and target profiles in one DuckDB database, and the only
// entry point that changes them: load files, register a framework or profile, score.
import type { Engine } from '../db/engine';
import { WORKSPACE_DDL } from '../db/schema';
import type { Builtins } from '../framework/builtin';
import {
  frameworkTablesSql,
  measureCatalogSql,
  targetProfileTablesSql,
} from '../framework/toTables';
import type { Framework, MeasureDef, TargetProfile } from '../framework/types';
import { loadInput, type LoadOptions } from '../ingest/loadInput';
import type { WorkbookReader } from '../ingest/workbook';
import type { LoadReport } from '../ingest/loadStaged';
import { runPipeline, type PipelineRun } from '../scoring/pipeline';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface Workspace {
  readonly engine: Engine;
  frameworks(): Framework[];
  profiles(): TargetProfile[];
  framework(id: string): Framework;
  profile(id: string): TargetProfile;
  registerFramework(fw: Framework): Promise<void>;
  registerProfile(p: TargetProfile): Promise<void>;
  loadFile(file: InputFile, options?: LoadOptions): Promise<LoadReport>;
  score(frameworkId: string, profileId: string | null): Promise<PipelineRun>;
}

async function execAll(engine: Engine, statements: string[]): Promise<void> {
  for (const s of statements) await engine.exec(s);
}

export async function openWorkspace(
  engine: Engine,
  builtins: Builtins,
  readWorkbook: WorkbookReader,
): Promise<Workspace> {
  await execAll(engine, WORKSPACE_DDL);
  const frameworks = new Map<string, Framework>();
  const profiles = new Map<string, TargetProfile>();

  const catalog = (): MeasureDef[] => [
    ...builtins.measures,
    ...[...frameworks.values()].flatMap((f) => f.measures),
  ];

  const registerFramework = async (fw: Framework): Promise<void> => {
    frameworks.set(fw.id, fw);
    await execAll(engine, [...frameworkTablesSql(fw), ...measureCatalogSql(catalog())]);
  };
  const registerProfile = async (p: TargetProfile): Promise<void> => {
    profiles.set(p.id, p);
    await execAll(engine, targetProfileTablesSql(p));
  };
  for (const fw of builtins.frameworks) await registerFramework(fw);
  for (const p of builtins.profiles) await registerProfile(p);

  const get = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`unknown ${what}: ${id}`);
    return found;
  };

  return {
    engine,
    frameworks: () => [...frameworks.values()],
    profiles: () => [...profiles.values()],
    framework: (id) => get(frameworks, id, 'framework'),
    profile: (id) => get(profiles, id, 'target profile'),
    registerFramework,
    registerProfile,
    // One transaction per file: a file that fails half-way leaves no trace.
    loadFile: async (file, options = {}) => {
      await engine.exec('BEGIN TRANSACTION');
      try {
        const report = await loadInput(engine, file, catalog(), readWorkbook, options);
        await engine.exec('COMMIT');
        return report;
      } catch (e) {
        await engine.exec('ROLLBACK');
        throw e;
      }
    },
    score: (frameworkId, profileId) =>
      runPipeline(engine, {
        framework: get(frameworks, frameworkId, 'framework'),
        profile: profileId === null ? null : get(profiles, profileId, 'target profile'),
      }),
  };
}
