// What a table is: units × measures (wide), unit-year-measure-value rows (long), one unit's
// self-assessment form, a framework, or a plan's targets. Decided from the header; the person
// can override it.
import type { ColumnRole } from './columnRoles';
import type { HeaderColumn } from './findLayout';
import { formColumns } from './formColumns';

export type Shape = 'wide' | 'long' | 'selfAssessment' | 'framework' | 'targets';

export const SHAPES: readonly Shape[] = ['wide', 'long', 'selfAssessment', 'framework', 'targets'];

export function detectShape(columns: readonly HeaderColumn[], roles: readonly ColumnRole[]): Shape {
  const form = formColumns(columns);
  const named = form.indicatorName !== undefined || form.indicatorCode !== undefined;
  if (named && (form.selfPoints !== undefined || form.appraisedPoints !== undefined))
    return 'selfAssessment';
  const hasUnit = roles.some((r) => r.role === 'code' && r.level !== null);
  if (named && form.targetValue !== undefined && !hasUnit) return 'targets';
  // A method column marks a framework even without its max column: the framework reader then
  // says the max is what is missing, rather than a data reader asking for unit codes.
  if (named && (form.maxPoints !== undefined || form.method !== undefined) && !hasUnit)
    return 'framework';
  return roles.some((r) => r.role === 'measure') && roles.some((r) => r.role === 'value')
    ? 'long'
    : 'wide';
}
