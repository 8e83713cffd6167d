import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenario } from '../../src/scenario/parse.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/** test/fixtures/minimal.json edited, as the CLI reports its problems. */
function messagesFor(edit: (data: Record<string, any>) => void): string[] {
  const data = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
  edit(data);
  const result = parseScenario(data);
  return result.ok ? [] : formatIssues('fixture.json', result.issues);
}

describe('the Beer Game fields (issue 18): problems at their field, with the value', () => {
  it('accepts each with its defaults', () => {
    const data = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
    data.stockPoints[0].policy = { type: 'anchorAndAdjust', estimates: 'sterman1989' };
    const result = parseScenario(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.bullwhipPeriodDays).toBe(1);
    expect(result.scenario.lanes[0].orderDelayDays).toBe(0);
    expect(result.scenario.stockPoints[0]).toMatchObject({ orderRounding: 'up', reviewTiming: 'beforeDemand', scriptedOrders: [], backlogCostPerDay: 0 });
    expect(result.scenario.stockPoints[0].initialPipeline).toBeUndefined();
    expect(result.scenario.stockPoints[0].policy).toEqual({ type: 'anchorAndAdjust', estimates: 'sterman1989', reviewPeriod: 1, firstReview: 0 });
  });

  it('anchorAndAdjust: each parameter given, or named estimates; theta and alpha_S in [0, 1], beta >= 0', () => {
    expect(messagesFor((data) => (data.stockPoints[0].policy = { type: 'anchorAndAdjust', smoothing: 0.3, desiredStock: 20 }))).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.stockAdjustment: expected stockAdjustment (alpha_S), or estimates that give it (known: sterman1989)",
        "fixture.json: stockPoints[0].policy.supplyLineWeight: expected supplyLineWeight (beta), or estimates that give it (known: sterman1989)",
      ]
    `);
    expect(
      messagesFor((data) => (data.stockPoints[0].policy = { type: 'anchorAndAdjust', estimates: 'sterman1988', smoothing: 1.2, stockAdjustment: -0.1, supplyLineWeight: -1 })),
    ).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.estimates: expected "sterman1989", got "sterman1988"",
        "fixture.json: stockPoints[0].policy.smoothing: expected a probability in [0, 1], got 1.2",
        "fixture.json: stockPoints[0].policy.stockAdjustment: expected a probability in [0, 1], got -0.1",
        "fixture.json: stockPoints[0].policy.supplyLineWeight: expected a number >= 0, got -1",
      ]
    `);
  });

  it('scriptedOrders: periods that end after they start, apart, on a periodic policy', () => {
    const scripted = (periods: unknown[]) =>
      messagesFor((data) => {
        data.stockPoints[0].policy = { type: 'passThrough', reviewPeriod: 7 };
        data.stockPoints[0].scriptedOrders = periods;
      });
    expect(
      scripted([
        { fromDay: 0, untilDay: 28, quantity: 4 },
        { fromDay: 21, untilDay: 35, quantity: 8 },
        { fromDay: 50, untilDay: 50, quantity: 1 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].scriptedOrders[2].untilDay: expected untilDay after fromDay (50), got 50",
        "fixture.json: stockPoints[0].scriptedOrders[1].fromDay: scripted periods overlap: [21, 35) starts before [0, 28) (scriptedOrders[0]) ends",
      ]
    `);
    expect(scripted([{ fromDay: -1, untilDay: 0, quantity: -2 }])).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].scriptedOrders[0].fromDay: expected a number >= 0, got -1",
        "fixture.json: stockPoints[0].scriptedOrders[0].untilDay: expected a positive number, got 0",
        "fixture.json: stockPoints[0].scriptedOrders[0].quantity: expected a number >= 0, got -2",
      ]
    `);
    expect(messagesFor((data) => (data.stockPoints[0].scriptedOrders = [{ fromDay: 0, untilDay: 28, quantity: 4 }]))).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].scriptedOrders: scripted orders replace the orders of periodic reviews, and a baseStock policy (at stockPoints[0].policy) reviews continuously: give a periodic policy (periodicRS, passThrough, anchorAndAdjust...)",
      ]
    `);
  });

  it('initialPipeline, orderDelayDays, orderRounding, reviewTiming, backlogCostPerDay, bullwhipPeriodDays', () => {
    expect(
      messagesFor((data) => {
        data.stockPoints[0].initialPipeline = { shipments: [{ day: -1, quantity: 0 }], orders: [{ day: 2 }] };
        data.lanes[0].orderDelayDays = -2;
        data.stockPoints[0].orderRounding = 'down';
        data.stockPoints[0].reviewTiming = 'later';
        data.stockPoints[0].backlogCostPerDay = -1;
        data.bullwhipPeriodDays = 1.5;
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.json: bullwhipPeriodDays: expected a whole number, got 1.5",
        "fixture.json: lanes[0].orderDelayDays: expected a number >= 0, got -2",
        "fixture.json: stockPoints[0].orderRounding: expected "up" or "nearest", got "down"",
        "fixture.json: stockPoints[0].initialPipeline.shipments[0].day: expected a number >= 0, got -1",
        "fixture.json: stockPoints[0].initialPipeline.shipments[0].quantity: expected a positive number, got 0",
        "fixture.json: stockPoints[0].initialPipeline.orders[0].quantity: expected a number, got nothing (the field is required)",
        "fixture.json: stockPoints[0].reviewTiming: expected "beforeDemand" or "afterDemand", got "later"",
        "fixture.json: stockPoints[0].backlogCostPerDay: expected a number >= 0, got -1",
      ]
    `);
    expect(messagesFor((data) => (data.bullwhipPeriodDays = 0))).toMatchInlineSnapshot(`
      [
        "fixture.json: bullwhipPeriodDays: expected a whole number >= 1, got 0",
      ]
    `);
  });
});
