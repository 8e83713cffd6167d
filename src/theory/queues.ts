/**
 * Markovian queues: M/M/1, M/M/c (Erlang C), the Erlang loss formula (Erlang B) and the make-to-stock
 * M/M/1 queue. Rates are per unit of time (any unit, the same for arrivals and service); the waiting
 * times come out in that unit.
 *
 * References: L. Kleinrock, *Queueing Systems, Vol. 1: Theory* (1975), ch. 3 (M/M/1, M/M/m,
 * M/M/m/m); D. Gross, J. F. Shortle, J. M. Thompson & C. M. Harris, *Fundamentals of Queueing
 * Theory* (4th ed., 2008), ch. 2; J. A. Buzacott & J. G. Shanthikumar, *Stochastic Models of
 * Manufacturing Systems* (1993), ch. 4 (make-to-stock production with a base stock).
 */

import { MAX_STEPS, OutsideAnalyticRange, requireSteps } from './range.ts';

export interface QueueParameters {
  /** λ, arrivals per unit of time */
  arrivalRate: number;
  /** μ, services per unit of time per server */
  serviceRate: number;
}

export interface QueueResult {
  /** ρ = λ/(cμ), the long-run fraction of time a server is busy */
  utilisation: number;
  /** L, the mean number in the system (queue + service) */
  expectedNumberInSystem: number;
  /** Lq, the mean number waiting */
  expectedNumberInQueue: number;
  /** Wq, the mean wait before service, in the rates' time unit */
  expectedWaitInQueue: number;
  /** W = Wq + 1/μ, the mean time in the system */
  expectedTimeInSystem: number;
  /** P(an arrival has to wait): ρ for M/M/1, Erlang C for M/M/c */
  probabilityOfWaiting: number;
}

function checkRate(name: string, value: number): void {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}

function checkServers(servers: number): void {
  if (!(Number.isInteger(servers) && servers >= 1)) {
    throw new RangeError(`servers must be an integer >= 1, got ${servers}`);
  }
}

/**
 * Erlang's loss formula B(c, a): the probability that an arrival finds all c servers busy and is lost
 * (M/M/c/c, offered load a = λ/μ erlangs). By the recurrence B(0) = 1, B(n) = a B(n−1)/(n + a B(n−1)),
 * which never forms a^c or c! and so stays accurate for thousands of servers.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!(Number.isInteger(servers) && servers >= 0)) {
    throw new RangeError(`servers must be an integer >= 0, got ${servers}`);
  }
  if (!(offeredLoad >= 0 && offeredLoad < Infinity)) {
    throw new RangeError(`offeredLoad must be a finite number >= 0, got ${offeredLoad}`);
  }
  let blocking = 1;
  for (let n = 1; n <= servers; n++) {
    blocking = (offeredLoad * blocking) / (n + offeredLoad * blocking);
    // once it underflows to 0 it stays 0 (exactly): far more servers than load need not be walked
    if (blocking === 0) break;
    if (n > MAX_STEPS) throw new OutsideAnalyticRange({ kind: 'erlangLoss', servers, load: offeredLoad, limit: MAX_STEPS });
  }
  return blocking;
}

/**
 * Erlang's delay formula C(c, a): the probability that an arrival to an M/M/c queue waits, from
 * C = B/(1 − ρ(1 − B)) with B = erlangB(c, a) and ρ = a/c < 1 (Gross et al. 2008, ch. 2).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  checkServers(servers);
  const rho = offeredLoad / servers;
  if (!(offeredLoad > 0 && rho < 1)) {
    throw new RangeError(
      `erlangC: offeredLoad must be > 0 and below servers (utilisation < 1), got ${offeredLoad} on ${servers}`,
    );
  }
  const blocking = erlangB(servers, offeredLoad);
  return blocking / (1 - rho * (1 - blocking));
}

/**
 * The M/M/c queue (c = 1: M/M/1) in steady state: Wq = C(c, a)/(cμ − λ), Lq = λ Wq (Little),
 * W = Wq + 1/μ, L = λ W. Throws when the utilisation λ/(cμ) is >= 1: there is no steady state.
 */
export function mmc({ arrivalRate, serviceRate, servers }: QueueParameters & { servers: number }): QueueResult {
  checkRate('arrivalRate', arrivalRate);
  checkRate('serviceRate', serviceRate);
  checkServers(servers);
  const utilisation = arrivalRate / (servers * serviceRate);
  if (!(utilisation < 1)) {
    throw new RangeError(`utilisation λ/(cμ) must be < 1 for a steady state, got ${utilisation}`);
  }
  const probabilityOfWaiting = erlangC(servers, arrivalRate / serviceRate);
  const expectedWaitInQueue = probabilityOfWaiting / (servers * serviceRate - arrivalRate);
  const expectedTimeInSystem = expectedWaitInQueue + 1 / serviceRate;
  return {
    utilisation,
    expectedNumberInSystem: arrivalRate * expectedTimeInSystem,
    expectedNumberInQueue: arrivalRate * expectedWaitInQueue,
    expectedWaitInQueue,
    expectedTimeInSystem,
    probabilityOfWaiting,
  };
}

/**
 * The M/M/1 queue: L = ρ/(1 − ρ), Lq = ρ²/(1 − ρ), W = 1/(μ − λ), Wq = ρ/(μ − λ) (Kleinrock 1975,
 * ch. 3).
 */
export function mm1(parameters: QueueParameters): QueueResult {
  return mmc({ ...parameters, servers: 1 });
}

export interface MakeToStockParameters {
  /** λ, Poisson demand per day */
  demandPerDay: number;
  /** μ, the rate of the single exponential production server per day */
  productionPerDay: number;
}

export interface MakeToStockResult {
  baseStock: number;
  /** P(a demand is met from stock) = P(N < S) = 1 − ρ^S */
  fillRate: number;
  /** E[(N − S)+] = ρ^{S+1}/(1 − ρ) */
  expectedBackorders: number;
  /** E[(S − N)+] = S − ρ(1 − ρ^S)/(1 − ρ) */
  expectedOnHand: number;
}

function makeToStockUtilisation({ demandPerDay, productionPerDay }: MakeToStockParameters): number {
  checkRate('demandPerDay', demandPerDay);
  checkRate('productionPerDay', productionPerDay);
  const rho = demandPerDay / productionPerDay;
  if (!(rho < 1)) throw new RangeError(`demandPerDay/productionPerDay must be < 1 for a steady state, got ${rho}`);
  return rho;
}

/**
 * The make-to-stock M/M/1 queue with base stock S (Buzacott & Shanthikumar 1993, ch. 4): each demand
 * releases a production order; the number of orders outstanding N is the number in an M/M/1 queue,
 * P(N = n) = (1 − ρ) ρ^n, on hand is (S − N)+ and backorders (N − S)+.
 */
export function makeToStockMM1(parameters: MakeToStockParameters & { baseStock: number }): MakeToStockResult {
  const rho = makeToStockUtilisation(parameters);
  const S = parameters.baseStock;
  if (!(Number.isInteger(S) && S >= 0)) throw new RangeError(`baseStock must be an integer >= 0, got ${S}`);
  const rhoS = rho ** S;
  return {
    baseStock: S,
    fillRate: 1 - rhoS,
    expectedBackorders: (rhoS * rho) / (1 - rho),
    expectedOnHand: S - (rho * (1 - rhoS)) / (1 - rho),
  };
}

/**
 * The cost-minimising base stock of the make-to-stock M/M/1 queue for holding cost h and backorder
 * cost b per unit per day. C(S + 1) − C(S) = h − (h + b) ρ^{S+1}, so S* is the smallest S >= 0 with
 * ρ^{S+1} <= h/(h + b) (Buzacott & Shanthikumar 1993, ch. 4).
 */
export function optimalMakeToStockMM1(
  parameters: MakeToStockParameters & { holdingCostPerUnitPerDay: number; backorderCostPerUnitPerDay: number },
): MakeToStockResult & { costPerDay: number } {
  const rho = makeToStockUtilisation(parameters);
  const { holdingCostPerUnitPerDay: h, backorderCostPerUnitPerDay: b } = parameters;
  checkRate('holdingCostPerUnitPerDay', h);
  checkRate('backorderCostPerUnitPerDay', b);
  // walk rather than take logs: exact at ties and no rounding of ln(h/(h + b))/ln ρ; the logs only
  // say beforehand how far the walk goes (a utilisation within 10⁻¹² of 1 would take hours)
  requireSteps(Math.log(h / (h + b)) / Math.log(rho), { id: 'optimalMakeToStock', utilisation: rho });
  let S = 0;
  while (rho ** (S + 1) > h / (h + b)) S++;
  const result = makeToStockMM1({ ...parameters, baseStock: S });
  return { ...result, costPerDay: h * result.expectedOnHand + b * result.expectedBackorders };
}
