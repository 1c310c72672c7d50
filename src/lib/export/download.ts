// Files made in the page and handed to the browser's download: nothing leaves the device.

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart's SVG as a standalone file (namespaces and a white background added). */
export function svgText(chart: Element): string {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  if (!svg) throw new Error('the chart has no SVG');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.style.background = 'white';
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG drawn on a canvas at twice its size, as PNG. */
export async function pngBlob(chart: Element): Promise<Blob> {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg')!;
  const { width, height } = svg.getBoundingClientRect();
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
