import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, PINS_PATH, pinnedFiles } from '../fixtures/galleryPins.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/**
 * The engine computes, byte for byte, what it computed when the pins were written (test/fixtures/
 * galleryPins.ts says what is pinned and how to write the pins again when results are meant to
 * change). A refactor of the engine (issue 15) must leave every hash as it is.
 */
const pins = JSON.parse(readFileSync(join(repoRoot, PINS_PATH), 'utf8')) as Record<string, Record<string, string>>;

describe('every shipped scenario gives the pinned results', () => {
  it('pins every file shipped, and only those', () => {
    expect(Object.keys(pins).sort()).toEqual(pinnedFiles());
  });

  for (const path of pinnedFiles()) {
    it(path, () => {
      expect(fingerprintOf(path)).toEqual(pins[path]);
    });
  }
});
