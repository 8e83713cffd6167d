/**
 * SimApi.warningsOf (src/worker/api.ts), behind the dashboard's list of modelling warnings: the facts
 * a run of the scenario warns about, without running it. Worded with warningText, they are the
 * experiment's `warnings` (what the CLI prints), the same strings in the same order, each once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { warningText, type ModelWarning } from '../../src/model/warnings.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { createSimApi } from '../../src/worker/api.ts';
import { loadScenarioFile, scenarioFiles, shortened } from '../fixtures/scenario.ts';

const REPO = join(import.meta.dirname, '../..');
const readJson = (path: string): ScenarioInput => JSON.parse(readFileSync(join(REPO, path), 'utf8')) as ScenarioInput;

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return result.scenario;
}

async function warningsOf(input: unknown): Promise<ModelWarning[]> {
  const response = await createSimApi().warningsOf(input);
  if (!response.ok) throw new Error(JSON.stringify(response.issues));
  return response.warnings;
}

describe('warningsOf', () => {
  // a coffee shop whose 20 days of sales run over 60 days, in three variants: weekly review (bullwhip
  // measured per day), continuous (s, S), and a 2% serviceTarget whose reorder point is below 0
  const input = readJson('test/fixtures/short-history.json');

  it("gives every variant's warnings as facts, each once, in the order the experiment's English has them", async () => {
    const facts = await warningsOf(input);
    expect(facts.map((fact) => fact.kind)).toEqual(['bullwhipPeriod', 'historyReplayed', 'neverOrders']);
    expect(facts[0]).toEqual({ kind: 'bullwhipPeriod', node: 'shop', product: 'coffee', reviewPeriodDays: 7, bullwhipPeriodDays: 1, suggestedPeriodDays: 7 });
    expect(facts[1]).toEqual({ kind: 'historyReplayed', node: 'shop', product: 'coffee', segment: null, historyDays: 20, horizonDays: 60 });
    expect(facts[2]).toMatchObject({ kind: 'neverOrders', node: 'shop', product: 'coffee' });
    expect((facts[2] as { reorderPoint: number }).reorderPoint).toBeLessThan(0);
    const experiment = runExperiment(parsed(input));
    expect(facts.map(warningText)).toEqual(experiment.warnings);
  });

  it('follows what each variant changes: a variant given a full history is not warned about it', async () => {
    const longer = {
      ...input,
      variants: [
        { id: 'full-history', set: [{ path: '/demand/0/series', value: Array<number>(60).fill(1) }] },
        { id: 'as-imported', policies: [{ policy: { type: 'sS', reorderPoint: 3, orderUpTo: 12 } }] },
      ],
    };
    const facts = await warningsOf(longer);
    // the first variant orders weekly on a full history; the second is continuous on the short one
    expect(facts.map((fact) => fact.kind)).toEqual(['bullwhipPeriod', 'historyReplayed']);
    expect(facts.map(warningText)).toEqual(runExperiment(parsed(longer)).warnings);
  });

  it("is the experiment's warnings for every gallery scenario: none, over 30 days", async () => {
    let checked = 0;
    for (const file of scenarioFiles().filter((path) => !path.startsWith('scenarios/bench/'))) {
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) throw new Error(`${file} does not parse`);
      // one short replication: the warnings come from wiring the model, not from running it
      const short = shortened(loaded.scenario, 30, 1);
      const facts = await warningsOf(short);
      expect(facts.map(warningText), file).toEqual(runExperiment(short).warnings);
      expect(facts, file).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('gives plain data, unchanged by a worker boundary', async () => {
    const facts = await warningsOf(input);
    expect(structuredClone(facts)).toEqual(facts);
  });

  it('returns an invalid scenario\'s issues, as the other calls do', async () => {
    const response = await createSimApi().warningsOf({ ...input, horizonDays: -5 });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.issues.map((issue) => issue.path)).toContain('horizonDays');
    const broken = await createSimApi().warningsOf('not a scenario');
    expect(broken.ok).toBe(false);
  });
});
