// A notebook with the data it was written on, as one file for a colleague: the notebook, the
// files as they were dropped and how each was read, gzip-compressed JSON. Opening it loads the
// same files the same way, so the colleague's numbers trace back to the same cells.
import { Checker, InvalidSpecError } from '../framework/check';
import type { Notebook } from '../notebook/types';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION } from '../notebook/types';
import { notebookFileText } from '../notebook/notebookFile';
import { validateNotebookFile } from '../notebook/validateNotebook';
import { validateSavedWorkspace, type SavedWorkspace } from './savedWorkspace';

export const BUNDLE_FORMAT = 'dti-lab-bundle';
export const BUNDLE_EXTENSION = '.dtilab';

export interface Bundle {
  notebook: Notebook;
  workspace: SavedWorkspace;
  /** File bytes by the keys the workspace's loads name. */
  files: Map<string, Uint8Array>;
}

export async function writeBundle(bundle: Bundle): Promise<Uint8Array> {
  const json = JSON.stringify({
    format: BUNDLE_FORMAT,
    version: 1,
    notebook: JSON.parse(notebookFileText(bundle.notebook)) as unknown,
    workspace: bundle.workspace,
    files: Object.fromEntries([...bundle.files].map(([key, bytes]) => [key, toBase64(bytes)])),
  });
  return gzip(new TextEncoder().encode(json));
}

/** Whether the bytes are a bundle (gzip) rather than a plain notebook file (JSON text). */
export function isBundle(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function readBundle(bytes: Uint8Array): Promise<Bundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await gunzip(bytes)));
  } catch (e) {
    throw new InvalidSpecError({ vi: 'Tệp sổ kèm dữ liệu bị hỏng', en: 'The bundle is damaged' }, [
      { path: '', message: { vi: String(e), en: String(e) } },
    ]);
  }
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', ['format', 'version', 'notebook', 'workspace', 'files']);
  if (o.format !== BUNDLE_FORMAT)
    c.fail('format', `phải là "${BUNDLE_FORMAT}"`, `must be "${BUNDLE_FORMAT}"`);
  c.integer(o.version, 'version', { min: 1, max: 1 });
  const filesRaw = c.object(o.files, 'files');
  const files = new Map<string, Uint8Array>();
  for (const [key, value] of Object.entries(filesRaw)) {
    const text = c.string(value, `files.${key}`);
    try {
      files.set(key, fromBase64(text));
    } catch {
      c.fail(`files.${key}`, 'không phải base64', 'is not base64');
    }
  }
  if (c.problems.length > 0)
    throw new InvalidSpecError(
      { vi: 'Tệp sổ kèm dữ liệu không hợp lệ', en: 'Invalid bundle' },
      c.problems,
    );
  const notebook = validateNotebookFile({
    ...(o.notebook as object),
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_VERSION,
  });
  const workspace = validateSavedWorkspace(o.workspace);
  const missing = workspace.loads.filter((l) => !files.has(l.file));
  if (missing.length > 0)
    throw new InvalidSpecError(
      { vi: 'Tệp sổ kèm dữ liệu thiếu tệp', en: 'The bundle misses files' },
      missing.map((l) => ({
        path: `files.${l.file}`,
        message: { vi: `thiếu tệp "${l.name}"`, en: `"${l.name}" is missing` },
      })),
    );
  return { notebook, workspace, files };
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The largest bundle opened once unpacked: the biggest file the app takes, in base64. Counted
 * while unpacking, so a small file that unpacks to gigabytes stops early.
 */
export const MAX_UNPACKED_BYTES = 600 * 1024 ** 2;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_UNPACKED_BYTES) {
      await reader.cancel();
      throw new Error(`unpacks to more than ${MAX_UNPACKED_BYTES / 1024 ** 2} MB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}
