// The rows a chart draws: only the columns its spec names, read from Arrow by index with the
// result table's own value reading, and no more points than a figure can show.
import type { Table } from 'apache-arrow';
import type { ChartRow } from '../charts/notebookChart';
import { chartValue, columnsOf, valueAt } from './cellValue';
import { chartColumns } from './chartSpec';
import type { ChartSpec } from './types';

export const CHART_MAX_POINTS = 20_000;

export function chartRows(table: Table, spec: ChartSpec): { rows: ChartRow[]; capped: boolean } {
  const n = Math.min(table.numRows, CHART_MAX_POINTS);
  const columns = columnsOf(table);
  const readers = chartColumns(spec).flatMap((name) => {
    const at = columns.findIndex((c) => c.name === name);
    if (at < 0) return [];
    const vector = table.getChildAt(at);
    return [{ name, read: (i: number) => chartValue(valueAt(vector, i), columns[at]!) }];
  });
  const rows: ChartRow[] = [];
  for (let i = 0; i < n; i += 1) {
    const row: ChartRow = {};
    for (const r of readers) row[r.name] = r.read(i);
    rows.push(row);
  }
  return { rows, capped: table.numRows > n };
}
