/**
 * The model's event kinds and, for events that fall on the same instant, the order in which they run
 * (lower priority first). The order encodes the textbook timing of periodic models: at the boundary
 * between day d-1 and day d, the day that ended is recorded first, then shipments arriving at that
 * instant are received, then periodic reviews place orders, then the day's demand (per-period
 * demand) occurs. An order placed at the review of day t with lead time L therefore arrives before
 * the demand of day t + L. Orders that travelled upstream (a lane's orderDelayDays) reach their supplier
 * after the instant's receipts and before its reviews; a point reviewing "afterDemand" (the Beer Game's
 * week: fill the week's orders, then order) reviews after the day's demand.
 *
 * Simulation's dispatch (simulation.ts) sends each kind to the process that handles it, one per file in
 * processes/: arrivals and per-period demand to customerDemand.ts, new customers to customerChurn.ts,
 * reviews and receipts to replenishment.ts, allocations to echelonAllocation.ts, return receipts to
 * upstreamReturns.ts, processing done to shipping.ts, consignments and lot expiry to lotsAndExpiry.ts,
 * count results to damageAndVisibility.ts, customer returns to customerReturns.ts, recalls to
 * recalls.ts, end of life to endOfLife.ts, disruption windows to disruptions.ts, day boundaries and the
 * warm-up's end to dayBoundary.ts, online deliveries and promise checks to onlineFulfilment.ts.
 */
export const EventKind = {
  /** integer times: record the day that just ended, open the next one */
  dayBoundary: 0,
  warmupEnd: 1,
  customerArrival: 2,
  receipt: 3,
  review: 4,
  periodDemand: 5,
  disruptionStart: 6,
  disruptionEnd: 7,
  newCustomer: 8,
  returnReceipt: 9,
  /** a production stage's server has processed an order */
  processingDone: 11,
  /** lot pieces arrive at a stock point: a delivery from an upstream point, or a return to one */
  consignmentArrival: 12,
  /** a lot on a stock point's shelf reaches its expiry date */
  lotExpiry: 13,
  /** units a customer bought come back */
  customerReturn: 14,
  /** a recall is announced: its lots leave every shelf */
  recall: 15,
  /** a product's demand ends */
  endOfLife: 16,
  /** a stock count's result reaches the record */
  countResult: 17,
  /** a part of an online order reaches the customer */
  onlineDelivery: 18,
  /** is an online order still waiting when it can no longer make its promised date? */
  promiseCheck: 19,
  /** a stock point with an allocation rule shares what it has among those it owes (once per instant) */
  allocation: 20,
  /** a customer order with delivery terms reaches its customer */
  customerDelivery: 21,
  /** an order that travelled upstream (a lane's orderDelayDays, or an initial pipeline's order) reaches its supplier */
  orderArrival: 22,
  /** the end of the measured window: after the last day is recorded, before anything else at that time */
  horizon: 10,
} as const;

export const Priority = {
  dayBoundary: 0,
  /** the window is [warm-up, horizon): what happens at the warm-up time counts, at the horizon not */
  warmupEnd: 1,
  horizon: 1,
  normal: 2,
  /** after the instant's receipts, so a supplier ships from what it has just received (the board game's order) */
  orderArrival: 3,
  review: 4,
  periodDemand: 5,
  /** a review after the day's demand (a stock point's reviewTiming "afterDemand") */
  reviewAfterDemand: 6,
  /** after every order of the instant is in, so none is served first for being placed first */
  allocation: 7,
} as const;
