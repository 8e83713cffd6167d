/**
 * What each comparison of a theory model compares (src/experiment/theory*.ts), as facts: a stable id
 * and the numbers in the sentence. `theoryNoteText` words them in English, the comparison's `note`;
 * a page in another language words the same facts itself (web/i18n/fr/theory.ts).
 */
export type TheoryNote =
  /** the default: no allowance, nothing to explain */
  | { id: 'same' }
  // newsvendor: each day is one period
  | { id: 'newsvendorLeftover' }
  | { id: 'newsvendorShortage' }
  | { id: 'newsvendorCost' }
  | { id: 'newsvendorFillRate' }
  | { id: 'newsvendorCycle' }
  // lost sales, zero lead time
  | { id: 'lostSalesLeftover' }
  | { id: 'lostSalesLost' }
  | { id: 'lostSalesCycle' }
  | { id: 'lostSalesCost' }
  // perishables: order-up-to S, shelf life m, FIFO, lost sales (a Markov chain of `states` states)
  | { id: 'perishableOutdated'; states: number }
  | { id: 'perishableExpired' }
  | { id: 'perishableOnHand' }
  | { id: 'perishableBeforeOutdating' }
  | { id: 'perishableOrders' }
  | { id: 'perishableCost' }
  // EOQ, demand in daily lumps of `lump` units
  | { id: 'eoqOnHand'; lump: number }
  | { id: 'eoqHolding'; lump: number }
  | { id: 'eoqOrders' }
  | { id: 'eoqOrderingCost' }
  | { id: 'eoqFillRate' }
  | { id: 'plannedOnHand'; lump: number }
  | { id: 'plannedBackorders'; lump: number }
  | { id: 'plannedOrders' }
  // Poisson continuous review: base stock and (r, Q)
  | { id: 'poissonFillRate' }
  | { id: 'poissonReadyRate' }
  | { id: 'poissonNoBackorders' }
  | { id: 'poissonWaitingShare' }
  | { id: 'poissonOnHand' }
  | { id: 'poissonBackorders' }
  | { id: 'poissonPosition' }
  | { id: 'poissonHolding' }
  | { id: 'poissonStockoutCost' }
  | { id: 'baseStockPipeline' }
  | { id: 'rqOrders' }
  | { id: 'rqOrderingCost' }
  // periodic review, normal demand
  | { id: 'reviewCycle' }
  | { id: 'reviewFillRate' }
  | { id: 'reviewOnHand' }
  | { id: 'reviewBackorders' }
  | { id: 'reviewCost' }
  // lost sales, Erlang loss
  | { id: 'erlangFillRate' }
  | { id: 'erlangOnHand' }
  | { id: 'erlangLost' }
  | { id: 'erlangOrders' }
  // periodic (s, S)
  | { id: 'periodicSSCost' }
  | { id: 'periodicSSEndOfDay' }
  | { id: 'periodicSSOrders' }
  // pass-through, a periodic base stock (S - 1, S)
  | { id: 'passThroughFillRate' }
  | { id: 'passThroughOnHand' }
  // bullwhip: `covered` days of demand under the order-up-to level
  | { id: 'bullwhipMovingAverage'; periods: number; covered: number }
  | { id: 'bullwhipSmoothing'; alpha: number; covered: number }
  // queues
  | { id: 'mmcWait' }
  | { id: 'mmcBackorders' }
  | { id: 'queueWaitInQueue' }
  | { id: 'queueNumberInQueue' }
  | { id: 'queueErlangC' }
  | { id: 'queueUtilisation' }
  | { id: 'queueInSystem' }
  | { id: 'makeToStockFillRate' }
  | { id: 'makeToStockBackorders' }
  | { id: 'makeToStockOnHand' }
  // serial base stock
  | { id: 'serialFillRate' }
  | { id: 'serialBackorders' }
  | { id: 'serialOnHand'; stage: number }
  | { id: 'serialHolding' }
  | { id: 'serialStockoutCost' };

export type TheoryNoteId = TheoryNote['id'];

const NEWSVENDOR_DAY = 'each day starts at S (the morning order arrives at once and clears the backlog), so each day is one newsvendor period; measured at the end of the day';
const ONE_ORDER = 'the window holds a whole number of orders, so the count can be off by one';
const PERIODIC_SS_DAY = 'at the end of each day, after its demand (an order placed at the start of day t arrives at the start of day t + L, before its demand)';

/** Why EOQ comparisons carry an allowance of half a day's demand. */
function lumpNote(dailyDemand: number): string {
  return `the formula has demand flowing continuously; here it comes in lumps of ${dailyDemand} at the start of each day, so the time-average stock level differs from the sawtooth's by at most half a lump`;
}

/** The bullwhip note after its formula. */
function coveredNote(covered: number): string {
  return ` and L = lead time + review period = ${covered} days, the demand the order-up-to level covers; i.i.d. demand and a constant safety stock make the bound exact`;
}

/** What a comparison compares, in English: the comparison's `note`. */
export function theoryNoteText(note: TheoryNote): string {
  switch (note.id) {
    case 'same':
      return 'the simulation measures what the formula predicts';
    case 'newsvendorLeftover':
      return `E(S - D)+: ${NEWSVENDOR_DAY}`;
    case 'newsvendorShortage':
      return `E(D - S)+: ${NEWSVENDOR_DAY}`;
    case 'newsvendorCost':
      return 'h E(S - D)+ + b E(D - S)+ per day';
    case 'newsvendorFillRate':
      return '1 - E(D - S)+ / E[D]: units served from the shelf';
    case 'newsvendorCycle':
      return 'P(D <= S): days with no unit short';
    case 'lostSalesLeftover':
      return 'E(S - D)+ at the end of each day';
    case 'lostSalesLost':
      return 'E(D - S)+ units lost a day';
    case 'lostSalesCycle':
      return 'P(D <= S): days that lose nothing';
    case 'lostSalesCost':
      return 'h E(S - D)+ + p E(D - S)+ per day';
    case 'perishableOutdated':
      return `units outdated at the end of each day, E(x1 - D)+ with x1 the oldest units, over the stationary distribution of the stock by remaining life (a Markov chain of ${note.states} states, solved exactly)`;
    case 'perishableExpired':
      return 'units expired in the window, a day: every expiry falls on a day boundary, so the same as the outdating per period';
    case 'perishableOnHand':
      return 'units still sellable at the end of each day, after outdating';
    case 'perishableBeforeOutdating':
      return 'the end of each day before outdating, E(S - D)+: the reading before issue 17';
    case 'perishableOrders':
      return 'P(fewer than S units left with life): days on which an order is placed';
    case 'perishableCost':
      return 'h x on hand after outdating + p x units lost + (unit cost + disposal) x units outdated, per day';
    case 'eoqOnHand':
      return `Q / 2; ${lumpNote(note.lump)}`;
    case 'eoqHolding':
      return `h Q / 2 a year; ${lumpNote(note.lump)}`;
    case 'eoqOrders':
      return `D / Q a year; ${ONE_ORDER}`;
    case 'eoqOrderingCost':
      return `K D / Q a year; ${ONE_ORDER}`;
    case 'eoqFillRate':
      return 'orders arrive as the stock runs out: no demand goes short';
    case 'plannedOnHand':
      return `(Q - B)^2 / 2Q; ${lumpNote(note.lump)}`;
    case 'plannedBackorders':
      return `B^2 / 2Q; ${lumpNote(note.lump)}`;
    case 'plannedOrders':
      return 'D / Q a year; the count can be off by one order in the window';
    case 'poissonFillRate':
      return 'P(a customer finds stock): Poisson arrivals see time averages (PASTA)';
    case 'poissonReadyRate':
      return 'P(on hand > 0), time-weighted';
    case 'poissonNoBackorders':
      return 'P(lead-time demand <= inventory position), time-weighted';
    case 'poissonWaitingShare':
      return '1 - fill rate: with full backordering every unit not served at once waits';
    case 'poissonOnHand':
      return 'time-average on hand';
    case 'poissonBackorders':
      return 'time-average backorders';
    case 'poissonPosition':
      return 'time-average inventory position';
    case 'poissonHolding':
      return 'h E[on hand] per day';
    case 'poissonStockoutCost':
      return 'b E[backorders] + p λ (1 - fill rate) per day';
    case 'baseStockPipeline':
      return "λ L units in transit (Little's law)";
    case 'rqOrders':
      return 'λ / Q orders a day';
    case 'rqOrderingCost':
      return 'K λ / Q per day';
    case 'reviewCycle':
      return 'Φ(z): review periods with no unit short (orders arrive at reviews, so a review period is a replenishment cycle)';
    case 'reviewFillRate':
      return '1 - σ√(R+L) G(z) / (μR); the formula also counts backorders carried in from the previous cycle, E(D(L) - S)+ / (μR), which is the allowance';
    case 'reviewOnHand':
      return 'E(S - D(R+L))+ at the end of each review period';
    case 'reviewBackorders':
      return 'E(D(R+L) - S)+ at the end of each review period';
    case 'reviewCost':
      return 'h R E[on hand] + b R E[backorders] at the period end + K';
    case 'erlangFillRate':
      return '1 - B(S, λL), Erlang B: a customer finds all S units on order with that probability (PASTA)';
    case 'erlangOnHand':
      return 'S - λL (1 - B)';
    case 'erlangLost':
      return 'λ B units lost a day';
    case 'erlangOrders':
      return 'λ (1 - B): one order per unit sold';
    case 'periodicSSCost':
      return `c(s, S) = K/day ordered + h E[on hand] + p E[backorders], ${PERIODIC_SS_DAY}`;
    case 'periodicSSEndOfDay':
      return PERIODIC_SS_DAY;
    case 'periodicSSOrders':
      return '1 / M(S - s): the fraction of days with an order';
    case 'passThroughFillRate':
      return '1 - (E(D(L+1) - S)+ - E(D(L) - S)+) / μ: a day starts at S - D(L), and what it is short is what it adds to the backlog';
    case 'passThroughOnHand':
      return 'E(S - D(L+1))+: the day\'s demand comes at its start, so the stock held all day is the end-of-day stock';
    case 'bullwhipMovingAverage':
      return `1 + 2L/p + 2L²/p² with p = ${note.periods}${coveredNote(note.covered)}`;
    case 'bullwhipSmoothing':
      return `1 + 2αL + 2α²L²/(2 - α) with α = ${note.alpha}${coveredNote(note.covered)}`;
    case 'mmcWait':
      return "W = Wq + 1/μ: each customer waits while one job is in the station, so the mean wait is the mean time in system (Little's law)";
    case 'mmcBackorders':
      return 'L: customers waiting = jobs at the station';
    case 'queueWaitInQueue':
      return 'Wq = C(c, a) / (cμ - λ), the mean wait before a server starts (0 for an order started on arrival)';
    case 'queueNumberInQueue':
      return "Lq = λ Wq, orders waiting for a server, time-averaged (Little's law)";
    case 'queueErlangC':
      return 'C(c, a): the share of orders that find every server busy (Poisson arrivals see time averages)';
    case 'queueUtilisation':
      return 'ρ = λ / cμ, the time-average share of servers busy';
    case 'queueInSystem':
      return 'L = Lq + λ/μ: orders waiting and in service, all in the pipeline to the stock point';
    case 'makeToStockFillRate':
      return '1 - ρ^S: a customer finds fewer than S orders in production (PASTA)';
    case 'makeToStockBackorders':
      return 'ρ^(S+1) / (1 - ρ)';
    case 'makeToStockOnHand':
      return 'S - ρ(1 - ρ^S) / (1 - ρ)';
    case 'serialFillRate':
      return 'P(stage 1 has stock) (PASTA)';
    case 'serialBackorders':
      return "E[B1]: customers' backorders, time-average";
    case 'serialOnHand':
      return `E[I${note.stage}], time-average on hand at stage ${note.stage}`;
    case 'serialHolding':
      return 'Σ installation holding cost × E[on hand]; in-transit stock is not charged (the same for every policy)';
    case 'serialStockoutCost':
      return 'b E[B1] + p λ (1 - fill rate): the backorder cost per unit-day and the penalty per unit short';
  }
}

/** Says that a variant's closed form lies outside the analytic model's range, and why (src/theory/range.ts rangeReasonText). */
export function outsideRangeMessage(model: string, reason: string): string {
  return `outside the analytic model's range: ${reason}; the ${model} formulas are not computed for this variant (the simulation is unaffected)`;
}
