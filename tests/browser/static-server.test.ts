// The build is plain files: any static server can serve it, from any folder (a USB stick on a
// trainer's laptop). Here a bare Node server puts it under /tap-huan/ and the app runs there.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openAppAt } from './support/browser';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const PREFIX = '/tap-huan/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
};

describe('served by any static server, from a subfolder', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!pathname.startsWith(PREFIX)) {
        res.writeHead(404).end();
        return;
      }
      const relative = pathname.slice(PREFIX.length) || 'index.html';
      const file = path.resolve(DIST, relative);
      if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens with the sample scored and loads its lazy pages', async () => {
    const s = await openAppAt(url);
    try {
      expect(await s.page.getByTestId('ranking').locator('tbody tr').count()).toBe(19);
      await s.page.getByTestId('nav-notebook').click();
      await expect
        .poll(() => s.page.locator('[data-kind="sql"][data-status="fresh"]').count())
        .toBeGreaterThan(3);
      expect(s.consoleErrors).toEqual([]);
      expect(foreignRequests(s)).toEqual([]);
      expect(s.requests.every((r) => r.startsWith(url) || !r.startsWith('http'))).toBe(true);
    } finally {
      await s.close();
    }
  });
});
