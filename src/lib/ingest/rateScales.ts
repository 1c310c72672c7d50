// Rates come written as 0–1 (0,455) or 0–100 (45,5 or "45,5 %"). The scale is decided per
// measure of each load — a "%" anywhere, or a value above 1, means 0–100 — shown in the report,
// and the person can set it the other way; the scoring reads `load_scales` before deciding.
import type { Engine } from '../db/engine';
import { toRows } from '../db/rows';
import { lit } from '../sql/quote';
import { autoDivisorSql } from '../text/rateScaleSql';

export type RateScale = 'fraction' | 'percent';

export interface RateScaleReport {
  measure: string;
  scale: RateScale;
  /** `data`: decided from the values; `catalog`: the measure's definition says; `person`: chosen. */
  decidedBy: 'data' | 'catalog' | 'person';
}

/** Records the person's choices for this load, then reports every rate measure's scale. */
export async function rateScales(
  engine: Engine,
  loadId: number,
  chosen: Record<string, RateScale>,
): Promise<RateScaleReport[]> {
  for (const [measure, scale] of Object.entries(chosen)) {
    await engine.exec(
      `INSERT INTO load_scales VALUES (${loadId}, ${lit(measure)}, ${scale === 'percent' ? 100 : 1})`,
    );
  }
  const rows = toRows(
    await engine.query(`
SELECT o.measure, any_value(k.scale) AS catalog_scale, any_value(s.divisor) AS chosen,
  ${autoDivisorSql('o.text', 'o.value')} AS auto
FROM observations o
JOIN measure_catalog k ON k.measure = o.measure AND k.kind = 'rate'
LEFT JOIN load_scales s ON s.load_id = o.load_id AND s.measure = o.measure
WHERE o.load_id = ${loadId}
GROUP BY o.measure ORDER BY o.measure`),
  );
  return rows.map((r) => {
    const fixed = r.catalog_scale === 'fraction' || r.catalog_scale === 'percent';
    const divisor =
      r.chosen !== null
        ? Number(r.chosen)
        : fixed
          ? r.catalog_scale === 'percent'
            ? 100
            : 1
          : Number(r.auto);
    return {
      measure: String(r.measure),
      scale: divisor === 100 ? 'percent' : 'fraction',
      decidedBy: r.chosen !== null ? 'person' : fixed ? 'catalog' : 'data',
    };
  });
}
