import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber, formatSeconds, formatTable } from '../../src/cli/format.ts';

const summary = (mean: number | null, halfWidth: number | null) => ({ mean, sd: null, halfWidth, n: 10 });

describe('formatCell', () => {
  it('shows rates as percentages, to the precision of the half-width', () => {
    expect(formatCell('fillRate', summary(0.85372, 0.00291), 'EUR')).toBe('85.37% ± 0.29%');
    expect(formatCell('readyRate', summary(0.9, 0.05), 'EUR')).toBe('90.0% ± 5.0%');
    expect(formatCell('cycleServiceLevel', summary(0.5, null), 'EUR')).toBe('50.0%');
  });

  it('shows money with thousands separators and the currency', () => {
    expect(formatCell('totalCost', summary(1234567.891, 2345.6), 'EUR')).toBe('1,234,568 EUR ± 2,346 EUR');
    expect(formatCell('holdingCost', summary(118.356, 0.84), 'USD')).toBe('118.36 USD ± 0.84 USD');
    expect(formatCell('profit', summary(-5321.4, 120), 'EUR')).toBe('-5,321 EUR ± 120 EUR');
  });

  it('shows counts and levels plainly, and a constant KPI without noise digits', () => {
    expect(formatCell('ordersPlaced', summary(10787, 32.4), 'EUR')).toBe('10,787 ± 32');
    expect(formatCell('avgOnHand', summary(3.2876, 0.0231), 'EUR')).toBe('3.288 ± 0.023');
    expect(formatCell('lostSalesUnits', summary(0, 0), 'EUR')).toBe('0 ± 0');
    expect(formatCell('avgInventoryPosition', summary(12, 3e-16), 'EUR')).toBe('12 ± 0');
    expect(formatCell('expiredUnits', summary(null, null), 'EUR')).toBe('-');
  });
});

describe('formatting helpers', () => {
  it('formats numbers the same in every locale', () => {
    expect(formatNumber(1234567.5, 1)).toBe('1,234,567.5');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
  });

  it('formats seconds and minutes', () => {
    expect(formatSeconds(0.4213)).toBe('0.42 s');
    expect(formatSeconds(42.25)).toBe('42.3 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
  });

  it('pads columns: names left, values right', () => {
    expect(formatTable(['kpi', 'a'], [['fillRate', '1%'], ['x', '100%']])).toEqual(['kpi          a', '--------  ----', 'fillRate    1%', 'x         100%']);
  });
});
