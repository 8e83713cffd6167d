import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, decodeScenarioFromUrl, encodeScenarioForUrl, fromBase64Url, toBase64Url } from '../../web/editor/shareLink.ts';
import { editorStrings } from '../../web/i18n/en/editor.ts';
import { repoRoot } from '../fixtures/scenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const coffee = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8');
const share = editorStrings.share;

/** The data part of a fragment, and a fragment rebuilt around other data. */
const dataOf = (fragment: string) => /s=([^&]*)/.exec(fragment)![1];

describe('share links', () => {
  it('carry the coffee scenario, its replications and seed, and give back exactly the same text', async () => {
    const fragment = await encodeScenarioForUrl(coffee, { replications: 20, seed: 'coffee' });
    expect(fragment).toMatch(/^#s=[A-Za-z0-9_-]+&r=20&seed=coffee$/);
    // compressed: the link is much shorter than the file
    expect(fragment.length).toBeLessThan(coffee.length / 2);
    expect(await decodeScenarioFromUrl(fragment)).toEqual({ text: coffee, replications: 20, seed: 'coffee' });
    // with or without the '#'
    expect(await decodeScenarioFromUrl(fragment.slice(1))).toEqual({ text: coffee, replications: 20, seed: 'coffee' });
  });

  it('keep a gallery file\'s "$schema" as written: a link opens the text the editor held, which the engine accepts', async () => {
    expect(coffee).toContain('"$schema": "../schema/scenario.schema.json"');
    const decoded = await decodeScenarioFromUrl(await encodeScenarioForUrl(coffee, {}));
    expect('text' in decoded && decoded.text).toBe(coffee);
    expect(parseScenarioText(coffee).ok).toBe(true);
  });

  it("keep a seed's type: a whole number stays a number, a text of digits stays a text", async () => {
    const number = await decodeScenarioFromUrl(await encodeScenarioForUrl('{}', { seed: 42 }));
    expect(number).toEqual({ text: '{}', seed: 42 });
    const digits = await decodeScenarioFromUrl(await encodeScenarioForUrl('{}', { seed: '42' }));
    expect(digits).toEqual({ text: '{}', seed: '42' });
    const spaced = await decodeScenarioFromUrl(await encodeScenarioForUrl('{}', { seed: 'run 1 & 2 = é' }));
    expect(spaced).toEqual({ text: '{}', seed: 'run 1 & 2 = é' });
  });

  it('leave out settings that were not given', async () => {
    const fragment = await encodeScenarioForUrl('{"name":"ünïcode ☕"}', {});
    expect(fragment).not.toContain('&');
    expect(await decodeScenarioFromUrl(fragment)).toEqual({ text: '{"name":"ünïcode ☕"}' });
  });

  it('report a link cut short as damaged, without throwing', async () => {
    const fragment = await encodeScenarioForUrl(coffee, { replications: 20, seed: 'coffee' });
    const data = dataOf(fragment);
    for (const cut of [data.length - 1, data.length - 7, Math.floor(data.length / 2), 8]) {
      expect(await decodeScenarioFromUrl(`#s=${data.slice(0, cut)}`)).toEqual({ error: share.damaged });
    }
  });

  it('report a link with a changed character as damaged (the checksum catches what deflate does not)', async () => {
    const data = dataOf(await encodeScenarioForUrl(coffee, {}));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const at of [6, 40, Math.floor(data.length / 2), data.length - 3]) {
      const other = alphabet[(alphabet.indexOf(data[at]) + 17) % 64];
      const changed = data.slice(0, at) + other + data.slice(at + 1);
      expect(await decodeScenarioFromUrl(`#s=${changed}`)).toEqual({ error: share.damaged });
    }
  });

  it('report characters that are not base64url, and a missing scenario', async () => {
    expect(await decodeScenarioFromUrl('#s=abc$def')).toEqual({ error: share.damaged });
    expect(await decodeScenarioFromUrl('#s=%3Cscript%3E')).toEqual({ error: share.damaged });
    expect(await decodeScenarioFromUrl('#r=20')).toEqual({ error: share.noScenario });
    expect(await decodeScenarioFromUrl('')).toEqual({ error: share.noScenario });
  });

  it('report bad settings in words', async () => {
    const data = dataOf(await encodeScenarioForUrl('{}', {}));
    expect(await decodeScenarioFromUrl(`#s=${data}&r=0`)).toEqual({ error: share.badReplications('0') });
    expect(await decodeScenarioFromUrl(`#s=${data}&r=2.5`)).toEqual({ error: share.badReplications('2.5') });
    expect(await decodeScenarioFromUrl(`#s=${data}&seed=`)).toEqual({ error: share.badSeed });
    expect(await decodeScenarioFromUrl(`#s=${data}&seed=%E0%A4%A`)).toEqual({ error: share.badSeed });
  });

  it('refuse a link made by a newer format, and links too long to open', async () => {
    const payload = fromBase64Url(dataOf(await encodeScenarioForUrl('{}', {})))!;
    payload[0] = 2;
    expect(await decodeScenarioFromUrl(`#s=${toBase64Url(payload)}`)).toEqual({ error: share.newer });
    expect(await decodeScenarioFromUrl(`#s=${'A'.repeat(1_100_000)}`)).toEqual({ error: share.linkTooLong(1000) });
  });

  it('stop decompressing a bomb at the size limit', async () => {
    // 11 MB of spaces compresses to a few kilobytes
    const huge = ' '.repeat(11 * 1024 * 1024);
    const bytes = new TextEncoder().encode(huge);
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
    const payload = new Uint8Array(5 + compressed.length);
    payload[0] = 1;
    new DataView(payload.buffer).setUint32(1, crc32(bytes));
    payload.set(compressed, 5);
    const data = toBase64Url(payload);
    expect(data.length).toBeLessThan(100_000);
    expect(await decodeScenarioFromUrl(`#s=${data}`)).toEqual({ error: share.scenarioTooLarge(10) });
  });

  it('refuse to encode a scenario too large for a link', async () => {
    // random digits do not compress much
    let seed = 1;
    const noise = Array.from({ length: 1_600_000 }, () => ((seed = (seed * 48271) % 2147483647) % 10).toString()).join('');
    await expect(encodeScenarioForUrl(noise, {})).rejects.toThrow(/too large for a link/);
  });

  it('base64url round-trips every length and byte', () => {
    for (let length = 0; length < 8; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 255) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(Uint8Array.from([251, 255]))).toBe('-_8');
    expect(fromBase64Url('A')).toBeNull();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
