import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/scenario/parse.ts';
import { INPUT_LIMITS } from '../../src/scenario/inputLimits.ts';
import { describeValue } from '../../src/scenario/issues.ts';
import { prototypeSnapshot } from '../fixtures/prototypes.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/** scenarios/04-coffee-brand.json (the default scenario, two variants) as fresh data */
const coffee = () => JSON.parse(readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8')) as Record<string, unknown> & { variants: unknown[] };

function problems(input: unknown) {
  const result = parseScenario(input);
  if (result.ok) throw new Error('parsed without problems');
  return result.issues;
}

const before = prototypeSnapshot();
afterEach(() => expect(prototypeSnapshot()).toEqual(before));

describe('prototype pollution: untrusted paths and fields never reach a prototype', () => {
  it("refuses a variant's set path through __proto__ at the path, and Object.prototype stays clean", () => {
    const scenario = coffee();
    scenario.variants.push({ id: 'p', set: [{ path: '/__proto__/polluted', value: 1 }] });
    expect(problems(scenario)).toEqual([
      { path: 'variants[3].set[0].path', message: 'a path may not go through "__proto__" (the name is reserved by JavaScript, and no scenario field uses it)' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses /__proto__/toString, which used to validate and run', () => {
    const scenario = coffee();
    scenario.variants.push({ id: 'p', set: [{ path: '/__proto__/toString', value: 1 }] });
    expect(problems(scenario).map((issue) => issue.path)).toEqual(['variants[3].set[0].path']);
    expect(typeof Object.prototype.toString).toBe('function');
  });

  it('refuses paths through constructor and prototype, never printing a function', () => {
    for (const path of ['/constructor/name', '/nodes/0/constructor/prototype/x', '/products/prototype']) {
      const scenario = coffee();
      scenario.variants.push({ id: 'p', set: [{ path, value: 1 }] });
      const issues = problems(scenario);
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe('variants[3].set[0].path');
      expect(issues[0].message).not.toMatch(/native code|function/);
    }
  });

  it('walks own fields only: an inherited name is "has no", not a step into Object.prototype', () => {
    const scenario = coffee();
    scenario.variants.push({ id: 'p', set: [{ path: '/nodes/0/hasOwnProperty/x', value: 1 }] });
    expect(problems(scenario)).toEqual([{ path: 'variants[3].set[0].path', message: '/nodes/0 has no "hasOwnProperty"' }]);
  });

  it('refuses a "__proto__" field in JSON text (JSON.parse keeps it as a field) at its path', () => {
    const text = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8').replace('"nodes": [', '"nodes": [{"__proto__": {"polluted": 1}, "id": "x", "type": "store"},');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['nodes[0].__proto__']);
  });

  it('refuses reserved names as record keys (damagePerDay by storage class)', () => {
    const scenario = coffee();
    const products = scenario.products as Array<Record<string, unknown>>;
    products[0].damagePerDay = JSON.parse('{"__proto__": 0.1}');
    expect(problems(scenario).map((issue) => issue.path)).toEqual(['products[0].damagePerDay.__proto__']);
  });
});

describe('size and depth: refused up front, in words, never a stack overflow', () => {
  it('refuses a name of 6,000 nested lists at the name, within the depth limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 6000; i++) deep = [deep];
    const issues = problems({ ...coffee(), name: deep });
    expect(issues).toHaveLength(1);
    expect(issues[0].path.startsWith('name[0]')).toBe(true);
    expect(issues[0].message).toBe(`nested more than ${INPUT_LIMITS.maxDepth} levels deep (lists or objects inside one another); no scenario field needs more`);
  });

  it('refuses deep nesting inside a variant set value too (it would be copied recursively)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const scenario = coffee();
    scenario.variants.push({ id: 'deep', set: [{ path: '/nodes/0/name', value: deep }] });
    const issues = problems(scenario);
    expect(issues).toHaveLength(1);
    expect(issues[0].path.startsWith('variants[3].set[0].value.a')).toBe(true);
  });

  it('walks a history of 2 million values in place, and places a bad value at its index', () => {
    const scenario = coffee();
    const series = Array.from({ length: 2_000_000 }, (_, i) => i % 7);
    series[1_234_567] = Infinity;
    (scenario.demand as unknown[]).push({ type: 'history', node: 'shop', product: 'beans', series });
    expect(problems(scenario)).toEqual([{ path: `demand[${(scenario.demand as unknown[]).length - 1}].series[1234567]`, message: 'expected a finite number, got one too large to hold (beyond 1.8e308 in size, such as 1e400)' }]);
  });

  it("refuses more variants' set changes than can be checked in a few seconds, at variants, before checking any", () => {
    const scenario = coffee();
    (scenario.demand as unknown[])[0] = { type: 'history', node: 'shop', product: 'beans', series: Array.from({ length: 100_000 }, () => 3) };
    expect(parseScenario(scenario).ok).toBe(true);
    for (let i = 0; i < 200; i++) scenario.variants.push({ id: `v${i}`, set: [{ path: '/stockPoints/0/initialOnHand', value: i }] });
    const started = performance.now();
    const issues = problems(scenario);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('variants');
    expect(issues[0].message).toMatch(/^200 variants change the scenario with "set", and each is checked as a whole scenario of [\d,]+ values: [\d,]+ values in all, more than the 10,000,000 Stocklab checks; keep at most 98 such variants, or express them as policy overrides/);
  });

  it('refuses a cyclic object from a library caller instead of looping', () => {
    const scenario = coffee();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    scenario.name = loop as unknown as string;
    expect(problems(scenario)[0].message).toMatch(/nested more than 32 levels/);
  });

  it('refuses a 5 MB id at its field, quoting no more than a few dozen characters of it', () => {
    const scenario = coffee();
    const nodes = scenario.nodes as Array<Record<string, unknown>>;
    nodes[0].id = 'x'.repeat(5_000_000);
    const issues = problems(scenario);
    expect(issues).toEqual([{ path: 'nodes[0].id', message: 'expected a text of at most 10,000 characters, got one of 5,000,000' }]);
  });

  it('refuses an id over 200 characters, and an unknown id lists at most ten known ones', () => {
    const scenario = coffee();
    const nodes = scenario.nodes as Array<Record<string, unknown>>;
    nodes[0].id = 'x'.repeat(201);
    expect(problems(scenario).find((issue) => issue.path === 'nodes[0].id')?.message).toMatch(/^expected an id of at most 200 characters, got "x+…"$/);

    const many = coffee();
    (many.nodes as unknown[]).push(...Array.from({ length: 30 }, (_, i) => ({ id: `extra-${i}`, type: 'store' })));
    (many.lanes as Array<Record<string, unknown>>)[0].from = 'nowhere';
    const lane = problems(many).find((issue) => issue.path === 'lanes[0].from')!;
    expect(lane.message).toMatch(/^unknown node "nowhere" \(known: roaster, warehouse, shop, extra-0, .*, extra-6 and 23 more\)$/);
  });

  it('refuses scenario text beyond the size limit before parsing it', () => {
    const tooLong = ' '.repeat(INPUT_LIMITS.maxTextChars + 1);
    const result = parseScenarioText(tooLong);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: '(file)', message: 'the scenario text is 200 MB; Stocklab reads scenarios of at most 200 MB' }]);
  });

  it('refuses what is not JSON data (a library caller passing functions or class instances)', () => {
    const issues = problems({ ...coffee(), name: () => 1, description: new Date(0) });
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['name', 'expected JSON data (text, a number, true or false, null, a list or an object), got a function (not JSON data)'],
      ['description', 'expected JSON data (a plain object), got a Date object (not JSON data)'],
    ]);
  });
});

describe('messages: finite and whole-number wording, bounded values', () => {
  it('says 1e400 is too large to hold, not "got null"', () => {
    const text = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8').replace(/"horizonDays": \d+/, '"horizonDays": 1e400');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: 'horizonDays', message: 'expected a finite number, got one too large to hold (beyond 1.8e308 in size, such as 1e400)' }]);
  });

  it('says "a whole number", never "a int"', () => {
    const issues = problems({ ...coffee(), replications: 2.5 });
    expect(issues).toEqual([{ path: 'replications', message: 'expected a whole number, got 2.5' }]);
  });

  it('describes any value in at most 60 characters, whatever its size or depth', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('[[[…]]]');
    const large = describeValue({ a: 1, b: [1, 2, 3, 4, 5], c: 'x'.repeat(1000) });
    expect(large).toMatch(/^\{"a":1,"b":\[1,2,3,4,…\],"c":"x+…$/);
    expect(large).toHaveLength(60);
    expect(describeValue(Infinity)).toBe('a number too large to hold');
    expect(describeValue('\u001b[31mred')).toBe('"\\u001b[31mred"');
    // beyond what JSON escapes: a C1 control that starts a terminal command, a direction override
    expect(describeValue('\u009b2J\u202Eevil')).toBe('"\\u009b2J\\u202eevil"');
  });

  it('quotes an unknown field named with control characters escaped and cut short', () => {
    const scenario = coffee();
    scenario[`\u001b[2J${'k'.repeat(500)}`] = 1;
    const [issue] = problems(scenario);
    expect(issue.message).toMatch(/^unknown field "\\u001b\[2Jk+…" \(field names/);
    expect(issue.message.length).toBeLessThan(200);
    expect(issue.path.length).toBeLessThanOrEqual(60);
  });

  it('refuses control characters in names (terminal commands), allowing new lines and tabs in descriptions', () => {
    expect(problems({ ...coffee(), name: 'Coffee\u001b[2J' })).toEqual([
      { path: 'name', message: 'expected text without control characters; found U+001B at character 7, got "Coffee\\u001b[2J"' },
    ]);
    expect(parseScenario({ ...coffee(), description: 'Two lines\nand\ta tab' }).ok).toBe(true);
    expect(problems({ ...coffee(), description: 'bell\u0007' })[0].path).toBe('description');
  });

  it('refuses half of a character pair (a lone surrogate), which no file or link can carry unchanged', () => {
    expect(problems({ ...coffee(), name: 'caf\ud800' })).toEqual([
      { path: 'name', message: 'expected text of whole characters; found half of a character pair (U+D800, a broken \\ud800 escape) at character 4' },
    ]);
  });

  it('places a problem under a field whose name would not read back as a path at that field\'s parent, naming it', () => {
    const scenario = coffee();
    scenario['a.b['] = 1;
    scenario['x'.repeat(100)] = 1;
    expect(problems(scenario)[0]).toEqual({ path: '(scenario)', message: 'unknown fields "a.b[", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)' });
    expect(problems({ ...coffee(), 'a.b': 'caf\ud800' })).toEqual([{ path: '(scenario)', message: 'field "a.b": expected text of whole characters; found half of a character pair (U+D800, a broken \\ud800 escape) at character 4' }]);
  });
});
