/**
 * Writes test/fixtures/pins/gallery.json: the fingerprint of every shipped scenario's runs (see
 * test/fixtures/galleryPins.ts). Run it only when results are meant to change, and say why in the
 * commit; test/model/galleryPinned.test.ts holds the engine to it otherwise.
 *
 *     npx tsx scripts/pin-gallery.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf, PINS_PATH, pinnedFiles } from '../test/fixtures/galleryPins.ts';
import { repoRoot } from '../test/fixtures/scenario.ts';

const pins: Record<string, Record<string, string>> = {};
for (const path of pinnedFiles()) {
  const started = Date.now();
  pins[path] = fingerprintOf(path);
  console.log(`${path}: ${Object.keys(pins[path]).length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
writeFileSync(join(repoRoot, PINS_PATH), `${JSON.stringify(pins, null, 2)}\n`);
console.log(`Wrote ${PINS_PATH}`);
