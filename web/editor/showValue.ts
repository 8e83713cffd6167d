import { compactJson } from './jsonText.ts';

/** How a value shows in a text input (a form's field or a table's cell). */
export function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return compactJson(value);
}

/** An id or a list of ids, as a form or a table shows it: `a, b`. */
export function showIdList(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return show(value);
}
