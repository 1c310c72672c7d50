// Where the app keeps what must survive a reload: notebooks, the loaded files and how they were
// read. One small interface, IndexedDB in the browser and a Map in tests.

export type StoreName = 'notebooks' | 'files' | 'workspace';

export interface KeyValueStore {
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  keys(store: StoreName): Promise<string[]>;
}

export function memoryStore(): KeyValueStore {
  const stores = new Map<StoreName, Map<string, unknown>>();
  const of = (name: StoreName): Map<string, unknown> => {
    if (!stores.has(name)) stores.set(name, new Map());
    return stores.get(name)!;
  };
  return {
    get: async <T>(store: StoreName, key: string) => structuredClone(of(store).get(key)) as T,
    put: async (store, key, value) => {
      of(store).set(key, structuredClone(value));
    },
    delete: async (store, key) => {
      of(store).delete(key);
    },
    keys: async (store) => [...of(store).keys()],
  };
}

/**
 * The stored data as `base` has it, with this tab's writes kept apart while `holding()` says so:
 * a second tab on the same workspace reads it and works on it, yet never writes over the first.
 * Writes made before holding began went to `base` as usual.
 */
export function holdingStore(base: KeyValueStore, holding: () => boolean): KeyValueStore {
  // undefined marks a key deleted in this tab.
  const held = new Map<StoreName, Map<string, unknown>>();
  const of = (name: StoreName): Map<string, unknown> => {
    if (!held.has(name)) held.set(name, new Map());
    return held.get(name)!;
  };
  return {
    get: async <T>(store: StoreName, key: string) =>
      of(store).has(key)
        ? (structuredClone(of(store).get(key)) as T | undefined)
        : base.get<T>(store, key),
    put: async (store, key, value) => {
      if (holding()) of(store).set(key, structuredClone(value));
      else await base.put(store, key, value);
    },
    delete: async (store, key) => {
      if (holding()) of(store).set(key, undefined);
      else await base.delete(store, key);
    },
    keys: async (store) => {
      const keys = new Set(await base.keys(store));
      for (const [key, value] of of(store)) {
        if (value === undefined) keys.delete(key);
        else keys.add(key);
      }
      return [...keys];
    },
  };
}
