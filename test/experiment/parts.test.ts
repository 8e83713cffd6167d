import { describe, expect, it } from 'vitest';
import { variantsOf } from '../../src/model/build.ts';
import { partScenario, planParts } from '../../src/experiment/parts.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { loadScenarioFile, scenarioFiles, shortened } from '../fixtures/scenario.ts';
import { expectSame } from '../fixtures/partsMerge.ts';

describe('a replication run as its independent parts and merged', () => {
  it.each(scenarioFiles().filter((file) => !file.includes('/bench/')))('is the whole run, byte for byte: %s (every variant, replications 0 and 1)', (file) => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(`${file} does not parse`);
    const scenario = shortened(loaded.scenario, Math.min(loaded.scenario.horizonDays, 400), 2);
    variantsOf(scenario).forEach((_, v) => {
      expectSame(scenario, v, 0);
      expectSame(scenario, v, 1, 'backward');
    });
  });

  it.each(['scenarios/05-online-shoes.json', 'scenarios/07-multi-echelon.json', 'scenarios/12-stock-visibility.json'])(
    'is the whole run with the bullwhip per week (bullwhipPeriodDays 7: the roll-ups sum the parts\' days into weeks as the whole run does): %s',
    (file) => {
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) throw new Error(`${file} does not parse`);
      const scenario = { ...shortened(loaded.scenario, Math.min(loaded.scenario.horizonDays, 200), 1), bullwhipPeriodDays: 7 };
      expectSame(scenario, 0, 0);
    },
  );

  it('is the whole run of bench-A (1,000 stock points, 1,000 parts; 90 days), byte for byte', () => {
    const loaded = loadScenarioFile('scenarios/bench/retail-1000.json');
    if (!loaded.ok) throw new Error('bench-A does not parse');
    const plan = expectSame(shortened(loaded.scenario, 90, 1), 0, 0);
    expect(plan.parts.length).toBe(1000);
    expect(plan.apart).toBe(true);
  });

  it('cuts each part as a valid scenario: parsed again, every gallery part is unchanged (so the cut need not be parsed)', () => {
    for (const file of scenarioFiles()) {
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) throw new Error(`${file} does not parse`);
      variantsOf(loaded.scenario).forEach((_, v) => {
        const plan = planParts(loaded.scenario, v);
        // bench-A's 1,000 parts are alike: a few of them say as much
        for (const part of plan.parts.slice(0, 5)) {
          const cut = partScenario(plan.scenario, v, part);
          const parsed = parseScenario(JSON.parse(JSON.stringify(cut)));
          if (!parsed.ok) throw new Error(`${file}, part ${part.keys[0]}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
          expect(parsed.scenario).toEqual(cut);
        }
      });
    }
  });
});
