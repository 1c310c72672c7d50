// The app's own TypeScript modules, loaded in Node through Vite's SSR module loader: the native
// run then executes the very code (and so the very SQL) that runs in the browser.
import { createServer } from 'vite';

const MODULES = {
  engine: '/src/lib/db/engine.ts',
  preparedCache: '/src/lib/db/preparedCache.ts',
  builtin: '/src/lib/framework/builtin/index.ts',
  specFile: '/src/lib/framework/readSpecFile.ts',
  workspace: '/src/lib/workspace/workspace.ts',
  saved: '/src/lib/workspace/savedWorkspace.ts',
  workbook: '/src/lib/ingest/workbook.ts',
  pipeline: '/src/lib/scoring/pipeline.ts',
  results: '/src/lib/scoring/results.ts',
  beforeAfter: '/src/lib/whatif/beforeAfter.ts',
  rows: '/src/lib/db/rows.ts',
};

/** Loads the modules; `close()` stops the loader once the run is over. */
export async function loadAppModules(root) {
  // No config file: the Svelte and build plugins play no part in these modules. No file
  // watcher either: watching the repository (node_modules included) takes half a minute.
  const server = await createServer({
    root,
    configFile: false,
    plugins: [],
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const app = {};
  for (const [key, id] of Object.entries(MODULES)) app[key] = await server.ssrLoadModule(id);
  return { app, close: () => server.close() };
}

/**
 * The scoring SQL of every pipeline step for the benchmark's framework and the app's default
 * profile, before any edit: what the app runs after a load (for replaying it step by step).
 */
export function scoringSql(app, frameworkText, profileId) {
  const framework = app.specFile.readSpecFile(frameworkText).framework;
  const profile = app.builtin.loadBuiltins().profiles.find((p) => p.id === profileId) ?? null;
  return app.pipeline
    .pipelineSql({ framework, profile, whatIfValues: false })
    .map(({ step, sql }) => ({ step: step.name, output: step.output, view: !!step.view, sql }));
}
