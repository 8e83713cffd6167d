import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenario } from '../../src/scenario/parse.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/** test/fixtures/minimal.json (horizon 365 days) with the store's policy replaced, as the CLI reports it. */
function messagesFor(policy: unknown, edit: (data: Record<string, any>) => void = () => {}): string[] {
  const data = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
  data.stockPoints[0].policy = policy;
  edit(data);
  const result = parseScenario(data);
  return result.ok ? [] : formatIssues('fixture.json', result.issues);
}

describe('fixedQuantity, schedule and passThrough policies: problems at their field, with the value', () => {
  it('accepts each with its defaults', () => {
    const data = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
    data.stockPoints[0].policy = { type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 20 };
    data.variants = [
      { id: 'schedule', policies: [{ policy: { type: 'schedule', orders: [{ day: 0, quantity: 10 }, { day: 3, quantity: 0 }], repeatEveryDays: 7 } }] },
      { id: 'pass', policies: [{ policy: { type: 'passThrough' } }] },
    ];
    const result = parseScenario(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.stockPoints[0].policy).toEqual({ type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 20, firstReview: 0 });
    expect(result.scenario.variants[1].policies[0].policy).toEqual({ type: 'passThrough', reviewPeriod: 1, firstReview: 0 });
  });

  it('fixedQuantity: a review period and a quantity above 0, a first review at or after day 0', () => {
    expect(messagesFor({ type: 'fixedQuantity', reviewPeriod: 0, orderQuantity: -5, firstReview: -1 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.reviewPeriod: expected a positive number, got 0",
        "fixture.json: stockPoints[0].policy.orderQuantity: expected a positive number, got -5",
        "fixture.json: stockPoints[0].policy.firstReview: expected a number >= 0, got -1",
      ]
    `);
    expect(messagesFor({ type: 'fixedQuantity', reviewPeriod: 7 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.orderQuantity: expected a number, got nothing (the field is required)",
      ]
    `);
  });

  it('schedule: at least one order, quantities >= 0, days increasing', () => {
    expect(messagesFor({ type: 'schedule', orders: [] })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.orders: expected at least one order",
      ]
    `);
    expect(messagesFor({ type: 'schedule', orders: [{ day: 0, quantity: -3 }] })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.orders[0].quantity: expected a number >= 0, got -3",
      ]
    `);
    expect(messagesFor({ type: 'schedule', orders: [{ day: 5, quantity: 1 }, { day: 5, quantity: 1 }, { day: 9, quantity: 1 }, { day: 2, quantity: 1 }] })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.orders[1].day: expected a day after the previous order's day (orders in increasing order of day), got 5",
        "fixture.json: stockPoints[0].policy.orders[3].day: expected a day after the previous order's day (orders in increasing order of day), got 2",
      ]
    `);
  });

  it('schedule: a repeating cycle longer than the span of its days', () => {
    expect(messagesFor({ type: 'schedule', orders: [{ day: 1, quantity: 1 }, { day: 8, quantity: 1 }], repeatEveryDays: 7 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.repeatEveryDays: expected repeatEveryDays greater than the days from the first order to the last (each cycle holds every order once), got 7",
      ]
    `);
    expect(messagesFor({ type: 'schedule', orders: [{ day: 1, quantity: 1 }, { day: 8, quantity: 1 }], repeatEveryDays: 8 })).toEqual([]);
    expect(messagesFor({ type: 'schedule', orders: [{ day: 1, quantity: 1 }], repeatEveryDays: 0 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.repeatEveryDays: expected a positive number, got 0",
      ]
    `);
  });

  it('schedule: every day before the horizon, in the stock points and in the variants', () => {
    expect(
      messagesFor({ type: 'schedule', orders: [{ day: 300, quantity: 1 }, { day: 365, quantity: 1 }] }, (data) => {
        data.variants = [{ id: 'late', policies: [{ policy: { type: 'schedule', orders: [{ day: 400, quantity: 2 }] } }] }];
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.orders[1].day: expected a day before the horizon (365 days), got 365: this order would never be placed",
        "fixture.json: variants[0].policies[0].policy.orders[0].day: expected a day before the horizon (365 days), got 400: this order would never be placed",
      ]
    `);
  });

  it('passThrough: a review period above 0, no other field', () => {
    expect(messagesFor({ type: 'passThrough', reviewPeriod: 0 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy.reviewPeriod: expected a positive number, got 0",
      ]
    `);
    expect(messagesFor({ type: 'passThrough', level: 10 })).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].policy: unknown field "level" (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)",
      ]
    `);
  });
});
