// One tab at a time writes the workspace. Two tabs saving in turn would each write their own
// manifest over the other's, and the files one needs could be removed by the other. The Web
// Locks API gives the lock to one tab; it goes free when that tab closes or crashes.

const LOCK_NAME = 'dti-lab.workspace';

export type TabRole = 'owner' | 'elsewhere';

export interface TabLock {
  role: TabRole;
  /** Called once if another tab takes the workspace over. */
  onLost(listener: () => void): void;
}

/**
 * Takes the workspace for this tab when no other tab has it, or from the tab that has it when
 * `takeOver` is set. Browsers without Web Locks get the workspace, as before.
 */
export async function claimWorkspace(takeOver = false): Promise<TabLock> {
  const listeners: (() => void)[] = [];
  const lock: TabLock = { role: 'owner', onLost: (l) => void listeners.push(l) };
  const locks = globalThis.navigator?.locks;
  if (!locks) return lock;
  let answered = false;
  const granted = await new Promise<boolean>((answer) => {
    const held = locks.request(
      LOCK_NAME,
      takeOver ? { steal: true } : { ifAvailable: true },
      (got) => {
        answered = true;
        answer(got !== null);
        // Held for as long as the tab lives: this promise never settles.
        return got === null ? undefined : new Promise<never>(() => {});
      },
    );
    held.catch(() => {
      // Refused outright (an opaque origin): work as browsers without locks do.
      if (!answered) return answer(true);
      // Once held, a rejection means another tab stole the lock.
      lock.role = 'elsewhere';
      for (const l of listeners) l();
    });
  });
  lock.role = granted ? 'owner' : 'elsewhere';
  return lock;
}
