// The rows a chart draws: only the columns its spec names, read from Arrow by index, dates as
// Date objects (Plot then draws a time axis), and no more points than a figure can show.
import { DataType, type Table } from 'apache-arrow';
import type { ChartRow } from '../charts/notebookChart';
import { hugeintToNumber } from '../db/rows';
import { chartColumns } from './chartSpec';
import type { ChartSpec } from './types';

export const CHART_MAX_POINTS = 20_000;

export function chartRows(table: Table, spec: ChartSpec): { rows: ChartRow[]; capped: boolean } {
  const n = Math.min(table.numRows, CHART_MAX_POINTS);
  const readers = chartColumns(spec).map((name) => {
    const field = table.schema.fields.find((f) => f.name === name);
    const vector = table.getChild(name);
    const isTime = field ? DataType.isDate(field.type) || DataType.isTimestamp(field.type) : false;
    return { name, at: (i: number) => plain(vector?.get(i), isTime) };
  });
  const rows: ChartRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const row: ChartRow = {};
    for (const r of readers) row[r.name] = r.at(i);
    rows.push(row);
  }
  return { rows, capped: table.numRows > n };
}

function plain(v: unknown, isTime: boolean): unknown {
  if (v === null || v === undefined) return null;
  if (isTime) return v instanceof Date ? v : new Date(Number(v));
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint32Array && v.length === 4) return hugeintToNumber(v);
  return v;
}
