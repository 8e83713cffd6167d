import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { formatExperiment } from '../../src/cli/format.ts';
import { applicableKpis } from '../../web/charts/kpiMeta.ts';
import { loadScenarioFile, shortened } from '../fixtures/scenario.ts';

/**
 * The outdating measures of issue 17 (outdatedPerPeriod, endOfPeriodOnHandBeforeOutdating) show where
 * they apply, in `stocklab run`'s table and the app's KPI table (web/charts/kpiTable.ts takes its rows
 * from applicableKpis), and are left out where they do not: no perishables, or no review periods.
 */
function experiment(path: string) {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not parse`);
  return runExperiment(shortened(loaded.scenario, 60, 2));
}

const header = { wallSeconds: 1, workers: 1, currency: 'EUR' };
const rowsOf = (table: string) => table.split('\n').map((line) => line.split(/\s{2,}/)[0]);

describe('outdating rows show only where perishables are reviewed periodically', () => {
  it('the perishable theory scenario and the fresh-food gallery case show both', () => {
    for (const path of ['scenarios/theory/perishable-order-up-to.json', 'scenarios/08-fresh-food-fefo.json']) {
      const result = experiment(path);
      expect(applicableKpis(result), path).toEqual(expect.arrayContaining(['outdatedPerPeriod', 'endOfPeriodOnHandBeforeOutdating', 'endOfPeriodOnHand']));
      expect(rowsOf(formatExperiment(result, header)), path).toEqual(expect.arrayContaining(['outdatedPerPeriod', 'endOfPeriodOnHandBeforeOutdating']));
    }
  });

  it('a periodic scenario without perishables and a continuous-review one show neither (a perishable point without review periods: test/model/perishablePeriodEnd.test.ts)', () => {
    for (const path of ['scenarios/theory/lost-sales-zero-lead-time.json', 'scenarios/02-base-stock-poisson.json']) {
      const result = experiment(path);
      expect(applicableKpis(result), path).not.toContain('outdatedPerPeriod');
      expect(applicableKpis(result), path).not.toContain('endOfPeriodOnHandBeforeOutdating');
      const table = formatExperiment(result, header);
      expect(table, path).not.toContain('outdatedPerPeriod');
      expect(table, path).not.toContain('BeforeOutdating');
    }
    // the periodic one still shows its end-of-period stock
    expect(applicableKpis(experiment('scenarios/theory/lost-sales-zero-lead-time.json'))).toContain('endOfPeriodOnHand');
  });
});
