// The bad-input corpus (tests/fixtures/bad/generate.mjs): every file is refused with its own
// reason, in both languages and naming the file, and what was loaded before is untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { badInputs, badSpecs } from '../fixtures/bad/generate.mjs';
import { IngestError } from '../../src/lib/ingest/errors';
import { InvalidSpecError } from '../../src/lib/framework/check';
import { readSpecFile } from '../../src/lib/framework/readSpecFile';
import type { Workspace } from '../../src/lib/workspace/workspace';
import { zipSizes } from '../../src/lib/ingest/zipDirectory';
import { fileAt, freshWorkspace, rows } from './support/workspace';

interface BadInput {
  name: string;
  exercises: string;
  make: () => Uint8Array;
  expect: string;
}

describe('bad input', () => {
  let ws: Workspace;
  let before: string;
  const state = async () =>
    JSON.stringify(
      await rows(
        ws,
        'SELECT (SELECT count(*) FROM observations) AS o, (SELECT count(*) FROM loads) AS l, (SELECT count(*) FROM units) AS u, (SELECT round(sum(total), 6) FROM scores) AS t',
      ),
    );
  beforeAll(async () => {
    ws = await freshWorkspace();
    await ws.loadFile(fileAt('data-samples/nam-dan-2023-2024.csv'));
    await ws.score('dti-xa-minh-hoa', null);
    before = await state();
  });

  for (const bad of badInputs() as BadInput[]) {
    it(`${bad.name}: ${bad.exercises}`, async () => {
      const t0 = performance.now();
      const error = await ws.loadFile({ name: bad.name, bytes: bad.make() }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IngestError);
      const e = error as IngestError;
      expect(e.code).toBe(bad.expect);
      expect(e.at.file).toBe(bad.name);
      expect(e.text.vi.length).toBeGreaterThan(10);
      expect(e.text.en.length).toBeGreaterThan(10);
      // Short enough to read on screen (no file content pasted into it).
      expect(e.message.length).toBeLessThan(600);
      // Refused quickly, not after filling the memory.
      expect(performance.now() - t0).toBeLessThan(30_000);
      await ws.score('dti-xa-minh-hoa', null);
      expect(await state()).toBe(before);
    });
  }

  it('reads a zip directory without unpacking: the bomb declares 700 MB in under 1 MB', () => {
    const bomb = (badInputs() as BadInput[]).find((b) => b.name.endsWith('.xlsx'))!.make();
    const sizes = zipSizes(bomb)!;
    expect(bomb.length).toBeLessThan(1024 ** 2);
    expect(sizes.unpacked).toBeGreaterThan(700 * 1024 ** 2);
    expect(zipSizes(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  for (const spec of badSpecs() as { name: string; exercises: string; text: string }[]) {
    it(`${spec.name}: ${spec.exercises}`, () => {
      let error: unknown = null;
      try {
        readSpecFile(spec.text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidSpecError);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  }
});
