import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * Several demand entries at one stock point (segments, issue 17): each needs its own `segment` id, and
 * draws from random streams of its own, while an entry without a segment keeps the streams it always had.
 */
type DemandInput = NonNullable<ScenarioInput['demand']>[number];

function store(demand: DemandInput[], unmetDemand: 'lost' | 'backorder' = 'lost', initialOnHand = 1e6): ScenarioInput {
  return {
    version: 1,
    name: 'segments',
    horizonDays: 60,
    seed: 'segments',
    products: [{ id: 'w', unitCost: 1, price: 2, holdingCost: { perUnitPerDay: 0 }, unmetDemand }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
    stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 1e6 }, initialOnHand }],
    demand,
  };
}

const issuesOf = (input: ScenarioInput) => {
  const result = parseScenario(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
};

const retail: DemandInput = { type: 'arrivals', node: 'st', product: 'w', customersPerDay: 5, quantity: { type: 'poisson', mean: 2 } };
const wholesale: DemandInput = { type: 'arrivals', node: 'st', product: 'w', customersPerDay: 0.5, quantity: { type: 'poisson', mean: 40 } };

describe('demand segments: the checks', () => {
  it('two entries at one stock point without segments: each is asked for one, at its segment path', () => {
    expect(issuesOf(store([retail, wholesale]))).toEqual([
      'demand[0].segment: demand for st/w has several entries (demand[0], demand[1]): give each a "segment" id',
      'demand[1].segment: demand for st/w has several entries (demand[0], demand[1]): give each a "segment" id',
    ]);
  });

  it('one entry with a segment and one without: only the one without is asked', () => {
    expect(issuesOf(store([{ ...retail, segment: 'retail' }, wholesale]))).toEqual([
      'demand[1].segment: demand for st/w has several entries (demand[0], demand[1]): give each a "segment" id',
    ]);
  });

  it('the same segment twice: the second entry is told which entry has it already', () => {
    expect(issuesOf(store([{ ...retail, segment: 'retail' }, { ...wholesale, segment: 'retail' }]))).toEqual([
      'demand[1].segment: duplicate segment "retail" for st/w (also in demand[0])',
    ]);
  });

  it('a segment is an id: no spaces', () => {
    expect(issuesOf(store([{ ...retail, segment: 'walk ins' }]))).toEqual([expect.stringMatching(/^demand\[0\]\.segment: /)]);
  });

  it('two entries with distinct segments are valid; one entry may name a segment or not', () => {
    expect(issuesOf(store([{ ...retail, segment: 'retail' }, { ...wholesale, segment: 'wholesale' }]))).toEqual([]);
    expect(issuesOf(store([{ ...retail, segment: 'retail' }]))).toEqual([]);
  });
});

describe('demand segments: their random streams', () => {
  const demandUnits = (demand: DemandInput[]) => runReplication(scenarioOf(store(demand)), 0, 0).stockPoints[0].counters.demandUnits;

  it('segments add up: with the shelf never short, the demand of both is the sum of each alone (no segment draws from the other’s streams)', () => {
    const both = demandUnits([{ ...retail, segment: 'retail' }, { ...wholesale, segment: 'wholesale' }]);
    const alone = demandUnits([{ ...retail, segment: 'retail' }]) + demandUnits([{ ...wholesale, segment: 'wholesale' }]);
    expect(both).toBe(alone);
    expect(both).toBeGreaterThan(0);
  });

  it('a segment draws from streams of its own name: the same entry without a segment, or under another name, draws otherwise', () => {
    const plain = demandUnits([retail]);
    expect(demandUnits([{ ...retail, segment: 'retail' }])).not.toBe(plain);
    expect(demandUnits([{ ...retail, segment: 'retail' }])).not.toBe(demandUnits([{ ...retail, segment: 'walkIns' }]));
    // and an entry without a segment is the entry it always was
    expect(demandUnits([retail])).toBe(plain);
  });
});
