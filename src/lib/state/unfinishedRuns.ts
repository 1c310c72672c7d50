// A notebook whose run never finished (a query too heavy for the tab, a tab closed or crashed
// mid-run) must not run by itself again on the next visit, or it would hang the page each time.
// The mark lives in localStorage: written before a run starts, cleared when it ends.

const KEY = 'dti-lab.unfinished-runs@1';

function marked(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function write(ids: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Without storage the guard cannot help; the run itself goes on.
  }
}

export function runStarted(notebookId: string): void {
  if (!marked().includes(notebookId)) write([...marked(), notebookId]);
}

export function runEnded(notebookId: string): void {
  write(marked().filter((id) => id !== notebookId));
}

export function runDidNotFinish(notebookId: string): boolean {
  return marked().includes(notebookId);
}
