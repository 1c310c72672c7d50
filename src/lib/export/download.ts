// Files made in the page and handed to the browser's download: nothing leaves the device.

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a chart file says of itself: the title, the framework and year, where it comes from. */
export interface ChartLabels {
  title: string;
  subtitle: string;
  source: string;
}

const PAD = 12;
const LINES = { title: 16, subtitle: 12, source: 10.5 } as const;

function textLine(
  text: string,
  y: number,
  size: number,
  weight: 'bold' | 'normal',
  fill: string,
): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(PAD));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', weight);
  t.setAttribute('fill', fill);
  t.textContent = text;
  return t;
}

/** The width a line of text takes, measured with the drawing's font. */
let measuring: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, size: number, weight: 'bold' | 'normal' = 'normal'): number {
  // One canvas for every measure of every download.
  measuring ??= document.createElement('canvas').getContext('2d');
  const ctx = measuring;
  if (!ctx) return Math.ceil(text.length * size * 0.6);
  ctx.font = `${weight} ${size}px system-ui, sans-serif`;
  return Math.ceil(ctx.measureText(text).width);
}

/** The source's parts ("a · b · c") on as many lines as it takes to stay within `width`. */
function wrapSource(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of text.split(' · ')) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} · ${part}`, LINES.source) <= width)
      lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}

/**
 * A chart as one standalone SVG, with its title and subtitle above and its source below. Plot
 * puts each legend in an SVG of its own before the plot's SVG; they are stacked into one drawing,
 * in the order they appear, on a white background. Labels Plot lets run past its box (long tick
 * labels, rotated names) widen the drawing instead of being cut off.
 */
function standalone(
  chart: Element,
  labels: ChartLabels,
): { svg: SVGSVGElement; width: number; height: number } {
  const parts = [...chart.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
  if (parts.length === 0) throw new Error('the chart has no SVG');
  const boxes = parts.map((p) => {
    const r = p.getBoundingClientRect();
    const b = p.getBBox();
    return {
      w: r.width,
      h: r.height,
      left: Math.max(0, -b.x),
      right: Math.max(r.width, b.x + b.width),
      top: Math.max(0, -b.y),
      bottom: Math.max(r.height, b.y + b.height),
    };
  });
  const left = Math.ceil(Math.max(...boxes.map((b) => b.left)));
  const drawing = Math.ceil(left + Math.max(...boxes.map((b) => b.right)));
  // The chart sets the width; a title longer than it widens the file, a long source wraps.
  const width = Math.max(
    drawing + 2 * PAD,
    textWidth(labels.title, LINES.title, 'bold') + 2 * PAD,
    textWidth(labels.subtitle, LINES.subtitle) + 2 * PAD,
  );
  const source = wrapSource(labels.source, Math.max(width - 2 * PAD, 360));
  const fullWidth = Math.max(width, ...source.map((l) => textWidth(l, LINES.source) + 2 * PAD));
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  out.append(background);
  let y = PAD + LINES.title;
  out.append(textLine(labels.title, y, LINES.title, 'bold', '#1a1a1a'));
  y += LINES.subtitle + 6;
  out.append(textLine(labels.subtitle, y, LINES.subtitle, 'normal', '#555'));
  y += 10;
  parts.forEach((part, i) => {
    const b = boxes[i]!;
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(PAD + left));
    copy.setAttribute('y', String(y + b.top));
    copy.setAttribute('width', String(Math.ceil(b.w)));
    copy.setAttribute('height', String(Math.ceil(b.h)));
    copy.setAttribute('overflow', 'visible');
    out.append(copy);
    y += b.top + b.bottom;
  });
  y += 6;
  for (const line of source) {
    y += LINES.source + 4;
    out.append(textLine(line, y, LINES.source, 'normal', '#555'));
  }
  const height = Math.ceil(y + PAD);
  out.setAttribute('width', String(fullWidth));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${fullWidth} ${height}`);
  return { svg: out, width: fullWidth, height };
}

/** A chart (with its legends, title, subtitle and source) as the text of an SVG file. */
export function svgText(chart: Element, labels: ChartLabels): string {
  return new XMLSerializer().serializeToString(standalone(chart, labels).svg);
}

/** The chart drawn on a canvas at twice its size, as PNG. */
export async function pngBlob(chart: Element, labels: ChartLabels): Promise<Blob> {
  const { svg, width, height } = standalone(chart, labels);
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }),
  );
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A value as an indented JSON file's contents (a framework, a profile). */
export function jsonBlob(value: unknown): Blob {
  return new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
}
