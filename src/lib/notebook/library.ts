// The notebooks a person has, kept in browser storage. The built-in ones are copied in on first
// start and then belong to the person like any other (a "restore" brings the original back).
import type { KeyValueStore } from '../storage/keyValue';
import type { Notebook } from './types';
import { validateNotebookFile } from './validateNotebook';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION } from './types';

export interface NotebookEntry {
  id: string;
  title: string;
  updated: string;
  builtin: boolean;
}

/** The person's notebooks, newest first, after the built-in ones in `builtinOrder`. */
export async function listNotebooks(
  store: KeyValueStore,
  builtinOrder: readonly string[] = [],
): Promise<NotebookEntry[]> {
  const out: NotebookEntry[] = [];
  for (const key of await store.keys('notebooks')) {
    const nb = await readStored(store, key);
    if (nb)
      out.push({ id: nb.id, title: nb.title, updated: nb.updated, builtin: nb.builtin === true });
  }
  const place = (e: NotebookEntry) => (e.builtin ? builtinOrder.indexOf(e.id) : -1);
  return out.sort((a, b) =>
    a.builtin !== b.builtin
      ? a.builtin
        ? -1
        : 1
      : a.builtin
        ? place(a) - place(b)
        : b.updated.localeCompare(a.updated),
  );
}

/** A stored notebook, checked like a file: storage can be edited from the browser's tools. */
export async function readStored(store: KeyValueStore, id: string): Promise<Notebook | null> {
  const raw = await store.get<unknown>('notebooks', id);
  if (raw === undefined) return null;
  try {
    return validateNotebookFile({
      format: NOTEBOOK_FORMAT,
      version: NOTEBOOK_VERSION,
      notebook: raw,
    });
  } catch {
    return null;
  }
}

export function saveNotebook(store: KeyValueStore, nb: Notebook): Promise<void> {
  return store.put('notebooks', nb.id, nb);
}

export function deleteNotebook(store: KeyValueStore, id: string): Promise<void> {
  return store.delete('notebooks', id);
}

/** Puts in the built-in notebooks that are not there yet; the person's edits are kept. */
export async function seedBuiltins(
  store: KeyValueStore,
  builtins: readonly Notebook[],
): Promise<void> {
  // A stored copy that no longer reads (damaged, or from an older format) is replaced too.
  for (const nb of builtins) if (!(await readStored(store, nb.id))) await saveNotebook(store, nb);
}

/** A fresh id that no stored notebook has. */
export function newNotebookId(taken: readonly string[], now = Date.now()): string {
  let n = now;
  while (taken.includes(`nb-${n.toString(36)}`)) n += 1;
  return `nb-${n.toString(36)}`;
}
