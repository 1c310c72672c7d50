// The app's one browser storage, opened once. Where IndexedDB is refused (some private modes,
// some file:// pages) the app still works, keeping things until the page closes, and says so.
// A second tab on the same workspace reads it but keeps its own changes to itself (tabLock.ts).
import type { LocalText } from '../framework/types';
import { askPersistentStorage, openIndexedDbStore } from '../storage/indexedDb';
import { holdingStore, memoryStore, type KeyValueStore } from '../storage/keyValue';
import { claimWorkspace, type TabLock } from '../storage/tabLock';
import { SAY } from '../i18n/stateMessages';

export interface AppStorage {
  store: KeyValueStore;
  /** Whether the browser agreed to keep it when the disk runs low. */
  persistent: boolean;
  /** Why nothing will survive a reload, when that is so. */
  refused: { text: LocalText; cause: unknown } | null;
  /** Whether this tab writes the workspace, or another tab does. */
  lock: TabLock;
}

/** Set just before a reload that takes the workspace over from the other tab. */
const TAKE_OVER_KEY = 'dti-lab.take-over';

let opened: Promise<AppStorage> | null = null;

export function appStorage(): Promise<AppStorage> {
  opened ??= (async () => {
    const lock = await claimWorkspace(takeOverAsked());
    try {
      const base = await openIndexedDbStore();
      return {
        store: holdingStore(base, () => lock.role !== 'owner'),
        persistent: await askPersistentStorage(),
        refused: null,
        lock,
      };
    } catch (cause) {
      return {
        store: memoryStore(),
        persistent: false,
        refused: {
          text: SAY.storageRefused,
          cause,
        },
        lock,
      };
    }
  })();
  return opened;
}

/** Reloads the page, taking the workspace from the tab that has it. */
export function takeOverWorkspace(): void {
  try {
    sessionStorage.setItem(TAKE_OVER_KEY, '1');
  } catch {
    // Without session storage the reload simply asks again.
  }
  location.reload();
}

function takeOverAsked(): boolean {
  try {
    const asked = sessionStorage.getItem(TAKE_OVER_KEY) === '1';
    sessionStorage.removeItem(TAKE_OVER_KEY);
    return asked;
  } catch {
    return false;
  }
}
