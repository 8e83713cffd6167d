import { describe, expect, it } from 'vitest';
import { fitsCsv, fitsText } from '../../src/import/fitReport.ts';
import type { SeriesSummary } from '../../src/import/buildScenario.ts';
import { parseCsv } from '../fixtures/csv.ts';

const summary = (sku: string): SeriesSummary => ({
  sku,
  location: 'north',
  productId: sku,
  nodeId: 'north',
  daysUsed: 100,
  mean: 2.5,
  sd: 1.25,
  adi: 1.5,
  cv2: 0.25,
  demandClass: 'intermittent',
  model: 'negativeBinomial',
  reason: 'lowest AIC (10; next Poisson 12)',
  policy: { type: 'sS', reorderPoint: 7, orderUpTo: 30 },
  policySource: 'textbook',
  fitted: { type: 'negativeBinomial', mean: 2.5, sd: 1.75 },
  fitMean: 2.5,
  fitSd: 1.75,
  history: { values: [0, 2, 5], days: [40, 35, 25] },
});

describe('the per-SKU table of an import', () => {
  it('as text: a row per SKU and location, the policy and whether it is the rule’s, at most 50 rows', () => {
    const text = fitsText([summary('a'), summary('=b')]);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('per SKU and location:');
    expect(lines[2]).toMatch(/^a\s+north\s+100\s+2\.5\s+1\.25\s+2\.5\s+1\.75\s+1\.50\s+0\.25\s+intermittent\s+negativeBinomial\s+\(s, S\) 7\/30 \(rule\)\s+lowest AIC \(10; next Poisson 12\)$/);
    const many = fitsText(Array.from({ length: 60 }, (_, i) => summary(`s${i}`)));
    expect(many.trim().split('\n')).toHaveLength(2 + 50 + 1);
    expect(many).toContain('… and 10 more (--fits FILE writes them all as CSV)');
  });

  it('as CSV: every row, text guarded against formulas, the policy as JSON', () => {
    const rows = parseCsv(fitsCsv([summary('a'), summary('=b')]));
    expect(rows[0]).toEqual(['sku', 'location', 'productId', 'nodeId', 'daysUsed', 'mean', 'sd', 'fitMean', 'fitSd', 'fitted', 'adi', 'cv2', 'demandClass', 'model', 'reason', 'policy', 'policySource']);
    expect(rows[2][0]).toBe("'=b");
    expect(JSON.parse(rows[1][15])).toEqual({ type: 'sS', reorderPoint: 7, orderUpTo: 30 });
    expect(JSON.parse(rows[1][9])).toEqual({ type: 'negativeBinomial', mean: 2.5, sd: 1.75 });
    expect(rows[1].slice(4, 9)).toEqual(['100', '2.5', '1.25', '2.5', '1.75']);
  });
});
