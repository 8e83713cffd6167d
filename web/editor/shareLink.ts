import { editorStrings, type EditorStrings } from '../i18n/strings.ts';

/**
 * Share links: the whole scenario in the URL fragment (never sent to a server), with the run
 * settings beside it: `#s=<data>&r=20&seed=abc`, and in precision mode the target the replications
 * were chosen for: `&p=fillRate:0.002:200` (KPI, largest 95% half-width in the engine's unit, cap).
 *
 * `<data>` is base64url of: one format byte (1), the CRC-32 of the scenario's UTF-8 bytes (4 bytes,
 * big-endian), then those bytes compressed with CompressionStream('deflate-raw'). Raw deflate has no
 * checksum of its own; the CRC tells a damaged link from a valid one. Decoding only decompresses and
 * decodes text: nothing in a link is ever evaluated (the editor parses the scenario as JSON data).
 * Works wherever CompressionStream is (browsers, Node 20).
 */

/** Link data format written by this version. */
const FORMAT = 1;
/** Most characters of `<data>` a link may hold (about 1 MB; browsers take URLs of 2 MB and more). */
export const MAX_LINK_DATA_CHARS = 1_000_000;
/** Most bytes a link's scenario may decompress to (a guard against decompression bombs). */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;
const MAX_REPLICATIONS = 100_000;

/** Precision mode's settings (web/worker/precision.ts PrecisionRequest); the KPI is checked by the app. */
export interface SharedPrecision {
  kpi: string;
  halfWidth: number;
  cap: number;
}

export interface ShareSettings {
  replications?: number;
  seed?: string | number;
  precision?: SharedPrecision;
}

export type DecodedLink = { text: string; replications?: number; seed?: string | number; precision?: SharedPrecision } | { error: string };

/**
 * The fragment for a share link, starting with `#`: `#s=<data>&r=20&seed=abc`. Rejects (with a
 * message for the user) when the scenario is too large for a link.
 */
export async function encodeScenarioForUrl(text: string, settings: ShareSettings, strings: EditorStrings = editorStrings): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const compressed = (await pipe(bytes, new CompressionStream('deflate-raw'), Infinity)) as Uint8Array;
  const payload = new Uint8Array(5 + compressed.length);
  payload[0] = FORMAT;
  new DataView(payload.buffer).setUint32(1, crc32(bytes));
  payload.set(compressed, 5);
  const data = toBase64Url(payload);
  if (data.length > MAX_LINK_DATA_CHARS) throw new Error(strings.share.tooLarge(Math.ceil(data.length / 1000), MAX_LINK_DATA_CHARS / 1000));
  let fragment = `#s=${data}`;
  if (settings.replications !== undefined) fragment += `&r=${settings.replications}`;
  if (settings.seed !== undefined) fragment += `&seed=${encodeSeed(settings.seed)}`;
  if (settings.precision !== undefined) fragment += `&p=${settings.precision.kpi}:${settings.precision.halfWidth}:${settings.precision.cap}`;
  return fragment;
}

/**
 * The scenario text and run settings of a share link's fragment (with or without its `#`), or a
 * message saying why it cannot be opened. Never throws.
 */
export async function decodeScenarioFromUrl(hash: string, strings: EditorStrings = editorStrings): Promise<DecodedLink> {
  const s = strings.share;
  try {
    const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
    if (fragment.length > MAX_LINK_DATA_CHARS + 10_000) return { error: s.linkTooLong(Math.round(MAX_LINK_DATA_CHARS / 1000)) };
    const params = new Map<string, string>();
    for (const part of fragment.split('&')) {
      const equals = part.indexOf('=');
      if (equals > 0) params.set(part.slice(0, equals), part.slice(equals + 1));
    }
    const data = params.get('s');
    if (data === undefined || data === '') return { error: s.noScenario };
    const payload = fromBase64Url(data);
    if (payload === null || payload.length < 6) return { error: s.damaged };
    if (payload[0] !== FORMAT) return { error: payload[0] > FORMAT && payload[0] < 16 ? s.newer : s.damaged };
    const expected = new DataView(payload.buffer, payload.byteOffset).getUint32(1);
    const bytes = await pipe(payload.subarray(5), new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES).catch(() => null);
    if (bytes === 'too large') return { error: s.scenarioTooLarge(MAX_SCENARIO_BYTES / 1024 / 1024) };
    if (bytes === null || crc32(bytes) !== expected) return { error: s.damaged };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { error: s.damaged };
    }
    const result: { text: string; replications?: number; seed?: string | number; precision?: SharedPrecision } = { text };
    const replications = params.get('r');
    if (replications !== undefined) {
      const value = Number(replications);
      if (!/^\d+$/.test(replications) || value < 1 || value > MAX_REPLICATIONS) return { error: s.badReplications(safeShow(replications)) };
      result.replications = value;
    }
    const seed = params.get('seed');
    if (seed !== undefined) {
      const value = decodeSeed(seed);
      if (value === null) return { error: s.badSeed };
      result.seed = value;
    }
    const precision = params.get('p');
    if (precision !== undefined) {
      const value = decodePrecision(precision);
      if (value === null) return { error: s.badPrecision(safeShow(precision)) };
      result.precision = value;
    }
    return result;
  } catch {
    return { error: s.damaged };
  }
}

/** A whole-number seed as digits; a text seed percent-encoded, quoted when it looks like a number. */
function encodeSeed(seed: string | number): string {
  const text = String(seed);
  if (typeof seed === 'string' && /^-?\d+$/.test(seed)) return encodeURIComponent(`"${seed}"`);
  return encodeURIComponent(text);
}

function decodeSeed(raw: string): string | number | null {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (text === '') return null;
  if (/^"-?\d+"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : text;
  }
  return text;
}

/** `fillRate:0.002:200`: a KPI's name, a half-width > 0, a cap from 2 to 100,000; null otherwise. */
function decodePrecision(raw: string): SharedPrecision | null {
  const match = /^([A-Za-z]+):([0-9.eE+-]+):(\d+)$/.exec(raw);
  if (!match) return null;
  const halfWidth = Number(match[2]);
  const cap = Number(match[3]);
  if (!(halfWidth > 0 && halfWidth < Infinity) || cap < 2 || cap > MAX_REPLICATIONS) return null;
  return { kpi: match[1], halfWidth, cap };
}

function safeShow(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** Runs bytes through a (de)compression stream; 'too large' once the output passes `limit` bytes. */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | 'too large'> {
  const writer = stream.writable.getWriter();
  // failures surface on the reading side; the writer's promises must not go unhandled
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too large';
    }
    chunks.push(value);
  }
  const output = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    output.set(chunk, offset);
    offset += chunk.length;
  }
  return output;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** The bytes of base64url text (padding tolerated), or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const digit = code < 128 ? DIGIT[code] : -1;
    if (digit < 0) return null;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib and PNG compute it). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
