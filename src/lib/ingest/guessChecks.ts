// A guess from a header's words is checked against what else the file says before it is used:
// a rate whose values run past 100 is not that rate ("Hộ có địa chỉ số": 850 households), and a
// measure another column already gives is not given twice. Such a column is asked, not guessed.
import type { MeasureDef } from '../framework/types';
import { headerKey, type ColumnRole } from './columnRoles';
import type { HeaderColumn } from './findLayout';

/** A sample as a number, read loosely ("89,8", "45 %"); null for text. */
function sampleNumber(text: string): number | null {
  const t = text.replace(/%/g, '').replace(/\s/g, '').replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

export function checkGuesses(
  columns: readonly HeaderColumn[],
  roles: readonly ColumnRole[],
  samples: ReadonlyMap<string, readonly string[]>,
  catalog: readonly MeasureDef[],
): ColumnRole[] {
  const kindOf = new Map(catalog.map((m) => [m.code, m.kind]));
  const held = new Set(
    roles.flatMap((r) =>
      r.role === 'measureColumn' && r.matchedBy !== 'guess' ? [r.measure] : [],
    ),
  );
  return roles.map((role, i) => {
    if (role.role !== 'measureColumn' || role.matchedBy !== 'guess') return role;
    const column = columns[i]!;
    const values = (samples.get(column.name) ?? []).map(sampleNumber);
    const pastRate =
      kindOf.get(role.measure) === 'rate' && values.some((v) => v !== null && v > 100);
    if (pastRate || held.has(role.measure))
      return { role: 'measureColumn', measure: headerKey(column.label), matchedBy: 'none' };
    held.add(role.measure);
    return role;
  });
}
