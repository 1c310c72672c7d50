// The browser's workbook reader runs here, off the main thread: a 100k-row sheet takes seconds,
// and a long Word decision's XML is scanned here too, so the page keeps answering meanwhile.
import { readWorkbookHere, type WorkbookFormat } from './workbook';

/** What the page sends: the file's bytes, and which reader they are for. */
export interface WorkbookRequest {
  bytes: Uint8Array;
  format: WorkbookFormat;
}

self.onmessage = async (event: MessageEvent<WorkbookRequest>) => {
  try {
    const { bytes, format } = event.data;
    self.postMessage({ ok: true, sheets: await readWorkbookHere(bytes, format) });
  } catch (e) {
    // The name travels too: a password-protected workbook is told apart by it.
    self.postMessage({
      ok: false,
      error: (e as Error)?.message ?? String(e),
      name: (e as Error)?.name,
    });
  }
};
