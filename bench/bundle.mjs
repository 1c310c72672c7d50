// The production build the benchmark measures, and its sizes. It is built into the benchmark's
// own folder (same config, other output folder) so that a build or test run by someone else in
// dist/ at the same time cannot change the files under measurement.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

export async function buildApp(root, outDir) {
  const t0 = performance.now();
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  return performance.now() - t0;
}

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;
/** The brotli copy the build writes beside a file (src/offline/precompress.ts), if any. */
const brotliSize = (full) => (existsSync(`${full}.br`) ? statSync(`${full}.br`).size : null);

/**
 * Every file of the build with its size raw and gzipped (level 9), and what the first paint
 * needs: the scripts and styles index.html loads (module preloads included), nothing lazy.
 */
export function bundleSizes(outDir) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(br|gz)$/.test(name)) {
        const bytes = readFileSync(full);
        files.push({
          file: path.relative(outDir, full),
          raw: bytes.length,
          gzip: gzip(bytes),
          brotli: brotliSize(full),
        });
      }
    }
  };
  walk(outDir);
  files.sort((a, b) => b.raw - a.raw);
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const initial = [
    'index.html',
    ...[...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?([^"]+)"/g)]
      .map((m) => m[1])
      .filter((f) => /\.(js|css)$/.test(f)),
  ];
  const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
  const pick = (test) => files.filter((f) => test(f.file));
  const initialFiles = pick((f) => initial.includes(f));
  const initialJs = initialFiles.filter((f) => f.file.endsWith('.js'));
  return {
    files,
    totalJs: {
      raw: sum(
        pick((f) => f.endsWith('.js')),
        'raw',
      ),
      gzip: sum(
        pick((f) => f.endsWith('.js')),
        'gzip',
      ),
    },
    wasm: pick((f) => f.endsWith('.wasm')),
    initial: initialFiles,
    initialJs: { raw: sum(initialJs, 'raw'), gzip: sum(initialJs, 'gzip') },
    initialAll: { raw: sum(initialFiles, 'raw'), gzip: sum(initialFiles, 'gzip') },
  };
}
