// The value edits as the `what_if_values` table the measures step reads over the loaded data.
import { lit } from '../sql/quote';
import { valueEdits, type WhatIfEdit } from './edits';

export const WHAT_IF_DDL = [
  // What-if values: a trainer's edits of raw values, over what was loaded (never written into it).
  // `value` is as the measures table holds it (rates 0–1); `edit` is the edit's place in the list.
  `CREATE TABLE IF NOT EXISTS what_if_values (
    unit_code VARCHAR, year INTEGER, measure VARCHAR, value DOUBLE, text VARCHAR, edit INTEGER
  )`,
];

/** Statements that make `what_if_values` hold exactly these edits' values. */
export function whatIfValuesSql(edits: readonly WhatIfEdit[]): string[] {
  const rows = valueEdits(edits).map(
    ({ edit, e }) =>
      `(${lit(e.unit)}, ${lit(e.year)}, ${lit(e.measure)}, ${lit(e.value)}::DOUBLE, ${lit(e.text)}::VARCHAR, ${edit})`,
  );
  return [
    'DELETE FROM what_if_values',
    ...(rows.length === 0 ? [] : [`INSERT INTO what_if_values VALUES ${rows.join(', ')}`]),
  ];
}
