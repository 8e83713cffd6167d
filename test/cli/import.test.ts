import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { stocklab } from './stocklab.ts';

const folder = mkdtempSync(join(tmpdir(), 'stocklab-import-'));
const path = (name: string) => join(folder, name);

/** A French Excel export: BOM, semicolons, decimal commas, day-first dates, French column names. */
function frenchExport(): string {
  const lines = ['Date;Article;Magasin;Quantité vendue;Prix'];
  for (let d = 1; d <= 28; d++) {
    for (const day of [d, d + 28]) {
      const month = day <= 31 ? 1 : 2;
      const date = `${String(month === 1 ? day : day - 31).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024`;
      if (day > 59) continue;
      lines.push(`${date};CAFE-250;Lyon;${day % 5 === 0 ? '0' : `${(day % 4) + 1},5`};4,90`);
    }
  }
  lines.push('31/02/2024;CAFE-250;Lyon;3;4,90'); // no such day: reported
  lines.push('15/01/2024;CAFE-250;Lyon;beaucoup;4,90'); // text where a quantity goes: reported
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
writeFileSync(path('ventes.csv'), frenchExport());

describe('stocklab import', () => {
  it('reads a French Excel export into a valid scenario, prints the report and writes the rejected rows', async () => {
    const run = await stocklab('import', '--demand', path('ventes.csv'), '--out', path('scenario.json'), '--report', path('rejected.csv'), '--lead-time', '3');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('numbers read with a decimal comma (6,5 is six and a half)');
    expect(run.stdout).toContain(`scenario written to ${path('scenario.json')} (1 stock points)`);
    const scenario = JSON.parse(readFileSync(path('scenario.json'), 'utf8'));
    expect(parseScenario(scenario).ok).toBe(true);
    expect(scenario.products[0]).toMatchObject({ id: 'CAFE-250', price: 4.9 });
    expect(scenario.lanes[0].leadTime).toEqual({ type: 'constant', value: 3 });
    const rows = parseCsv(readFileSync(path('rejected.csv'), 'utf8'));
    expect(rows[0]).toEqual(['file', 'row', 'column', 'status', 'reason']);
    const byRow = new Map(rows.slice(1).map((row) => [row[1], row]));
    const impossible = [...byRow.values()].find((row) => row[4].includes('a date that exists'))!;
    expect(impossible.slice(0, 4)).toEqual([path('ventes.csv'), '58', 'Date', 'rejected']);
    const text = [...byRow.values()].find((row) => row[4].includes('beaucoup'))!;
    expect(text.slice(0, 4)).toEqual([path('ventes.csv'), '59', 'Quantité vendue', 'rejected']);
  });

  it('without --out prints the scenario on stdout and the report on stderr', async () => {
    const run = await stocklab('import', '--demand', path('ventes.csv'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).version).toBe(1);
    expect(run.stderr).toContain('per SKU and location:');
  });

  it('asks, and exits 2, when the dates could be day first or month first; accepts the answer', async () => {
    writeFileSync(path('ambiguous.csv'), 'date,sku,units\n01/02/2024,a,3\n02/03/2024,a,4\n');
    const asked = await stocklab('import', '--demand', path('ambiguous.csv'));
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('could be day first or month first');
    expect(asked.stderr).toContain('--date-format dmy');
    const answered = await stocklab('import', '--demand', path('ambiguous.csv'), '--date-format', 'mdy');
    expect(answered.code).toBe(0);
  });

  it('exits 2 with the reason for a missing --demand, a missing file, and a file with nothing usable', async () => {
    const none = await stocklab('import');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('expected --demand FILE');
    const missing = await stocklab('import', '--demand', path('nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: cannot read: no such file');
    writeFileSync(path('zeros.csv'), 'date,sku,units\n2024-01-01,a,0\n');
    const zeros = await stocklab('import', '--demand', path('zeros.csv'), '--out', path('zeros.json'));
    expect(zeros.code).toBe(2);
    expect(zeros.stdout).toContain('nothing usable remains');
    const bad = await stocklab('import', '--demand', path('ventes.csv'), '--negatives', 'keep');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--negatives: expected ignore or net or returns');
  });
});
