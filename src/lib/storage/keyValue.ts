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
