import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

/**
 * What crosses Redis: values in V8's structured-clone format (what `postMessage` gives the local worker
 * threads), as base64 text. JSON would not do: BullMQ stores a job's data and return value as JSON, in
 * which NaN and ±Infinity become null and -0 becomes 0, so a result would not be the local run's bytes.
 * Node reads the format of its own and of older versions.
 */
export function encode(value: unknown): string {
  return serialize(value).toString('base64');
}

export function decode<T>(text: string): T {
  return deserialize(Buffer.from(text, 'base64')) as T;
}

/** SHA-256 of some text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
