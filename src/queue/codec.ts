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

/** The same format as bytes, where Redis stores them as they are (a job's results: no base64's third more). */
export function encodeBytes(value: unknown): Buffer {
  return serialize(value);
}

export function decodeBytes<T>(bytes: Buffer): T {
  return deserialize(bytes) as T;
}

/** SHA-256 of some text or bytes, hex. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
