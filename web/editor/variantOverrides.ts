import { formatJsonPath, isRecord, type JsonPath } from './jsonPath.ts';

/**
 * The values of a scenario that no run ever uses because every variant replaces them: a stock
 * point's policy that each variant overrides (`variants[].policies`, matched by node and product as
 * src/model/build.ts matches them), or a field each variant sets (`variants[].set`, a path equal to
 * the field's or above it). Editing such a value changes no result (the default scenario's shop
 * policies are all replaced by its three variants), so the forms say so at the field, naming the
 * variants. Works on the data as typed (the forms show invalid scenarios too); pure, tested in Node.
 */

/** problem path (`stockPoints[3].policy`, `nodes[0].capacity`) -> the names of the variants that replace it */
export type OverriddenFields = ReadonlyMap<string, ReadonlyArray<string>>;

const NONE: OverriddenFields = new Map();

export function fieldsEveryVariantOverrides(data: unknown): OverriddenFields {
  if (!isRecord(data) || !Array.isArray(data.variants)) return NONE;
  const variants = data.variants.filter(isRecord);
  // no variant: the scenario's own policies are the baseline that runs
  if (variants.length === 0 || variants.length !== data.variants.length) return NONE;
  const names = variants.map((variant, i) => (typeof variant.name === 'string' && variant.name !== '' ? variant.name : typeof variant.id === 'string' ? variant.id : `variant ${i + 1}`));
  const setPaths = variants.map((variant) => (Array.isArray(variant.set) ? variant.set.flatMap((entry) => (isRecord(entry) && typeof entry.path === 'string' ? [pointerSegments(entry.path)] : [])) : []));
  const overridden = new Map<string, string[]>();
  const coveredBySet = (variant: number, path: JsonPath) => setPaths[variant].some((set) => isPrefix(set, path));

  // stock point policies
  const points = Array.isArray(data.stockPoints) ? data.stockPoints : [];
  points.forEach((point, index) => {
    if (!isRecord(point)) return;
    const path: JsonPath = ['stockPoints', index, 'policy'];
    const pairs = pairsOf(point.node, point.product);
    if (pairs.length === 0) return;
    const every = variants.every((variant, v) => coveredBySet(v, path) || pairs.every(([node, product]) => policyOverridden(variant, node, product)));
    if (every) overridden.set(formatJsonPath(path), names);
  });

  // any other field every variant sets: the paths of the first variant's settings that all others cover
  for (const path of setPaths[0]) {
    if (path.length === 0) continue;
    if (variants.every((_, v) => coveredBySet(v, path))) overridden.set(formatJsonPath(path), names);
  }
  return overridden;
}

/**
 * The override for a path or the nearest path above it: a field inside an overridden policy
 * (`stockPoints[3].policy.orderUpTo`) is overridden too.
 */
export function overriddenAt(fields: OverriddenFields, path: JsonPath): ReadonlyArray<string> | null {
  for (let length = path.length; length >= 1; length--) {
    const names = fields.get(formatJsonPath(path.slice(0, length)));
    if (names) return names;
  }
  return null;
}

/** Whether one of a variant's policy overrides applies to a stock point (build.ts: node and product match, absent = all). */
function policyOverridden(variant: Record<string, unknown>, node: string, product: string): boolean {
  if (!Array.isArray(variant.policies)) return false;
  return variant.policies.some((override) => isRecord(override) && isRecord(override.policy) && matches(override.node, node) && matches(override.product, product));
}

function matches(ids: unknown, id: string): boolean {
  if (ids === undefined) return true;
  return typeof ids === 'string' ? ids === id : Array.isArray(ids) && ids.includes(id);
}

/** A stock point entry's (node, product) pairs: each is an id or a list of ids. */
function pairsOf(node: unknown, product: unknown): Array<[string, string]> {
  const list = (ids: unknown) => (typeof ids === 'string' ? [ids] : Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  return list(node).flatMap((n) => list(product).map((p): [string, string] => [n, p]));
}

/** "/stockPoints/0/policy" -> ["stockPoints", 0, "policy"] (RFC 6901 escapes; digits are list indices). */
function pointerSegments(pointer: string): JsonPath {
  if (!pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length > 0 && prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
