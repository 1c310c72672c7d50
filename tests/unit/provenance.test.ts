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

  // “trên 80 %”, “hơn”, “vượt” mean strictly above (>), “dưới” strictly below (<). Only a number
  // right after the word counts: “trên địa bàn”, “trên tổng số hồ sơ” say where, not how much.
  const STRICT = /(?<![\p{L}\p{N}])(trên|hơn|vượt|dưới)\s+(\d+(?:[.,]\d+)?)\s*%?/giu;
  const NUMBER = /(?<![\p{N}.,])(\d+(?:[.,]\d+)?)(?![\p{N}])/gu;
  const num = (s: string): number => Number(s.replace(',', '.'));
  const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

  it.each(profiles.map((p) => [p.id, p] as const))(
    '%s: “trên/hơn/vượt X” is stored as >, “dưới X” as <',
    (_id, profile) => {
      /** The target's number as the plan writes it: a rate 0.8 is “80”. */
      const written = (t: (typeof profile.targets)[number]): number => {
        const rate = measures.find((m) => m.code === t.measure)?.kind === 'rate';
        return rate ? Math.round(t.value * 1e6) / 1e4 : t.value;
      };
      // Several targets may quote one sentence (“trên 5 %; … và 5 % tham gia SMEdx”): a strict
      // phrase binds the targets of that sentence holding its number, less those the same
      // number written without the word can account for.
      const bySentence = new Map<string, typeof profile.targets>();
      for (const t of profile.targets) {
        const q = squash(t.quote);
        bySentence.set(q, [...(bySentence.get(q) ?? []), t]);
      }
      for (const [quote, targets] of bySentence) {
        const phrases = [...quote.matchAll(STRICT)].map((m) => ({
          text: m[0],
          want: m[1]!.toLowerCase() === 'dưới' ? '<' : '>',
          value: num(m[2]!),
        }));
        for (const t of targets) {
          if (t.comparator === '>' || t.comparator === '<') {
            expect(
              phrases.some((p) => p.want === t.comparator && same(p.value, written(t))),
              `${t.id} is ${t.comparator} but its quote says no “${t.comparator === '>' ? 'trên' : 'dưới'} ${written(t)}”`,
            ).toBe(true);
          }
        }
        for (const want of ['>', '<'] as const) {
          const values = new Set(phrases.filter((p) => p.want === want).map((p) => p.value));
          for (const value of values) {
            const holders = targets.filter(
              (t) => t.comparator !== 'range' && same(written(t), value),
            );
            const strict = phrases.filter((p) => p.want === want && same(p.value, value)).length;
            const plain =
              [...quote.matchAll(NUMBER)].filter((m) => same(num(m[1]!), value)).length - strict;
            const bound = Math.max(0, holders.length - plain);
            const stored = holders.filter((t) => t.comparator === want).length;
            expect(
              stored,
              `${holders.map((t) => `${t.id} (${t.comparator})`).join(', ')}: “${phrases.find((p) => same(p.value, value))!.text}” is ${want}`,
            ).toBeGreaterThanOrEqual(bound);
          }
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
