// How much memory the engine holds, as DuckDB itself counts it: its tables, intermediate
// results and caches. The tab needs more than this (the wasm heap never shrinks, and the page
// has its own), but this is the part a person can free by restarting the engine.
import type { Engine } from './engine';
import { toRows } from './rows';

export interface EngineMemory {
  usedBytes: number;
  /** DuckDB's memory limit in this engine, in bytes. */
  limitBytes: number;
}

const MEMORY_SQL = `SELECT
  (SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory())::DOUBLE AS used,
  (SELECT value FROM duckdb_settings() WHERE name = 'memory_limit') AS limit_text`;

export async function readEngineMemory(engine: Engine): Promise<EngineMemory> {
  const [row] = toRows(await engine.query(MEMORY_SQL));
  return { usedBytes: Number(row?.used ?? 0), limitBytes: parseSize(String(row?.limit_text)) };
}

const UNITS: Record<string, number> = {
  bytes: 1,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
};

/** DuckDB writes sizes as "3.1 GiB" or "512.0 MB"; NaN when it writes something else. */
export function parseSize(text: string): number {
  const m = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit ? Number(m[1]) * unit : NaN;
}
