import { describe, expect, it } from 'vitest';
import { exp, expm1, exponentialGap, log, log1p, pow, sinCosQuarterTurn } from '../../src/math/libm.ts';
import { aleaStream } from '../../src/random/streams.ts';

/**
 * The engine's own elementary functions: the same bits on every JavaScript engine. Node 20's V8
 * computes Math.log, Math.exp, Math.sin and Math.cos with the fdlibm algorithms too, so there they
 * must agree bit for bit; that checks the port (a wrong constant or a misplaced bracket shows at once).
 */
const stream = aleaStream('libm');
function samples(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

describe('log and exp: fdlibm, bit for bit with Node 20 (V8 uses fdlibm)', () => {
  const logInputs = [
    ...samples(20000, () => stream()), // (0, 1): every -log(1 - U) of the engine
    ...samples(20000, () => 1 - stream() * 1e-6), // near 1
    ...samples(20000, () => Math.exp((stream() - 0.5) * 1400)), // the whole range
    ...samples(2000, () => stream() * 1e-310), // subnormal
    1, 2, 0.5, Number.MIN_VALUE, Number.MAX_VALUE, 1 + Number.EPSILON, 1 - Number.EPSILON / 2,
  ];
  it('log agrees on 62,000 inputs across the range, subnormals included', () => {
    const mismatches = logInputs.filter((x) => !Object.is(log(x), Math.log(x)));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('log of the special values', () => {
    expect([log(0), log(-0), log(-1), log(Infinity), log(NaN)]).toEqual([-Infinity, -Infinity, NaN, Infinity, NaN]);
  });

  const expInputs = [
    ...samples(20000, () => (stream() - 0.5) * 2), // |x| < 1
    ...samples(20000, () => (stream() - 0.5) * 1480), // the whole range
    ...samples(5000, () => (stream() - 0.5) * 1e-8), // tiny
    0, -0, 0.34657359027997264, 1.0397207708399179, 709.78, -745.1,
  ];
  it('exp agrees on 45,000 inputs across the range', () => {
    const mismatches = expInputs.filter((x) => !Object.is(exp(x), Math.exp(x)));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('exp of the special values and at the edges of the range', () => {
    expect([exp(Infinity), exp(-Infinity), exp(NaN), exp(710), exp(-746)]).toEqual([Infinity, 0, NaN, Infinity, 0]);
  });
});

describe('the functions built on them, and the quarter-turn sine and cosine', () => {
  it('sin and cos on [0, pi/2] agree with Node 20 bit for bit below pi/4, within 2 ulps above', () => {
    for (const x of samples(20000, () => stream() * Math.PI / 2)) {
      const { sin, cos } = sinCosQuarterTurn(x);
      if (x <= Math.PI / 4) {
        expect(Object.is(sin, Math.sin(x)) && Object.is(cos, Math.cos(x)), `x = ${x}`).toBe(true);
      } else {
        expect(Math.abs(sin - Math.sin(x))).toBeLessThanOrEqual(2 * Number.EPSILON);
        expect(Math.abs(cos - Math.cos(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(Math.abs(Math.cos(x)), 1e-300) + 1e-17);
      }
    }
  });

  it('log1p, expm1 and pow within a few ulps of Math', () => {
    const close = (a: number, b: number, ulps: number) => Math.abs(a - b) <= ulps * Number.EPSILON * Math.abs(b);
    for (const x of samples(5000, () => (stream() - 0.5) * 2e-3)) {
      expect(close(log1p(x), Math.log1p(x), 4), `log1p(${x})`).toBe(true);
      expect(close(expm1(x), Math.expm1(x), 4), `expm1(${x})`).toBe(true);
    }
    for (let i = 0; i < 5000; i++) {
      const x = stream() * 100;
      const y = (stream() - 0.5) * 10;
      expect(close(pow(x, y), Math.pow(x, y), 600), `pow(${x}, ${y})`).toBe(true);
    }
    expect([pow(0, 2), pow(5, 0)]).toEqual([0, 1]);
    expect(() => pow(-1, 0.5)).toThrow(/positive base/);
  });
});

describe('exponentialGap: -log(1 - u) by table, for the Poisson processes', () => {
  it('is within 4e-15 (absolute: one ulp of the largest gap, 22.2) and 1e-14 (relative) of -Math.log(1 - u) on 200,000 uniforms, the 32-bit ones the engine draws included', () => {
    let worstAbsolute = 0;
    let worstRelative = 0;
    const inputs = [...samples(100000, () => stream()), ...samples(100000, () => Math.floor(stream() * 2 ** 32) / 2 ** 32), 0, 0.5, 0.96875, 0.03125, 1 - 2 ** -32];
    for (const u of inputs) {
      const gap = exponentialGap(u);
      const reference = -Math.log(1 - u);
      worstAbsolute = Math.max(worstAbsolute, Math.abs(gap - reference));
      if (reference > 0) worstRelative = Math.max(worstRelative, Math.abs(gap - reference) / reference);
    }
    expect(worstAbsolute).toBeLessThan(4e-15);
    expect(worstRelative).toBeLessThan(1e-14);
    expect(exponentialGap(0)).toBe(0);
  });

  it('near u = 0 it is fdlibm\'s log itself', () => {
    for (const u of samples(1000, () => stream() * 0.03)) expect(exponentialGap(u)).toBe(0 - log(1 - u));
  });
});
