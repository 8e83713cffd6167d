/**
 * Hostile and broken input, generated (issue 12, "Keep it so"): mutations of every gallery scenario
 * (values replaced by wrong types, huge or non-finite numbers, hostile texts, nesting thousands deep,
 * reserved field names, fields deleted or added, variant `set` paths through `__proto__`), hostile
 * texts in every text field, and damaged share links. Every case must end in a result or in problems
 * each placed at a path with a bounded message, within a time bound, never a throw; no case may
 * change a built-in prototype. A sample goes through the CLI: exit 2 and "file: path: message" lines,
 * never a stack trace.
 *
 * Sized for `npm test` (a few hundred cases, seconds); `npm run fuzz -- --runs N` for more.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText, type ParseResult } from '../../src/scenario/parse.ts';
import { parseJsonPath } from '../../web/editor/jsonPath.ts';
import { decodeScenarioFromUrl, encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { prototypeSnapshot } from '../fixtures/prototypes.ts';
import { repoRoot, scenarioFiles } from '../fixtures/scenario.ts';
import { FUZZ_SEED, fuzzRuns, LONG_RUN } from './fuzzSettings.ts';

/** A hang is what this bounds, not speed: the slowest valid gallery parse takes well under a second. */
const TIME_BOUND_MS = 10_000;
/** The longest message a problem may have: one sentence with a value cut to 60 characters. */
const MAX_MESSAGE_CHARS = 600;

const gallery = scenarioFiles().map((file) => ({ file, text: readFileSync(join(repoRoot, file), 'utf8') }));
const readerFor = (file: string) => (path: string) => readFileSync(join(repoRoot, dirname(file), path), 'utf8');
const prototypesBefore = prototypeSnapshot();

// ------------------------------------------------------------------------------------------------
// what a mutation writes: JSON text fragments, so non-finite numbers and deep nesting can be written

const nested = (open: string, inner: string, close: string) => (depth: number) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const hostileText = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '<img src=x onerror="globalThis.hacked=1">',
  '<script>globalThis.hacked=1</script>',
  '\u001b[2J\u001b]0;owned\u0007',
  '\u202Eevil\u202C',
  '"; process.exit(1); //',
  '${globalThis.hacked=1}',
  '../../../../etc/passwd',
  '',
  ' ',
  'x'.repeat(20_000),
  'é'.repeat(300),
  '\ud800',
);

const fragment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1e400', '-1e400', '1e308', '-1e308', '1e15', '1e9', '-1', '0', '-0', '0.5', '1e-320', '9007199254740993', '123456789012345678901234567890'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.integer().map(String),
  hostileText.map((text) => JSON.stringify(text)),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => JSON.stringify(text)),
  fc.integer({ min: 20, max: 8000 }).map(nested('[', '1', ']')),
  fc.integer({ min: 20, max: 8000 }).map(nested('{"a":', '1', '}')),
  fc.constantFrom(
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"prototype":1}',
    'null',
    'true',
    '[]',
    '{}',
    '[null]',
    `[${Array.from({ length: 5000 }, (_, i) => i).join(',')}]`,
  ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
);

const pointer = fc.oneof(
  fc.constantFrom(
    '/__proto__/polluted',
    '/__proto__/toString',
    '/constructor/prototype/polluted',
    '/nodes/0/__proto__/polluted',
    '/nodes/__proto__',
    '/products/0/constructor',
    '/stockPoints/0/policy/__proto__',
    '/seed',
    '/nodes/99/id',
    '/',
    '//',
    '/nodes/0/id',
    '/stockPoints/0/policy',
    '/nodes/-1/id',
    '/nodes/01/id',
  ),
  fc
    .array(fc.oneof(fc.constantFrom('nodes', 'products', 'stockPoints', '0', '1', 'policy', '__proto__', 'constructor', 'prototype', 'id', '~1', '~0', ''), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 5 })
    .map((tokens) => `/${tokens.join('/')}`),
);

type Mutation =
  | { kind: 'replace'; at: number; value: string }
  | { kind: 'delete'; at: number }
  | { kind: 'addField'; at: number; key: string; value: string }
  | { kind: 'variantSet'; path: string; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fragment }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('addField' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted'), fc.string({ maxLength: 10 })), value: fragment }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('variantSet' as const), path: pointer, value: fragment }) },
);

/** Every path to a value in `data`, parents before children. */
function pathsOf(data: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
  }
  return paths;
}

/**
 * Applies the mutations to the scenario's data and writes it as text, each new value's fragment put
 * in verbatim (so `1e400` and 8,000 levels of nesting reach the parser as a file would carry them).
 */
function mutatedText(text: string, mutations: ReadonlyArray<Mutation>): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  const fragments: string[] = [];
  const marker = (value: string) => `@@fragment-${fragments.push(value) - 1}@@`;
  for (const change of mutations) {
    if (change.kind === 'variantSet') {
      const variants = Array.isArray(data.variants) ? data.variants : (data.variants = []);
      (variants as unknown[]).push({ id: `fuzz-${variants.length}`, set: [{ path: change.path, value: marker(change.value) }] });
      continue;
    }
    const paths = pathsOf(data);
    const path = paths[change.at % paths.length];
    if (path.length === 0 && change.kind !== 'addField') continue;
    let parent: unknown = data;
    for (const key of change.kind === 'addField' ? path : path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = path[path.length - 1];
    if (change.kind === 'addField') {
      // JSON.parse keeps "__proto__" as an own field; defineProperty does the same here
      if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, change.key, { value: marker(change.value), enumerable: true, writable: true, configurable: true });
    } else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last as string];
    } else {
      (parent as Record<string | number, unknown>)[last] = marker(change.value);
    }
  }
  return JSON.stringify(data).replace(/"@@fragment-(\d+)@@"/g, (_, index: string) => fragments[Number(index)]);
}

const galleryEntry = fc.constantFrom(...gallery);
const mutatedCase = fc.record({ entry: galleryEntry, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ entry, mutations }) => ({
  file: entry.file,
  mutations,
  text: mutatedText(entry.text, mutations),
}));

// ------------------------------------------------------------------------------------------------

/** Parses, timing it; a throw fails the property with the case that threw. */
function parseTimed(text: string, file: string): { result: ParseResult; ms: number } {
  const start = performance.now();
  const result = parseScenarioText(text, { readFile: readerFor(file) });
  return { result, ms: performance.now() - start };
}

/** Every problem at a path the editor can place, with a bounded message in words, and no prototype touched. */
function expectWellFormed(result: ParseResult): void {
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(typeof issue.path).toBe('string');
      expect(issue.path === '(file)' || parseJsonPath(issue.path) !== null, `placeable path: ${issue.path}`).toBe(true);
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.message.length, issue.message.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(issue.message).not.toMatch(/native code|\bat Object\.|\bat .*\.ts:\d+|undefined is not|Cannot read prop/);
    }
  }
  expect(prototypeSnapshot()).toEqual(prototypesBefore);
  expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
}

describe('generated hostile input: a result or problems at paths, in time, never a throw', () => {
  it(`mutated gallery scenarios (${fuzzRuns(300)} cases, seed ${FUZZ_SEED})`, () => {
    let refused = 0;
    fc.assert(
      fc.property(mutatedCase, ({ file, text }) => {
        const { result, ms } = parseTimed(text, file);
        expect(ms).toBeLessThan(TIME_BOUND_MS);
        expectWellFormed(result);
        if (!result.ok) refused++;
      }),
      { numRuns: fuzzRuns(300), seed: FUZZ_SEED },
    );
    // the generator makes mostly broken scenarios; were it to make none, this suite would test nothing
    expect(refused).toBeGreaterThan(fuzzRuns(300) / 2);
  });

  it(`hostile texts in every text field (${fuzzRuns(100)} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(galleryEntry, hostileText, fc.nat(), async (entry, hostile, pick) => {
        const data = JSON.parse(entry.text) as unknown;
        // every text field but the discriminators and fixed words (type, policy kinds, issuing rules…)
        const texts = pathsOf(data).filter((path) => {
          let value: unknown = data;
          for (const key of path) value = (value as Record<string | number, unknown>)[key];
          return typeof value === 'string' && !['type', 'issuing', 'unmetDemand', 'rule', 'path'].includes(String(path[path.length - 1]));
        });
        // half of the cases change one text, half all of them
        const chosen = pick % 2 === 0 ? texts : [texts[pick % texts.length]];
        for (const path of chosen) {
          let parent = data as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          parent[path[path.length - 1]] = hostile;
        }
        const text = JSON.stringify(data);
        const { result, ms } = parseTimed(text, entry.file);
        expect(ms).toBeLessThan(TIME_BOUND_MS);
        expectWellFormed(result);
        // the same text travels through a share link unchanged (with the seed, where the scenario accepts it)
        if (result.ok && text.length < 200_000) {
          const decoded = await decodeScenarioFromUrl(await encodeScenarioForUrl(text, { replications: 2, seed: result.scenario.seed }));
          expect('text' in decoded && decoded.text).toBe(text);
        }
      }),
      { numRuns: fuzzRuns(100), seed: FUZZ_SEED },
    );
  });

  it(`damaged and arbitrary share links say why, never throw, never open another scenario (${fuzzRuns(200)} cases)`, async () => {
    const original = gallery.find((entry) => entry.file.endsWith('04-coffee-brand.json'))!.text;
    const good = await encodeScenarioForUrl(original, { replications: 3, seed: 'x' });
    const damagedLink = fc.oneof(
      fc.record({ at: fc.nat(), character: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=&%#.') }).map(({ at, character }) => {
        const position = 3 + (at % (good.length - 3));
        return `${good.slice(0, position)}${character}${good.slice(position + 1)}`;
      }),
      fc.nat().map((at) => good.slice(0, at % good.length)),
      fc.string({ unit: 'binary', maxLength: 200 }).map((text) => `#s=${text}`),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('#s=AQAAAAA', '#s=%', '#s=\u0000', `#s=${good.slice(3)}&r=1e400`, `${good}&r=0`, `${good}&seed=`, `${good}&p=__proto__:1:2`, `${good}&p=fillRate:1e400:2`),
    );
    await fc.assert(
      fc.asyncProperty(damagedLink, async (hash) => {
        const decoded = await decodeScenarioFromUrl(hash);
        if ('error' in decoded) expect(decoded.error.length).toBeGreaterThan(0);
        // a link the checksum accepts carries exactly the scenario it was made from
        else expect(decoded.text).toBe(original);
        expect(prototypeSnapshot()).toEqual(prototypesBefore);
      }),
      { numRuns: fuzzRuns(200), seed: FUZZ_SEED },
    );
  });
});

describe('generated broken scenarios through the CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stocklab-fuzz-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** `stocklab validate FILE`: its exit status and output; killed (and failed) past the time bound. */
  const validate = (file: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['bin/stocklab.mjs', 'validate', file], { cwd: repoRoot, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  // each case is a process start (about a second), so npm test takes a few; the long run more
  const cases = LONG_RUN ? Math.max(4, Math.round(fuzzRuns(0) / 25)) : 4;
  it(`exit 2 with "file: path: message" lines, never a stack trace (${cases} cases)`, async () => {
    // broken scenarios only: a mutation that happens to stay valid tells nothing about messages
    const samples = fc
      .sample(mutatedCase, { numRuns: cases * 4, seed: FUZZ_SEED })
      .filter(({ file, text }) => !parseScenarioText(text, { readFile: readerFor(file) }).ok)
      .slice(0, cases);
    expect(samples).toHaveLength(cases);
    for (const [i, sample] of samples.entries()) {
      // beside the gallery file's own folder would be needed for its CSV files; none of those are mutated here
      const path = join(folder, `case-${i}.json`);
      writeFileSync(path, sample.text);
      const { code, stdout, stderr } = await validate(path);
      const context = `${sample.file} ${JSON.stringify(sample.mutations).slice(0, 300)}\n${stderr.slice(0, 1000)}`;
      expect(code, context).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      for (const line of lines) expect(line.startsWith(`${path}: `), context).toBe(true);
      expect(stderr, context).not.toMatch(/^\s+at /m);
    }
  }, cases * 10_000);
});
