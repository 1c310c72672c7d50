// A notebook chart cell drawn with Observable Plot. The spec only names a mark and columns, so
// nothing from a notebook file becomes a function, a URL or markup: Plot gets field names.
import * as Plot from '@observablehq/plot';
import { formatNumber, type Lang } from '../i18n/format';
import { HEX_COLOUR, type ChartSpec } from './spec';
import { SERIES } from './palette';

const FONT = { fontSize: '12px', fontFamily: 'system-ui, sans-serif' };

export type ChartRow = Record<string, unknown>;

export function notebookChart(
  spec: ChartSpec,
  data: ChartRow[],
  lang: Lang,
  width = 640,
): SVGSVGElement | HTMLElement {
  const constant = spec.colour && HEX_COLOUR.test(spec.colour) ? spec.colour : undefined;
  const colourColumn = spec.colour && !constant ? spec.colour : undefined;
  // A column is read through a function: Plot would take a column named like a CSS colour
  // ("red") for that colour.
  const paint =
    constant ?? (colourColumn ? (d: ChartRow) => d[colourColumn] : undefined) ?? SERIES[0];
  const text = (column: string | undefined) =>
    column !== undefined && data.some((d) => typeof d[column] === 'string');
  const channels = {
    ...(spec.x ? { x: spec.x } : {}),
    ...(spec.y ? { y: spec.y } : {}),
    ...(spec.facet ? { fx: spec.facet } : {}),
  };
  const marks: Plot.Markish[] = [];
  switch (spec.mark) {
    case 'dot':
      marks.push(Plot.dot(data, { ...channels, fill: paint, r: 3.5, tip: true }));
      break;
    case 'line':
      marks.push(
        Plot.line(data, {
          ...channels,
          stroke: paint,
          ...(colourColumn ? { z: colourColumn } : {}),
          tip: true,
        }),
      );
      break;
    case 'areaY':
      marks.push(Plot.areaY(data, { ...channels, fill: paint, fillOpacity: 0.7, tip: true }));
      break;
    case 'cell':
      marks.push(Plot.cell(data, { ...channels, fill: paint, inset: 0.5, tip: true }));
      break;
    case 'barX':
      marks.push(
        Plot.barX(data, {
          ...channels,
          fill: paint,
          ...(text(spec.y) ? { sort: { y: '-x' } } : {}),
          tip: true,
        }),
        Plot.ruleX([0]),
      );
      break;
    case 'barY':
      marks.push(
        Plot.barY(data, {
          ...channels,
          fill: paint,
          ...(text(spec.x) ? { sort: { x: '-y' } } : {}),
          tip: true,
        }),
        Plot.ruleY([0]),
      );
      break;
  }
  const categoriesOnY = spec.mark === 'barX' || spec.mark === 'cell' ? categories(data, spec.y) : 0;
  return Plot.plot({
    width,
    style: FONT,
    ...(categoriesOnY > 0
      ? { height: Math.max(160, Math.min(1600, 22 * categoriesOnY + 60)) }
      : {}),
    // Names down the left get the room their longest one needs (up to a third of the width).
    marginLeft: categoriesOnY > 0 ? Math.min(width / 3, 16 + 7 * longest(data, spec.y!)) : 56,
    grid: true,
    ...(colourColumn ? { color: colourScale(data, colourColumn) } : {}),
    x: { label: spec.x ?? null, tickFormat: tick(lang) },
    // Category names label themselves; a rotated column name would run over them.
    y: { label: categoriesOnY > 0 ? null : (spec.y ?? null), tickFormat: tick(lang) },
    marks,
  });
}

/** Numbers and dates on the axes as the page's language writes them; other values as they are. */
function tick(lang: Lang): (d: unknown) => string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  return (d) =>
    typeof d === 'number'
      ? formatNumber(d, lang, 4)
      : d instanceof Date
        ? d.toLocaleDateString(locale)
        : String(d);
}

/** Numbers get a sequential scale, anything else the colour-blind-safe categorical one. */
function colourScale(data: ChartRow[], column: string): Plot.ScaleOptions {
  const numeric = data.every((d) => d[column] === null || typeof d[column] === 'number');
  return numeric
    ? { legend: true, label: column, scheme: 'viridis' }
    : { legend: true, label: column, type: 'ordinal', range: [...SERIES] };
}

function longest(data: ChartRow[], column: string): number {
  return Math.max(0, ...data.map((d) => String(d[column] ?? '').length));
}

function categories(data: ChartRow[], column: string | undefined): number {
  if (!column) return 0;
  const values = new Set(data.map((d) => d[column]));
  return [...values].some((v) => typeof v === 'string') ? values.size : 0;
}
