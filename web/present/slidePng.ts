import { svgToPng } from '../charts/export.ts';

/**
 * A composed slide (web/present/slideSvg.ts) as a PNG, rasterised as the charts' own PNG export does
 * (web/charts/export.ts svgToPng). The slide's SVG carries its styles as presentation attributes and
 * its charts with their styles inline, so nothing depends on the page's style sheets.
 */
export function slidePng(svg: SVGSVGElement, width: number, height: number): Promise<Blob> {
  return svgToPng(`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`, width, height);
}
