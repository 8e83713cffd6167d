/**
 * What a recommendation depends on (web/staleResults.ts recommendationBasis): today's policies, the
 * scenario's first variant. The Recommend panel's results stay current when its variant is added
 * (after today's, or with a "today" variant that overrides nothing), and are marked when today's
 * policies or anything else of the scenario change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { recommendationBasis, stalenessOf } from '../../web/staleResults.ts';

const text = readFileSync(join(import.meta.dirname, '../../scenarios/02-base-stock-poisson.json'), 'utf8');

function parsed(change: (input: Record<string, unknown>) => void = () => undefined): Scenario {
  const input = JSON.parse(text) as Record<string, unknown>;
  change(input);
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const recommended = { id: 'recommended', name: 'Recommended', policies: [{ node: 'store', product: 'widget', policy: { type: 'baseStock', level: 16 } }] };
const stale = (ran: Scenario, shown: Scenario) => stalenessOf(recommendationBasis(ran), recommendationBasis(shown), shown);

describe('recommendationBasis', () => {
  test('adding the Recommended variant (with a today variant that overrides nothing) leaves the recommendation current', () => {
    const ran = parsed();
    const shown = parsed((input) => (input.variants = [{ id: 'today', name: 'Today', policies: [] }, recommended]));
    expect(stale(ran, shown)).toBeNull();
    // as a whole scenario, it has changed: the other panels' results would be marked
    expect(stalenessOf(ran, shown, shown)).not.toBeNull();
  });

  test('a variant added after today\'s changes nothing either; another first variant does', () => {
    const today = { id: 'lean', policies: [{ node: 'store', product: 'widget', policy: { type: 'baseStock', level: 10 } }] };
    const ran = parsed((input) => (input.variants = [today]));
    expect(stale(ran, parsed((input) => (input.variants = [today, recommended])))).toBeNull();
    expect(stale(ran, parsed((input) => (input.variants = [recommended, today])))).toEqual({ kind: 'edited' });
    expect(stale(ran, parsed())).toEqual({ kind: 'edited' });
  });

  test('any other edit, or another seed, marks it', () => {
    const ran = parsed();
    expect(stale(ran, parsed((input) => (input.horizonDays = 2000)))).toEqual({ kind: 'edited' });
    expect(stale(ran, parsed((input) => (input.seed = 'other')))).toEqual({ kind: 'seed', ran: 'base-stock', now: 'other' });
  });
});
