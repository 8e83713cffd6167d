import * as d3 from 'd3';

/**
 * One colour and one marker per policy variant, the same in every chart, card and table.
 *
 * Colours are Okabe & Ito's palette ("Color Universal Design", 2008), distinguishable with the common
 * colour-vision deficiencies. Yellow comes last because it is faint on white; orange and vermillion,
 * the closest pair, are kept apart. Markers repeat the distinction in shape, so colour is never alone.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000', '#F0E442'] as const;

const MARKERS: readonly d3.SymbolType[] = [d3.symbolCircle, d3.symbolSquare, d3.symbolTriangle, d3.symbolDiamond, d3.symbolCross, d3.symbolStar, d3.symbolWye];

/** index modulo the list length, safe for negative indexes */
const wrap = (index: number, length: number): number => ((Math.trunc(index) % length) + length) % length;

export function variantColor(index: number): string {
  return OKABE_ITO[wrap(index, OKABE_ITO.length)];
}

export function variantMarker(index: number): d3.SymbolType {
  return MARKERS[wrap(index, MARKERS.length)];
}

/** The SVG path of a variant's marker with the given area in px² (d3.symbol's size). */
export function markerPath(index: number, size = 90): string {
  return d3.symbol(variantMarker(index), size)() ?? '';
}
