/**
 * Pure helpers for the slide deck (web/present/): how text wraps on an SVG slide, how a chart fits a
 * box, the order of the slides as keys move through them, and the one-line summary of a single
 * variant. No DOM: tested in test/web/slideLayout.test.ts.
 */

/** The average advance of a lower-case letter or digit of a sans-serif font, as a share of the font size (on the wide side: DejaVu Sans, Verdana). */
export const CHAR_WIDTH = 0.62;

/** How wide a text is at a font size, in pixels: measured in a browser (web/present/slideSvg.ts), estimated here. */
export type Measure = (text: string, fontSize: number) => number;

/** A text's estimated width in pixels at `fontSize`: narrow letters, punctuation and spaces count less than capitals. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (/[ .,:;'|!il1()\[\]]/.test(char)) em += 0.34;
    else if (/[A-Z%@MWmw—−±]/.test(char)) em += 0.8;
    else em += CHAR_WIDTH;
  }
  return em * fontSize;
}

/**
 * The lines `text` wraps into at `fontSize` within `maxWidth` pixels (an SVG <text> does not wrap by
 * itself): breaks at spaces, a word longer than a line cut where it overflows. At most `maxLines`
 * lines; a text that needs more ends its last line with "…".
 */
export function wrapLines(text: string, maxWidth: number, fontSize: number, maxLines = Infinity, measure: Measure = textWidth): string[] {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  const push = (next: string) => {
    lines.push(next);
  };
  for (let word of words) {
    // a word wider than a line alone: cut it into pieces that fit
    while (measure(word, fontSize) > maxWidth && word.length > 1) {
      if (line !== '') {
        push(line);
        line = '';
      }
      let cut = word.length - 1;
      while (cut > 1 && measure(word.slice(0, cut), fontSize) > maxWidth) cut--;
      push(word.slice(0, cut));
      word = word.slice(cut);
    }
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate, fontSize) > maxWidth) {
      push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 0 && measure(`${last}…`, fontSize) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** The largest font size, from `max` down to `min` by steps of 2, at which `text` holds in `maxLines` lines. */
export function fitFontSize(text: string, maxWidth: number, max: number, min: number, maxLines: number, measure: Measure = textWidth): number {
  for (let size = max; size > min; size -= 2) if (wrapLines(text, maxWidth, size, Infinity, measure).length <= maxLines) return size;
  return min;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a `width`×`height` picture goes in `box`, as large as it can without distortion, centred. */
export function fitInto(width: number, height: number, box: Box): Box {
  if (!(width > 0) || !(height > 0)) return { ...box };
  const scale = Math.min(box.width / width, box.height / height);
  const fitted = { width: width * scale, height: height * scale };
  return { x: box.x + (box.width - fitted.width) / 2, y: box.y + (box.height - fitted.height) / 2, ...fitted };
}

/** `count` boxes of a grid over `box` (one: the box; two: side by side; three or four: two by two…), `gap` apart. */
export function gridBoxes(count: number, box: Box, gap: number): Box[] {
  if (count <= 0) return [];
  const columns = count === 1 ? 1 : count <= 4 ? 2 : 3;
  const rows = Math.ceil(count / columns);
  const width = (box.width - gap * (columns - 1)) / columns;
  const height = (box.height - gap * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + (i % columns) * (width + gap),
    y: box.y + Math.floor(i / columns) * (height + gap),
    width,
    height,
  }));
}

/** The keys that move through the deck, and where each goes from slide `index` of `count` (null: a key the deck leaves alone). */
export function slideAfterKey(key: string, index: number, count: number): number | null {
  const last = Math.max(0, count - 1);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return Math.min(last, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

export interface CardFigure {
  label: string;
  value: string;
  /** "± 0.4", or null without an interval */
  halfWidth: string | null;
}

/**
 * A single variant's headline in one line, for the headline slide when there is nothing to compare:
 * "Lean (s, S): fill rate 95.1% ± 0.4, holding cost 1,234 EUR ± 56, total cost 5,678 EUR ± 90."
 */
export function summarySentence(variant: string, figures: ReadonlyArray<CardFigure>): string {
  const parts = figures.map((figure) => `${lowerFirst(figure.label)} ${figure.value}${figure.halfWidth ? ` ${figure.halfWidth}` : ''}`);
  return parts.length === 0 ? `${variant}.` : `${variant}: ${parts.join(', ')}.`;
}

/** "Fill rate" -> "fill rate"; an acronym ("KPI", "CSL") keeps its capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** The part of a slide's file name after "slide-": its number and a slug of its kind, "2-frontier". */
export function slideFileWhat(index: number, kind: string): string {
  const slug = kind
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `slide-${index + 1}${slug ? `-${slug}` : ''}`;
}
