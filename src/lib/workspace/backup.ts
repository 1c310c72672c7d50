// A backup of the whole workspace: the loaded files as they were dropped, how each was read,
// which drop replaced which, the frameworks, plans and what-if edits, and every notebook. A ZIP
// any tool can open: the files under `tep/` as they were, and one JSON manifest. Restoring it
// loads the same files the same way, so every number still traces back to its cell.
import { Checker, InvalidSpecError } from '../framework/check';
import { blobOf } from '../ingest/inputFile';
import { validateNotebookFile } from '../notebook/validateNotebook';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, type Notebook } from '../notebook/types';
import { unpackEntry, zipEntries } from '../zip/readZip';
import { zipFiles } from '../zip/writeZip.mjs';
import { MAX_UNPACKED_BYTES } from './bundle';
import { fileKey, validateSavedWorkspace, type SavedWorkspace } from './savedWorkspace';

export const BACKUP_FORMAT = 'dti-lab-backup';
export const MANIFEST_NAME = 'dti-lab-sao-luu.json';

export interface Backup {
  workspace: SavedWorkspace;
  notebooks: Notebook[];
  /** File bytes by the keys (SHA-256) the workspace's loads name. */
  files: Map<string, Uint8Array>;
}

/** The backup as ZIP bytes; `created` (ISO time) goes in the manifest for the person. */
export function writeBackup(backup: Backup, created: string): Uint8Array {
  const names = new Map<string, string>();
  for (const load of backup.workspace.loads)
    if (!names.has(load.file)) names.set(load.file, entryName(load.file, load.name));
  const manifest = {
    format: BACKUP_FORMAT,
    version: 1,
    created,
    workspace: backup.workspace,
    notebooks: backup.notebooks,
    files: Object.fromEntries(names),
  };
  const json = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  return zipFiles(
    [
      { name: MANIFEST_NAME, data: json },
      ...[...names].map(([key, name]) => ({ name, data: backup.files.get(key)! })),
    ],
    null,
  );
}

/** The backup, read field by field, each file checked against the SHA-256 it is saved under. */
export async function readBackup(bytes: Uint8Array): Promise<{ backup: Backup; created: string }> {
  const entries = zipEntries(bytes);
  const manifestEntry = entries?.find((e) => e.name === MANIFEST_NAME);
  if (!entries || !manifestEntry)
    throw damaged(
      `not a DTI Lab backup (it holds no ${MANIFEST_NAME})`,
      `không phải bản sao lưu của DTI Lab (không có ${MANIFEST_NAME})`,
    );
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNPACKED_BYTES)
    throw damaged(
      `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 ** 2} MB`,
      `giải nén ra hơn ${MAX_UNPACKED_BYTES / 1024 ** 2} MB`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await unpackEntry(bytes, manifestEntry)));
  } catch (e) {
    throw damaged(String(e), String(e));
  }
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', ['format', 'version', 'created', 'workspace', 'notebooks', 'files']);
  if (o.format !== BACKUP_FORMAT)
    c.fail('format', `phải là "${BACKUP_FORMAT}"`, `must be "${BACKUP_FORMAT}"`);
  c.integer(o.version, 'version', { min: 1, max: 1 });
  const created = c.string(o.created, 'created');
  const notebooksRaw = c.array(o.notebooks, 'notebooks');
  const fileNames = c.object(o.files, 'files');
  for (const [key, name] of Object.entries(fileNames)) c.string(name, `files.${key}`);
  if (c.problems.length > 0) throw invalid(c);

  const workspace = validateSavedWorkspace(o.workspace);
  const notebooks = notebooksRaw.map((nb) =>
    validateNotebookFile({ format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION, notebook: nb }),
  );
  const files = new Map<string, Uint8Array>();
  for (const load of workspace.loads) {
    if (files.has(load.file)) continue;
    const entry = entries.find((e) => e.name === fileNames[load.file]);
    if (!entry) {
      c.fail(`files.${load.file}`, `thiếu tệp "${load.name}"`, `"${load.name}" is missing`);
      continue;
    }
    const data = await unpackEntry(bytes, entry);
    if ((await fileKey(blobOf(data))) !== load.file)
      c.fail(
        `files.${load.file}`,
        `tệp "${load.name}" đã bị sửa hoặc hỏng (mã SHA-256 không khớp)`,
        `"${load.name}" was changed or damaged (its SHA-256 does not match)`,
      );
    else files.set(load.file, data);
  }
  if (c.problems.length > 0) throw invalid(c);
  return { backup: { workspace, notebooks, files }, created };
}

/** `dti-lab-sao-luu-2026-11-24-1530.zip`: sorts by date, says what it is in Vietnamese. */
export function backupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
  return `dti-lab-sao-luu-${day}-${p(at.getHours())}${p(at.getMinutes())}.zip`;
}

/** `tep/<first 8 of the key>-<name>`: unique in the archive, still readable for a person. */
function entryName(key: string, name: string): string {
  // Characters no file system takes, and control characters, become "_".
  const safe = [...name]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-120);
  return `tep/${key.slice(0, 8)}-${safe}`;
}

function damaged(en: string, vi: string): InvalidSpecError {
  return new InvalidSpecError({ vi: 'Tệp sao lưu bị hỏng', en: 'The backup file is damaged' }, [
    { path: '', message: { vi, en } },
  ]);
}

function invalid(c: Checker): InvalidSpecError {
  return new InvalidSpecError(
    { vi: 'Tệp sao lưu không hợp lệ', en: 'Invalid backup file' },
    c.problems,
  );
}
