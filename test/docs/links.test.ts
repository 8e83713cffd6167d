import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/scenario.ts';
import { anchors, links } from './markdown.ts';

/**
 * Every relative link of the documentation leads somewhere (issue 19: the README's sections moved to
 * docs/, and a link written for one file breaks in another): the file or folder it names exists, and
 * its `#anchor` is a heading of the target file, as GitHub makes anchors (see markdown.ts).
 */
export function documentationFiles(): string[] {
  const docs = (folder: string): string[] =>
    readdirSync(join(repoRoot, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? docs(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : [],
    );
  return ['README.md', ...docs('docs'), join('scenarios', 'README.md')];
}

/** The broken links of a Markdown file, as `file:line: target (why)`. */
export function brokenLinks(file: string, text = readFileSync(join(repoRoot, file), 'utf8')): string[] {
  const broken: string[] = [];
  for (const { target, line } of links(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not checked here
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = path === '' ? join(repoRoot, file) : join(repoRoot, dirname(file), decodeURIComponent(path));
    const where = `${file}:${line}: ${target}`;
    if (!resolved.startsWith(repoRoot)) broken.push(`${where} (outside the repository)`);
    else if (!existsSync(resolved)) broken.push(`${where} (no file ${relative(repoRoot, resolved)})`);
    else if (anchor !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md')) {
      const known = anchors(path === '' ? text : readFileSync(resolved, 'utf8'));
      if (!known.has(decodeURIComponent(anchor))) broken.push(`${where} (no heading #${anchor} in ${relative(repoRoot, resolved)})`);
    }
  }
  return broken;
}

describe('the links of the documentation', () => {
  const files = documentationFiles();

  it('covers the README, every file of docs/ and the gallery README, and finds their links', () => {
    for (const file of ['README.md', 'docs/SCENARIO.md', 'docs/CLI.md', 'docs/KPIS.md', 'docs/WEB.md', 'scenarios/README.md']) expect(files).toContain(file);
    const count = files.reduce((sum, file) => sum + links(readFileSync(join(repoRoot, file), 'utf8')).length, 0);
    expect(count).toBeGreaterThan(150);
  });

  it.each(files)('every relative link in %s leads to a file and a heading that exist', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('reports a link to a missing file, a missing heading, and a heading of the same file', () => {
    const text = ['# Title', '', '## Two words', '## Two words', '', 'See [a](docs/NOPE.md), [b](docs/KPIS.md#nope), [c](#two-words-1), [d](#two-words-2), [e](docs/KPIS.md#service).', '', '```', '[f](fenced/is/not/a/link.md)', '```'].join('\n');
    expect(brokenLinks('README.md', text)).toEqual([
      'README.md:6: docs/NOPE.md (no file docs/NOPE.md)',
      'README.md:6: docs/KPIS.md#nope (no heading #nope in docs/KPIS.md)',
      'README.md:6: #two-words-2 (no heading #two-words-2 in README.md)',
    ]);
  });

  it("makes GitHub's anchors: punctuation dropped, spaces to -, code and links to their text", () => {
    const known = anchors('# Theory: the engine against inventory theory\n## `set` and [links](x.md), 1–2 (top level)\n## Perishables, lots and issuing\n## Perishables, lots and issuing');
    expect([...known]).toEqual(['theory-the-engine-against-inventory-theory', 'set-and-links-12-top-level', 'perishables-lots-and-issuing', 'perishables-lots-and-issuing-1']);
  });
});
