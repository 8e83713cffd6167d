import type { ExperimentResult, KpiSummaries } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { KPI_LIST } from './kpiMeta.ts';
import { CSV_DIALECTS, csvRow, csvText, pageCsvDialect, type CsvCell, type CsvDialect } from './csvDialect.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The computed styles copied onto every element of an exported SVG: what charts.css sets (colours,
 * strokes, fonts), so the file looks the same without the page's style sheets.
 */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'paint-order',
  'shape-rendering',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
] as const;

/** A standalone SVG document of a chart as it is on screen: styles inline, a white background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(standaloneSvgElement(svg))}`;
}

/** The chart as a detached copy that stands alone: every element's computed styles inline, a white background. */
export function standaloneSvgElement(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const style = INLINED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    // through the CSSOM, not the style attribute, which the page's Content-Security-Policy refuses
    (copies[i] as SVGElement).style.cssText = style;
    // focus and keyboard handles mean nothing in a file
    copies[i].removeAttribute('tabindex');
  });
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return clone;
}

/** Downloads the chart as a standalone SVG (fonts and colours inline, so a slide shows what the screen showed). */
export function exportSvg(svg: SVGSVGElement, fileName: string): void {
  downloadBlob(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** Rasterises the chart at `scale` times its size (2: sharp on slides and high-density screens) and downloads it as PNG. */
export async function exportPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  downloadBlob(await svgToPng(standaloneSvg(svg), width, height, scale), fileName);
}

/**
 * SVG markup drawn as a PNG of `width` × `height` (times `scale`) on a white ground: the markup as a
 * blob: image (the page's Content-Security-Policy allows blob: images, and nothing in it depends on
 * the page's style sheets), drawn on a canvas. The charts' PNG export and the slides' use it.
 */
export async function svgToPng(markup: string, width: number, height: number, scale = 1): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the picture could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture could not be encoded as PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Downloads text as a file. CSV gets a byte-order mark, without which Excel reads UTF-8 as a legacy
 * code page and garbles accented names ("Entrepôt").
 */
export function downloadText(text: string, fileName: string, mime: string): void {
  const bom = mime.startsWith('text/csv') && !text.startsWith('\uFEFF') ? '\uFEFF' : '';
  downloadBlob(new Blob([bom + text], { type: mime.includes('charset') ? mime : `${mime};charset=utf-8` }), fileName);
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

export const CSV_COLUMNS = [
  'scenario',
  'seed',
  'replications',
  'horizonDays',
  'warmupDays',
  'complete',
  'variantId',
  'variant',
  'scope',
  'product',
  'node',
  'kpi',
  'mean',
  'sd',
  'halfWidth',
  'n',
] as const;

/**
 * The result as CSV (RFC 4180, CRLF line ends): one row per variant × scope (network, each product,
 * each stock point) × KPI, with mean, sd, 95% half-width and n (empty where a KPI does not apply).
 * The leading columns repeat what reproduces the run (scenario, seed, replications, horizon,
 * warm-up, and whether every replication finished), so a row read alone still says where it came from.
 * Written in the page language's dialect (web/charts/csvDialect.ts): "," and "12.5" in English, ";"
 * and "12,5" in French.
 */
export function resultToCsv(result: ExperimentResult, dialect: CsvDialect = pageCsvDialect): string {
  const lines: string[] = [CSV_COLUMNS.join(dialect.separator)];
  const run: CsvCell[] = [result.scenario, String(result.seed), result.replications, result.horizonDays, result.warmupDays, result.complete];
  for (const variant of result.variants) {
    const add = (scope: string, product: string, node: string, kpis: KpiSummaries) => {
      for (const name of KPI_LIST) {
        const s = kpis[name];
        if (!s) continue;
        lines.push(csvRow([...run, variant.id, variant.name, scope, product, node, name, s.mean, s.sd, s.halfWidth, s.n], dialect));
      }
    };
    add('network', '', '', variant.network);
    for (const product of variant.products) add('product', product.product, '', product.kpis);
    for (const point of variant.stockPoints) add('stockPoint', point.product, point.node, point.kpis);
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * A text field for English CSV: quoted when it holds a comma, quote or line break (quotes doubled). A
 * text starting with = + - @ or a tab is prefixed with an apostrophe, so a spreadsheet shows it
 * instead of running it as a formula (names come from scenario files people share). Other dialects:
 * csvDialect.ts csvText.
 */
export function text(value: string): string {
  return csvText(value, CSV_DIALECTS.en);
}

/** The whole result as JSON (firstRuns included: a single run can be replayed in a chart). */
export function resultToJson(result: ExperimentResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * A download's file name from the scenario that produced it, its seed and the day:
 * `stocklab-coffee-brand-seed-42-results-2026-12-06.csv`. The name keeps letters (any script), digits,
 * dots and hyphens; the rest becomes one hyphen.
 */
export function downloadName(scenario: Pick<Scenario, 'name' | 'seed'>, what: string, extension: string, day: Date = new Date()): string {
  const slug = (text: string) =>
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario';
  const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return `stocklab-${slug(scenario.name)}-seed-${slug(String(scenario.seed))}-${what}-${date}.${extension}`;
}
