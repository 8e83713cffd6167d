/**
 * A composed slide (web/present/slideSvg.ts) as a PNG download, rasterised as the charts' own PNG
 * export does (web/charts/export.ts): the SVG as a blob: image (the page's Content-Security-Policy
 * allows blob: images), drawn on a canvas of the slide's size. The slide's SVG carries its styles as
 * presentation attributes and its charts with their styles inline, so nothing depends on the page's
 * style sheets.
 */
export async function slidePng(svg: SVGSVGElement, width: number, height: number): Promise<Blob> {
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the slide could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the slide could not be encoded as PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads a blob under `fileName` (a blob: link, which no directive of the page's policy blocks). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // revoked later: some browsers start the download after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
