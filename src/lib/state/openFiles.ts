// Files chosen or dropped anywhere: data, frameworks and profiles go to the workspace; notebook
// files (`.dtinb.json`, `.dtilab`) to the notebooks, loaded with the notebook page on first use;
// a workspace backup (`.zip`) is checked and put back once the person agrees.
import { app } from './app.svelte';
import { backups } from './backup.svelte';

const isNotebookFile = (f: File): boolean => /\.(dtinb\.json|dtilab)$/i.test(f.name);
const isBackupFile = (f: File): boolean => /\.zip$/i.test(f.name);

export async function openFiles(files: readonly File[]): Promise<void> {
  for (const f of files.filter(isBackupFile))
    await backups.open({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  const data = files.filter((f) => !isNotebookFile(f) && !isBackupFile(f));
  const notebookFiles = files.filter(isNotebookFile);
  if (data.length > 0) await app.session.loadFiles(data);
  if (notebookFiles.length === 0) return;
  const { notebooks } = await import('./notebooks.svelte');
  for (const f of notebookFiles)
    await notebooks.openFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
}
