import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonPath, parseJsonPath, valueAt, type JsonPath } from '../../web/editor/jsonPath.ts';
import { applyEditToData, applyEditToText, formatJson, issueRange, jsonErrorOffset, lineColumnAt, locatePath, parseJsonTree, type JsonEdit } from '../../web/editor/jsonText.ts';
import { repoRoot, scenarioFiles } from '../fixtures/scenario.ts';

/** Lines of `after` that are not lines of `before`, in order. */
function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

describe('JSON text with positions', () => {
  it('reads and writes issue paths', () => {
    expect(parseJsonPath('lanes[2].leadTime.mean')).toEqual(['lanes', 2, 'leadTime', 'mean']);
    expect(parseJsonPath('(scenario)')).toEqual([]);
    expect(parseJsonPath('(file)')).toBeNull();
    expect(parseJsonPath('a..b')).toBeNull();
    expect(parseJsonPath('.a')).toBeNull();
    expect(formatJsonPath(['stockPoints', 0, 'node', 1])).toBe('stockPoints[0].node[1]');
    expect(formatJsonPath([])).toBe('(scenario)');
  });

  it('finds the text of a value, or of the object that lacks it', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": null\n}';
    const root = parseJsonTree(text)!;
    const b = locatePath(root, ['a', 1, 'b']);
    expect(b.found).toBe(true);
    expect(text.slice(b.node.start, b.node.end)).toBe('"x\\"y"');
    const missing = locatePath(root, ['a', 1, 'z']);
    expect(missing.found).toBe(false);
    expect(text.slice(missing.node.start, missing.node.end)).toBe('{"b": "x\\"y"}');
  });

  it('says where invalid JSON stops, as line and column', () => {
    const text = '{\n  "a": 1,\n  b: 2\n}';
    expect(parseJsonTree(text)).toBeNull();
    expect(lineColumnAt(text, jsonErrorOffset(text)!)).toEqual({ line: 3, column: 3 });
    expect(jsonErrorOffset('{"a": 1}')).toBeNull();
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
  });

  it('places problems: an unknown field on its name, a missing one on its object, a syntax error on its character', () => {
    const text = '{\n  "products": [\n    { "id": "a", "holdingcost": { "annualRate": 0.3 } }\n  ]\n}';
    const root = parseJsonTree(text);
    const unknown = issueRange(text, root, { path: 'products[0]', message: 'unknown field "holdingcost" (field names are case-sensitive)' })!;
    expect(text.slice(unknown.start, unknown.end)).toBe('"holdingcost": { "annualRate": 0.3 }');
    const missing = issueRange(text, root, { path: 'products[0].unitCost', message: 'expected a number, got nothing' })!;
    expect(lineColumnAt(text, missing.start)).toEqual({ line: 3, column: 5 });
    const broken = '{\n  "a": 1,\n}';
    const syntax = issueRange(broken, null, { path: '(file)', message: 'not valid JSON at line 3, column 1: Expected double-quoted property name' })!;
    expect(lineColumnAt(broken, syntax.start)).toEqual({ line: 3, column: 1 });
    // a browser whose message has no position: the reader finds it
    const plain = issueRange(broken, null, { path: '(file)', message: 'not valid JSON: JSON Parse error' })!;
    expect(lineColumnAt(broken, plain.start)).toEqual({ line: 3, column: 1 });
  });

  it('formats new values as the gallery is written: small objects on one line', () => {
    expect(formatJson({ type: 'normal', mean: 3, sd: 1 })).toBe('{ "type": "normal", "mean": 3, "sd": 1 }');
    expect(formatJson([])).toBe('[]');
    expect(formatJson({ a: 'x'.repeat(60), b: 'y'.repeat(60) })).toBe(`{\n  "a": "${'x'.repeat(60)}",\n  "b": "${'y'.repeat(60)}"\n}`);
  });
});

describe('editing JSON text keeps its layout', () => {
  const text = ['{', '  "name": "x",', '  "list": [1, 2, 3],', '  "rows": [', '    { "a": 1, "b": 2 },', '    { "a": 3 }', '  ],', '  "empty": {}', '}'].join('\n');
  const edit = (e: JsonEdit) => applyEditToText(text, e);

  it('replaces one value in place', () => {
    expect(edit({ op: 'set', path: ['rows', 0, 'b'], value: 5 })).toBe(text.replace('"b": 2', '"b": 5'));
  });

  it('adds a member after the last one, on the same line or a new line as the object is written', () => {
    expect(edit({ op: 'set', path: ['rows', 1, 'c'], value: true })).toBe(text.replace('{ "a": 3 }', '{ "a": 3, "c": true }'));
    expect(edit({ op: 'set', path: ['extra'], value: { k: 1 } })).toBe(text.replace('"empty": {}\n}', '"empty": {},\n  "extra": { "k": 1 }\n}'));
    expect(edit({ op: 'set', path: ['empty', 'k'], value: 1 })).toBe(text.replace('"empty": {}', '"empty": { "k": 1 }'));
  });

  it('appends items, on the same line or a new line as the array is written', () => {
    expect(edit({ op: 'set', path: ['list', 3], value: 4 })).toBe(text.replace('[1, 2, 3]', '[1, 2, 3, 4]'));
    expect(edit({ op: 'set', path: ['rows', 2], value: { a: 9 } })).toBe(text.replace('{ "a": 3 }\n', '{ "a": 3 },\n    { "a": 9 }\n'));
  });

  it('removes a member or an item with its comma', () => {
    expect(edit({ op: 'delete', path: ['rows', 0, 'a'] })).toBe(text.replace('{ "a": 1, "b": 2 }', '{ "b": 2 }'));
    expect(edit({ op: 'delete', path: ['rows', 0, 'b'] })).toBe(text.replace('{ "a": 1, "b": 2 }', '{ "a": 1 }'));
    expect(edit({ op: 'delete', path: ['rows', 1, 'a'] })).toBe(text.replace('{ "a": 3 }', '{}'));
    expect(edit({ op: 'delete', path: ['rows', 0] })).toBe(text.replace('    { "a": 1, "b": 2 },\n', ''));
    expect(edit({ op: 'delete', path: ['empty'] })).toBe(text.replace(',\n  "empty": {}', ''));
    expect(edit({ op: 'delete', path: ['nothing', 'here'] })).toBe(text);
  });

  it('creates the objects on the way to a new value', () => {
    expect(JSON.parse(edit({ op: 'set', path: ['rows', 1, 'churn', 'onStockout'], value: 0.2 })).rows[1]).toEqual({ a: 3, churn: { onStockout: 0.2 } });
    expect(JSON.parse(edit({ op: 'set', path: ['name', 'first'], value: 'y' })).name).toEqual({ first: 'y' });
  });

  it('gives the same data as the edit applied to the data, for edits all over every gallery scenario', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    for (const file of scenarioFiles()) {
      const source = readFileSync(join(repoRoot, file), 'utf8');
      const data = JSON.parse(source);
      const paths: JsonPath[] = [];
      const walk = (value: unknown, path: JsonPath) => {
        paths.push(path);
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      };
      walk(data, []);
      for (let n = 0; n < 60; n++) {
        const path = paths[1 + random(paths.length - 1)];
        const value = [42, 'text', { type: 'constant', value: 1 }, [1, 2], null][random(5)];
        const container = valueAt(data, path.slice(0, -1));
        const edits: JsonEdit[] = [
          { op: 'set', path, value },
          { op: 'delete', path },
          { op: 'set', path: [...path.slice(0, -1), Array.isArray(container) ? container.length : 'newField'], value },
        ];
        for (const e of edits) {
          const after = applyEditToText(source, e);
          expect(JSON.parse(after), `${file} ${e.op} ${formatJsonPath(e.path)}`).toEqual(applyEditToData(data, e));
          // only the lines around the edit change
          if (e.op === 'set') expect(changedLines(source, after).length, `${file} ${formatJsonPath(e.path)}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it('never changes the data it is given', () => {
    const data = { a: [1, { b: 2 }] };
    applyEditToData(data, { op: 'set', path: ['a', 1, 'b'], value: 3 });
    applyEditToData(data, { op: 'delete', path: ['a', 0] });
    expect(data).toEqual({ a: [1, { b: 2 }] });
  });
});
