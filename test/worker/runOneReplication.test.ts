/**
 * SimApi.runOneReplication (src/worker/api.ts), behind the inventory chart's replication picker: the
 * series of replication k it gives are those of the engine's run of replication k (runReplication,
 * the function every experiment task calls), and averaged over k they are the experiment's mean
 * series, so replication k on screen is the k-th replication the means were taken over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { runReplication, type RunSeries } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { createSimApi } from '../../src/worker/api.ts';

const REPO = join(import.meta.dirname, '../..');
const REPLICATIONS = 4;

function gallery(file: string): { input: ScenarioInput; scenario: Scenario } {
  // short runs: the same scenario over 120 days, so each replication takes milliseconds
  const input = { ...(JSON.parse(readFileSync(join(REPO, 'scenarios', file), 'utf8')) as ScenarioInput), horizonDays: 120, warmupDays: 10, replications: REPLICATIONS };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return { input, scenario: parsed.scenario };
}

async function seriesOf(input: unknown, variant: number, replication: number): Promise<RunSeries> {
  const response = await createSimApi().runOneReplication(input, variant, replication);
  if (!response.ok) throw new Error(JSON.stringify(response.issues));
  expect(response.series).not.toBeNull();
  return response.series!;
}

describe('runOneReplication', () => {
  const { input, scenario } = gallery('04-coffee-brand.json');

  it('gives replication k the daily series the engine computes for replication k, per stock point', async () => {
    for (const variant of [0, 2]) {
      for (const replication of [0, 1, 3]) {
        const engine = runReplication(scenario, variant, replication).series!;
        const api = await seriesOf(input, variant, replication);
        expect(api.stockPoints).not.toBeNull();
        expect(api).toEqual(engine);
      }
    }
  });

  it('gives different days for different replications (a new seed each)', async () => {
    const first = await seriesOf(input, 0, 0);
    const second = await seriesOf(input, 0, 1);
    expect(second.stockPoints![0].onHand).not.toEqual(first.stockPoints![0].onHand);
  });

  it("averaged over replications 0..N-1, gives the experiment's mean series: replication k is the experiment's k-th", async () => {
    const experiment = runExperiment(scenario);
    for (let variant = 0; variant < experiment.variants.length; variant++) {
      const runs = await Promise.all(Array.from({ length: REPLICATIONS }, (_, k) => seriesOf(input, variant, k)));
      const means = experiment.variants[variant].series!;
      // replication 0 is the experiment's first run, kept whole
      expect(runs[0]).toEqual(experiment.firstRuns[variant].series);
      means.stockPoints!.forEach((point, i) => {
        for (const level of ['onHand', 'position', 'short', 'ordered'] as const) {
          const mean = point[level].mean;
          mean.forEach((value, day) => {
            const ours = runs.reduce((sum, run) => sum + run.stockPoints![i][level][day], 0) / REPLICATIONS;
            expect(Math.abs(ours - value)).toBeLessThan(1e-9);
          });
        }
      });
    }
  });

  it('says why an invalid scenario cannot run, as runTasks does', async () => {
    const response = await createSimApi().runOneReplication({ ...input, horizonDays: -1 }, 0, 0);
    expect(response.ok).toBe(false);
  });
});
