// The files of a drop being loaded, noted in storage before the load and cleared once its
// result is saved. A note found at start means the tab closed or crashed mid-load: the saved
// workspace is as it was before, and the person is told which files to load again.
import type { KeyValueStore } from '../storage/keyValue';

const KEY = 'load-under-way';

export async function markLoad(store: KeyValueStore, names: readonly string[]): Promise<void> {
  await store.put('workspace', KEY, [...names]);
}

export async function clearLoadMark(store: KeyValueStore): Promise<void> {
  await store.delete('workspace', KEY);
}

/** The files of a load that never finished, or null; the note is cleared once read. */
export async function takeInterruptedLoad(store: KeyValueStore): Promise<string[] | null> {
  const mark = await store.get<unknown>('workspace', KEY);
  if (!Array.isArray(mark)) return null;
  await clearLoadMark(store);
  return mark.filter((n): n is string => typeof n === 'string');
}
