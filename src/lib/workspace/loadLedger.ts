// What the app keeps about each load beyond the database: the file (to read it again
// another way, to save it, to send it), its content key, which drops replaced the rest, the
// framework and profile files, and saved loads that did not come back. From it come the saved
// workspace and the data sent with a notebook.
import type { LoadReport } from '../ingest/loadReport';
import type { InputFile } from './workspace';
import { fileKey, type ReadChoices, type SavedLoad, type SavedWorkspace } from './savedWorkspace';

/** Batch numbers for loads kept from a failed restore, apart from the ones the database gives. */
const UNRESTORED_BATCH = 1_000_000_000;

/** The choices that made a load read as it was: replayed, they read it the same way. */
export function readChoicesOf(report: LoadReport): ReadChoices {
  const person = report.rateScales.filter((s) => s.decidedBy === 'person');
  return {
    ...(report.sheet ? { sheet: report.sheet } : {}),
    ...(report.encoding ? { encoding: report.encoding } : {}),
    ...(report.shape !== report.detectedShape ? { shape: report.shape } : {}),
    ...(report.subject?.from === 'person' ? { unit: report.subject.unitCode } : {}),
    ...(Object.keys(report.mapping).length > 0 ? { mapping: report.mapping } : {}),
    ...(report.formRoles ? { formRoles: report.formRoles } : {}),
    ...(person.length > 0
      ? { rateScales: Object.fromEntries(person.map((s) => [s.measure, s.scale])) }
      : {}),
  };
}

export class LoadLedger {
  #files = new Map<number, InputFile>();
  #keys = new Map<number, string>();
  #replacing = new Set<number>();
  #specs: string[] = [];
  #unrestored: SavedLoad[] = [];

  async remember(report: LoadReport, input: InputFile, replacing = false): Promise<void> {
    this.#files.set(report.loadId, input);
    this.#keys.set(report.loadId, await fileKey(input.data));
    if (replacing) this.#replacing.add(report.batch ?? report.loadId);
  }

  forget(loadId: number): void {
    this.#files.delete(loadId);
    this.#keys.delete(loadId);
  }

  forgetBatch(batch: number): void {
    this.#replacing.delete(batch);
  }

  input(loadId: number): InputFile | undefined {
    return this.#files.get(loadId);
  }

  addSpec(text: string): void {
    if (!this.#specs.includes(text)) this.#specs = [...this.#specs, text];
  }

  /** A saved load that failed to come back stays saved (its file kept) until the person undoes it. */
  keepUnrestored(load: SavedLoad): void {
    this.#unrestored = [
      ...this.#unrestored,
      { ...load, batch: UNRESTORED_BATCH + this.#unrestored.length },
    ];
  }

  saved(
    reports: readonly LoadReport[],
    frameworkId: string,
    profileId: string | null,
  ): SavedWorkspace {
    const loads = reports.flatMap((r): SavedLoad[] => {
      const file = this.#keys.get(r.loadId);
      if (!file) return [];
      const batch = r.batch ?? r.loadId;
      return [
        {
          name: r.file,
          file,
          choices: readChoicesOf(r),
          batch,
          replace: this.#replacing.has(batch),
        },
      ];
    });
    return {
      version: 1,
      loads: [...loads, ...this.#unrestored],
      specs: this.#specs,
      frameworkId,
      profileId,
    };
  }

  /** Files by content key, for the files a save must write. */
  filesByKey(): Map<string, Blob> {
    return new Map(
      [...this.#keys].flatMap(([id, key]) => {
        const input = this.#files.get(id);
        return input ? [[key, input.data] as const] : [];
      }),
    );
  }

  /**
   * The loads that count now, once each (the same bytes read the same way), as one drop for a
   * colleague, with the bytes they need.
   */
  toSend(
    reports: readonly LoadReport[],
    active: ReadonlySet<number>,
    frameworkId: string,
    profileId: string | null,
  ): { workspace: SavedWorkspace; files: Map<string, Blob> } {
    const counting = reports.filter((r) => active.has(r.loadId));
    const state = this.saved(counting, frameworkId, profileId);
    const seen = new Set<string>();
    const loads = state.loads
      .filter((l) => l.batch < UNRESTORED_BATCH)
      .filter((l) => {
        const same = `${l.file}|${JSON.stringify(l.choices)}`;
        if (seen.has(same)) return false;
        seen.add(same);
        return true;
      })
      .map((l) => ({ ...l, batch: 0, replace: false }));
    const byKey = this.filesByKey();
    const files = new Map(loads.map((l) => [l.file, byKey.get(l.file)!]));
    return { workspace: { ...state, loads }, files };
  }
}
