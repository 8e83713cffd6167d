import { describe, expect, it } from 'vitest';
import { recommend as english } from '../../web/i18n/en/recommend.ts';
import { recommend as french } from '../../web/i18n/fr/recommend.ts';
import { cannotMeetText, type CannotMeetFacts, type TargetLimit } from '../../src/experiment/recommend.ts';

/** Why a target cannot be met, worded from the engine's facts (src/experiment/recommend.ts), each limit in each language. */
const limits: TargetLimit[] = [
  { kind: 'sourceCapacity', source: 'supplier', capacityPerDay: 1.5, demandPerDay: 2.25 },
  { kind: 'leadTime', leadTimeDays: 400, windowDays: 300 },
  { kind: 'customersLeave' },
  { kind: 'policyReach' },
];
const facts = (limit: TargetLimit): CannotMeetFacts => ({ bestLevel: 1234, kpi: 'fillRate', reached: { mean: 0.8031, sd: 0.01, halfWidth: 0.0042, n: 10 }, limit });

describe("the Recommend panel's reasons a target cannot be met", () => {
  it('are the CLI\'s words in English', () => {
    for (const limit of limits) expect(english.cannotMeetWhy(facts(limit))).toBe(cannotMeetText(facts(limit)));
  });

  it('are French in French, numbers written the French way, each limit its own sentence', () => {
    const worded = limits.map((limit) => french.cannotMeetWhy(facts(limit)));
    expect(new Set(worded).size).toBe(limits.length);
    for (const text of worded) {
      expect(text).toMatch(/^le niveau le plus haut essayé, 1\u202f234, atteint taux de service \(quantités\) 0,803 ± 0,004\u00a0; /);
      expect(text).not.toMatch(/\b(the|highest|reached|lead time|customers|cannot)\b/);
    }
    expect(worded[0]).toContain('supplier ne peut expédier que 1,5 par jour');
    expect(worded[0]).toContain('(2,25 par jour)');
    expect(worded[1]).toContain('le délai (400\u00a0jours) est aussi long que la fenêtre mesurée (300\u00a0jours)');
  });
});
