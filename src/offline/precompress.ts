// Build step and preview: every text and wasm file of the build also written compressed beside
// it — `x.br` (brotli) and `x.gz` (gzip) — and `vite preview` sending the smaller one the browser
// accepts. DuckDB's 34 MB wasm goes over the wire as about 6 MB: a first visit over a 10 Mbit/s
// office line waits seconds, not half a minute. Any static server that serves such files
// (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, Apache with rewrite rules) does
// the same; one that does not still serves the plain files.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** What the browser decodes, by extension; other files (images, fonts) are compressed already. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Below this, compressing saves less than the headers cost. */
const SMALLEST = 1024;
/**
 * Brotli's quality: 11 takes minutes on the 34 MB wasm for 5 % less; 9 takes about 10 s, and 5
 * (for files over 4 MB) a third of that for another 5 %. The build runs in every test command.
 */
const quality = (size: number): number => (size > 4 * 1024 * 1024 ? 5 : 9);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface Encoded {
  encoding: 'br' | 'gzip';
  suffix: '.br' | '.gz';
}

const ENCODINGS: readonly Encoded[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** Which compressed copy of `file` to send, from what the browser accepts; null: the file. */
export function pickEncoding(
  file: string,
  acceptEncoding: string,
  exists: (file: string) => boolean,
): Encoded | null {
  if (!(path.extname(file) in CONTENT_TYPES)) return null;
  const accepted = acceptEncoding
    .split(',')
    .map((part) => part.split(';'))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
    .map(([name]) => name!.trim().toLowerCase());
  return (
    ENCODINGS.find((e) => accepted.includes(e.encoding) && exists(`${file}${e.suffix}`)) ?? null
  );
}

export function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dti-lab-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => path.extname(f) in CONTENT_TYPES);
      // Every file at once: zlib works on its thread pool, so both cores of a runner compress.
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await readFile(file);
          if (bytes.length < SMALLEST) return;
          const params = {
            [zlib.constants.BROTLI_PARAM_QUALITY]: quality(bytes.length),
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          };
          await Promise.all([
            brotli(bytes, { params }).then((b) => writeFile(`${file}.br`, b)),
            gzip(bytes, { level: 9 }).then((b) => writeFile(`${file}.gz`, b)),
          ]);
        }),
      );
    },
  };
}

/** `vite preview` sends a build file's compressed copy when the browser takes it. */
export function servePrecompressed(): Plugin {
  return {
    name: 'dti-lab-serve-precompressed',
    configurePreviewServer(server) {
      const root = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = path.join(root, path.normalize(pathname));
        if (!file.startsWith(root + path.sep)) return next();
        const exists = (f: string) => existsSync(f) && statSync(f).isFile();
        const encoded = exists(file)
          ? pickEncoding(file, String(req.headers['accept-encoding'] ?? ''), exists)
          : null;
        if (!encoded) return next();
        const copy = `${file}${encoded.suffix}`;
        res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)]!);
        res.setHeader('Content-Encoding', encoded.encoding);
        res.setHeader('Content-Length', statSync(copy).size);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', 'no-cache');
        if (req.method === 'HEAD') return void res.end();
        createReadStream(copy).pipe(res);
      });
    },
  };
}
