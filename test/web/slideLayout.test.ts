import { describe, expect, it } from 'vitest';
import { fitFontSize, fitInto, gridBoxes, slideAfterKey, slideFileWhat, summarySentence, textWidth, wrapLines } from '../../web/present/slideLayout.ts';

describe('wrapLines (text on an SVG slide)', () => {
  it('keeps a short text on one line', () => {
    expect(wrapLines('Generous raises fill rate', 2000, 40)).toEqual(['Generous raises fill rate']);
  });

  it('breaks at spaces so that every line holds in the width', () => {
    const sentence = 'Generous (s, S) raises fill rate by 3.1 points ±0.4 and total cost by 12,345 EUR over the 351-day window (±1,234) compared with Lean (s, S).';
    const lines = wrapLines(sentence, 800, 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 40)).toBeLessThanOrEqual(800);
    // no word lost or cut
    expect(lines.join(' ')).toBe(sentence);
  });

  it('cuts a word longer than a line where it overflows', () => {
    const lines = wrapLines('a-very-long-stock-point-identifier-without-any-space-at-all', 200, 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
    expect(lines.join('')).toBe('a-very-long-stock-point-identifier-without-any-space-at-all');
  });

  it('ends the last line allowed with an ellipsis when the text needs more', () => {
    const lines = wrapLines('one two three four five six seven eight nine ten eleven twelve', 150, 20, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(textWidth(lines[1], 20)).toBeLessThanOrEqual(150);
  });

  it('wraps by the widths a measure gives (a canvas in the browser)', () => {
    const characters = (text: string, size: number) => text.length * size;
    expect(wrapLines('aa bb cc', 5, 1, Infinity, characters)).toEqual(['aa bb', 'cc']);
    expect(wrapLines('aa bb cc', 5, 2, Infinity, characters)).toEqual(['aa', 'bb', 'cc']);
  });

  it('gives no line for an empty text, and collapses runs of spaces', () => {
    expect(wrapLines('   ', 100, 20)).toEqual([]);
    expect(wrapLines('fill   rate\n up', 1000, 20)).toEqual(['fill rate up']);
  });
});

describe('fitFontSize', () => {
  it('keeps the largest size when the text holds, and goes down to the smallest otherwise', () => {
    expect(fitFontSize('Short', 1000, 46, 28, 2)).toBe(46);
    const long = 'word '.repeat(200);
    expect(fitFontSize(long, 1000, 46, 28, 2)).toBe(28);
    const middle = 'Generous (s, S) raises fill rate by 3.1 points and total cost by 12,345 EUR over the window.';
    const size = fitFontSize(middle, 1600, 46, 20, 1);
    expect(wrapLines(middle, 1600, size)).toHaveLength(1);
    expect(size).toBeGreaterThan(20);
    expect(wrapLines(middle, 1600, size + 2).length).toBeGreaterThan(1);
  });
});

describe('fitInto and gridBoxes (charts on a slide)', () => {
  it('fits a chart into a box as large as it can without distortion, centred', () => {
    const wide = fitInto(1200, 600, { x: 80, y: 200, width: 1760, height: 770 });
    expect(Object.values(wide).map((value) => Math.round(value * 1000) / 1000)).toEqual([190, 200, 1540, 770]);
    const tall = fitInto(400, 800, { x: 0, y: 0, width: 1000, height: 400 });
    expect(tall).toEqual({ x: 400, y: 0, width: 200, height: 400 });
  });

  it('returns the box for a picture without a size', () => {
    expect(fitInto(0, 0, { x: 1, y: 2, width: 3, height: 4 })).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('lays one chart over the box, two side by side, three or four two by two', () => {
    const box = { x: 0, y: 0, width: 1000, height: 500 };
    expect(gridBoxes(1, box, 20)).toEqual([box]);
    expect(gridBoxes(2, box, 20)).toEqual([
      { x: 0, y: 0, width: 490, height: 500 },
      { x: 510, y: 0, width: 490, height: 500 },
    ]);
    const four = gridBoxes(3, box, 20);
    expect(four.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [510, 0],
      [0, 260],
    ]);
    expect(gridBoxes(0, box, 20)).toEqual([]);
  });
});

describe('slideAfterKey', () => {
  it('moves forward with → ↓ PageDown and Space, back with ← ↑ PageUp, to the ends with Home and End', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(slideAfterKey(key, 1, 4), key).toBe(2);
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(slideAfterKey(key, 1, 4), key).toBe(0);
    expect(slideAfterKey('Home', 2, 4)).toBe(0);
    expect(slideAfterKey('End', 0, 4)).toBe(3);
  });

  it('stays on the first and the last slide at the ends, and leaves other keys alone', () => {
    expect(slideAfterKey('ArrowRight', 3, 4)).toBe(3);
    expect(slideAfterKey('ArrowLeft', 0, 4)).toBe(0);
    expect(slideAfterKey('Enter', 1, 4)).toBeNull();
    expect(slideAfterKey('Escape', 1, 4)).toBeNull();
    expect(slideAfterKey('a', 1, 4)).toBeNull();
  });
});

describe('summarySentence (a single variant on the headline slide)', () => {
  it('names the variant and its headline KPIs with their intervals, in one line', () => {
    expect(
      summarySentence('Lean (s, S)', [
        { label: 'Fill rate', value: '95.1%', halfWidth: '± 0.4 pts' },
        { label: 'Total cost', value: '12,345 EUR', halfWidth: '± 56' },
        { label: 'Customers lost', value: '3.2', halfWidth: null },
      ]),
    ).toBe('Lean (s, S): fill rate 95.1% ± 0.4 pts, total cost 12,345 EUR ± 56, customers lost 3.2.');
  });

  it('keeps an acronym as it is, and says the name alone without figures', () => {
    expect(summarySentence('A', [{ label: 'CSL', value: '90%', halfWidth: null }])).toBe('A: CSL 90%.');
    expect(summarySentence('A', [])).toBe('A.');
  });
});

describe('slideFileWhat', () => {
  it('numbers the slide from 1 and names its kind', () => {
    expect(slideFileWhat(1, 'frontier')).toBe('slide-2-frontier');
    expect(slideFileWhat(3, 'chart-inventory')).toBe('slide-4-chart-inventory');
    expect(slideFileWhat(0, '')).toBe('slide-1');
  });
});
