import { describe, expect, it } from 'vitest';
import { timeKernelAlone } from '../../scripts/benchKernel.ts';

describe("npm run bench: bench-A's model on the bare kernel", () => {
  it('is bench-A: about 7.39 million events and the fill rate of the engine and the hand-written loop (0.8533-0.8537)', () => {
    const kernel = timeKernelAlone(1);
    // 1,000 points x 20 arrivals a day x 365 days, plus about 44,000 orders and as many deliveries
    expect(kernel.events).toBeGreaterThan(7_300_000);
    expect(kernel.events).toBeLessThan(7_450_000);
    // one replication of 7.3 million demands: other draws move the fill rate by a few 1e-4
    expect(kernel.fillRate).toBeGreaterThan(0.851);
    expect(kernel.fillRate).toBeLessThan(0.856);
    expect(kernel.wallSecondsEach).toHaveLength(1);
  }, 60_000);
});
