import { describe, expect, it } from 'vitest';
import { intervalDomain, MIN_SPAN_HALF_WIDTHS, noiseColorScale } from '../../web/charts/noiseScale.ts';

const span = ([from, to]: [number, number]) => to - from;

describe('axis domains that account for the 95% intervals', () => {
  it('covers every whisker, not only the means', () => {
    const [from, to] = intervalDomain([
      { mean: 940, halfWidth: 30 },
      { mean: 960, halfWidth: 25 },
    ]);
    expect(from).toBeLessThanOrEqual(910);
    expect(to).toBeGreaterThanOrEqual(985);
  });

  it('never zooms in below six of the largest half-widths: 940 and 960 EUR ± 12 do not fill the axis', () => {
    const domain = intervalDomain([
      { mean: 940, halfWidth: 12 },
      { mean: 960, halfWidth: 12 },
    ]);
    expect(span(domain)).toBeGreaterThanOrEqual(MIN_SPAN_HALF_WIDTHS * 12 - 1e-9);
    // the two means (intervals overlapping) sit within the middle third of the axis
    expect((960 - 940) / span(domain)).toBeLessThanOrEqual(1 / 3);
    // centred on the whiskers
    expect((domain[0] + domain[1]) / 2).toBeCloseTo(950, 9);
  });

  it('leaves a wide spread of means as it is (plus a little room): real differences still fill the axis', () => {
    const domain = intervalDomain([
      { mean: 100, halfWidth: 1 },
      { mean: 900, halfWidth: 1 },
    ]);
    expect(span(domain)).toBeLessThan(802 * 1.2);
    expect(domain[0]).toBeLessThan(99);
    expect(domain[1]).toBeGreaterThan(901);
  });

  it('slides the window inside [0, 1] for rates rather than shrinking it', () => {
    const domain = intervalDomain(
      [
        { mean: 0.995, halfWidth: 0.004 },
        { mean: 0.99, halfWidth: 0.004 },
      ],
      0,
      1,
    );
    expect(domain[1]).toBe(1);
    expect(span(domain)).toBeCloseTo(MIN_SPAN_HALF_WIDTHS * 0.004, 9);
  });

  it('keeps costs at or above 0 when the data are', () => {
    const domain = intervalDomain([{ mean: 3, halfWidth: 2 }], 0, Infinity);
    expect(domain[0]).toBe(0);
    expect(span(domain)).toBeCloseTo(12, 9);
  });

  it('pads the means by 12% without intervals (one replication), and a single value a little', () => {
    expect(intervalDomain([{ mean: 10, halfWidth: null }, { mean: 20, halfWidth: null }])).toEqual([8.8, 21.2]);
    const single = intervalDomain([{ mean: 5, halfWidth: null }], 0, Infinity);
    expect(single[0]).toBeLessThan(5);
    expect(single[1]).toBeGreaterThan(5);
    expect(intervalDomain([{ mean: 0, halfWidth: 0 }])).toEqual([-1, 1]);
  });

  it('lets data past a bound stay visible', () => {
    expect(intervalDomain([{ mean: -5, halfWidth: 1 }], 0, Infinity)[0]).toBeLessThan(-6);
  });
});

describe('heatmap colours that account for the cells’ half-widths', () => {
  const cells = (means: number[], halfWidth: number | null) => means.map((mean) => ({ mean, halfWidth }));

  it('does not stretch a 1.4% spread within the noise over the scale: every cell one colour', () => {
    const scale = noiseColorScale(cells([946, 950, 955, 959], 15), 'lower');
    const positions = new Set([946, 950, 955, 959].map(scale.position));
    expect(positions.size).toBe(1);
    expect(scale.noise).toBe(15);
    // at least four steps of one half-width, counted from the best (lowest) cost
    expect(scale.domain).toEqual([946, 946 + 4 * 15]);
    expect(scale.steps).toEqual([946, 961, 976, 991, 1006]);
  });

  it('gives cells within one half-width of the best the best’s colour, whichever way is better', () => {
    const lower = noiseColorScale(cells([100, 104, 112, 130], 5), 'lower');
    expect(lower.position(104)).toBe(lower.position(100));
    expect(lower.position(112)).toBeGreaterThan(lower.position(100));
    const higher = noiseColorScale(cells([0.9, 0.93, 0.94], 0.02), 'higher');
    expect(higher.domain[1]).toBe(0.94);
    expect(higher.position(0.93)).toBe(higher.position(0.94));
    expect(higher.position(0.9)).toBeLessThan(higher.position(0.94));
  });

  it('uses the median half-width as the cells’ typical noise', () => {
    expect(noiseColorScale([{ mean: 1, halfWidth: 1 }, { mean: 2, halfWidth: 2 }, { mean: 3, halfWidth: 30 }], null).noise).toBe(2);
  });

  it('is continuous over the means when the spread dwarfs the noise, or when there is no interval', () => {
    const wide = noiseColorScale(cells([0, 100], 1), 'lower');
    expect(wide.steps).toBeNull();
    expect(wide.domain).toEqual([0, 100]);
    expect(wide.position(50)).toBe(0.5);
    const single = noiseColorScale(cells([5, 7], null), 'lower');
    expect(single.noise).toBeNull();
    expect(single.position(7)).toBe(1);
  });
});
