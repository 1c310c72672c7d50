// The preview server sends the build's compressed copies: the browser gets DuckDB's wasm as
// brotli, and each file as it is when it asks for no encoding.
import { readdirSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');

function fetchRaw(
  url: string,
  acceptEncoding: string | null,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('compressed copies from the preview server', () => {
  const assets = readdirSync(path.join(DIST, 'assets'));
  const wasm = assets.find((f) => /^duckdb-eh-.*\.wasm$/.test(f))!;
  const script = assets.find((f) => /^index-.*\.js$/.test(f))!;

  it('sends the wasm as brotli, with its own type, a fifth of its size', async () => {
    const url = `${inject('baseUrl')}assets/${wasm}`;
    const { res, body } = await fetchRaw(url, 'gzip, deflate, br, zstd');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('application/wasm');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const plain = zlib.brotliDecompressSync(body);
    expect(body.length).toBeLessThan(plain.length / 4);
    expect(plain.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d])); // "\0asm"
  });

  it('sends gzip to a browser that takes only gzip, and the file itself to one that takes neither', async () => {
    const url = `${inject('baseUrl')}assets/${script}`;
    const gz = await fetchRaw(url, 'gzip');
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    const plain = await fetchRaw(url, null);
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(gz.body)).toEqual(plain.body);
  });
});
