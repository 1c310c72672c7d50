// Every built-in target quotes its plan verbatim, and Thành Thọ's measured results quote theirs:
// a number on screen can be traced to the sentence it came from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadBuiltins } from '../../src/lib/framework/builtin';
import { ROOT } from './support/workspace';

/** The seeds are PDF extractions: compare with white space runs folded to one space. */
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const seed = (file: string): string =>
  squash(readFileSync(path.join(ROOT, 'tests/fixtures/seeds', file), 'utf8'));

describe('provenance of the built-in targets', () => {
  const { profiles, measures } = loadBuiltins();
  const known = new Set(measures.map((m) => m.code));

  it.each(profiles.map((p) => [p.id, p] as const))(
    '%s: every quote is in its plan, rates are fractions',
    (_id, profile) => {
      const text = seed(profile.plan.source);
      for (const t of profile.targets) {
        expect(text, `${t.id}: ${t.quote}`).toContain(squash(t.quote));
        expect(known.has(t.measure), `${t.id} measure ${t.measure}`).toBe(true);
        if (measures.find((m) => m.code === t.measure)?.kind === 'rate') {
          expect(t.value, `${t.id}`).toBeGreaterThanOrEqual(0);
          expect(t.high ?? t.value, `${t.id}`).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  it('Thành Thọ’s 2023 results: each row quotes Part I of its plan', () => {
    const text = seed('001_13a95629cdd498d2.txt');
    const csv = Papa.parse<Record<string, string>>(
      readFileSync(path.join(ROOT, 'data-samples/thanh-tho-2023-ket-qua.csv'), 'utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(csv.errors).toEqual([]);
    expect(csv.data).toHaveLength(27);
    for (const row of csv.data) {
      expect(text, row.measure).toContain(squash(row.quote!));
      expect(known.has(row.measure!), row.measure).toBe(true);
      expect(row.unit_code).toBe('15253');
    }
  });
});
