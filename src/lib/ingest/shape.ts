// What a table is: units × measures (wide), unit-year-measure-value rows (long), one unit's
// self-assessment form, a framework, or a plan's targets. Decided from the header; the person
// can override it.
import { headerKey, type ColumnRole } from './columnRoles';
import type { HeaderColumn } from './findLayout';
import { formColumns } from './formColumns';

/** Headers that name a code or a name without saying of what. */
const BARE = new Set(['ma', 'code', 'ten', 'name']);

export type Shape = 'wide' | 'long' | 'selfAssessment' | 'framework' | 'targets';

export const SHAPES: readonly Shape[] = ['wide', 'long', 'selfAssessment', 'framework', 'targets'];

export function detectShape(columns: readonly HeaderColumn[], roles: readonly ColumnRole[]): Shape {
  const long = roles.some((r) => r.role === 'measure') && roles.some((r) => r.role === 'value');
  // Who the rows are about, or unit-measure-value rows: a data table, whatever else it holds.
  // A bare "Mã" or "Tên" may as well be an indicator's code or name: it decides nothing.
  const aboutUnits = roles.some(
    (r, i) =>
      (r.role === 'code' || r.role === 'name') &&
      (r.level !== null || !BARE.has(headerKey(columns[i]?.label ?? ''))),
  );
  const data = long || aboutUnits;
  if (data) return long ? 'long' : 'wide';
  const form = formColumns(columns);
  const named = form.indicatorName !== undefined || form.indicatorCode !== undefined;
  if (named && (form.selfPoints !== undefined || form.appraisedPoints !== undefined))
    return 'selfAssessment';
  if (named && form.targetValue !== undefined) return 'targets';
  // A method column marks a framework even without its max column: the framework reader then
  // says the max is what is missing, rather than a data reader asking for unit codes.
  if (named && (form.maxPoints !== undefined || form.method !== undefined)) return 'framework';
  return 'wide';
}
