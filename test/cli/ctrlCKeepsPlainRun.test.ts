import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ctrlCOnTerminal, stocklab } from './stocklab.ts';

/**
 * Ctrl-C keeps the replications every variant (grid point) finished: the numbers printed must be those
 * of a plain run of that many replications, not merely "some". Ctrl-C is pressed once the progress line
 * shows runs done (not on a timer), and how many were kept is read from the interrupted output.
 */
const hasScript = existsSync('/usr/bin/script');

describe.skipIf(!hasScript)('Ctrl-C keeps numbers equal to a plain run of the replications kept', () => {
  it('stocklab compare --json', async () => {
    const args = ['compare', 'scenarios/04-coffee-brand.json', '--days', '60', '--kpis', 'fillRate', '--workers', '2', '--json'];
    const stopped = await ctrlCOnTerminal(6, ...args, '--replications', '100000', '--allow-large');
    expect(stopped.doneAtCtrlC).not.toBeNull();
    expect(stopped.code).toBe(130);
    const interrupted = JSON.parse(stopped.stdout);
    const kept: number = interrupted.replications;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(100000);
    expect(stopped.terminal).toContain(`the comparison above uses the ${kept} replications every variant finished`);
    const plain = await stocklab(...args, '--replications', String(kept));
    expect(plain.code).toBe(0);
    const full = JSON.parse(plain.stdout);
    expect(full.replications).toBe(kept);
    expect(interrupted.comparisons).toEqual(full.comparisons);
  });

  it('stocklab sweep --json', async () => {
    const args = ['sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=100:130:10', '--days', '300', '--workers', '2', '--json'];
    const stopped = await ctrlCOnTerminal(8, ...args, '--replications', '100000', '--allow-large');
    expect(stopped.doneAtCtrlC).not.toBeNull();
    expect(stopped.code).toBe(130);
    const interrupted = JSON.parse(stopped.stdout);
    const kept: number = interrupted.replications;
    expect(interrupted.complete).toBe(false);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(stopped.terminal).toContain(`the grid above has the ${kept} replications every point finished`);
    const plain = await stocklab(...args, '--replications', String(kept));
    expect(plain.code).toBe(0);
    const full = JSON.parse(plain.stdout);
    expect(full).toMatchObject({ replications: kept, complete: true });
    expect(interrupted.rows).toEqual(full.rows);
  });

  it('stocklab optimize --json: the screening kept is a plain screening of that many replications', async () => {
    const args = ['optimize', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=100:130:10', '--days', '300', '--workers', '2', '--json'];
    const stopped = await ctrlCOnTerminal(8, ...args, '--replications', '100000', '--allow-large');
    expect(stopped.doneAtCtrlC).not.toBeNull();
    expect(stopped.code).toBe(130);
    const interrupted = JSON.parse(stopped.stdout);
    expect(interrupted).toMatchObject({ verdict: 'interrupted', complete: false });
    const kept: number = interrupted.replications.screen;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(100000);
    // a plain optimisation screening with `kept` replications (its confirmation is not compared)
    const plain = await stocklab(...args, '--replications', String(kept), '--confirm-replications', '2');
    expect(plain.code).toBe(0);
    const full = JSON.parse(plain.stdout);
    expect(full.replications.screen).toBe(kept);
    expect(interrupted.screened).toEqual(full.screened);
  });
});
