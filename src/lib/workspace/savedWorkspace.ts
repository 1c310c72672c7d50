// What makes the workspace come back after a reload: the files as they were dropped, how each
// was read (sheet, encoding, shape, mapping, unit, rate scales), in which drop, the chosen
// framework and target profile, and the what-if edits in force. The tables are rebuilt by loading
// the files again in order, so every number keeps pointing at its file, sheet and cell.
import { FORM_ROLES } from '../ingest/formColumns';
import { Checker, InvalidSpecError } from '../framework/check';
import { TEXT_ENCODINGS } from '../ingest/decodeText';
import { blobOf } from '../ingest/inputFile';
import type { LoadOptions } from '../ingest/loadInput';
import type { ColumnMapping, MappingChoice } from '../ingest/columnMapping';
import { SHAPES } from '../ingest/shape';
import type { KeyValueStore } from '../storage/keyValue';
import type { WhatIfEdit } from '../whatif/edits';
import { readEdits } from '../whatif/readEdits';

/** The choices a person made about one file; everything else is detected again. */
export type ReadChoices = Pick<
  LoadOptions,
  'encoding' | 'sheet' | 'mapping' | 'shape' | 'unit' | 'rateScales' | 'formRoles'
>;

export interface SavedLoad {
  name: string;
  /** Key of the file's bytes in the "files" store (its SHA-256). */
  file: string;
  choices: ReadChoices;
  /** Loads dropped together share a batch number (order of drops). */
  batch: number;
  replace: boolean;
}

export interface SavedWorkspace {
  version: 1;
  loads: SavedLoad[];
  /** Framework and target-profile JSON files, as loaded. */
  specs: string[];
  frameworkId: string;
  profileId: string | null;
  /** The workshop's what-if edits in force, oldest first. */
  edits?: WhatIfEdit[];
  /**
   * The column mappings the person confirmed, by header signature: a workspace sent to another
   * office reads that office's next file of the same shape the same way.
   */
  mappings?: Record<string, ColumnMapping>;
}

const KEY = 'current';

export async function readSavedWorkspace(store: KeyValueStore): Promise<SavedWorkspace | null> {
  const raw = await store.get<unknown>('workspace', KEY);
  if (raw === undefined) return null;
  try {
    return validateSavedWorkspace(raw);
  } catch {
    return null;
  }
}

/** Writes the manifest and the files it needs; files no load needs any more are removed. */
export async function writeSavedWorkspace(
  store: KeyValueStore,
  saved: SavedWorkspace,
  fileOf: (key: string) => Blob | Uint8Array | undefined,
): Promise<void> {
  const have = new Set(await store.keys('files'));
  const needed = new Set(saved.loads.map((l) => l.file));
  for (const key of needed) {
    const file = fileOf(key);
    if (!have.has(key) && file) await store.put('files', key, file);
  }
  // The manifest goes in after its files: a crash between the two leaves the old manifest.
  await store.put('workspace', KEY, saved);
  for (const key of have) if (!needed.has(key)) await store.delete('files', key);
}

/** A kept file as a Blob (read from disk when needed), whether it was kept as one or as bytes. */
export async function readSavedFile(store: KeyValueStore, key: string): Promise<Blob | undefined> {
  const kept = await store.get<Blob | Uint8Array>('files', key);
  if (kept === undefined || kept instanceof Blob) return kept;
  return blobOf(kept);
}

/** Files up to this size are keyed by their SHA-256; larger ones by the SHA-256 of their chunks'. */
const KEY_CHUNK = 64 * 1024 ** 2;

/**
 * The key a file is kept under: its SHA-256 (hex). A larger file is read in chunks (Web Crypto
 * hashes only whole buffers), and keyed by the SHA-256 of its chunks' SHA-256s.
 */
export async function fileKey(data: Blob): Promise<string> {
  const sha = async (bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  if (data.size <= KEY_CHUNK) return hex(await sha(await data.arrayBuffer()));
  const digests = new Uint8Array(Math.ceil(data.size / KEY_CHUNK) * 32);
  for (let at = 0; at < data.size; at += KEY_CHUNK)
    digests.set(
      await sha(await data.slice(at, at + KEY_CHUNK).arrayBuffer()),
      (at / KEY_CHUNK) * 32,
    );
  return hex(await sha(digests));
}

const hex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A saved workspace read field by field (storage can be edited, bundles come from others). */
export function validateSavedWorkspace(raw: unknown): SavedWorkspace {
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', [
    'version',
    'loads',
    'specs',
    'frameworkId',
    'profileId',
    'edits',
    'mappings',
  ]);
  c.integer(o.version, 'version', { min: 1, max: 1 });
  const loads = c.array(o.loads, 'loads').map((l, i) => readLoad(c, l, `loads[${i}]`));
  const specs = c.array(o.specs, 'specs').map((s, i) => c.string(s, `specs[${i}]`));
  const saved: SavedWorkspace = {
    version: 1,
    loads,
    specs,
    frameworkId: c.string(o.frameworkId, 'frameworkId'),
    profileId: o.profileId === null ? null : c.string(o.profileId, 'profileId'),
    ...(o.edits === undefined ? {} : { edits: readEdits(c, o.edits, 'edits') }),
    ...(o.mappings === undefined
      ? {}
      : {
          mappings: Object.fromEntries(
            Object.entries(c.object(o.mappings, 'mappings')).map(([signature, m]) => [
              signature,
              readMapping(c, m, `mappings[${JSON.stringify(signature)}]`),
            ]),
          ),
        }),
  };
  if (c.problems.length > 0)
    throw new InvalidSpecError(
      { vi: 'Dữ liệu đã lưu không hợp lệ', en: 'Invalid saved workspace' },
      c.problems,
    );
  return saved;
}

function readLoad(c: Checker, raw: unknown, path: string): SavedLoad {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['name', 'file', 'choices', 'batch', 'replace']);
  return {
    name: c.string(o.name, `${path}.name`),
    file: c.string(o.file, `${path}.file`),
    choices: readChoices(c, o.choices, `${path}.choices`),
    batch: c.integer(o.batch, `${path}.batch`, { min: 0 }),
    replace: c.boolean(o.replace, `${path}.replace`),
  };
}

/** Column name → measure code, one side of a rate, or null for a column not loaded. */
function readMapping(c: Checker, raw: unknown, path: string): ColumnMapping {
  const m = c.object(raw, path);
  return Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, readChoice(c, v, `${path}[${JSON.stringify(k)}]`)]),
  );
}

function readChoice(c: Checker, raw: unknown, path: string): MappingChoice {
  if (raw === null || typeof raw === 'string') return raw;
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['rate', 'part']);
  return {
    rate: c.string(o.rate, `${path}.rate`),
    part: c.oneOf(o.part, `${path}.part`, ['numerator', 'denominator'] as const),
  };
}

function readChoices(c: Checker, raw: unknown, path: string): ReadChoices {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, [
    'encoding',
    'sheet',
    'mapping',
    'shape',
    'unit',
    'rateScales',
    'formRoles',
  ]);
  const out: ReadChoices = {};
  if (o.encoding !== undefined)
    out.encoding = c.oneOf(o.encoding, `${path}.encoding`, TEXT_ENCODINGS);
  if (o.sheet !== undefined) out.sheet = c.string(o.sheet, `${path}.sheet`);
  if (o.shape !== undefined) out.shape = c.oneOf(o.shape, `${path}.shape`, SHAPES);
  if (o.unit !== undefined) out.unit = c.code(o.unit, `${path}.unit`);
  if (o.mapping !== undefined) out.mapping = readMapping(c, o.mapping, `${path}.mapping`);
  if (o.rateScales !== undefined) {
    const r = c.object(o.rateScales, `${path}.rateScales`);
    out.rateScales = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        c.oneOf(v, `${path}.rateScales[${JSON.stringify(k)}]`, ['fraction', 'percent'] as const),
      ]),
    );
  }
  if (o.formRoles !== undefined) {
    const r = c.object(o.formRoles, `${path}.formRoles`);
    out.formRoles = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v === null ? null : c.oneOf(v, `${path}.formRoles[${JSON.stringify(k)}]`, FORM_ROLES),
      ]),
    );
  }
  return out;
}
