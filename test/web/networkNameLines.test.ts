import { describe, expect, it } from 'vitest';
import { nameLines } from '../../web/charts/networkDiagram.ts';

/** 10 px a character, whatever the class */
const measure = (_: string, content: string) => content.length * 10;

describe("the network diagram's box names (nameLines): wrapped, never cut", () => {
  it('keeps a name that fits on one line', () => {
    expect(nameLines('Roastery', measure, 200)).toEqual(['Roastery']);
  });

  it('breaks a long name onto two lines where the longer line is shortest', () => {
    expect(nameLines('Regional warehouse South-west (Bordeaux)', measure, 200)).toEqual(['Regional warehouse', 'South-west (Bordeaux)']);
  });

  it('takes three lines only when allowed and two are still too wide', () => {
    const name = 'Store 3 (demand replayed from its sales history)';
    expect(nameLines(name, measure, 180)).toHaveLength(2);
    const three = nameLines(name, measure, 180, 3);
    expect(three).toHaveLength(3);
    expect(three.join(' ')).toBe(name);
  });

  it('never cuts a single long word: the box widens for it', () => {
    expect(nameLines('Überseelogistikzentrum', measure, 100)).toEqual(['Überseelogistikzentrum']);
  });
});
