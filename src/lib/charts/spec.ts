// What a chart draws, as data: a mark chosen by name and the columns of a result it maps to x,
// y, colour and facets. A notebook's chart cell holds one; charts/ draws it.

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

/** A constant colour, `#rrggbb`, where a column name could stand. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
