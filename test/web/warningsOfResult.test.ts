import { describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { warningText, type ModelWarning } from '../../src/model/warnings.ts';
import { warningsOfResult } from '../../web/worker/client.ts';

/**
 * The facts the dashboard words are those of the warnings the result itself holds (web/worker/client.ts
 * warningsOfResult): in the result's order, and none for a run cancelled before a whole replication.
 */
const facts: ModelWarning[] = [
  { kind: 'bullwhipPeriod', node: 'shop', product: 'coffee', reviewPeriodDays: 7, bullwhipPeriodDays: 1, suggestedPeriodDays: 7 },
  { kind: 'historyReplayed', node: 'shop', product: 'coffee', segment: null, historyDays: 20, horizonDays: 60 },
  { kind: 'neverOrders', node: 'shop', product: 'coffee', reorderPoint: -1.11 },
];
const resultWith = (warnings: string[]) => ({ warnings }) as unknown as ExperimentResult;

describe('warningsOfResult', () => {
  it("gives the facts of the result's warnings, in the result's order", () => {
    expect(warningsOfResult(resultWith(facts.map(warningText)), facts)).toEqual(facts);
    expect(warningsOfResult(resultWith([warningText(facts[2]), warningText(facts[0])]), facts)).toEqual([facts[2], facts[0]]);
  });

  it('gives none for a result without warnings (a run cancelled before its first whole replication), or without facts', () => {
    expect(warningsOfResult(resultWith([]), facts)).toEqual([]);
    expect(warningsOfResult(resultWith(facts.map(warningText)), [])).toEqual([]);
  });
});
