// The browser's IndexedDB behind the KeyValueStore interface. The browser is asked to keep the
// data (persistent storage), so it is not evicted when the disk runs low.
import type { KeyValueStore, StoreName } from './keyValue';

const DB_NAME = 'dti-lab';
const STORES: StoreName[] = ['notebooks', 'files', 'workspace'];

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export async function openIndexedDbStore(): Promise<KeyValueStore> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    for (const name of STORES)
      if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name);
  };
  const db = await request(open);
  const run = <T>(
    store: StoreName,
    mode: IDBTransactionMode,
    action: (s: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const tx = db.transaction(store, mode);
    const result = request(action(tx.objectStore(store)));
    // A write counts once its transaction has committed, not when the request succeeded.
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    return Promise.all([result, done]).then(([value]) => value);
  };
  return {
    get: <T>(store: StoreName, key: string) =>
      run(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    put: async (store, key, value) => {
      await run(store, 'readwrite', (s) => s.put(value, key));
    },
    delete: async (store, key) => {
      await run(store, 'readwrite', (s) => s.delete(key));
    },
    keys: async (store) =>
      (await run(store, 'readonly', (s) => s.getAllKeys())).map((k) => String(k)),
  };
}

/** Asks the browser not to evict the app's storage; the answer is shown, not required. */
export async function askPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
