// The value a unit has now for one measure (after the edits in force), for the what-if form.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import type { MeasureKind } from '../framework/types';
import { lit } from '../sql/quote';

export interface CurrentValue {
  value: number | null;
  text: string | null;
  kind: MeasureKind | null;
}

export async function readCurrentValue(
  engine: Engine,
  unit: string,
  year: number,
  measure: string,
): Promise<CurrentValue> {
  const [r] = toRows(
    await engine.query(`SELECT m.value, m.text, coalesce(m.kind, c.kind) AS kind
FROM (SELECT ${lit(measure)} AS measure) q
LEFT JOIN measures m ON m.measure = q.measure AND m.unit_code = ${lit(unit)} AND m.year = ${lit(year)}
LEFT JOIN measure_catalog c ON c.measure = q.measure`),
  );
  return {
    value: r?.value === null || r?.value === undefined ? null : Number(r.value),
    text: r?.text === null || r?.text === undefined ? null : String(r.text),
    kind: r?.kind ? (String(r.kind) as MeasureKind) : null,
  };
}
