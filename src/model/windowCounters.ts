import { emptyCounters, type KpiCounters } from '../metrics/kpis.ts';

/**
 * A stock point's counters over the measured window, as a class of plain numbers. The simulation
 * adds to these on every event: a class with fields that are always numbers keeps one hidden shape
 * and unboxed doubles in V8, where an object whose fields may also be null would allocate a heap
 * number on every addition. `toKpiCounters` gives the reporting form, with null where a KPI does
 * not apply.
 */
export class WindowCounters {
  customerDemandUnits = 0;
  customerFilledImmediatelyUnits = 0;
  demandUnits = 0;
  filledImmediatelyUnits = 0;
  lostUnits = 0;
  backorderedUnits = 0;
  deliveredUnits = 0;
  totalWaitUnitDays = 0;
  cycles = 0;
  cyclesWithStockout = 0;
  areaOnHand = 0;
  areaPosition = 0;
  areaPipeline = 0;
  areaBackorders = 0;
  daysInStock = 0;
  issuedUnits = 0;
  ordersPlaced = 0;
  bullwhipDays = 0;
  dailyOrderSum = 0;
  dailyOrderSumSquares = 0;
  dailyDemandSum = 0;
  dailyDemandSumSquares = 0;
  orderingCost = 0;
  purchaseCost = 0;
  transportCost = 0;
  stockoutCost = 0;
  revenue = 0;
  customersChurned = 0;
  demandLostToChurn = 0;
  churnCost = 0;
  // end-of-period measures (periodic policies)
  periods = 0;
  endOfPeriodOnHandSum = 0;
  endOfPeriodBackordersSum = 0;
  periodCostSum = 0;

  toKpiCounters(
    windowDays: number,
    costs: { unitCost: number; holdingCostPerDay: number },
    applies: { revenue: boolean; customers: boolean },
  ): KpiCounters {
    const c = emptyCounters(windowDays);
    c.stockPoints = 1;
    c.customerDemandUnits = this.customerDemandUnits;
    c.customerFilledImmediatelyUnits = this.customerFilledImmediatelyUnits;
    c.demandUnits = this.demandUnits;
    c.filledImmediatelyUnits = this.filledImmediatelyUnits;
    c.lostUnits = this.lostUnits;
    c.backorderedUnits = this.backorderedUnits;
    c.deliveredUnits = this.deliveredUnits;
    c.totalWaitUnitDays = this.totalWaitUnitDays;
    c.cycles = this.cycles;
    c.cyclesWithStockout = this.cyclesWithStockout;
    c.areaOnHand = this.areaOnHand;
    c.areaOnHandValue = this.areaOnHand * costs.unitCost;
    c.areaPosition = this.areaPosition;
    c.areaPipeline = this.areaPipeline;
    c.areaBackorders = this.areaBackorders;
    c.daysInStock = this.daysInStock;
    c.issuedUnits = this.issuedUnits;
    c.issuedValue = this.issuedUnits * costs.unitCost;
    c.ordersPlaced = this.ordersPlaced;
    c.bullwhipDays = this.bullwhipDays;
    c.dailyOrderSum = this.dailyOrderSum;
    c.dailyOrderSumSquares = this.dailyOrderSumSquares;
    c.dailyDemandSum = this.dailyDemandSum;
    c.dailyDemandSumSquares = this.dailyDemandSumSquares;
    if (this.periods > 0) {
      c.periodicPoints = 1;
      c.endOfPeriodOnHand = this.endOfPeriodOnHandSum / this.periods;
      c.endOfPeriodBackorders = this.endOfPeriodBackordersSum / this.periods;
      c.costPerPeriod = this.periodCostSum / this.periods;
    }
    c.holdingCost = this.areaOnHand * costs.holdingCostPerDay;
    c.orderingCost = this.orderingCost;
    c.purchaseCost = this.purchaseCost;
    c.transportCost = this.transportCost;
    c.stockoutCost = this.stockoutCost;
    c.revenue = applies.revenue ? this.revenue : null;
    if (applies.customers) {
      c.customersChurned = this.customersChurned;
      c.demandLostToChurn = this.demandLostToChurn;
      c.churnCost = this.churnCost;
    }
    return c;
  }
}
