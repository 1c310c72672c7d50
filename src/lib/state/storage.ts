// The app's one browser storage, opened once. Where IndexedDB is refused (some private modes,
// some file:// pages) the app still works, keeping things until the page closes, and says so.
import type { LocalText } from '../framework/types';
import { askPersistentStorage, openIndexedDbStore } from '../storage/indexedDb';
import { memoryStore, type KeyValueStore } from '../storage/keyValue';

export interface AppStorage {
  store: KeyValueStore;
  /** Whether the browser agreed to keep it when the disk runs low. */
  persistent: boolean;
  /** Why nothing will survive a reload, when that is so. */
  refused: { text: LocalText; cause: unknown } | null;
}

let opened: Promise<AppStorage> | null = null;

export function appStorage(): Promise<AppStorage> {
  opened ??= (async () => {
    try {
      const store = await openIndexedDbStore();
      return { store, persistent: await askPersistentStorage(), refused: null };
    } catch (cause) {
      return {
        store: memoryStore(),
        persistent: false,
        refused: {
          text: {
            vi: 'Trình duyệt không cho lưu dữ liệu (IndexedDB): dữ liệu và sổ phân tích chỉ còn đến khi đóng trang',
            en: 'The browser does not allow storage (IndexedDB): data and notebooks last until the page closes',
          },
          cause,
        },
      };
    }
  })();
  return opened;
}
