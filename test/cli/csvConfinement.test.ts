import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/loadScenario.ts';
import { csvHistoryScenario } from '../fixtures/csvScenario.ts';
import { stocklab } from './stocklab.ts';

/** A store whose demand is a CSV history at `csv` (column "qty"), in a scenario written to `file`. */
function scenarioReading(file: string, csv: string): void {
  writeFileSync(file, JSON.stringify(csvHistoryScenario(csv, 'qty')));
}

// root/outside.csv, root/scenario/{data/inside.csv, escape.csv -> ../outside.csv, back.csv -> data/inside.csv}
const root = mkdtempSync(join(tmpdir(), 'stocklab-confine-'));
const folder = join(root, 'scenario');
mkdirSync(join(folder, 'data'), { recursive: true });
writeFileSync(join(root, 'outside.csv'), 'day,qty\n1,4\n2,5\n');
writeFileSync(join(folder, 'data', 'inside.csv'), 'day,qty\n1,3\n2,6\n');
symlinkSync(join(root, 'outside.csv'), join(folder, 'escape.csv'));
symlinkSync(join('data', 'inside.csv'), join(folder, 'back.csv'));
// a link to the scenario's own folder, so the folder's real path differs from the path given
symlinkSync(folder, join(root, 'linked'));

function load(csv: string, allowFilesOutside = false, via = folder) {
  const file = join(folder, `reads-${csv.replace(/[^a-z]/gi, '_')}.json`);
  scenarioReading(file, csv);
  return loadScenario(join(via, file.slice(folder.length + 1)), {}, { allowFilesOutside });
}

const series = (result: ReturnType<typeof load>) => (result.ok && result.scenario.demand[0].type === 'history' ? result.scenario.demand[0].series : result);

describe("a scenario's CSV path", () => {
  it('is read inside the scenario\'s folder, in a folder under it, and through a link that stays inside', () => {
    expect(series(load('data/inside.csv'))).toEqual([3, 6]);
    expect(series(load('./data/../data/inside.csv'))).toEqual([3, 6]);
    expect(series(load('back.csv'))).toEqual([3, 6]);
    expect(series(load('data/inside.csv', false, join(root, 'linked')))).toEqual([3, 6]);
  });

  it('is refused when it climbs out of the folder, naming the field and the flag', () => {
    const result = load('../outside.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.lines).toHaveLength(1);
      expect(result.lines[0]).toBe(
        `${join(folder, 'reads-___outside_csv.json')}: demand[0].series.csv: cannot read "../outside.csv": outside the scenario's folder (${folder}); keep the data file in the scenario's folder or a folder under it, or pass --allow-files-outside to read it`,
      );
    }
  });

  it('is refused when absolute, even inside the folder', () => {
    const result = load(join(folder, 'data', 'inside.csv'));
    expect(result.ok ? 'read' : result.lines[0]).toMatch(/: demand\[0\]\.series\.csv: cannot read ".*inside\.csv": an absolute path, outside the scenario's folder; .* pass --allow-files-outside to read it$/);
  });

  it('is refused when a symbolic link inside the folder leads out of it', () => {
    const result = load('escape.csv');
    expect(result.ok ? 'read' : result.lines[0]).toMatch(/: demand\[0\]\.series\.csv: cannot read "escape\.csv": a link leading outside the scenario's folder \(to .*outside\.csv\); .*--allow-files-outside/);
  });

  it('is read anywhere with allowFilesOutside', () => {
    expect(series(load('../outside.csv', true))).toEqual([4, 5]);
    expect(series(load('escape.csv', true))).toEqual([4, 5]);
    expect(series(load(join(root, 'outside.csv'), true))).toEqual([4, 5]);
  });

  it('says plainly when the file is missing or a folder', () => {
    expect(load('data/missing.csv')).toMatchObject({ ok: false, lines: [expect.stringMatching(/: demand\[0\]\.series\.csv: cannot read "data\/missing\.csv": no such file$/)] });
    expect(load('data')).toMatchObject({ ok: false, lines: [expect.stringMatching(/: demand\[0\]\.series\.csv: cannot read "data": is a directory, expected a CSV file$/)] });
  });

  it('is refused by the command line unless --allow-files-outside is given', async () => {
    const file = join(folder, 'cli.json');
    scenarioReading(file, '../outside.csv');
    const [refused, validated, allowed] = await Promise.all([
      stocklab('validate', file),
      stocklab('validate', file, '--allow-files-outside'),
      stocklab('run', file, '--allow-files-outside', '--workers', '1', '--json'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/demand\[0\]\.series\.csv: cannot read "\.\.\/outside\.csv": outside the scenario's folder .*--allow-files-outside/);
    expect(validated).toEqual({ code: 0, stdout: `${file}: valid (1 stock point, 1 variant)\n`, stderr: '' });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).replications).toBe(2);
  });
});
