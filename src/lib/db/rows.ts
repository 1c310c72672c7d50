import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

/**
 * Arrow → plain objects for small results (views, tests, the automation API). Large results
 * stay in Arrow. HUGEINT (e.g. sum of integers) arrives as a Uint32Array(4) even with
 * castBigIntToDouble, so it is folded into a number here; BigInt becomes a number too.
 */
export function toRows(table: Table): Row[] {
  // Read column by column: a row proxy per record costs most of the time on large results (a
  // national ranking of 10,000 rows took a second through proxies).
  const out: Row[] = Array.from({ length: table.numRows }, () => ({}));
  const names = table.schema.fields.map((f) => f.name);
  names.forEach((name, i) => {
    const column = table.getChildAt(i);
    // Of two columns of one name the first is the row's, as a record proxy gives it.
    if (!column || names.indexOf(name) !== i) return;
    for (let r = 0; r < out.length; r++) out[r]![name] = plainValue(column.get(r));
  });
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint32Array && v.length === 4) return hugeintToNumber(v);
  // LIST columns arrive as Arrow vectors and STRUCT values as row proxies. Duck-typed: the
  // Node bindings bundle their own copy of Arrow, so `instanceof Vector` would miss them.
  if (isVector(v)) return Array.from(v, plainValue);
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { toJSON?: unknown }).toJSON === 'function' &&
    !(v instanceof Date)
  ) {
    const o = (v as { toJSON: () => Record<string, unknown> }).toJSON();
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plainValue(x)]));
  }
  return v;
}

/** HUGEINT as four 32-bit words (how DuckDB-WASM hands it over) → a number. */
export function hugeintToNumber(words: Uint32Array): number {
  // Little-endian 128-bit two's complement.
  const hi = words[3]! | 0;
  const value =
    hi * 2 ** 96 + (words[2] ?? 0) * 2 ** 64 + (words[1] ?? 0) * 2 ** 32 + (words[0] ?? 0);
  return value;
}

function isVector(v: unknown): v is Iterable<unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { toArray?: unknown }).toArray === 'function' &&
    Symbol.iterator in v
  );
}
