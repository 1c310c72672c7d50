// The build's compressed copies and which one a browser is sent.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickEncoding, precompressed } from '../../src/offline/precompress';

describe('precompressed build files', () => {
  const all = () => true;

  it('sends brotli when the browser takes it, else gzip, else the file', () => {
    expect(pickEncoding('/d/a.wasm', 'gzip, deflate, br, zstd', all)?.encoding).toBe('br');
    expect(pickEncoding('/d/a.js', 'gzip', all)?.encoding).toBe('gzip');
    expect(pickEncoding('/d/a.js', 'br;q=0, gzip', all)?.encoding).toBe('gzip');
    expect(pickEncoding('/d/a.js', 'identity', all)).toBeNull();
    expect(pickEncoding('/d/a.js', '', all)).toBeNull();
  });

  it('sends a copy only where the build wrote one, and never for images', () => {
    expect(pickEncoding('/d/a.js', 'br, gzip', (f) => f.endsWith('.gz'))?.encoding).toBe('gzip');
    expect(pickEncoding('/d/a.js', 'br, gzip', () => false)).toBeNull();
    expect(pickEncoding('/d/a.png', 'br, gzip', all)).toBeNull();
  });

  it('writes a brotli and a gzip copy of each text and wasm file that decode to its bytes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
    const out = path.join(root, 'dist');
    const big = 'const x = "Tỷ lệ hồ sơ trực tuyến";\n'.repeat(200);
    mkdirSync(out);
    writeFileSync(path.join(out, 'app.js'), big);
    writeFileSync(path.join(out, 'tiny.js'), 'x');
    writeFileSync(path.join(out, 'logo.png'), big);
    const plugin = precompressed() as unknown as {
      configResolved(c: { root: string; build: { outDir: string } }): void;
      writeBundle(o: object, bundle: Record<string, object>): Promise<void>;
    };
    plugin.configResolved({ root, build: { outDir: 'dist' } });
    await plugin.writeBundle({}, { 'app.js': {}, 'tiny.js': {}, 'logo.png': {} });
    const file = path.join(out, 'app.js');
    expect(zlib.brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(big);
    expect(zlib.gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(big);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(big.length / 10);
    // Too small to gain, or compressed already: no copies.
    expect(existsSync(path.join(out, 'tiny.js.br'))).toBe(false);
    expect(existsSync(path.join(out, 'logo.png.br'))).toBe(false);
  });
});
