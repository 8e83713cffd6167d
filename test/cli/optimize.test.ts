import { describe, expect, it } from 'vitest';
import { stocklab } from './stocklab.ts';

describe('stocklab optimize', () => {
  it('screens the grid, confirms the best, gives the verdict and, for a theory scenario, the analytic optimum', async () => {
    const result = await stocklab('optimize', 'scenarios/theory/rq-poisson.json', '--product', 'widget', '--param', 'reorderPoint=4:8:2', '--param', 'orderQuantity=35:50:5', '--replications', '4', '--days', '600', '--top', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| minimise totalCost over reorderPoint \(3 values\) × orderQuantity \(4 values\)/);
    expect(result.stdout).toMatch(/screening: 12 grid points × 4 replications on common random numbers; confirmation: the best 2 × 16 new replications/);
    expect(result.stdout).toMatch(/\n→ reorderPoint = \d+, orderQuantity = \d+ /);
    expect(result.stdout).toMatch(/\n(reorderPoint = \d+, orderQuantity = \d+ is best: |.* tie: )/);
    expect(result.stdout).toMatch(/optimal \(r, Q\) \(Federgruen & Zheng\): \(6, 43\)/);
    expect(result.stderr).toMatch(/^screening 12 candidates × 4 replications\nconfirming 2 candidates × 16 replications\n/);
  });

  it('refuses a malformed constraint (exit 2)', async () => {
    const result = await stocklab('optimize', 'scenarios/theory/rq-poisson.json', '--product', 'widget', '--param', 'reorderPoint=4:8:2', '--constraint', 'fillRate>0.9');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--constraint: expected KPI>=VALUE, e\.g\. fillRate>=0\.95, got "fillRate>0\.9"/);
  });
});
