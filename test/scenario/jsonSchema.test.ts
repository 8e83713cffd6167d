import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { JSON_SCHEMA_PATH, scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { schemaFileText } from '../../scripts/schemaFile.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { loadScenarioFile, repoRoot, scenarioFiles } from '../fixtures/scenario.ts';

const committed = readFileSync(join(repoRoot, JSON_SCHEMA_PATH), 'utf8');
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(committed));
const jsonOf = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

describe('the JSON Schema of the scenario format (schema/scenario.schema.json)', () => {
  it('is the file `npm run schema` writes from the zod schema: the two cannot drift apart', () => {
    expect(committed, 'run `npm run schema` after changing src/scenario/schema.ts').toBe(schemaFileText());
  });

  it('names its definitions after the zod schemas, so it stays small', () => {
    const defs = Object.keys(scenarioJsonSchema().$defs as object);
    expect(defs).toEqual(expect.arrayContaining(['Distribution', 'Policy', 'Product', 'StockPoint', 'Demand', 'Variant']));
    expect(committed.length).toBeLessThan(100_000);
  });

  it("describes each field with its comment in src/scenario/schema.ts, for an editor's hover", () => {
    const defs = JSON.parse(committed).$defs;
    expect(defs.StockPoint.properties.casePack.description).toBe('orders are rounded up to a multiple of this (default 1: no rounding)');
    // the comment of the literal holding the field: a lane's id, not a product's
    expect(defs.Lane.properties.id.description).toBe('defaults to "from->to"');
    expect(defs.Product.properties.id.description).toBeUndefined();
    // a union's member by its type: exponential's comment is not poisson's, though both have { type, mean }
    const distribution = (type: string) => defs.Distribution.oneOf.find((member: any) => member.properties.type.const === type);
    expect(distribution('exponential').description).toMatch(/^times between Poisson events/);
    expect(distribution('poisson').description).toBeUndefined();
    // a shape spread into each demand type
    for (const member of defs.Demand.oneOf) expect(member.properties.trendPerYear.description).toMatch(/^linear growth of the rate per 365 days/);
    expect(defs.Id.description).toMatch(/^Ids name things/);
  });

  it.each(scenarioFiles())('accepts %s, which points at it with "$schema"', (path) => {
    const data = jsonOf(path);
    expect(typeof data.$schema).toBe('string');
    // the relative path works from the file's own folder (scenarios/, scenarios/theory/, ...)
    expect(resolve(repoRoot, dirname(path), data.$schema as string)).toBe(resolve(repoRoot, JSON_SCHEMA_PATH));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });
});

/** A gallery scenario with one structural mistake each: what JSON Schema can express. */
const BROKEN: [string, (data: any) => void][] = [
  ['a number written as text', (d) => (d.horizonDays = '365')],
  ['an unknown top-level field (a typo)', (d) => (d.horizon = 365)],
  ['an unknown field in a product', (d) => (d.products[0].unitcost = 3)],
  ['an unknown field in a policy', (d) => (d.stockPoints[0].policy.reorderpoint = 5)],
  ['a missing required field (products)', (d) => delete d.products],
  ['a missing required field (a node without its type)', (d) => delete d.nodes[0].type],
  ['a missing required field (a policy parameter)', (d) => delete d.stockPoints[0].policy.orderQuantity],
  ['a value outside its enum (unmetDemand)', (d) => (d.products[0].unmetDemand = 'lose')],
  ['an unknown policy type', (d) => (d.stockPoints[0].policy.type = 'minMax')],
  ['an unknown distribution type', (d) => (d.demand[0].quantity = { type: 'poison', mean: 3 })],
  ['an unknown KPI in the headline', (d) => (d.headline = ['fillrate'])],
  ['an id with a space', (d) => (d.nodes[0].id = 'dc west')],
  ['a negative warm-up', (d) => (d.warmupDays = -1)],
  ['a fractional number of replications', (d) => (d.replications = 2.5)],
  ['no replications', (d) => (d.replications = 0)],
  ['a probability above 1', (d) => (d.customers[0].churn.onStockout = 1.5)],
  ['another format version', (d) => (d.version = 2)],
  ['an object where a list belongs', (d) => (d.nodes = {})],
  ['a list where an object belongs', (d) => (d.output = [])],
  ['$schema that is not text', (d) => (d.$schema = 1)],
];

describe('the JSON Schema rejects what zod rejects, on structural mistakes', () => {
  const base = jsonOf('scenarios/04-coffee-brand.json');
  it('starts from a scenario both accept', () => {
    expect(validate(base)).toBe(true);
    expect(parseScenario(structuredClone(base)).ok).toBe(true);
  });

  it.each(BROKEN)('%s', (_, breakIt) => {
    const data = structuredClone(base);
    breakIt(data);
    expect(parseScenario(structuredClone(data)).ok, 'zod').toBe(false);
    expect(validate(data), 'JSON Schema').toBe(false);
  });

  it('leaves the rules across fields to `stocklab validate`: an unknown node, a maximum below its minimum', () => {
    const unknownNode = structuredClone(base) as any;
    unknownNode.stockPoints[0].node = 'nowhere';
    const maxBelowMin = structuredClone(base) as any;
    maxBelowMin.demand[0].quantity = { type: 'uniform', min: 5, max: 1 };
    for (const data of [unknownNode, maxBelowMin]) {
      expect(validate(data)).toBe(true);
      expect(parseScenario(data).ok).toBe(false);
    }
  });
});

describe('"$schema" in a scenario', () => {
  it('is accepted as text and changes no result: the same run with or without it', () => {
    const loaded = loadScenarioFile('scenarios/01-newsvendor.json');
    if (!loaded.ok) throw new Error(loaded.issues[0].message);
    expect(loaded.scenario.$schema).toBe('../schema/scenario.schema.json');
    const { $schema, ...without } = loaded.scenario;
    expect($schema).toBeDefined();
    const short = { horizonDays: 30, warmupDays: 0 };
    expect(JSON.stringify(runReplication({ ...without, ...short }, 1, 0))).toBe(JSON.stringify(runReplication({ ...loaded.scenario, ...short }, 1, 0)));
  });

  it('is reported at its field when it is not text', () => {
    const data = jsonOf('scenarios/01-newsvendor.json');
    data.$schema = 7;
    const parsed = parseScenario(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.path)).toEqual(['$schema']);
  });
});
