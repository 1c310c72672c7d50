// Whether a ranking stands on enough data to be read as a result: the share of its indicators
// each unit gave data for, and the units below the line. 9–17/100 from 16 % of the data is not a
// result, and must not look like one.
import type { RankingRow } from '../scoring/results';

/** A unit with data for less than this share of the indicators is marked. */
export const LOW_COVERAGE = 0.5;

export interface CoverageSummary {
  /** Mean share of indicators with data over the units ranked. */
  mean: number | null;
  /** Units marked for having too little data. */
  low: number;
  /** The ranking as a whole lacks data: said above the table. */
  warn: boolean;
}

export const isLowCoverage = (coverage: number | null): boolean =>
  coverage !== null && coverage < LOW_COVERAGE;

export function coverageSummary(rows: readonly RankingRow[]): CoverageSummary {
  const shares = rows.map((r) => r.coverage).filter((c): c is number => c !== null);
  const mean = shares.length === 0 ? null : shares.reduce((a, b) => a + b, 0) / shares.length;
  const low = shares.filter((c) => c < LOW_COVERAGE).length;
  return { mean, low, warn: mean !== null && mean < LOW_COVERAGE };
}
