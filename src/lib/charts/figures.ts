// The dashboard's charts as Observable Plot figures built from typed rows. Axis labels and
// tick formats follow the page's language; colours come from the colour-blind-safe palette.
import * as Plot from '@observablehq/plot';
import { formatFixed, formatIndex, type Lang } from '../i18n/format';
import { SEQUENTIAL, SERIES } from './palette';

const index = (lang: Lang) => (x: number) => formatIndex(x, lang);
const FONT = { fontSize: '12px', fontFamily: 'system-ui, sans-serif' };

/** How many units have a total in each tenth of the 0–1 scale. */
/**
 * The totals counted in bins of a tenth (`from` its low end): counted by the page, so that a
 * re-score which moves no unit to another bin draws nothing again.
 */
export function totalsHistogram(
  bins: readonly { from: number; count: number }[],
  labels: { x: string; y: string },
  lang: Lang,
  width = 640,
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    style: FONT,
    height: 220,
    marginLeft: 48,
    x: { domain: [0, 1], label: labels.x, tickFormat: index(lang) },
    y: {
      label: labels.y,
      grid: true,
      tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
    },
    marks: [
      Plot.rectY(bins, {
        x1: 'from',
        x2: (b: { from: number }) => b.from + 0.1,
        y: 'count',
        fill: SERIES[0],
        inset: 1,
      }),
      Plot.ruleY([0]),
    ],
  });
}

export interface HeatCell {
  unit: string;
  mainIndex: string;
  value: number | null;
}

const HEAT_MARGIN_LEFT = 170;

/** Units (rows, in ranking order) × main indices (columns), each cell its 0–1 value. */
export function heatmap(
  cells: HeatCell[],
  units: string[],
  mainIndices: string[],
  labels: { x: string; y: string },
  lang: Lang,
  width = 640,
): SVGSVGElement | HTMLElement {
  // Values are written in the cells only where they fit ("0,96" is about 24 px at 10 px): on a
  // phone the colours and the table below the chart say them, and the column names stand
  // steeper so that they do not run into each other.
  const written = (width - HEAT_MARGIN_LEFT - 20) / Math.max(1, mainIndices.length) >= 28;
  const marginBottom = written ? 90 : 120;
  return Plot.plot({
    width,
    style: FONT,
    marginLeft: HEAT_MARGIN_LEFT,
    marginBottom,
    height: 40 + units.length * 22 + marginBottom,
    // The legend names the values; the main-index names are the axis.
    x: { domain: mainIndices, label: null, tickRotate: written ? -30 : -60 },
    y: { domain: units, label: labels.y },
    color: {
      scheme: SEQUENTIAL,
      domain: [0, 1],
      legend: true,
      label: labels.x,
      tickFormat: index(lang),
    },
    marks: [
      Plot.cell(cells, { x: 'mainIndex', y: 'unit', fill: 'value', inset: 0.5 }),
      written
        ? Plot.text(cells, {
            x: 'mainIndex',
            y: 'unit',
            text: (d: HeatCell) => formatFixed(d.value, lang, 2),
            fill: (d: HeatCell) => ((d.value ?? 0) > 0.55 ? 'black' : 'white'),
            fontSize: 10,
          })
        : null,
    ],
  });
}

export interface ProfilePoint {
  mainIndex: string;
  series: string;
  value: number | null;
}

/** Main-index values of one or more series (a unit, the median, the best …) side by side. */
export function profileDots(
  points: ProfilePoint[],
  series: string[],
  labels: { x: string },
  lang: Lang,
  width = 640,
): SVGSVGElement | HTMLElement {
  // The first series (the unit itself) is drawn last, on top of the peers' marks.
  const rank = (p: ProfilePoint) => (p.series === series[0] ? 1 : 0);
  const shown = points.filter((p) => p.value !== null).sort((a, b) => rank(a) - rank(b));
  return Plot.plot({
    width,
    style: FONT,
    marginLeft: 190,
    height: 40 + new Set(points.map((p) => p.mainIndex)).size * 34,
    x: { domain: [0, 1], grid: true, label: labels.x, tickFormat: index(lang) },
    y: { label: null, domain: [...new Set(points.map((p) => p.mainIndex))] },
    color: { domain: series, range: SERIES.slice(0, series.length), legend: true },
    symbol: { domain: series, legend: false },
    marks: [
      Plot.ruleX([0]),
      Plot.dot(shown, {
        x: 'value',
        y: 'mainIndex',
        fill: 'series',
        symbol: 'series',
        r: 5,
        stroke: 'white',
      }),
    ],
  });
}

export interface TrendPoint {
  unit: string;
  year: number;
  total: number | null;
}

/** The total of each unit over the years loaded. */
export function trendLines(
  points: TrendPoint[],
  units: string[],
  labels: { x: string; y: string },
  lang: Lang,
  width = 640,
): SVGSVGElement | HTMLElement {
  const shown = points.filter((p) => p.total !== null);
  const years = [...new Set(points.map((p) => p.year))].sort();
  return Plot.plot({
    width,
    style: FONT,
    height: 240,
    marginLeft: 56,
    x: { label: labels.x, ticks: years, tickFormat: (d: number) => String(d) },
    y: { domain: [0, 1], grid: true, label: labels.y, tickFormat: index(lang) },
    color: { domain: units, range: SERIES.slice(0, units.length), legend: true },
    marks: [
      Plot.line(shown, { x: 'year', y: 'total', stroke: 'unit', strokeWidth: 2 }),
      Plot.dot(shown, { x: 'year', y: 'total', fill: 'unit', r: 4 }),
    ],
  });
}
export { notebookChart } from './notebookChart';
