import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/scenario.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('the README\'s "Use it from a script"', () => {
  it('shows docs/examples/run-scenario.mjs as it is, the file test/scripts/pack.test.ts runs against the package', () => {
    const start = readme.indexOf('## Use it from a script');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBe(readFileSync(join(repoRoot, 'docs', 'examples', 'run-scenario.mjs'), 'utf8'));
  });

  it("lists the package's version, as package.json and the changelog do", () => {
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;
    expect(readme).toContain(`stocklab-${version}.tgz`);
    expect(readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8')).toContain(`## [${version}]`);
  });
});
