// The session as the page runs it: DuckDB-WASM in a worker (loaded when the session starts, so
// the first paint does not wait for it), workbooks read in a worker, IndexedDB with the tab lock,
// the sample served beside the app, column mappings in localStorage.
import sampleUrl from '../../../data-samples/nam-dan-2023-2024.csv?url';
import sampleResults from '../../../data-samples/nam-dan-2023-2024.results.json';
import type { SessionDeps } from '../session/deps';
import { Session } from '../session/session';
import type { SessionState } from '../session/state';
import { SAMPLE } from '../workspace/sample';
import { rememberMappings, rememberedMapping, rememberedMappings } from './mappingMemory';
import { appStorage } from './storage';

export function browserSession(state: SessionState): Session {
  const deps: SessionDeps = {
    startEngine: async (downloaded) =>
      (await import('../db/browserEngine')).startBrowserEngine(downloaded),
    readWorkbook: async (...args) =>
      (await import('../ingest/readWorkbookInWorker')).readWorkbookInWorker(...args),
    storage: appStorage,
    sample: {
      file: async () => ({ name: SAMPLE.file, data: await (await fetch(sampleUrl)).blob() }),
      results: sampleResults,
    },
    mappings: {
      remembered: rememberedMapping,
      remember: rememberMappings,
      all: rememberedMappings,
    },
  };
  return new Session(state, deps);
}
