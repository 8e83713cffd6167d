import { describe, expect, it } from 'vitest';
import { stocklab } from './stocklab.ts';

describe('stocklab sensitivity', () => {
  it('moves each input down and up on the same seed and lists the KPI\'s response, largest swing first', async () => {
    const result = await stocklab('sensitivity', 'scenarios/04-coffee-brand.json', '--replications', '2', '--days', '90', '--by', '10', '--kpi', 'fillRate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| Lean \(s, S\) \| each input −10% and \+10% in turn, on the same seed \| 2 replications each/);
    expect(result.stdout).toMatch(/\nfillRate at the baseline: [\d.]+% ± [\d.]+%\n/);
    const rows = result.stdout.split('\n').filter((line) => /█/.test(line));
    expect(rows).toHaveLength(5);
    const bars = rows.map((line) => (line.match(/█+/) ?? [''])[0].length);
    expect([...bars].sort((a, b) => b - a)).toEqual(bars);
    const json = JSON.parse((await stocklab('sensitivity', 'scenarios/04-coffee-brand.json', '--replications', '2', '--days', '90', '--json')).stdout);
    expect(json.bars.map((bar: { input: string }) => bar.input).sort()).toEqual(['churn', 'demandMean', 'demandVariability', 'holdingCost', 'leadTime']);
  });

  it('refuses a move of 100% or more (exit 2)', async () => {
    const result = await stocklab('sensitivity', 'scenarios/04-coffee-brand.json', '--by', '100');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--by must be under 100/);
  });
});
