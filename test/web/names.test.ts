import { describe, expect, it } from 'vitest';
import { policyTypes, forecastMethods } from '../../web/editor/schemaInfo.ts';
import { editorStrings } from '../../web/i18n/en/editor.ts';
import { fieldLabels, humanPath, issueLine, issueLocation, parameterLabel, policyParameterLabels, policyTypeLabel, policyTypeLabels } from '../../web/i18n/en/names.ts';

const scenario = {
  horizonDays: 365,
  products: [{ id: 'beans' }, { id: 'cups' }],
  nodes: [{ id: 'roaster' }, { id: 'warehouse' }, { id: 'shop' }],
  lanes: [{ from: 'roaster', to: 'warehouse' }],
  stockPoints: [
    { node: 'warehouse', product: 'beans', policy: { type: 'rQ', reorderPoint: 40, orderQuantity: 100 } },
    { node: 'warehouse', product: 'cups', policy: { type: 'rQ', reorderPoint: 40, orderQuantity: 100 } },
    { node: 'shop', product: 'cups', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } },
    { node: 'shop', product: 'beans', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 5 } },
  ],
  customers: [{ node: 'shop', initial: 100, churn: { onStockout: 2 } }],
  variants: [{ id: 'lean', name: 'Lean stock', policies: [{ node: 'shop', policy: { type: 'baseStock', level: 10 } }] }],
};

describe('names: the one dictionary of labels', () => {
  it('every policy type in the schema has a label', () => {
    for (const type of policyTypes.keys()) expect(policyTypeLabels, type).toHaveProperty(type);
    expect(Object.keys(policyTypeLabels).sort()).toEqual([...policyTypes.keys()].sort());
  });

  it('every parameter of every policy type in the schema (and of a forecast method) has a label', () => {
    const missing: string[] = [];
    for (const info of [...policyTypes.values(), ...forecastMethods.values()]) {
      for (const field of info.fields) if (parameterLabel(field.key) === field.key) missing.push(`${info.type}.${field.key}`);
    }
    expect(missing).toEqual([]);
  });

  it('an id without a label stays as it is', () => {
    expect(parameterLabel('reorderPoint')).toBe('Reorder point');
    expect(parameterLabel('noSuchParameter')).toBe('noSuchParameter');
    expect(policyTypeLabel('rQ')).toBe('(r, Q)');
    expect(policyTypeLabel('mystery')).toBe('mystery');
  });

  it('the editor forms take their policy and parameter labels from it (no second list)', () => {
    expect(editorStrings.forms.policies).toEqual(policyTypeLabels);
    for (const [key, label] of Object.entries(policyParameterLabels)) expect(editorStrings.forms.params[key]).toBe(label);
    expect(editorStrings.forms.fields.horizonDays).toBe(fieldLabels.horizonDays);
    expect(editorStrings.forms.fields.churnOnStockout).toBe(fieldLabels['churn.onStockout']);
  });
});

describe('humanPath: issue paths in words', () => {
  it('a stock point parameter names the stock point by node and product, 1-based', () => {
    expect(humanPath('stockPoints[3].policy.orderUpTo', scenario)).toBe('Stock point 4 (shop · beans) › Order-up-to level');
    expect(issueLocation('stockPoints[3].policy.orderUpTo', scenario)).toBe('Stock point 4 (shop · beans) › Order-up-to level (stockPoints[3].policy.orderUpTo)');
    expect(issueLine({ path: 'stockPoints[3].policy.orderUpTo', message: 'expected a number ≥ 0' }, scenario)).toBe(
      'Stock point 4 (shop · beans) › Order-up-to level (stockPoints[3].policy.orderUpTo): expected a number ≥ 0',
    );
  });

  it('scenario fields, nested fields, lanes, variants and their overrides', () => {
    expect(humanPath('horizonDays', scenario)).toBe('Horizon (days)');
    expect(humanPath('customers[0].churn.onStockout', scenario)).toBe('Customer base 1 (shop) › Leave after a stockout (probability)');
    expect(humanPath('lanes[0].leadTime', scenario)).toBe('Lane 1 (roaster → warehouse) › Lead time (days)');
    expect(humanPath('stockPoints[0].node', scenario)).toBe('Stock point 1 (warehouse · beans) › Node');
    expect(humanPath('stockPoints[0].policy.type', scenario)).toBe('Stock point 1 (warehouse · beans) › Policy');
    expect(humanPath('variants[0].policies[0].policy.level', scenario)).toBe('Variant 1 (Lean stock) › Policy override 1 (shop) › Base-stock level');
    expect(humanPath('stockPoints', scenario)).toBe('Stock points');
    expect(humanPath('stockPoints[0].policy.target.fillRate')).toBe('Stock point 1 › Service target › Fill rate target (0 to 1)');
  });

  it('without data (or past its end) items are named by number alone', () => {
    expect(humanPath('stockPoints[7].policy.reorderPoint')).toBe('Stock point 8 › Reorder point');
    expect(humanPath('stockPoints[7].policy.reorderPoint', scenario)).toBe('Stock point 8 › Reorder point');
  });

  it('unknown paths, and paths into no data, fall back to the raw path', () => {
    expect(humanPath('noSuchField.deeper[2]', scenario)).toBe('noSuchField.deeper[2]');
    expect(issueLocation('noSuchField', scenario)).toBe('noSuchField');
    expect(issueLocation('(file)', scenario)).toBe('(file)');
    expect(issueLocation('(scenario)', scenario)).toBe('(scenario)');
    expect(humanPath('stockPoints[3].policy.mystery', scenario)).toBe('Stock point 4 (shop · beans) › mystery');
  });
});
