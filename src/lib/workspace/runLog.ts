// What a scoring run was asked: the framework and plan (by id and by a digest of their
// definitions, as registered), the what-if edits, and the loads that counted. Kept in
// `pipeline_settings` beside the steps' log (`pipeline_log`), so a run can be rebuilt from its
// log — and refused when what it names has changed since.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';
import type { WhatIfEdit } from '../whatif/edits';

export interface RunSettings {
  frameworkId: string;
  /** SHA-256 of the framework's definition as registered, before the edits. */
  framework: string;
  profileId: string | null;
  profile: string | null;
  edits: WhatIfEdit[];
  /** The loads that counted (active), ascending. */
  loads: number[];
}

export const RUN_SETTINGS_DDL = [
  `CREATE TABLE IF NOT EXISTS pipeline_settings (
    framework_id VARCHAR, framework_digest VARCHAR, profile_id VARCHAR, profile_digest VARCHAR,
    edits VARCHAR, loads INTEGER[]
  )`,
];

const digests = new WeakMap<object, Promise<string>>();

/**
 * A definition's digest: the same JSON, the same digest, in the browser and in Node. Kept per
 * object (definitions are not changed in place): a what-if edit's run does not hash it again.
 */
export function digestOf(definition: object): Promise<string> {
  let digest = digests.get(definition);
  if (!digest) {
    const bytes = new TextEncoder().encode(JSON.stringify(definition));
    digest = crypto.subtle
      .digest('SHA-256', bytes)
      .then((hash) =>
        [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join(''),
      );
    digests.set(definition, digest);
  }
  return digest;
}

export function writeRunSettingsSql(s: RunSettings): string {
  return `DELETE FROM pipeline_settings;
INSERT INTO pipeline_settings (framework_id, framework_digest, profile_id, profile_digest, edits, loads)
VALUES (${lit(s.frameworkId)}, ${lit(s.framework)}, ${lit(s.profileId)}, ${lit(s.profile)},
  ${lit(JSON.stringify(s.edits))}, [${s.loads.map((id) => lit(id)).join(', ')}]::INTEGER[])`;
}

/** The last run's settings; null before any run. */
export async function readRunSettings(engine: Engine): Promise<RunSettings | null> {
  const [r] = toRows(await engine.query('SELECT * FROM pipeline_settings'));
  if (!r) return null;
  return {
    frameworkId: String(r.framework_id),
    framework: String(r.framework_digest),
    profileId: r.profile_id === null ? null : String(r.profile_id),
    profile: r.profile_digest === null ? null : String(r.profile_digest),
    edits: JSON.parse(String(r.edits)) as WhatIfEdit[],
    loads: ((r.loads as unknown[]) ?? []).map(Number),
  };
}

/** Why a run cannot be rebuilt as it was, in words; null when it can. */
export function changedSince(logged: RunSettings, now: RunSettings): string | null {
  if (logged.framework !== now.framework)
    return `the framework "${logged.frameworkId}" has changed since the run`;
  if (logged.profile !== now.profile)
    return `the target profile "${logged.profileId}" has changed since the run`;
  if (logged.loads.join() !== now.loads.join())
    return `the loads that count have changed since the run (${logged.loads.join(', ')} then, ${now.loads.join(', ')} now)`;
  return null;
}
