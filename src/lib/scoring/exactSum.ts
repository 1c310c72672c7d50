// Sums of points that do not depend on the order rows are added in. A DOUBLE sum can differ in
// its last bit with the order (a reload reads the rows in another order; a partial re-score adds
// a group's rows in another order than a full run), and a score must be the same number whichever
// way it was computed. Each term is rounded to 18 decimals and added as an exact decimal, far
// below anything shown or ranked (4 decimals) and far above the largest sum of points.

/** SQL for the order-independent sum of a DOUBLE expression (over the rows `filter` keeps). */
export const exactSum = (e: string, filter?: string): string =>
  `(sum((${e})::DECIMAL(38, 18))${filter ? ` FILTER (WHERE ${filter})` : ''})::DOUBLE`;
