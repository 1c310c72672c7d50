// A load reports how far it has come and stops when the person cancels, leaving nothing behind.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/lib/ingest/errors';
import type { LoadProgress } from '../../src/lib/ingest/progress';
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
      'reading',
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

  it('reads a large file in chunks, and stops reading when cancelled', async () => {
    const ws = await freshWorkspace();
    await ws.loadFile(fileAt(SAMPLE));
    const before = await count(ws);
    // 20 MB: three chunks of the reading.
    const big = new File([`unit_code,m\n${'17986,1\n'.repeat(2_500_000)}`], 'lon-2024.csv');
    const reading: number[] = [];
    const abort = new AbortController();
    const error = await ws
      .loadFile(
        { name: big.name, data: big },
        {
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase !== 'reading') return;
            reading.push(p.fraction);
            if (p.fraction > 0) abort.abort();
          },
        },
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as IngestError).code).toBe('cancelled');
    // The load's start, the first chunk, the second: cancelled there, before a third.
    expect(reading).toHaveLength(3);
    expect(reading[2]).toBeGreaterThan(0);
    expect(await count(ws)).toEqual(before);
  });
});
