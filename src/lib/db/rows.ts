import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

/**
 * Arrow → plain objects for small results (views, tests, the automation API). Large results
 * stay in Arrow. HUGEINT (e.g. sum of integers) arrives as a Uint32Array(4) even with
 * castBigIntToDouble, so it is folded into a number here; BigInt becomes a number too.
 */
export function toRows(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const out: Row[] = [];
  for (const record of table) {
    if (record === null) continue;
    const row: Row = {};
    for (const name of names) row[name] = plainValue((record as unknown as Row)[name]);
    out.push(row);
  }
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
