import { describe, expect, it } from 'vitest';
import { KPI_KINDS, KPI_NAMES } from '../../src/metrics/kpis.ts';
import { axisFormat, formatValue, formatWithHalfWidth, KPI_LIST, kpiMeta } from '../../web/charts/kpiMeta.ts';

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

  it('gives a rate’s half-width in percentage points, with enough digits to show it', () => {
    expect(formatWithHalfWidth('ratio', 0.92427, 0.00115)).toBe('92.4% ± 0.1 pts');
    expect(formatWithHalfWidth('ratio', 0.99861, 0.00031)).toBe('99.86% ± 0.03 pts');
    expect(formatWithHalfWidth('money', 946.23, 6.34)).toBe('946 ± 6');
    expect(formatWithHalfWidth('money', 946.23, 0.2)).toBe('946.2 ± 0.2');
  });

  it('shows a mean alone when there is no interval (one replication), and a zero half-width as zero', () => {
    expect(formatWithHalfWidth('money', 946.23, null)).toBe('946');
    expect(formatWithHalfWidth('days', 0, 0)).toBe('0.00 ± 0.00');
  });

  it('writes negative numbers with a true minus sign', () => {
    expect(formatValue('money', -1234)).toBe('−1,234');
  });

  it('formats axis ticks at the precision of their step', () => {
    expect(axisFormat('ratio', 0.9, 1, 5)(0.92)).toBe('92%');
    expect(axisFormat('ratio', 0.99, 1, 5)(0.992)).toBe('99.2%');
    expect(axisFormat('money', 0, 20000, 5)(15000)).toBe('15,000');
  });
});
