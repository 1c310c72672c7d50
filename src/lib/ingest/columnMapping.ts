// The person's own reading of columns — "this column is that measure", "skip this column" —
// and the header signature under which it is remembered for the next file of the same shape.
import { fold } from '../sql/fold';
import type { ColumnRole } from './columnRoles';
import type { HeaderColumn } from './findLayout';
import type { ColumnReport, LoadReport } from './loadReport';

/** Column name → measure code, or null for a column not to load. */
export type ColumnMapping = Record<string, string | null>;

/** Files with the same header (after folding) share a signature, whatever their data. */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => fold(c.name)).join(' | ');
}

/** The roles after the person's choices: only measure columns can be re-read or skipped. */
export function applyMapping(
  columns: readonly HeaderColumn[],
  roles: ColumnRole[],
  mapping: ColumnMapping,
): ColumnRole[] {
  // Choices apply by folded column name: "CỘT LẠ" in the next file is the "Cột lạ" chosen before.
  const byName = new Map(Object.entries(mapping).map(([name, measure]) => [fold(name), measure]));
  return roles.map((role, i) => {
    const name = fold(columns[i]!.name);
    if (!byName.has(name) || (role.role !== 'measureColumn' && role.role !== 'ignored'))
      return role;
    const chosen = byName.get(name);
    return chosen === null || chosen === undefined
      ? { role: 'ignored' }
      : { role: 'measureColumn', measure: chosen, matchedBy: 'person' };
  });
}

/** Measure columns the person should look at: not matched to the catalog, or only guessed. */
export function columnsToMap(report: LoadReport): ColumnReport[] {
  return report.columns.filter(
    (c) => c.role === 'measureColumn' && (c.matchedBy === 'none' || c.matchedBy === 'guess'),
  );
}

/** The load's choices with every guessed column confirmed as the person's own. */
export function withGuessesAccepted(report: LoadReport): ColumnMapping {
  const guessed = report.columns.filter((c) => c.matchedBy === 'guess' && c.measure);
  return {
    ...report.mapping,
    ...Object.fromEntries(guessed.map((c) => [c.header, c.measure!])),
  };
}
