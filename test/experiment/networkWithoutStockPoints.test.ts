import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/loadScenario.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { summarize, tasksOf } from '../../src/experiment/replicate.ts';

/**
 * sweep, compare, optimize and sensitivity read only the network's KPIs, so they run without each
 * stock point's (`stockPoints: false`: a tenth of the results to move and merge on a thousand stock
 * points, locally and on the queue). That is safe only while the network's figures do not depend on
 * keeping them: checked on the gallery's networks of every kind (echelons, online zones, lots and
 * recalls, returns, customer orders).
 */
const FILES = [
  'scenarios/04-coffee-brand.json',
  'scenarios/05-online-shoes.json',
  'scenarios/07-multi-echelon.json',
  'scenarios/08-fresh-food-fefo.json',
  'scenarios/13-returns-recall.json',
  'scenarios/14-wholesale-and-walk-ins.json',
];

describe('the network’s KPIs are the same with or without each stock point’s', () => {
  for (const file of FILES) {
    it(file, () => {
      const loaded = loadScenario(file, { replications: 2, horizonDays: 150 });
      if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
      const scenario = loaded.scenario;
      const run = (stockPoints: boolean) => summarize(scenario, tasksOf(scenario).map((task) => runReplication(scenario, task.variant, task.replication, { series: false, stockPoints })), true);
      const kept = run(true);
      const dropped = run(false);
      expect(dropped.variants.every((variant) => variant.stockPoints.length === 0)).toBe(true);
      expect(kept.variants.some((variant) => variant.stockPoints.length > 0)).toBe(true);
      expect(dropped.variants.map((variant) => [variant.id, variant.network, variant.samples.network])).toEqual(kept.variants.map((variant) => [variant.id, variant.network, variant.samples.network]));
    });
  }
});
