// Units' explain traces aligned by indicator for a side-by-side table, each row with its best
// points — none when every unit scores the same, so a row of equals marks nobody.
import type { TraceStep } from '../scoring/explainTrace';

export interface AlignedRow {
  first: TraceStep;
  /** One step per unit, in the units' order (undefined where a unit lacks the indicator). */
  steps: (TraceStep | undefined)[];
  best: number | null;
}

export function alignedIndicators(traces: readonly TraceStep[][]): AlignedRow[] {
  return (traces[0] ?? []).map((first) => {
    const steps = traces.map((tr) => tr.find((s) => s.indicator === first.indicator));
    const points = steps.map((s) => s?.points ?? null).filter((p) => p !== null);
    const best =
      points.length > 0 && Math.min(...points) < Math.max(...points) ? Math.max(...points) : null;
    return { first, steps, best };
  });
}

export function isBest(row: AlignedRow, step: TraceStep | undefined): boolean {
  return (
    row.best !== null &&
    step?.points !== null &&
    step?.points !== undefined &&
    Math.abs(step.points - row.best) < 1e-9
  );
}
