/**
 * Paths into a scenario's JSON data, as segments (`["lanes", 2, "leadTime"]`) and as the strings the
 * scenario checks report (`lanes[2].leadTime`; the root is `(scenario)`, a JSON syntax error `(file)`).
 */
export type JsonPath = ReadonlyArray<string | number>;

/** The issue path's spelling of the root object. */
export const ROOT_PATH = '(scenario)';

/** `["lanes", 2, "leadTime"]` -> `lanes[2].leadTime`; `[]` -> `(scenario)` (as src/scenario/issues.ts). */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? key : `.${key}`;
  }
  return text === '' ? ROOT_PATH : text;
}

/**
 * `lanes[2].leadTime` -> `["lanes", 2, "leadTime"]`; `(scenario)` -> `[]`; anything that is not a
 * path into the data (`(file)`, a malformed string) -> null.
 */
export function parseJsonPath(text: string): Array<string | number> | null {
  if (text === ROOT_PATH) return [];
  // other names in parentheses are no path into the data: `(file)`
  if (text.startsWith('(')) return null;
  const segments: Array<string | number> = [];
  const token = /\[(\d+)\]|(?:^|\.)([^.[\]]+)/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const match = token.exec(text);
    if (!match || match[0] === '' || (at === 0 && text[0] === '.')) return null;
    segments.push(match[1] !== undefined ? Number(match[1]) : match[2]);
    at = token.lastIndex;
  }
  return segments.length > 0 ? segments : null;
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in `data`, or undefined when any step is missing. */
export function valueAt(data: unknown, path: JsonPath): unknown {
  let current = data;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
      current = current[key];
    }
  }
  return current;
}
