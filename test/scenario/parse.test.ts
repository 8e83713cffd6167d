import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenarioText, type ParseOptions } from '../../src/scenario/parse.ts';
import { loadScenarioFile, repoRoot, scenarioFiles } from '../fixtures/scenario.ts';

/** CSV files the fixtures refer to, served from memory; any other path fails as a missing file would. */
const files: Record<string, string> = {
  'bad-value.csv': 'day,demand\n1,4\n2,5\n3,n/a\n4,6\n',
};
const readFile: ParseOptions['readFile'] = (path) => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return text;
};

/** test/fixtures/minimal.json, the valid scenario every invalid fixture starts from, as fresh data */
const minimal = () => JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));

/** The messages a fixture in test/fixtures/invalid/ gives, as the CLI prints them. */
function messages(name: string): string[] {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'invalid', `${name}.json`), 'utf8');
  const result = parseScenarioText(text, { readFile });
  if (result.ok) throw new Error(`fixture ${name} parsed without problems`);
  return formatIssues('fixture.json', result.issues);
}

describe('invalid scenarios: each problem at its field, with the value and what is allowed', () => {
  it('rejects a lead time whose normal mean is negative', () => {
    expect(messages('negative-lead-time-mean')).toMatchInlineSnapshot(`
      [
        "fixture.json: lanes[0].leadTime.mean: lead time cannot be negative; expected a mean >= 0, got -2",
      ]
    `);
  });

  it('rejects an unknown distribution type and lists the known ones', () => {
    expect(messages('unknown-distribution')).toMatchInlineSnapshot(`
      [
        "fixture.json: lanes[0].leadTime.type: expected type to be one of constant, uniform, discreteUniform, normal, lognormal, gamma, exponential, poisson, negativeBinomial, triangular, empirical, intermittent, got "weibull"",
      ]
    `);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(messages('unknown-field')).toMatchInlineSnapshot(`
      [
        "fixture.json: (scenario): unknown field "warmUpDays" (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)",
      ]
    `);
  });

  it('rejects a lane to an unknown node and lists the known nodes', () => {
    expect(messages('lane-to-unknown-node')).toMatchInlineSnapshot(`
      [
        "fixture.json: lanes[1].to: unknown node "dc-west" (known: supplier, store)",
      ]
    `);
  });

  it('rejects a stock point for an unknown product', () => {
    expect(messages('stock-point-unknown-product')).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[1].product: unknown product "gadget" (known: widget)",
      ]
    `);
  });

  it('asks which source to use when a node has several inbound lanes', () => {
    expect(messages('ambiguous-source')).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].source: node "store" has several inbound lanes (from supplier, supplier-b); say which one it orders from",
      ]
    `);
  });

  it('rejects sourcing that loops', () => {
    expect(messages('sourcing-loop')).toMatchInlineSnapshot(`
      [
        "fixture.json: stockPoints[0].source: sourcing of widget loops: dc-a -> dc-b -> dc-a",
        "fixture.json: stockPoints[1].source: sourcing of widget loops: dc-b -> dc-a -> dc-b",
      ]
    `);
  });

  it('rejects demand where no stock point holds the product', () => {
    expect(messages('demand-without-stock-point')).toMatchInlineSnapshot(`
      [
        "fixture.json: demand[1]: demand for gadget at "store" needs a stock point store/gadget",
      ]
    `);
  });

  it('rejects a warm-up that is not shorter than the horizon', () => {
    expect(messages('warmup-not-shorter-than-horizon')).toMatchInlineSnapshot(`
      [
        "fixture.json: warmupDays: expected a warm-up shorter than horizonDays (365), got 365",
      ]
    `);
  });

  it('rejects a variant override that matches no stock point', () => {
    expect(messages('variant-matches-nothing')).toMatchInlineSnapshot(`
      [
        "fixture.json: variants[0].policies[0]: this override matches no stock point",
      ]
    `);
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(messages('syntax-error')).toMatchInlineSnapshot(`
      [
        "fixture.json: (file): not valid JSON at line 5, column 3: Expected ',' or '}' after property value",
      ]
    `);
  });

  it('reports a missing required field', () => {
    expect(messages('missing-required-field')).toMatchInlineSnapshot(`
      [
        "fixture.json: horizonDays: expected a number, got nothing (the field is required)",
      ]
    `);
  });

  it('reports a CSV history file that cannot be read', () => {
    expect(messages('history-missing-file')).toMatchInlineSnapshot(`
      [
        "fixture.json: demand[0].series.csv: cannot read "missing.csv": ENOENT: no such file or directory, open 'missing.csv'",
      ]
    `);
  });

  it('reports a CSV history value that is not a number, with its row', () => {
    expect(messages('history-bad-value')).toMatchInlineSnapshot(`
      [
        "fixture.json: demand[0].series.csv: bad-value.csv: row 4, column "demand": expected a number, got "n/a"",
      ]
    `);
  });

  it('reports a CSV history as a problem where no file can be read (the browser)', () => {
    const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'invalid', 'history-bad-value.json'), 'utf8');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatIssues('fixture.json', result.issues)).toMatchInlineSnapshot(`
      [
        "fixture.json: demand[0].series.csv: cannot read "bad-value.csv" here; paste the daily values into "series" as a list of numbers",
      ]
    `);
  });

  it('reports every schema problem at once: three problems give three messages', () => {
    const found = messages('three-problems');
    expect(found).toHaveLength(3);
    expect(found).toMatchInlineSnapshot(`
      [
        "fixture.json: products[0].unitCost: expected a number >= 0, got -10",
        "fixture.json: lanes[0].leadTime: unknown field "sd" (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)",
        "fixture.json: stockPoints[0].policy.orderUpTo: expected orderUpTo > reorderPoint",
      ]
    `);
  });

  it('reports every reference problem at once: three problems give three messages', () => {
    const found = messages('three-reference-problems');
    expect(found).toHaveLength(3);
    expect(found).toMatchInlineSnapshot(`
      [
        "fixture.json: warmupDays: expected a warm-up shorter than horizonDays (365), got 400",
        "fixture.json: lanes[1].to: unknown node "dc-west" (known: supplier, store)",
        "fixture.json: demand[0].product: unknown product "gizmo" (known: widget)",
      ]
    `);
  });
});

describe('a valid scenario', () => {
  it('parses, with the documented defaults filled in', () => {
    const result = parseScenarioText(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
    if (!result.ok) throw new Error(formatIssues('minimal.json', result.issues).join('\n'));
    expect(result.scenario).toMatchObject({ warmupDays: 0, replications: 10, seed: 1, shortageShipping: 'partial', variants: [], customers: [] });
    expect(result.scenario.products[0]).toMatchObject({ unmetDemand: 'lost', stockoutPenalty: 0, orderingCost: 0 });
  });
});

describe('lane references', () => {
  it('accepts a lane by its default id "from->to" in a lead-time disruption', () => {
    const scenario = minimal();
    scenario.disruptions = [
      { type: 'leadTimeMultiplier', lanes: ['supplier->store'], multiplier: 2, occurrence: { type: 'scheduled', start: 10, end: 20 } },
    ];
    const result = parseScenarioText(JSON.stringify(scenario));
    expect(result.ok ? [] : formatIssues('fixture.json', result.issues)).toEqual([]);
  });

  it('rejects a second lane between the same two nodes, which no stock point could tell apart', () => {
    const scenario = minimal();
    scenario.lanes.push({ ...scenario.lanes[0], id: 'express', leadTime: { type: 'constant', value: 1 } });
    const result = parseScenarioText(JSON.stringify(scenario));
    expect(result.ok ? [] : formatIssues('fixture.json', result.issues)).toMatchInlineSnapshot(`
      [
        "fixture.json: lanes[1]: a second lane from "supplier" to "store"; a stock point could not tell them apart (use one lane)",
      ]
    `);
  });

  it('rejects an unknown lane in a lead-time disruption and lists the known lanes', () => {
    const scenario = minimal();
    scenario.lanes[0].id = 'inbound';
    scenario.disruptions = [{ type: 'leadTimeMultiplier', lanes: ['outbound'], multiplier: 2, occurrence: { type: 'scheduled', start: 10, end: 20 } }];
    const result = parseScenarioText(JSON.stringify(scenario));
    expect(result.ok ? [] : formatIssues('fixture.json', result.issues)).toMatchInlineSnapshot(`
      [
        "fixture.json: disruptions[0].lanes[0]: unknown lane "outbound" (known: inbound)",
      ]
    `);
  });
});

describe('the scenarios shipped in scenarios/', () => {
  // read now (not when the tests run) so each file gets its own test; scenarioFiles throws on too few
  it.each(scenarioFiles())('%s parses and has a description', (path) => {
    const result = loadScenarioFile(path);
    if (!result.ok) throw new Error(formatIssues(path, result.issues).join('\n'));
    expect(result.scenario.description?.trim()).toBeTruthy();
  });
});
