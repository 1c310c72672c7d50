// The comparison's targets table: units' standings matched by target, not by position.
import { expect, it } from 'vitest';
import type { TargetStanding } from '../../src/lib/scoring/unitProfile';
import { alignedTargets } from '../../src/lib/view/alignedTargets';

const standing = (targetId: string, value: number): TargetStanding =>
  ({ targetId, value }) as unknown as TargetStanding;

it('matches each unit’s standing to its target, a target one unit lacks left empty', () => {
  const a = [standing('t1', 1), standing('t2', 2), standing('t3', 3)];
  // Unit B has no row for t1 (its data names no such measure): t2 must not move under t1.
  const b = [standing('t2', 20), standing('t3', 30)];
  const c = [standing('t3', 300), standing('t4', 400)];
  const rows = alignedTargets([a, b, c]);
  expect(rows.map((r) => r.target.targetId)).toEqual(['t1', 't2', 't3', 't4']);
  expect(rows.map((r) => r.standings.map((s) => s?.value ?? null))).toEqual([
    [1, null, null],
    [2, 20, null],
    [3, 30, 300],
    [null, null, 400],
  ]);
});

it('is empty when no unit has targets', () => {
  expect(alignedTargets([[], []])).toEqual([]);
});
