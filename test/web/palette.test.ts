import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { OKABE_ITO, markerPath, variantColor, variantMarker } from '../../web/charts/palette.ts';

describe('variant palette', () => {
  it('gives the first eight variants eight different Okabe–Ito colours', () => {
    const colours = d3.range(8).map(variantColor);
    expect(new Set(colours).size).toBe(8);
    expect(colours.every((c) => (OKABE_ITO as readonly string[]).includes(c))).toBe(true);
  });

  it('keeps any two of the first five colours apart in lightness or hue (CIELAB distance over 20)', () => {
    const lab = d3.range(5).map((i) => d3.lab(variantColor(i)));
    for (let i = 0; i < lab.length; i++) {
      for (let j = i + 1; j < lab.length; j++) {
        const distance = Math.hypot(lab[i].l - lab[j].l, lab[i].a - lab[j].a, lab[i].b - lab[j].b);
        expect(distance, `${variantColor(i)} vs ${variantColor(j)}`).toBeGreaterThan(20);
      }
    }
  });

  it('gives the first seven variants seven different marker shapes, so colour is never alone', () => {
    expect(new Set(d3.range(7).map(variantMarker)).size).toBe(7);
    expect(new Set(d3.range(7).map((i) => markerPath(i))).size).toBe(7);
  });

  it('repeats colours and markers for more variants without failing, even for odd indexes', () => {
    expect(variantColor(8)).toBe(variantColor(0));
    expect(variantColor(-1)).toBe(variantColor(7));
    expect(variantMarker(7)).toBe(variantMarker(0));
    // a colour and marker pair is still unique for the first 56 variants
    const pairs = d3.range(56).map((i) => `${variantColor(i)} ${markerPath(i)}`);
    expect(new Set(pairs).size).toBe(56);
  });
});
