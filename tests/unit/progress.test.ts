// A load reports how far it has come and stops when the person cancels, leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import { readFileBytes, type LoadProgress } from '../../src/lib/ingest/progress';
import { fileAt, freshWorkspace, rows } from './support/workspace';

const SAMPLE = 'data-samples/nam-dan-2023-2024.csv';
const count = async (ws: Awaited<ReturnType<typeof freshWorkspace>>) =>
  (
    await rows(
      ws,
      `SELECT (SELECT count(*) FROM observations)::INTEGER AS obs, (SELECT count(*) FROM loads)::INTEGER AS loads,
         (SELECT count(*) FROM units)::INTEGER AS units`,
    )
  )[0];

describe('load progress and cancel', () => {
  it('reports rising progress through every phase of a load', async () => {
    const ws = await freshWorkspace();
    const seen: LoadProgress[] = [];
    await ws.loadFile(fileAt(SAMPLE), { onProgress: (p) => seen.push(p) });
    expect([...new Set(seen.map((p) => p.phase))]).toEqual([
      'decoding',
      'parsing',
      'writing',
      'checking',
    ]);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeGreaterThanOrEqual(0.9);
  });

  it('a cancel part-way leaves nothing of the file, and what was loaded before stays', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt(SAMPLE));
    const before = await count(ws);
    const abort = new AbortController();
    const error = await ws
      .loadFile(fileAt('tests/fixtures/ingest/files/gov-nam-dan-2024.csv'), {
        signal: abort.signal,
        // The person presses cancel while the values are being written.
        onProgress: (p) => {
          if (p.phase === 'writing') abort.abort();
        },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('cancelled');
    expect((error as IngestError).text.vi).toMatch(/Đã hủy/);
    expect(await count(ws)).toEqual(before);
  });

  it('reads a file in chunks, and stops reading when cancelled', async () => {
    const bytes = new Uint8Array(3_000_000).map((_, i) => i % 251);
    const file = new File([bytes], 'lon.csv');
    const seen: number[] = [];
    const read = await readFileBytes(file, { onProgress: (p) => seen.push(p.fraction) });
    expect(Buffer.compare(read, bytes)).toBe(0);
    expect(seen.length).toBeGreaterThan(1);
    const abort = new AbortController();
    abort.abort();
    await expect(readFileBytes(file, { signal: abort.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
