// Units' target standings side by side, matched by target: each row is one target of the plan,
// with each unit's standing on it (none where the unit's gaps hold no row for it), in the order
// the plan lists them.
import type { TargetStanding } from '../scoring/unitProfile';

export interface AlignedTarget {
  target: TargetStanding;
  /** One standing per unit, in the units' order. */
  standings: (TargetStanding | undefined)[];
}

export function alignedTargets(perUnit: readonly (readonly TargetStanding[])[]): AlignedTarget[] {
  const rows = new Map<string, AlignedTarget>();
  perUnit.forEach((standings, i) => {
    for (const s of standings) {
      const row = rows.get(s.targetId) ?? {
        target: s,
        standings: perUnit.map(() => undefined),
      };
      row.standings[i] = s;
      rows.set(s.targetId, row);
    }
  });
  return [...rows.values()];
}
