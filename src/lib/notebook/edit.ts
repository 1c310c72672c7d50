// Pure helpers for changing a notebook's cells: fresh ids and names, insertion, time stamps.
import type { Cell } from './types';

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

/** An id no cell of the notebook has: c1, c2 … */
export function newCellId(cells: readonly Cell[]): string {
  const taken = new Set(cells.map((c) => c.id));
  let n = cells.length + 1;
  while (taken.has(`c${n}`)) n += 1;
  return `c${n}`;
}

/** `base_1`, `base_2` … the first that no SQL cell is named. */
export function freeName(cells: readonly Cell[], base: string): string {
  const taken = new Set(
    cells.flatMap((c) => (c.kind === 'sql' && c.name ? [c.name.toLowerCase()] : [])),
  );
  let n = 1;
  // A name holds at most 63 characters: a long base gives up its end to the number.
  const named = (k: number) => `${base.slice(0, 62 - String(k).length)}_${k}`;
  while (taken.has(named(n).toLowerCase())) n += 1;
  return named(n);
}

export function nowStamp(): string {
  return new Date().toISOString();
}
