import { describe, expect, it } from 'vitest';
import { addCounters, computeKpis, emptyCounters, type KpiCounters } from '../../src/metrics/kpis.ts';

function point(values: Partial<KpiCounters>): KpiCounters {
  return { ...emptyCounters(100), stockPoints: 1, ...values };
}

describe('KPI roll-ups', () => {
  it('recomputes a fill rate from summed units, not by averaging the points’ rates', () => {
    const total = emptyCounters(100);
    addCounters(total, point({ demandUnits: 100, customerDemandUnits: 100, filledImmediatelyUnits: 50, customerFilledImmediatelyUnits: 50 }));
    addCounters(total, point({ demandUnits: 900, customerDemandUnits: 900, filledImmediatelyUnits: 900, customerFilledImmediatelyUnits: 900 }));
    // (0.5 + 1) / 2 = 0.75 would be wrong; 950 / 1000 is right
    expect(computeKpis(total).fillRate).toBe(0.95);
  });

  it('counts only customer demand in a roll-up’s fill rate (a warehouse’s orders from stores are not customers)', () => {
    const total = emptyCounters(100);
    addCounters(total, point({ demandUnits: 100, customerDemandUnits: 100, filledImmediatelyUnits: 90, customerFilledImmediatelyUnits: 90 }));
    addCounters(total, point({ demandUnits: 80, customerDemandUnits: 0, filledImmediatelyUnits: 40, customerFilledImmediatelyUnits: 0 }));
    expect(computeKpis(total).fillRate).toBe(0.9);
  });

  it('takes a roll-up’s cost of goods sold from customer deliveries, not from transfers between points', () => {
    const store = point({ issuedUnits: 100, issuedValue: 1000, deliveredUnits: 100, deliveredValue: 1000, areaOnHand: 1000, areaOnHandValue: 10_000 });
    const warehouse = point({ issuedUnits: 100, issuedValue: 1000, deliveredUnits: 0, deliveredValue: 0, areaOnHand: 1000, areaOnHandValue: 10_000 });
    const total = emptyCounters(100);
    addCounters(total, store);
    addCounters(total, warehouse);
    // 1000 of goods sold over 200 average value in 100 days, annualised
    expect(computeKpis(total).inventoryTurns).toBeCloseTo((1000 / 200) * 3.65, 12);
    expect(computeKpis(warehouse).inventoryTurns).toBeCloseTo((1000 / 100) * 3.65, 12);
  });

  it('leaves revenue and profit unknown when a product in the roll-up has no price', () => {
    const priced = point({ revenue: 500 });
    const unpriced = point({ revenue: null });
    const total = emptyCounters(100);
    addCounters(total, priced);
    addCounters(total, unpriced);
    expect(computeKpis(total).revenue).toBeNull();
    expect(computeKpis(total).profit).toBeNull();
    const pricedOnly = emptyCounters(100);
    addCounters(pricedOnly, priced);
    addCounters(pricedOnly, point({ revenue: 250 }));
    expect(computeKpis(pricedOnly).revenue).toBe(750);
  });

  it('reports a KPI that does not apply as null, not 0', () => {
    const kpis = computeKpis(point({}));
    expect(kpis.fillRate).toBeNull();
    expect(kpis.onTimeDelivery).toBeNull();
    expect(kpis.expiredUnits).toBeNull();
    expect(kpis.endOfPeriodOnHand).toBeNull();
    expect(kpis.activeCustomers).toBeNull();
  });
});
