// Browser WorkbookReader: one short-lived worker per workbook, so a stuck parse can be dropped.
import type { WorkbookReader, WorkbookSheet } from './workbook';
import type { WorkbookRequest } from './xlsxWorker';

export const readWorkbookInWorker: WorkbookReader = (bytes, format = 'xlsx') =>
  new Promise<WorkbookSheet[]>((resolve, reject) => {
    const worker = new Worker(new URL('./xlsxWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ ok: boolean; sheets?: WorkbookSheet[]; error?: string; name?: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.sheets!);
      else reject(Object.assign(new Error(event.data.error), { name: event.data.name ?? 'Error' }));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the workbook worker failed'));
    };
    const request: WorkbookRequest = { bytes: bytes.slice(), format };
    worker.postMessage(request, [request.bytes.buffer]);
  });
