import { describe, expect, it } from 'vitest';
import { KPI_KINDS, KPI_NAMES } from '../../src/metrics/kpis.ts';
import { axisFormat, formatValue, formatWithHalfWidth, halfWidthDecimals, KPI_LIST, kpiMeta, splitWithHalfWidth } from '../../web/charts/kpiMeta.ts';

describe('KPI display facts', () => {
  it('covers every engine KPI, in the engine’s order, with the engine’s kind', () => {
    expect(KPI_LIST).toEqual([...KPI_NAMES]);
    for (const name of KPI_NAMES) expect(kpiMeta(name).kind, name).toBe(KPI_KINDS[name]);
  });

  it('says service, revenue, profit and customers kept are better higher', () => {
    for (const name of ['fillRate', 'cycleServiceLevel', 'readyRate', 'onTimeDelivery', 'revenue', 'profit', 'activeCustomers'] as const) {
      expect(kpiMeta(name).better, name).toBe('higher');
    }
  });

  it('says costs, backorders, lost sales, waits and churn are better lower', () => {
    const lower = [
      'holdingCost', 'orderingCost', 'purchaseCost', 'transportCost', 'stockoutCost', 'expiryCost', 'churnCost', 'totalCost', 'costPerPeriod',
      'avgBackorders', 'endOfPeriodBackorders', 'lostSalesUnits', 'avgCustomerWait', 'customersChurned', 'demandLostToChurn',
    ] as const;
    for (const name of lower) expect(kpiMeta(name).better, name).toBe('lower');
  });

  it('leaves trade-off quantities (stock levels, turns, orders placed) without a direction', () => {
    for (const name of ['avgOnHand', 'avgInventoryPosition', 'avgPipeline', 'inventoryTurns', 'daysOfSupply', 'ordersPlaced', 'endOfPeriodOnHand'] as const) {
      expect(kpiMeta(name).better, name).toBeNull();
    }
  });

  it('labels money with the scenario’s currency when given', () => {
    expect(kpiMeta('holdingCost', 'EUR').labelWithUnit).toBe('Holding cost (EUR)');
    expect(kpiMeta('holdingCost').unit).toBe('currency units');
    expect(kpiMeta('fillRate').labelWithUnit).toBe('Fill rate (%)');
  });
});

describe('number formats', () => {
  it('shows rates as percentages and large numbers with thousands separators', () => {
    expect(formatValue('ratio', 0.92427)).toBe('92.4%');
    expect(formatValue('money', 145349.18)).toBe('145,349');
    expect(formatValue('quantity', 11.6)).toBe('11.6');
    expect(formatValue('quantity', 0.0143)).toBe('0.01');
    // a count from one replication has no decimals
    expect(formatValue('quantity', 8)).toBe('8');
  });

  it('gives a rate’s half-width in percentage points, the mean to the same decimal place', () => {
    expect(formatWithHalfWidth('ratio', 0.92427, 0.00115)).toBe('92.43% ± 0.11 pts');
    expect(formatWithHalfWidth('ratio', 0.99861, 0.00031)).toBe('99.861% ± 0.031 pts');
    expect(formatWithHalfWidth('ratio', 0.5, 0.35)).toBe('50% ± 35 pts');
    expect(formatWithHalfWidth('ratio', 0.924, 0.006)).toBe('92.4% ± 0.6 pts');
  });

  it('shows the half-width to at most two significant digits (Particle Data Group rule) and the mean to its place', () => {
    // leading digits 100–354: two digits
    expect(formatWithHalfWidth('money', 946.23, 0.2)).toBe('946.23 ± 0.20');
    expect(formatWithHalfWidth('money', 946.23, 1.234)).toBe('946.2 ± 1.2');
    // 355–949: one digit
    expect(formatWithHalfWidth('money', 946.23, 6.34)).toBe('946 ± 6');
    // 950–999: up to the next power of ten, two digits
    expect(formatWithHalfWidth('money', 5, 0.96)).toBe('5.0 ± 1.0');
    expect(formatWithHalfWidth('money', 100, 1)).toBe('100.0 ± 1.0');
  });

  it('rounds a large half-width to tens, hundreds…, but a mean never past its units (as the CLI, and the CSV matches)', () => {
    expect(formatWithHalfWidth('money', 145349.18, 1234)).toBe('145,349 ± 1,200');
    expect(formatWithHalfWidth('money', 3.4e7 + 123456, 1.2e6)).toBe('34,123,456 ± 1,200,000');
    expect(formatWithHalfWidth('money', -1234.5, 96)).toBe('−1,235 ± 100');
    expect(formatWithHalfWidth('quantity', 744.333, 41)).toBe('744 ± 40');
  });

  it('writes negative means with a true minus sign at the half-width’s place', () => {
    expect(formatWithHalfWidth('money', -12.345, 0.5)).toBe('−12.3 ± 0.5');
  });

  it('caps tiny half-widths at six decimals: a deterministic model’s rounding noise reads as “< 0.000001”', () => {
    expect(formatWithHalfWidth('quantity', 12.3456, 1e-8)).toBe('12.3 ± < 0.000001');
    expect(formatWithHalfWidth('quantity', 0.01234567, 0.0000021)).toBe('0.012346 ± 0.000002');
  });

  it('shows a mean alone when there is no interval (one replication, or a half-width that is not a number ≥ 0), and a zero half-width as zero', () => {
    expect(formatWithHalfWidth('money', 946.23, null)).toBe('946');
    expect(formatWithHalfWidth('money', 946.23, Number.NaN)).toBe('946');
    expect(formatWithHalfWidth('money', 946.23, -1)).toBe('946');
    expect(formatWithHalfWidth('days', 0, 0)).toBe('0.00 ± 0.00');
    expect(formatWithHalfWidth('ratio', 1, 0)).toBe('100.0% ± 0.0 pts');
  });

  it('writes negative numbers with a true minus sign', () => {
    expect(formatValue('money', -1234)).toBe('−1,234');
  });

  it('formats axis ticks at the precision of their step', () => {
    expect(axisFormat('ratio', 0.9, 1, 5)(0.92)).toBe('92%');
    expect(axisFormat('ratio', 0.99, 1, 5)(0.992)).toBe('99.2%');
    expect(axisFormat('money', 0, 20000, 5)(15000)).toBe('15,000');
  });

  it('splits mean and half-width for tables and cards, the same rule', () => {
    expect(splitWithHalfWidth('money', 946.23, 6.34)).toEqual({ mean: '946', halfWidth: '± 6' });
    expect(splitWithHalfWidth('ratio', 0.92427, null)).toEqual({ mean: '92.4%', halfWidth: null });
  });

  it('places a half-width’s rounding at its first or second significant digit', () => {
    expect(halfWidthDecimals(6.34)).toBe(0);
    expect(halfWidthDecimals(0.115)).toBe(2);
    expect(halfWidthDecimals(0.354)).toBe(2);
    expect(halfWidthDecimals(0.355)).toBe(1);
    expect(halfWidthDecimals(0.96)).toBe(1);
    expect(halfWidthDecimals(1000)).toBe(-2);
    expect(halfWidthDecimals(1234)).toBe(-2);
    expect(halfWidthDecimals(1e-9)).toBe(6);
  });
});
