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

/**
 * A chart as one standalone SVG. Plot puts each legend in an SVG of its own before the plot's
 * SVG; they are stacked into one drawing, in the order they appear, on a white background.
 */
function standalone(chart: Element): { svg: SVGSVGElement; width: number; height: number } {
  const parts = [...chart.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'));
  if (parts.length === 0) throw new Error('the chart has no SVG');
  const sizes = parts.map((p) => p.getBoundingClientRect());
  const width = Math.ceil(Math.max(...sizes.map((r) => r.width)));
  const height = Math.ceil(sizes.reduce((sum, r) => sum + r.height, 0));
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  out.append(background);
  let y = 0;
  parts.forEach((part, i) => {
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(Math.ceil(sizes[i]!.width)));
    copy.setAttribute('height', String(Math.ceil(sizes[i]!.height)));
    out.append(copy);
    y += sizes[i]!.height;
  });
  return { svg: out, width, height };
}

/** A chart (with its legends) as the text of an SVG file. */
export function svgText(chart: Element): string {
  return new XMLSerializer().serializeToString(standalone(chart).svg);
}

/** The chart drawn on a canvas at twice its size, as PNG. */
export async function pngBlob(chart: Element): Promise<Blob> {
  const { width, height } = standalone(chart);
  const url = URL.createObjectURL(new Blob([svgText(chart)], { type: 'image/svg+xml' }));
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
