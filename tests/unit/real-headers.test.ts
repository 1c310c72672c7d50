// The header matcher on real headers (tests/fixtures/real-headers): how many columns it matches
// without asking, how many of those are right, and how often the right measure is among the
// first suggestions; each miss listed. Every part here was held out at first and scored once on
// first sight (figures in the README), then opened and used to tune: a figure on them proves
// nothing about headers not seen. The fresh part, never opened, is scored in its own test.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import catalog from '../../src/lib/framework/builtin/measures.json';
import type { MeasureDef } from '../../src/lib/framework/types';
import { measureMatcher } from '../../src/lib/ingest/measureMatch';

interface Item {
  header: string;
  group: string | null;
  doc: string;
  expected: string | null;
}

const read = (part: string): Item[] =>
  (
    JSON.parse(
      readFileSync(new URL(`../fixtures/real-headers/${part}.json`, import.meta.url), 'utf8'),
    ) as { items: Item[] }
  ).items;

const matcher = measureMatcher((catalog as { measures: MeasureDef[] }).measures);

function figures(items: Item[]) {
  const results = items.map((item) => ({ item, ...matcher.match(item.header, item.group) }));
  const auto = results.filter((r) => r.confident !== null);
  const right = auto.filter((r) => r.confident === r.item.expected);
  const withMeasure = results.filter((r) => r.item.expected !== null);
  const inTop3 = withMeasure.filter((r) =>
    r.candidates.slice(0, 3).some((c) => c.measure === r.item.expected),
  );
  return {
    results,
    items: items.length,
    withMeasure: withMeasure.length,
    auto: auto.length,
    right: right.length,
    wrong: auto.length - right.length,
    precision: auto.length === 0 ? 1 : right.length / auto.length,
    recall: withMeasure.length === 0 ? 1 : right.length / withMeasure.length,
    top3: withMeasure.length === 0 ? 1 : inTop3.length / withMeasure.length,
  };
}

const line = (name: string, f: ReturnType<typeof figures>): string =>
  `${name}: ${f.items} headers (${f.withMeasure} with a catalog measure); matched without asking ${f.auto}, right ${f.right}, wrong ${f.wrong} — precision ${(f.precision * 100).toFixed(1)} %, recall ${(f.recall * 100).toFixed(1)} %, right measure in the first 3 suggestions ${(f.top3 * 100).toFixed(1)} %`;

describe('header → measure matching on real headers', () => {
  test('tuning part: few wrong matches, each miss listed', () => {
    const f = figures(
      ['tuning', 'heldout', 'heldout-2', 'heldout-3', 'heldout-4', 'heldout-5'].flatMap(read),
    );
    const misses = f.results.filter((r) => r.confident !== r.item.expected);
    console.log(
      [
        line('tuning', f),
        ...misses.map(
          (r) =>
            `  ${r.confident === null ? 'asked ' : 'WRONG '} "${r.item.header}"${r.item.group ? ` [${r.item.group}]` : ''} → ${r.confident ?? '—'} (expected ${r.item.expected ?? 'none'}; ${r.candidates
              .slice(0, 3)
              .map((c) => `${c.measure} ${c.score}`)
              .join(', ')})`,
        ),
      ].join('\n'),
    );
    expect(f.wrong / Math.max(1, f.auto)).toBeLessThanOrEqual(0.05);
    expect(f.recall).toBeGreaterThanOrEqual(0.75);
  });
});

// heldout-6.json, collected after every part above was opened, and never opened itself since.
// Measured once, on first sight: 9 automatic matches, 8 right (1 wrong: 11 %, over the issue's
// 5 %). Kept as a floor against getting worse; not tuned to, so not loosened to pass.
describe('header → measure matching on the fresh held-out part', () => {
  test('held-out part: no more wrong automatic matches than first measured', () => {
    const f = figures(read('heldout-6'));
    console.log(line('held-out 6', f));
    expect(f.wrong).toBeLessThanOrEqual(1);
    expect(f.right).toBeGreaterThanOrEqual(8);
  });
});

// heldout-7a.json and heldout-7b.json: collected together by two helpers (northern and southern
// provinces) after heldout-6, scored once on first sight with the matcher as it stood: 213
// headers, 83 with a catalog measure; 62 automatic matches, 61 right, 1 wrong (1.6 %), recall
// 73.5 %. Opened after that one scoring (its misses are in the README) and not tuned to: kept as
// a floor, not loosened to pass.
describe('header → measure matching on the seventh held-out part', () => {
  test('held-out part 7: no more wrong automatic matches than first measured', () => {
    const f = figures(['heldout-7a', 'heldout-7b'].flatMap(read));
    console.log(line('held-out 7', f));
    expect(f.wrong).toBeLessThanOrEqual(1);
    expect(f.right).toBeGreaterThanOrEqual(61);
  });
});
