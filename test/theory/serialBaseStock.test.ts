import { describe, expect, it } from 'vitest';
import { aleaStream } from '../../src/random/streams.ts';
import { cdfAt, lossAbove, poissonPmf, shortfallBelow } from '../../src/theory/discrete.ts';
import {
  chenZhengRecursion,
  evaluateSerialBaseStock,
  optimalSerialBaseStock,
  type SerialBaseStockParameters,
} from '../../src/theory/serialBaseStock.ts';

const stage = (leadTimeDays: number, echelonHoldingCostPerUnitPerDay: number) => ({
  leadTimeDays,
  echelonHoldingCostPerUnitPerDay,
});

const TWO_STAGE: SerialBaseStockParameters = {
  demandPerDay: 4,
  stages: [stage(1, 1.5), stage(2.5, 1)],
  backorderCostPerUnitPerDay: 20,
};

/**
 * The two-stage system event by event in continuous time: each customer demand at stage 1 places a
 * one-unit order on stage 2 and stage 2 one on the outside source (base-stock policies); a stage
 * ships from its shelf at once or backorders, first come first served. Returns time averages.
 */
function simulateTwoStage(parameters: SerialBaseStockParameters, installation: [number, number], days: number) {
  const random = aleaStream('serialBaseStock');
  const [L1, L2] = parameters.stages.map((s) => s.leadTimeDays);
  const toStage1: number[] = []; // arrival times of shipments in transit to stage 1
  const toStage2: number[] = []; // arrival times of replenishments to stage 2
  let onHand1 = installation[0];
  let onHand2 = installation[1];
  let backorders1 = 0; // customers waiting at stage 1
  let backorders2 = 0; // units stage 2 owes stage 1
  const area = { onHand1: 0, onHand2: 0, backorders1: 0, backorders2: 0 };
  let now = 0;
  let nextDemand = -Math.log(1 - random()) / parameters.demandPerDay;
  while (now < days) {
    const next = Math.min(nextDemand, toStage1[0] ?? Infinity, toStage2[0] ?? Infinity, days);
    const dt = next - now;
    area.onHand1 += onHand1 * dt;
    area.onHand2 += onHand2 * dt;
    area.backorders1 += backorders1 * dt;
    area.backorders2 += backorders2 * dt;
    now = next;
    if (now >= days) break;
    if (now === toStage2[0]) {
      toStage2.shift();
      if (backorders2 > 0) {
        backorders2--;
        toStage1.push(now + L1);
      } else onHand2++;
    } else if (now === toStage1[0]) {
      toStage1.shift();
      if (backorders1 > 0) backorders1--;
      else onHand1++;
    } else {
      if (onHand1 > 0) onHand1--;
      else backorders1++;
      toStage2.push(now + L2);
      if (onHand2 > 0) {
        onHand2--;
        toStage1.push(now + L1);
      } else backorders2++;
      nextDemand = now - Math.log(1 - random()) / parameters.demandPerDay;
    }
  }
  return {
    onHand1: area.onHand1 / days,
    onHand2: area.onHand2 / days,
    backorders1: area.backorders1 / days,
    backorders2: area.backorders2 / days,
  };
}

describe('optimalSerialBaseStock with one stage is the newsvendor base-stock policy', () => {
  it('S* = smallest S with P(D <= S) >= b/(b + h), D ~ Poisson(λL)', () => {
    // λ = 5 a day, L = 2 days: lead-time demand Poisson(10). b = 25, h = 15: b/(b + h) = 0.625.
    // Cumulative Poisson table for mean 10, as printed in standard tables (and used by Hopp &
    // Spearman's Superior Appliance base-stock example, Factory Physics ch. 2): P(D <= 10) = 0.5830,
    // P(D <= 11) = 0.6968, so S* = 11.
    const result = optimalSerialBaseStock({ demandPerDay: 5, stages: [stage(2, 15)], backorderCostPerUnitPerDay: 25 });
    expect(result.echelonLevels).toEqual([11]);
    // the fill rate of a Poisson base-stock system is P(D <= S − 1) (PASTA): 0.5830 from the same table
    expect(Math.abs(result.fillRate - 0.583)).toBeLessThan(5e-5);
    const D = poissonPmf(10);
    expect(result.stages[0].expectedOnHand).toBeCloseTo(shortfallBelow(D, 11), 12);
    expect(result.expectedBackorders).toBeCloseTo(lossAbove(D, 11), 12);
    expect(result.costPerDay).toBeCloseTo(15 * shortfallBelow(D, 11) + 25 * lossAbove(D, 11), 12);
    expect(result.pipelineHoldingCostPerDay).toBe(0); // the inbound pipeline of stage N is not charged
  });

  it.each([
    [3, 0.5, 1, 9],
    [12, 1, 0.2, 40],
    [0.4, 3, 2, 5],
  ])('λ = %d, L = %d, h = %d, b = %d', (lambda, L, h, b) => {
    const parameters = { demandPerDay: lambda, stages: [stage(L, h)], backorderCostPerUnitPerDay: b };
    const { echelonLevels } = optimalSerialBaseStock(parameters);
    const D = poissonPmf(lambda * L);
    const S = echelonLevels[0];
    expect(cdfAt(D, S)).toBeGreaterThanOrEqual(b / (b + h));
    expect(cdfAt(D, S - 1)).toBeLessThan(b / (b + h));
  });
});

describe('optimalSerialBaseStock', () => {
  it('two stages: brute force over echelon levels finds nothing cheaper', () => {
    const best = optimalSerialBaseStock(TWO_STAGE);
    let bruteForce = Infinity;
    let argmin: number[] = [];
    for (let S1 = 0; S1 <= 30; S1++) {
      for (let S2 = S1; S2 <= 50; S2++) {
        const { totalCostPerDay } = evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [S1, S2] });
        if (totalCostPerDay < bruteForce - 1e-12) [bruteForce, argmin] = [totalCostPerDay, [S1, S2]];
      }
    }
    expect(argmin).toEqual(best.echelonLevels);
    expect(best.totalCostPerDay).toBeCloseTo(bruteForce, 12);
  });

  it.each<[string, SerialBaseStockParameters]>([
    ['two stages', TWO_STAGE],
    [
      'three stages, one with no transit time',
      { demandPerDay: 5, stages: [stage(1, 3), stage(0, 2), stage(2, 2)], backorderCostPerUnitPerDay: 37.12 },
    ],
    [
      'four equal stages',
      { demandPerDay: 16, stages: [1, 2, 3, 4].map(() => stage(0.25, 0.25)), backorderCostPerUnitPerDay: 9 },
    ],
  ])('%s: the recursion minimum equals the exact evaluation and beats every neighbour', (_name, parameters) => {
    const recursion = chenZhengRecursion(parameters);
    const best = optimalSerialBaseStock(parameters);
    expect(best.totalCostPerDay).toBeCloseTo(recursion.totalCostPerDay, 7);
    expect(best.costPerDay + best.pipelineHoldingCostPerDay).toBeCloseTo(best.totalCostPerDay, 12);
    for (let j = 0; j < parameters.stages.length; j++) {
      for (const step of [-1, 1]) {
        const levels = [...best.echelonLevels];
        levels[j] += step;
        const neighbour = evaluateSerialBaseStock({ ...parameters, echelonLevels: levels });
        expect(neighbour.totalCostPerDay).toBeGreaterThanOrEqual(best.totalCostPerDay - 1e-9);
      }
    }
  });

  it('with no value added at stage 1 all stock sits at stage 1, sized for the whole lead time', () => {
    // h_1 = 0: a unit costs H = h_2 anywhere, so the system is one stage with lead time L_1 + L_2 and
    // holding cost h_2: S_1 = S_2 = newsvendor on Poisson(5 × 3) at 9/(9 + 1) = 0.9
    const parameters = { demandPerDay: 5, stages: [stage(1, 0), stage(2, 1)], backorderCostPerUnitPerDay: 9 };
    const result = optimalSerialBaseStock(parameters);
    const D = poissonPmf(15);
    const S = result.echelonLevels[1];
    expect(cdfAt(D, S)).toBeGreaterThanOrEqual(0.9);
    expect(cdfAt(D, S - 1)).toBeLessThan(0.9);
    expect(result.installationLevels).toEqual([S, 0]);
  });
});

describe('evaluateSerialBaseStock', () => {
  it('agrees with an event-by-event simulation of the two-stage system', () => {
    const levels: [number, number] = [6, 14]; // installation base stocks 6 and 8
    const exact = evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: levels });
    expect(exact.installationLevels).toEqual([6, 8]);
    const simulated = simulateTwoStage(TWO_STAGE, [6, 8], 200_000);
    const close = (a: number, b: number, tolerance: number) => expect(Math.abs(a / b - 1)).toBeLessThan(tolerance);
    close(simulated.onHand1, exact.stages[0].expectedOnHand, 0.02);
    close(simulated.onHand2, exact.stages[1].expectedOnHand, 0.02);
    close(simulated.backorders1, exact.stages[0].expectedBackorders, 0.04);
    close(simulated.backorders2, exact.stages[1].expectedBackorders, 0.04);
  });

  it('caps an echelon level above the one upstream of it, the same policy', () => {
    const capped = evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [20, 12] });
    const explicit = evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [12, 12] });
    expect(capped.echelonLevels).toEqual([12, 12]);
    expect(capped.totalCostPerDay).toBe(explicit.totalCostPerDay);
  });

  it('charges the pipeline into stage j at the installation rate of stage j + 1', () => {
    const result = evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [6, 14] });
    // units in transit to stage 1 belong to stage 2: H_2 × λ × L_1 = 1 × 4 × 1
    expect(result.pipelineHoldingCostPerDay).toBeCloseTo(4, 12);
    expect(result.stages.map((s) => s.installationHoldingCostPerUnitPerDay)).toEqual([2.5, 1]);
  });

  it('rejects invalid input with a RangeError naming the parameter', () => {
    expect(() => evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [1] })).toThrow(/echelonLevels/);
    expect(() => evaluateSerialBaseStock({ ...TWO_STAGE, echelonLevels: [1.5, 3] })).toThrow(/echelonLevels\[0\]/);
    expect(() => optimalSerialBaseStock({ ...TWO_STAGE, demandPerDay: 0 })).toThrow(/demandPerDay/);
    expect(() => optimalSerialBaseStock({ ...TWO_STAGE, backorderCostPerUnitPerDay: 0 })).toThrow(/backorderCost/);
    expect(() => optimalSerialBaseStock({ ...TWO_STAGE, stages: [stage(-1, 1)] })).toThrow(/leadTimeDays/);
    expect(() => optimalSerialBaseStock({ ...TWO_STAGE, stages: [] })).toThrow(/stages/);
  });
});
