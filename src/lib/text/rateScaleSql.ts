// How a rate column says its scale: a "%" anywhere in it, or a value above 1, means it is
// written 0–100. Read by ingest (the load report) and by scoring (normalising to 0–1) alike.

/** SQL: the divisor of a rate measure's values in one load, from its values (100 or 1). */
export function autoDivisorSql(text: string, value: string): string {
  return `CASE WHEN bool_or(strpos(${text}, '%') > 0) OR max(abs(${value})) > 1 THEN 100.0 ELSE 1.0 END`;
}
