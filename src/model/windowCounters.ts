import { emptyCounters, type KpiCounters } from '../metrics/kpis.ts';

/**
 * A stock point's counters over the measured window. The simulation adds to these on every event, so
 * they live in one Float64Array behind accessors: V8 stores a double object field as a pointer to a
 * separate heap number, and an update then touches memory scattered over the heap; a typed array
 * keeps the numbers unboxed and side by side (the accessors are inlined). `toKpiCounters` gives the
 * reporting form, with null where a KPI does not apply.
 */
export class WindowCounters {
  /** the counters, in the order of the accessors below */
  readonly values = new Float64Array(34);

  get customerDemandUnits(): number {
    return this.values[0];
  }
  set customerDemandUnits(value: number) {
    this.values[0] = value;
  }
  get customerFilledImmediatelyUnits(): number {
    return this.values[1];
  }
  set customerFilledImmediatelyUnits(value: number) {
    this.values[1] = value;
  }
  get demandUnits(): number {
    return this.values[2];
  }
  set demandUnits(value: number) {
    this.values[2] = value;
  }
  get filledImmediatelyUnits(): number {
    return this.values[3];
  }
  set filledImmediatelyUnits(value: number) {
    this.values[3] = value;
  }
  get lostUnits(): number {
    return this.values[4];
  }
  set lostUnits(value: number) {
    this.values[4] = value;
  }
  get backorderedUnits(): number {
    return this.values[5];
  }
  set backorderedUnits(value: number) {
    this.values[5] = value;
  }
  get deliveredUnits(): number {
    return this.values[6];
  }
  set deliveredUnits(value: number) {
    this.values[6] = value;
  }
  get totalWaitUnitDays(): number {
    return this.values[7];
  }
  set totalWaitUnitDays(value: number) {
    this.values[7] = value;
  }
  get cycles(): number {
    return this.values[8];
  }
  set cycles(value: number) {
    this.values[8] = value;
  }
  get cyclesWithStockout(): number {
    return this.values[9];
  }
  set cyclesWithStockout(value: number) {
    this.values[9] = value;
  }
  get areaOnHand(): number {
    return this.values[10];
  }
  set areaOnHand(value: number) {
    this.values[10] = value;
  }
  get areaPosition(): number {
    return this.values[11];
  }
  set areaPosition(value: number) {
    this.values[11] = value;
  }
  get areaPipeline(): number {
    return this.values[12];
  }
  set areaPipeline(value: number) {
    this.values[12] = value;
  }
  get areaBackorders(): number {
    return this.values[13];
  }
  set areaBackorders(value: number) {
    this.values[13] = value;
  }
  get daysInStock(): number {
    return this.values[14];
  }
  set daysInStock(value: number) {
    this.values[14] = value;
  }
  get issuedUnits(): number {
    return this.values[15];
  }
  set issuedUnits(value: number) {
    this.values[15] = value;
  }
  get ordersPlaced(): number {
    return this.values[16];
  }
  set ordersPlaced(value: number) {
    this.values[16] = value;
  }
  get bullwhipDays(): number {
    return this.values[17];
  }
  set bullwhipDays(value: number) {
    this.values[17] = value;
  }
  get dailyOrderSum(): number {
    return this.values[18];
  }
  set dailyOrderSum(value: number) {
    this.values[18] = value;
  }
  get dailyOrderSumSquares(): number {
    return this.values[19];
  }
  set dailyOrderSumSquares(value: number) {
    this.values[19] = value;
  }
  get dailyDemandSum(): number {
    return this.values[20];
  }
  set dailyDemandSum(value: number) {
    this.values[20] = value;
  }
  get dailyDemandSumSquares(): number {
    return this.values[21];
  }
  set dailyDemandSumSquares(value: number) {
    this.values[21] = value;
  }
  get orderingCost(): number {
    return this.values[22];
  }
  set orderingCost(value: number) {
    this.values[22] = value;
  }
  get purchaseCost(): number {
    return this.values[23];
  }
  set purchaseCost(value: number) {
    this.values[23] = value;
  }
  get transportCost(): number {
    return this.values[24];
  }
  set transportCost(value: number) {
    this.values[24] = value;
  }
  get stockoutCost(): number {
    return this.values[25];
  }
  set stockoutCost(value: number) {
    this.values[25] = value;
  }
  get revenue(): number {
    return this.values[26];
  }
  set revenue(value: number) {
    this.values[26] = value;
  }
  get customersChurned(): number {
    return this.values[27];
  }
  set customersChurned(value: number) {
    this.values[27] = value;
  }
  get demandLostToChurn(): number {
    return this.values[28];
  }
  set demandLostToChurn(value: number) {
    this.values[28] = value;
  }
  get churnCost(): number {
    return this.values[29];
  }
  set churnCost(value: number) {
    this.values[29] = value;
  }
  get periods(): number {
    return this.values[30];
  }
  set periods(value: number) {
    this.values[30] = value;
  }
  get endOfPeriodOnHandSum(): number {
    return this.values[31];
  }
  set endOfPeriodOnHandSum(value: number) {
    this.values[31] = value;
  }
  get endOfPeriodBackordersSum(): number {
    return this.values[32];
  }
  set endOfPeriodBackordersSum(value: number) {
    this.values[32] = value;
  }
  get periodCostSum(): number {
    return this.values[33];
  }
  set periodCostSum(value: number) {
    this.values[33] = value;
  }

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
