// A notebook is data: a title and a list of cells. No cell holds code the browser runs; SQL runs
// read-only in DuckDB, a chart is a declarative spec, and text is Markdown rendered as text nodes.

export { CHART_MARKS, type ChartMark, type ChartSpec } from '../charts/spec';
import type { ChartSpec } from '../charts/spec';

export interface SqlCell {
  id: string;
  kind: 'sql';
  /** Later cells select from this cell by this name; a table of that name holds its result. */
  name?: string;
  sql: string;
}

export interface ChartCell {
  id: string;
  kind: 'chart';
  chart: ChartSpec;
}

export interface TextCell {
  id: string;
  kind: 'text';
  /** Markdown. Raw HTML in it is shown as text. */
  text: string;
}

export type Cell = SqlCell | ChartCell | TextCell;
export type CellKind = Cell['kind'];

export interface Notebook {
  id: string;
  title: string;
  cells: Cell[];
  /** ISO time of the last change. */
  updated: string;
  /** Set for the notebooks that ship with the app; editing one saves a copy. */
  builtin?: boolean;
  /**
   * Set once the person ran it (or made it here): it then runs by itself when opened. A notebook
   * from a file waits for the person to read it and press run.
   */
  trusted?: boolean;
}

/** The file a notebook is exported as. */
export const NOTEBOOK_FORMAT = 'dti-lab-notebook';
export const NOTEBOOK_VERSION = 1;
