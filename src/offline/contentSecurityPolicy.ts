// The page's Content-Security-Policy, in one place: no third-party origin for anything, no inline
// script, wasm compiled only from the app's own files. It goes into index.html as a meta tag
// (any static server, a USB stick) and, from `vite preview`, also as a response header — the
// only form that also covers the DuckDB and XLSX workers and forbids framing.
import type { Plugin } from 'vite';

const POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self' blob:",
  'connect-src': "'self' blob: data:",
  'img-src': "'self' data: blob:",
  // Svelte and Plot set style attributes; no style comes from a file.
  'style-src': "'self' 'unsafe-inline'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

const text = (extra: Record<string, string> = {}): string =>
  Object.entries({ ...POLICY, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** What a meta tag can carry (frame-ancestors is ignored there). */
export const META_POLICY = text();
/** The header: the same, and no framing by another page. */
export const HEADER_POLICY = text({ 'frame-ancestors': "'none'" });

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'dti-lab-csp',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
        injectTo: 'head-prepend',
      },
    ],
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', HEADER_POLICY);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
    },
  };
}
