// The workspace backup as a file the person keeps: made from the workspace and every notebook;
// a backup opened later is described first and put back only when the person agrees, since it
// replaces the data loaded now.
import { app } from './app.svelte';
import { appStorage } from './storage';
import { download } from '../export/download';
import { readStored } from '../notebook/library';
import type { Notebook } from '../notebook/types';
import { backupFileName, readBackup, writeBackup, type Backup } from '../workspace/backup';
import { SAY } from '../i18n/stateMessages';

export interface PendingBackup {
  file: string;
  backup: Backup;
  /** When it was made (ISO time), as its manifest says. */
  created: string;
}

class BackupState {
  /** A backup read and checked, waiting for the person to say yes or no. */
  pending = $state.raw<PendingBackup | null>(null);
  busy = $state(false);

  async download(): Promise<void> {
    this.busy = true;
    try {
      // A notebook edit waits a moment before it is saved: it must be in the backup too.
      const { notebooks } = await import('./notebooks.svelte');
      await notebooks.flush();
      const content = await app.session.backupContent();
      const { store } = await appStorage();
      const kept: Notebook[] = [];
      for (const key of await store.keys('notebooks')) {
        const nb = await readStored(store, key);
        if (nb) kept.push(nb);
      }
      const now = new Date();
      const bytes = writeBackup({ ...content, notebooks: kept }, now.toISOString());
      download(backupFileName(now), new Blob([bytes as Uint8Array<ArrayBuffer>]));
    } catch (e) {
      app.notices.add(SAY.backupNotMade, e);
    } finally {
      this.busy = false;
    }
  }

  /** Reads and checks a backup file; it waits in `pending` for the person's answer. */
  async open(file: { name: string; bytes: Uint8Array }): Promise<void> {
    if (app.tabRole !== 'owner') {
      app.notices.add(SAY.notRestoredHere(file.name), null);
      return;
    }
    try {
      this.pending = { file: file.name, ...(await readBackup(file.bytes)) };
    } catch (e) {
      app.notices.add(SAY.notRestoredFrom(file.name), e);
    }
  }

  async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.busy = true;
    try {
      await app.session.restoreBackup(pending.backup);
    } catch (e) {
      app.notices.add(SAY.notRestoredFrom(pending.file), e);
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.pending = null;
  }
}

export const backups = new BackupState();
