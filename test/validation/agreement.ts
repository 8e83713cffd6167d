import { expect } from 'vitest';
import type { KpiSummary } from '../../src/experiment/replicate.ts';

/**
 * The simulated mean lies within its own 95% half-width of the theory value, over the expected
 * number of replications, and the interval is narrower than `narrowerThan` (so it means something).
 */
export function expectWithin(summary: KpiSummary, expected: number, replications: number, narrowerThan: number): void {
  expect(summary.n).toBe(replications);
  expect(summary.halfWidth!).toBeLessThan(narrowerThan);
  expect(Math.abs(summary.mean! - expected), `mean ${summary.mean} ± ${summary.halfWidth}, theory ${expected}`).toBeLessThanOrEqual(summary.halfWidth!);
}

/** The value a wrong parameter predicts lies outside the interval: the check above can fail. */
export function expectOutside(summary: KpiSummary, wrong: number): void {
  expect(Math.abs(summary.mean! - wrong), `mean ${summary.mean} ± ${summary.halfWidth}, wrong value ${wrong}`).toBeGreaterThan(summary.halfWidth!);
}
