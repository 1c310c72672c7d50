// Browser WorkbookReader: one short-lived worker per workbook, so a stuck parse can be dropped.
import type { WorkbookReader, WorkbookSheet } from './workbook';

export const readWorkbookInWorker: WorkbookReader = (bytes) =>
  new Promise<WorkbookSheet[]>((resolve, reject) => {
    const worker = new Worker(new URL('./xlsxWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ ok: boolean; sheets?: WorkbookSheet[]; error?: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.sheets!);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the XLSX worker failed'));
    };
    const copy = bytes.slice();
    worker.postMessage(copy, [copy.buffer]);
  });
