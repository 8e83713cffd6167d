import type { z } from 'zod';

/** One problem with a scenario, at a field: `{ path: "lanes[2].leadTime.mean", message }`. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** `["lanes", 2, "leadTime"]` -> `lanes[2].leadTime` (empty path -> `(scenario)`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(scenario)' : text;
}

/** A short rendering of the value the user wrote, for "got ..." */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Turns zod issues into messages a planner can act on: the field path, what was expected and what
 * was written. Zod's own wording is kept where it is already plain.
 */
export function fromZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: ReadonlyArray<PropertyKey> = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    out.push({ path: formatPath(path), message: messageOf(issue) });
  }
  return out;
}

function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected)}, got ${input === undefined ? 'nothing (the field is required)' : describeValue(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (field names are case-sensitive; see the scenario format in README)`;
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator !== undefined && union.options !== undefined) {
        const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[union.discriminator] : input;
        return `expected ${union.discriminator} to be one of ${union.options.map(String).join(', ')}, got ${describeValue(value)}`;
      }
      const branches = union.errors
        .map((branch) => branch[0])
        .filter((first): first is z.core.$ZodIssue => first !== undefined)
        .map((first) => (first.path.length > 0 ? `${formatPath(first.path)} (${plainExpected(first)})` : plainExpected(first)));
      return `expected one of: ${[...new Set(branches)].join('; or ')}, got ${describeValue(input)}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}`;
    default:
      return input !== undefined && typeof input !== 'object' ? `${issue.message}, got ${describeValue(input)}` : issue.message;
  }
}

function plainExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return article(issue.expected);
  return issue.message;
}

function article(type: string): string {
  if (type === 'array' || type === 'object') return `an ${type}`;
  return `a ${type}`;
}
