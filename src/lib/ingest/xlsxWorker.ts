// The browser's XLSX reader runs here, off the main thread: a 100k-row sheet takes seconds.
import { readWorkbookHere } from './workbook';

self.onmessage = async (event: MessageEvent<Uint8Array>) => {
  try {
    self.postMessage({ ok: true, sheets: await readWorkbookHere(event.data) });
  } catch (e) {
    self.postMessage({ ok: false, error: (e as Error)?.message ?? String(e) });
  }
};
