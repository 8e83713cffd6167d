#!/usr/bin/env node
/**
 * The scores and surviving mutants of the per-file mutation runs (scripts/mutation-by-file.mjs):
 * one row per file (killed, survived, no coverage, timeout, score), then every mutant that was not
 * killed, as `file:line:column mutator: original → replacement`, for docs/MUTATION.md.
 *
 *   node scripts/mutation-summary.mjs             # every report in reports/mutation/by-file
 *   node scripts/mutation-summary.mjs --table     # the table only
 *   node scripts/mutation-summary.mjs lots        # reports whose file name contains "lots"
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.join('reports', 'mutation', 'by-file');
const tableOnly = process.argv.includes('--table');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const reports = readdirSync(dir)
  .filter((name) => name.endsWith('.ts.json') && (filters.length === 0 || filters.some((f) => name.includes(f))))
  .sort();

const KILLED = new Set(['Killed', 'Timeout']);
const rows = [];
const open = [];
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 };
for (const name of reports) {
  const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 };
    for (const mutant of mutants) {
      if (mutant.status === 'Killed') count.killed += 1;
      else if (mutant.status === 'Timeout') count.timeout += 1;
      else if (mutant.status === 'Survived') count.survived += 1;
      else if (mutant.status === 'NoCoverage') count.noCoverage += 1;
      else count.other += 1;
      if (!KILLED.has(mutant.status) && mutant.status !== 'CompileError' && mutant.status !== 'Ignored') {
        const { start, end } = mutant.location;
        const original =
          start.line === end.line
            ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
            : `${lines[start.line - 1].slice(start.column - 1)} …`;
        open.push(`${file}:${start.line}:${start.column} ${mutant.status} ${mutant.mutatorName}: ${clip(original)} → ${clip(mutant.replacement ?? '')}`);
      }
    }
    for (const key of Object.keys(total)) total[key] += count[key];
    rows.push([file, count]);
  }
}

function clip(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}
function score({ killed, timeout, survived, noCoverage }) {
  const valid = killed + timeout + survived + noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (killed + timeout)) / valid).toFixed(2)}%`;
}

console.log('| file | mutants | killed | timeout | survived | no coverage | score |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [file, c] of [...rows, ['**all**', total]]) {
  const n = c.killed + c.timeout + c.survived + c.noCoverage;
  console.log(`| ${file} | ${n} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${score(c)} |`);
}
if (!tableOnly) {
  console.log(`\n${open.length} mutants not killed:`);
  for (const line of open) console.log(line);
}
