import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { describeForm, findField } from '../../web/editor/formModel.ts';
import { describeTable } from '../../web/editor/tableModel.ts';
import { editorStrings } from '../../web/i18n/en/editor.ts';
import { fieldsEveryVariantOverrides, overriddenAt } from '../../web/editor/variantOverrides.ts';
import { repoRoot } from '../fixtures/scenario.ts';

const coffeeText = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8');
const coffee = () => JSON.parse(coffeeText) as Record<string, any>;
const VARIANTS = ['Lean (s, S)', 'Generous (s, S)', 'Service target 95%'];

/** The coffee brand's results, short and few, as bytes. */
function resultsOf(data: unknown): string {
  const parsed = parseScenarioText(JSON.stringify(data));
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  return JSON.stringify(runExperiment({ ...parsed.scenario, horizonDays: 60, output: { series: 'none' } }, { replications: 2 }).variants);
}

describe('values every variant replaces', () => {
  it("the default scenario: every variant replaces the shop's policies, none the warehouse's", () => {
    const overridden = fieldsEveryVariantOverrides(coffee());
    for (const index of [3, 4, 5]) expect(overriddenAt(overridden, ['stockPoints', index, 'policy', 'reorderPoint'])).toEqual(VARIANTS);
    for (const index of [0, 1, 2]) expect(overriddenAt(overridden, ['stockPoints', index, 'policy'])).toBeNull();
    expect(overriddenAt(overridden, ['stockPoints', 3, 'initialOnHand'])).toBeNull();
  });

  it('is what the engine does: editing a replaced policy changes no result, editing one that runs does', () => {
    const original = resultsOf(coffee());
    const replaced = coffee();
    replaced.stockPoints[3].policy = { type: 'sS', reorderPoint: 5, orderUpTo: 9 };
    expect(resultsOf(replaced)).toBe(original);
    const running = coffee();
    running.stockPoints[0].policy.reorderPoint = 5;
    expect(resultsOf(running)).not.toBe(original);
  });

  it('a variant that leaves one stock point alone, or no variant at all, leaves its policy in use', () => {
    const partial = coffee();
    partial.variants[1].policies = partial.variants[1].policies.filter((override: { product: string }) => override.product !== 'ground');
    const overridden = fieldsEveryVariantOverrides(partial);
    expect(overriddenAt(overridden, ['stockPoints', 4, 'policy'])).toBeNull();
    expect(overriddenAt(overridden, ['stockPoints', 3, 'policy'])).toEqual(VARIANTS);
    expect(fieldsEveryVariantOverrides({ ...coffee(), variants: [] }).size).toBe(0);
  });

  it('an override without node or product covers every stock point; a list of ids covers those it names', () => {
    const data: Record<string, any> = { stockPoints: [{ node: ['a', 'b'], product: 'x', policy: { type: 'baseStock', orderUpTo: 3 } }], variants: [{ id: 'v1', policies: [{ policy: { type: 'baseStock', orderUpTo: 4 } }] }, { id: 'v2', policies: [{ node: ['a'], policy: { type: 'baseStock', orderUpTo: 5 } }] }] };
    // v2 replaces the policy at a, not at b: the entry's value still runs at b
    expect(overriddenAt(fieldsEveryVariantOverrides(data), ['stockPoints', 0, 'policy'])).toBeNull();
    data.variants[1].policies[0].node = ['b', 'a'];
    expect(overriddenAt(fieldsEveryVariantOverrides(data), ['stockPoints', 0, 'policy'])).toEqual(['v1', 'v2']);
  });

  it("a field each variant sets (or sets a container of) is replaced; one only some set is not", () => {
    const data = coffee();
    data.variants[0].set = [{ path: '/stockPoints/0/issuing', value: 'fefo' }, { path: '/nodes/0/name', value: 'A' }];
    data.variants[1].set = [{ path: '/stockPoints/0', value: data.stockPoints[0] }];
    data.variants[2].set = [{ path: '/stockPoints/0/issuing', value: 'fifo' }];
    const overridden = fieldsEveryVariantOverrides(data);
    expect(overriddenAt(overridden, ['stockPoints', 0, 'issuing'])).toEqual(VARIANTS);
    expect(overriddenAt(overridden, ['nodes', 0, 'name'])).toBeNull();
  });

  it('the forms mark each replaced field with the variants, and the stock point table its policy cells', () => {
    const model = describeForm(coffee());
    if (!model.ok) throw new Error(model.reason);
    expect(findField(model.form, 'stockPoints[3].policy.reorderPoint')?.overriddenBy).toEqual(VARIANTS);
    expect(findField(model.form, 'stockPoints[0].policy.reorderPoint')?.overriddenBy).toBeUndefined();
    // the variants' own fields are what replaces, never marked
    expect(findField(model.form, 'variants[0].policies[0].policy.reorderPoint')?.overriddenBy).toBeUndefined();
    const table = describeTable('stockPoints', coffee(), editorStrings);
    expect(table?.rows[3].cells['policy.reorderPoint'].overridden).toBe(true);
    expect(table?.rows[3].cells['policy.reorderPoint'].hint).toContain('Generous (s, S)');
    expect(table?.rows[0].cells['policy.reorderPoint'].overridden).toBeUndefined();
  });
});
