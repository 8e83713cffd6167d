import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedReader, loadScenario } from '../../src/cli/loadScenario.ts';
import { CSV_MAX_BYTES } from '../../src/scenario/csvHistory.ts';
import { INPUT_LIMITS } from '../../src/scenario/inputLimits.ts';
import { csvHistoryScenario } from '../fixtures/csvScenario.ts';
import { stocklab } from './stocklab.ts';

const folder = mkdtempSync(join(tmpdir(), 'stocklab-csv-input-'));

/** A scenario at `name` whose store's demand is the history in `csv` (written beside it as `name.csv`), read from `column`. */
function scenarioWith(name: string, csv: string, column?: string): string {
  writeFileSync(join(folder, `${name}.csv`), csv);
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(csvHistoryScenario(`${name}.csv`, column)));
  return file;
}

const MB = 1024 * 1024;

describe('a CSV history read by the command line', () => {
  it('names the file and the row and column of a problem, and prints no control character from the file', async () => {
    const file = scenarioWith('hostile', 'a\x1b]0;pwned\x07\x1b[2J,b\n1,2\n', 'qty');
    const result = await stocklab('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${file}: demand[0].series.csv: hostile.csv: no column "qty" (columns: "a\\u001b]0;pwned\\u0007\\u001b[2J", "b")\n`);
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('reads a decimal comma in a semicolon file (a French or German export), and refuses a file mixing both marks at its column', () => {
    const comma = loadScenario(scenarioWith('comma', 'date;demand\n2024-01-01;12,5\n2024-01-02;3\n'));
    expect(comma.ok && comma.scenario.demand[0].type === 'history' && comma.scenario.demand[0].series).toEqual([12.5, 3]);
    const mixed = loadScenario(scenarioWith('mixed', 'date;demand\n2024-01-01;12,5\n2024-01-02;3.5\n'));
    expect(mixed).toEqual({
      ok: false,
      lines: [`${join(folder, 'mixed.json')}: demand[0].series.csv: mixed.csv: column "demand" holds numbers with a decimal comma (6,5) and others with a decimal point (6.5); write them one way`],
    });
  });

  it("refuses a CSV file over the size limit before reading it, naming the file", () => {
    const file = scenarioWith('huge', 'qty\n1\n');
    truncateSync(join(folder, 'huge.csv'), CSV_MAX_BYTES + 1); // sparse: takes no disk space, and is never read
    expect(loadScenario(file)).toEqual({
      ok: false,
      lines: [`${file}: demand[0].series.csv: cannot read "huge.csv": the file is 100.1 MB; Stocklab reads CSV files of at most 100 MB (each is read whole into memory)`],
    });
  });

  it('stops reading a file with no size (a device, a pipe) at the limit instead of filling the memory', () => {
    if (!existsSync('/dev/zero')) return;
    const started = performance.now();
    expect(() => confinedReader(folder, true)('/dev/zero')).toThrow('the file is more than 100 MB; Stocklab reads CSV files of at most 100 MB (each is read whole into memory)');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('a scenario file over the size limit', () => {
  it('is refused before it is read, in words, naming the file', async () => {
    const file = join(folder, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, INPUT_LIMITS.maxTextChars + 10 * MB); // sparse
    const expected = `${file}: (file): the file is 210.0 MB; Stocklab reads scenario files of at most 200 MB (each is read whole into memory)`;
    expect(loadScenario(file)).toEqual({ ok: false, lines: [expected] });
    const result = await stocklab('validate', file);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${expected}\n` });
  });
});
