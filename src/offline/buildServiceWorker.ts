// Build step: writes `sw.js` next to index.html — the offline service worker with the list of
// files it caches on install. File names carry content hashes, so the list is also the version.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * DuckDB's MVP bundle is for browsers without wasm exceptions; every browser the app supports
 * takes the EH one. The MVP files (≈ 40 MB) are cached only if a browser ever asks for them.
 */
const NOT_PRECACHED = /duckdb-(mvp|browser-mvp)/;

export function serviceWorker(): Plugin {
  return {
    name: 'dti-lab-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !NOT_PRECACHED.test(f))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const code = readFileSync(
        fileURLToPath(new URL('./serviceWorker.js', import.meta.url)),
        'utf8',
      );
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const ASSETS = ${JSON.stringify(['./', ...files])};\nconst VERSION = ${JSON.stringify(version)};\n${code}`,
      });
    },
  };
}
