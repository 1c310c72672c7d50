// Which cells read which: a SQL cell reads the named cells above it that its SQL mentions, a
// chart reads the cell it draws. Cells only read upwards, so the order of the notebook is
// already an order to run them in and there can be no cycle.
import type { Cell } from './types';
import { mentionedNames } from './sqlText';

export interface CellLinks {
  /** Ids of the cells this one reads. */
  reads: string[];
  /** Names it mentions that belong to cells below it (it would read a stale or missing table). */
  below: string[];
}

export function cellLinks(cells: readonly Cell[]): Map<string, CellLinks> {
  const idByName = new Map<string, string>();
  const allNames = new Map<string, string>();
  for (const cell of cells)
    if (cell.kind === 'sql' && cell.name) allNames.set(cell.name.toLowerCase(), cell.id);
  const links = new Map<string, CellLinks>();
  for (const cell of cells) {
    if (cell.kind === 'sql') {
      const mentioned = mentionedNames(
        cell.sql,
        [...allNames.keys()].filter((n) => allNames.get(n) !== cell.id),
      );
      links.set(cell.id, {
        reads: mentioned.flatMap((n) => idByName.get(n) ?? []),
        below: mentioned.filter((n) => !idByName.has(n)),
      });
      if (cell.name) idByName.set(cell.name.toLowerCase(), cell.id);
    } else if (cell.kind === 'chart') {
      const from = idByName.get(cell.chart.from.toLowerCase());
      links.set(cell.id, {
        reads: from ? [from] : [],
        below: from || !allNames.has(cell.chart.from.toLowerCase()) ? [] : [cell.chart.from],
      });
    } else {
      links.set(cell.id, { reads: [], below: [] });
    }
  }
  return links;
}

/** The cells that read `id`, directly or through others, in notebook order. */
export function dependentsOf(
  cells: readonly Cell[],
  id: string,
  links: ReadonlyMap<string, CellLinks> = cellLinks(cells),
): string[] {
  const affected = new Set([id]);
  const out: string[] = [];
  for (const cell of cells) {
    if (affected.has(cell.id)) continue;
    if (links.get(cell.id)!.reads.some((r) => affected.has(r))) {
      affected.add(cell.id);
      out.push(cell.id);
    }
  }
  return out;
}

/** The cells `id` reads, directly or through others, in notebook order. */
export function ancestorsOf(
  cells: readonly Cell[],
  id: string,
  links: ReadonlyMap<string, CellLinks> = cellLinks(cells),
): string[] {
  const needed = new Set<string>();
  const visit = (at: string): void => {
    for (const r of links.get(at)?.reads ?? [])
      if (!needed.has(r)) {
        needed.add(r);
        visit(r);
      }
  };
  visit(id);
  return cells.filter((c) => needed.has(c.id)).map((c) => c.id);
}
