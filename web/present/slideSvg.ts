import { fitFontSize, fitInto, gridBoxes, textWidth, wrapLines, type Box, type CardFigure, type Measure } from './slideLayout.ts';

/**
 * A slide as one 1920×1080 SVG, for its PNG export (web/present/slidePng.ts): the slide's title at
 * the top, what reproduces it (scenario, seed, replications) and its number in a footer, and its
 * body: the conclusion sentence and the KPI cards as text and rectangles, a dashboard chart nested as
 * the standalone SVG its own export makes (styles inline), or the paired-differences tables as rows
 * of text. Everything is drawn with presentation attributes, never style attributes, which the page's
 * Content-Security-Policy refuses.
 */

export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = 80;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1b1f24';
const MUTED = '#57606a';
const LINE = '#d0d7de';
const PANEL = '#f6f8fa';
const ACCENT = '#0a58ca';

export interface SlideCard {
  name: string;
  /** the variant's colour (the cards' stripe, as on screen) */
  color: string;
  figures: CardFigure[];
}

export interface SlideChart {
  /** the chart as a standalone SVG (web/charts/export.ts standaloneSvgElement) */
  svg: SVGSVGElement;
  /** its own title where a section holds several charts (the customers: active, lost by cause…) */
  caption?: string;
}

export interface SlideTable {
  /** the sentence that goes with the table, above it */
  sentence?: string;
  head: string[];
  rows: { cells: string[]; significant: boolean }[];
}

export type SlideBody =
  | { kind: 'headline'; sentence: string; cards: SlideCard[]; note: string }
  | { kind: 'charts'; charts: SlideChart[]; note?: string }
  | { kind: 'tables'; help?: string; tables: SlideTable[] };

export interface SlideModel {
  title: string;
  /** "2 / 4" */
  counter: string;
  /** scenario, seed, replications, version */
  footer: string;
  body: SlideBody;
}

const BODY: Box = { x: MARGIN, y: 200, width: SLIDE_WIDTH - 2 * MARGIN, height: 770 };

/** The slide as a detached SVG element, 1920×1080, white. */
export function slideSvg(model: SlideModel): SVGSVGElement {
  const svg = element('svg', { xmlns: SVG_NS, width: SLIDE_WIDTH, height: SLIDE_HEIGHT, viewBox: `0 0 ${SLIDE_WIDTH} ${SLIDE_HEIGHT}`, 'font-family': FONT });
  svg.append(element('rect', { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, fill: '#ffffff' }));
  const title = wrapLines(model.title, SLIDE_WIDTH - 2 * MARGIN, 56, 1, measurer(700))[0] ?? '';
  svg.append(text(title, { x: MARGIN, y: 125, 'font-size': 56, 'font-weight': 700, fill: INK }));
  svg.append(element('rect', { x: MARGIN, y: 152, width: 160, height: 6, fill: ACCENT }));
  svg.append(element('rect', { x: MARGIN, y: 1000, width: SLIDE_WIDTH - 2 * MARGIN, height: 1, fill: LINE }));
  const footer = wrapLines(model.footer, SLIDE_WIDTH - 2 * MARGIN - 200, 24, 1, measurer(400))[0] ?? '';
  svg.append(text(footer, { x: MARGIN, y: 1045, 'font-size': 24, fill: MUTED }));
  svg.append(text(model.counter, { x: SLIDE_WIDTH - MARGIN, y: 1045, 'font-size': 24, fill: MUTED, 'text-anchor': 'end' }));
  const body = model.body;
  if (body.kind === 'headline') drawHeadline(svg, body.sentence, body.cards, body.note);
  else if (body.kind === 'charts') drawCharts(svg, body.charts, body.note);
  else drawTables(svg, body.tables, body.help);
  return svg;
}

function drawHeadline(svg: SVGSVGElement, sentence: string, cards: SlideCard[], note: string): void {
  let y = BODY.y;
  if (sentence !== '') {
    const size = fitFontSize(sentence, BODY.width, 46, 28, 4, measurer(600));
    y = paragraph(svg, sentence, BODY.x, y, BODY.width, size, INK, 4, 600) + 50;
  }
  const noteSize = 22;
  const bottom = BODY.y + BODY.height - (note ? noteSize * 2 : 0);
  if (cards.length > 0) {
    const gap = 32;
    const width = (BODY.width - gap * (cards.length - 1)) / cards.length;
    const rows = Math.max(1, ...cards.map((card) => card.figures.length));
    const height = Math.min(bottom - y, 110 + rows * 120);
    cards.forEach((card, i) => drawCard(svg, card, { x: BODY.x + i * (width + gap), y, width, height }, rows));
  }
  if (note) svg.append(text(note, { x: BODY.x, y: BODY.y + BODY.height, 'font-size': noteSize, fill: MUTED }));
}

function drawCard(svg: SVGSVGElement, card: SlideCard, box: Box, rows: number): void {
  svg.append(element('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 14, fill: PANEL, stroke: LINE, 'stroke-width': 2 }));
  svg.append(element('rect', { x: box.x, y: box.y, width: 12, height: box.height, rx: 6, fill: card.color }));
  const inner = box.width - 70;
  const bold = measurer(700);
  const regular = measurer(400);
  const nameSize = fitFontSize(card.name, inner, 34, 20, 1, bold);
  svg.append(text(wrapLines(card.name, inner, nameSize, 1, bold)[0] ?? '', { x: box.x + 40, y: box.y + 58, 'font-size': nameSize, 'font-weight': 700, fill: INK }));
  const rowHeight = Math.min(130, (box.height - 90) / rows);
  card.figures.forEach((figure, i) => {
    const top = box.y + 90 + i * rowHeight;
    const labelSize = Math.min(24, rowHeight * 0.22);
    svg.append(text(figure.label, { x: box.x + 40, y: top + labelSize + 4, 'font-size': labelSize, fill: MUTED }));
    // the value as large as the card's width allows, its interval after it, smaller
    const hwSize = Math.min(26, rowHeight * 0.24);
    const room = inner - (figure.halfWidth ? regular(figure.halfWidth, hwSize) + 16 : 0);
    const valueSize = Math.max(18, Math.min(54, rowHeight * 0.48, (54 * room) / Math.max(1, bold(figure.value, 54))));
    const line = text('', { x: box.x + 40, y: top + labelSize + 12 + valueSize, fill: INK });
    const value = element('tspan', { 'font-size': valueSize, 'font-weight': 700 });
    value.textContent = figure.value;
    line.append(value);
    if (figure.halfWidth) {
      const hw = element('tspan', { 'font-size': hwSize, fill: MUTED, dx: 12 });
      hw.textContent = figure.halfWidth;
      line.append(hw);
    }
    svg.append(line);
  });
}

function drawCharts(svg: SVGSVGElement, charts: SlideChart[], note?: string): void {
  const area = { ...BODY, height: BODY.height - (note ? 40 : 0) };
  if (charts.length === 0 && note) {
    paragraph(svg, note, BODY.x, BODY.y, BODY.width, 32, MUTED, 3);
    return;
  }
  const boxes = gridBoxes(charts.length, area, 32);
  charts.forEach(({ svg: chart, caption }, i) => {
    const box = { ...boxes[i] };
    if (caption) {
      const size = 28;
      svg.append(text(wrapLines(caption, box.width, size, 1, measurer(700))[0] ?? '', { x: box.x, y: box.y + size, 'font-size': size, 'font-weight': 700, fill: INK }));
      box.y += size + 16;
      box.height -= size + 16;
    }
    const width = Number(chart.getAttribute('width')) || 800;
    const height = Number(chart.getAttribute('height')) || 450;
    const fitted = fitInto(width, height, box);
    chart.setAttribute('x', String(round(fitted.x)));
    chart.setAttribute('y', String(round(fitted.y)));
    chart.setAttribute('width', String(round(fitted.width)));
    chart.setAttribute('height', String(round(fitted.height)));
    if (!chart.getAttribute('viewBox')) chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.append(chart);
  });
  if (note && charts.length > 0) svg.append(text(note, { x: BODY.x, y: BODY.y + BODY.height, 'font-size': 22, fill: MUTED }));
}

function drawTables(svg: SVGSVGElement, tables: SlideTable[], help?: string): void {
  let top = BODY.y;
  if (help) top = paragraph(svg, help, BODY.x, top, BODY.width, 22, MUTED, 2) + 24;
  const boxes = gridBoxes(tables.length, { x: BODY.x, y: top, width: BODY.width, height: BODY.y + BODY.height - top }, 60);
  tables.forEach((table, i) => drawTable(svg, table, boxes[i]));
}

function drawTable(svg: SVGSVGElement, table: SlideTable, box: Box): void {
  let y = box.y;
  const bold = measurer(700);
  const regular = measurer(400);
  if (table.sentence) y = paragraph(svg, table.sentence, box.x, y, box.width, fitFontSize(table.sentence, box.width, 28, 18, 5, measurer(600)), INK, 5, 600) + 20;
  // each column as wide as its widest cell (a heading may wrap at its words), at one size for the table
  const padding = 16;
  const columns = Math.min(3, table.head.length);
  const need = Array.from({ length: columns }, (_, c) =>
    Math.max(
      1,
      ...table.rows.map((row) => regular(row.cells[c] ?? '', 1)),
      ...(table.head[c] ?? '').split(/\s+/).map((word) => bold(word, 1)),
    ),
  );
  const headLines = (size: number, widths: number[]) => Math.max(1, ...table.head.slice(0, columns).map((cell, c) => wrapLines(cell, widths[c] - padding, size, 2, bold).length));
  const lines = 2 + table.rows.length;
  const rowHeight = Math.min(56, (box.y + box.height - y) / lines);
  const size = Math.max(12, Math.min(28, rowHeight * 0.6, (box.width - padding * columns) / need.reduce((sum, width) => sum + width, 0)));
  const spare = box.width - need.reduce((sum, width) => sum + width * size + padding, 0);
  const widths = need.map((width, c) => width * size + padding + (c < 2 ? spare / 2 : 0));
  const xs = widths.map((_, c) => box.x + widths.slice(0, c).reduce((sum, width) => sum + width, 0));
  const headHeight = headLines(size, widths) * size * 1.25 + rowHeight * 0.4;
  table.head.slice(0, columns).forEach((cell, c) => {
    wrapLines(cell, widths[c] - padding, size, 2, bold).forEach((line, i) =>
      svg.append(text(line, { x: xs[c] + 8, y: y + size * (1.05 + i * 1.25), 'font-size': size, 'font-weight': 700, fill: INK })),
    );
  });
  y += headHeight;
  svg.append(element('rect', { x: box.x, y: y - 2, width: box.width, height: 2, fill: MUTED }));
  table.rows.forEach((row) => {
    const baseline = y + rowHeight * 0.66;
    row.cells.slice(0, columns).forEach((cell, c) => {
      const attributes: Record<string, string | number> = { x: xs[c] + 8, y: baseline, 'font-size': size, fill: c === 2 && row.significant ? ACCENT : INK };
      if (c === 2 && row.significant) attributes['font-weight'] = 700;
      svg.append(text(cell, attributes));
    });
    y += rowHeight;
    svg.append(element('rect', { x: box.x, y: y - 1, width: box.width, height: 1, fill: LINE }));
  });
}

/** Wrapped text from `y` (its top); returns the bottom of its last line. */
function paragraph(svg: SVGSVGElement, content: string, x: number, y: number, width: number, size: number, fill: string, maxLines: number, weight = 400): number {
  const lineHeight = Math.round(size * 1.3);
  const lines = wrapLines(content, width, size, maxLines, measurer(weight));
  lines.forEach((line, i) => svg.append(text(line, { x, y: y + size + i * lineHeight, 'font-size': size, fill, 'font-weight': weight })));
  return y + size * 0.3 + lines.length * lineHeight;
}

function text(content: string, attributes: Record<string, string | number>): SVGTextElement {
  const node = element('text', attributes);
  node.textContent = content;
  return node;
}

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(typeof value === 'number' ? round(value) : value));
  return node;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** How wide a text is in the slide's font at a weight: measured on a canvas (the fonts the PNG is drawn with), else estimated. */
function measurer(weight: number): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return (content, size) => textWidth(content, size) * (weight >= 600 ? 1.1 : 1);
  return (content, size) => {
    context.font = `${weight} ${size}px ${FONT}`;
    // a little to spare: the SVG's text may be laid out a hair wider than the canvas measures it
    return context.measureText(content).width * 1.03;
  };
}
