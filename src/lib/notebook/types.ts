// A notebook is data: a title and a list of cells. No cell holds code the browser runs; SQL runs
// read-only in DuckDB, a chart is a declarative spec, and text is Markdown rendered as text nodes.

/** The marks a chart cell may draw, each one Observable Plot mark chosen by name. */
export const CHART_MARKS = ['dot', 'line', 'barY', 'barX', 'areaY', 'cell'] as const;
export type ChartMark = (typeof CHART_MARKS)[number];

/** A chart over the result of a named SQL cell. Channels name columns of that result. */
export interface ChartSpec {
  /** The name of the SQL cell whose result is drawn. */
  from: string;
  mark: ChartMark;
  x?: string;
  y?: string;
  /** A column (a colour per value) or a constant colour `#rrggbb`. */
  colour?: string;
  /** A column: one small chart per value, side by side. */
  facet?: string;
  title?: string;
}

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
