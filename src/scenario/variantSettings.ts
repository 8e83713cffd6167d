import { Scenario, type Variant } from './schema.ts';
import { describeValue, fromZodIssues, quoted, type ScenarioIssue } from './issues.ts';
import { FORBIDDEN_KEYS } from './inputLimits.ts';
import { checkReferences } from './references.ts';

/**
 * A variant's `set` entries: changes to the scenario beyond policies (FIFO against FEFO, proactive
 * communication on or off, real-time visibility, which warehouses serve a zone), each a JSON pointer
 * into the scenario and the value to put there. The changed scenario is validated like a file, so a
 * change is held to the schema; the problems are reported at the variant's entry.
 *
 * What every variant must share is off limits: the seed, replications, horizon and warm-up (the
 * comparison is on the same random futures over the same window), the variants themselves, the
 * output options and the theory model.
 */
const SHARED = ['version', 'seed', 'replications', 'horizonDays', 'warmupDays', 'variants', 'output', 'theory'];

export type Setting = Variant['set'][number];

/** "/stockPoints/0/issuing" -> ["stockPoints", "0", "issuing"] (RFC 6901: ~1 is "/", ~0 is "~"). */
function tokensOf(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Puts `value` at `pointer` in `root` (a copy the caller made: one per variant, not one per change,
 * whose cost would grow with the changes × the scenario's size); the containers on the way must exist. The walk goes
 * through the data's own fields only and refuses the names that lead to JavaScript's object machinery
 * (`/__proto__/x` would otherwise write to every object's prototype).
 */
function setAt(root: Record<string, unknown>, pointer: string, value: unknown): { ok: true } | { ok: false; message: string } {
  const tokens = tokensOf(pointer);
  const reserved = tokens.find((token) => FORBIDDEN_KEYS.has(token));
  if (reserved !== undefined) return { ok: false, message: `a path may not go through "${reserved}" (the name is reserved by JavaScript, and no scenario field uses it)` };
  if (SHARED.includes(tokens[0])) return { ok: false, message: `"${tokens[0]}" is shared by every variant and cannot be changed by one` };
  let container: unknown = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const where = `/${tokens.slice(0, i).join('/')}`;
    const last = i === tokens.length - 1;
    if (Array.isArray(container)) {
      const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN;
      if (!(index < container.length)) return { ok: false, message: `${where} has ${container.length} entries; no entry ${quoted(token)}` };
      if (last) container[index] = structuredClone(value);
      else container = container[index];
    } else if (container !== null && typeof container === 'object') {
      const record = container as Record<string, unknown>;
      if (last) record[token] = structuredClone(value);
      else if (!Object.hasOwn(record, token)) return { ok: false, message: `${where === '/' ? 'the scenario' : where} has no ${quoted(token)}` };
      else container = record[token];
    } else {
      return { ok: false, message: `${where} is ${describeValue(container)}, not an object or a list` };
    }
  }
  return { ok: true };
}

const cache = new WeakMap<Scenario, Map<string, Scenario>>();

/**
 * The scenario as variant `variant` runs it: its `set` entries applied, defaults filled. The scenario
 * itself when it has none. Throws on a change that does not validate: parseScenario reports those
 * (checkVariantSettings), so a validated scenario never gets here with one.
 */
export function scenarioForVariant(scenario: Scenario, variant: Variant): Scenario {
  if (variant.set.length === 0) return scenario;
  let byVariant = cache.get(scenario);
  if (!byVariant) cache.set(scenario, (byVariant = new Map()));
  const known = byVariant.get(variant.id);
  if (known) return known;
  const result = applySettings(scenario, variant.set);
  if (!result.ok) throw new Error(`variant "${variant.id}": ${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  byVariant.set(variant.id, result.scenario);
  return result.scenario;
}

function applySettings(scenario: Scenario, settings: ReadonlyArray<Setting>): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[]; at: number } {
  const data = structuredClone({ ...scenario, variants: [] }) as Record<string, unknown>;
  for (let j = 0; j < settings.length; j++) {
    const changed = setAt(data, settings[j].path, settings[j].value);
    if (!changed.ok) return { ok: false, issues: [{ path: 'path', message: changed.message }], at: j };
  }
  const parsed = Scenario.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), at: -1 };
  const issues = checkReferences(parsed.data);
  if (issues.length > 0) return { ok: false, issues, at: -1 };
  return { ok: true, scenario: { ...parsed.data, variants: scenario.variants } };
}

/** Every variant's `set` entries, applied and validated: each problem at the variant's entry. */
export function checkVariantSettings(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  scenario.variants.forEach((variant, i) => {
    if (variant.set.length === 0) return;
    const result = applySettings(scenario, variant.set);
    if (result.ok) return;
    for (const issue of result.issues) {
      if (result.at >= 0) issues.push({ path: `variants[${i}].set[${result.at}].${issue.path}`, message: issue.message });
      else issues.push({ path: `variants[${i}].set`, message: `with these changes, ${issue.path}: ${issue.message}` });
    }
  });
  return issues;
}
