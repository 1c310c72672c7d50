// The one place where names and values become SQL text. Everything that reaches SQL from a
// file, a framework or a person goes through here, so a header like `Xã "Ba Tơ"'s` can never
// break or inject a statement.

/** A double-quoted identifier: table or column name. */
export function ident(name: string): string {
  assertNoNul(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL literal for a JS value: strings, finite numbers, booleans, null. */
export function lit(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    // Exponent form keeps DOUBLE semantics; plain integers stay readable.
    return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? `${value}` : `${value}::DOUBLE`;
  }
  assertNoNul(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** `(a, b, c)` list of literals, for IN. An empty list becomes `(NULL)`, which matches nothing. */
export function litList(values: readonly (string | number)[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(lit).join(', ')})`;
}

/** `['a', 'b']`, a list value for list functions such as list_contains. */
export function litArray(values: readonly (string | number)[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

/** A VALUES table with named, typed columns, e.g. for small metadata tables. */
export function valuesTable(
  columns: readonly { name: string; type: string }[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const names = columns.map((c) => ident(c.name)).join(', ');
  if (rows.length === 0) {
    const nulls = columns.map((c) => `NULL::${c.type} AS ${ident(c.name)}`).join(', ');
    return `(SELECT ${nulls} WHERE FALSE)`;
  }
  const body = rows
    .map((r) => `(${r.map((v, i) => `${lit(v)}::${columns[i]!.type}`).join(', ')})`)
    .join(',\n  ');
  return `(SELECT * FROM (VALUES\n  ${body}) AS v(${names}))`;
}

function assertNoNul(s: string): void {
  if (s.includes('\0')) throw new Error('text contains a NUL character');
}
