import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import { CAUSE, type CustomerBase } from '../customerBase.ts';
import type { StockPoint } from '../stockPoint.ts';
import { ONLINE_BASE, OnlineOrders, ZoneTally, type FulfilmentCandidate, type OnlineRoute } from '../onlineOrders.ts';
import { stockPointKey } from '../../scenario/references.ts';
import { createSampler } from '../../random/distributions/sampler.ts';
import type { BuildContext } from './buildContext.ts';

/** What online fulfilment needs from the simulation it runs in. */
export interface FulfilmentHost {
  readonly env: Environment;
  readonly stockPoints: ReadonlyArray<StockPoint>;
  readonly customerBases: ReadonlyArray<CustomerBase>;
  /** units leave a shelf for customers (lots, returns and all) */
  sell(point: StockPoint, quantity: number, customers: number): void;
  /** a point's position fell: its policy, and points above reading the echelon, may order */
  positionFell(point: StockPoint): void;
  /** some disappointed customers may leave (each with `probability`) */
  disappoint(point: StockPoint, base: CustomerBase, customers: number, probability: number, cause: number): void;
  /** customers leave for good */
  loseCustomers(point: StockPoint, base: CustomerBase, leaving: number, cause: number): void;
}

/**
 * Online orders (see onlineOrders.ts): a customer of a zone orders; the zone's rule picks the
 * warehouse(s); the customer is promised a date, may abandon the cart over it, and otherwise the
 * order is taken from stock and shipped, or waits at the warehouse and is shipped when its units
 * come in (the simulation's backlog calls `partServed`). Deliveries are counted on time or late;
 * with proactive communication a customer is told as soon as the delay is known.
 */
export class OnlineFulfilment {
  private readonly orders = new OnlineOrders();
  /** per zone: the product of the delivery-delay multipliers in force */
  private readonly zoneDelay: number[];
  // the parts of the order being placed (reused: an order has one part per warehouse at most)
  private readonly partCandidate: number[] = [];
  private readonly partUnits: number[] = [];
  private readonly partReadyAt: number[] = [];

  constructor(
    private readonly host: FulfilmentHost,
    readonly routes: ReadonlyArray<OnlineRoute>,
    readonly zones: ReadonlyArray<ZoneTally>,
  ) {
    this.zoneDelay = zones.map(() => 1);
  }

  /** A delivery delay in `zone` starts (or ends): transit times there are multiplied by `multiplier`. */
  delay(zone: number, multiplier: number, starting: boolean): void {
    if (starting) this.zoneDelay[zone] *= multiplier;
    else this.zoneDelay[zone] /= multiplier;
  }

  /** `units` of order `id`, owed by `point`, were served from its shelf; with the last (`complete`) the part leaves. */
  partServed(point: StockPoint, id: number, units: number, complete: boolean): void {
    this.chargeDelivery(point, id, units);
    if (complete) {
      this.orders.partsUnshipped[id]--;
      this.dispatchOnline(id, point);
    }
  }

  /**
   * A customer of an online zone orders `quantity`: the zone's rule picks the warehouse(s), the
   * customer is promised a date, may abandon the cart over it, and otherwise the order is taken from
   * stock (shipped now) or waits there (shipped when the units come in).
   */
  order(routeIndex: number, quantity: number, base: CustomerBase | null): void {
    const route = this.routes[routeIndex];
    const now = this.host.env.now;
    const tally = this.zones[route.zone];
    // both draws are made for every order, so the orders of two variants stay paired
    const express = route.decisions() < route.expressShare;
    const churnDraw = route.decisions();
    const parts = this.planParts(route, quantity);
    let quote = 0;
    for (let k = 0; k < parts; k++) {
      const candidate = route.candidates[this.partCandidate[k]];
      quote = Math.max(quote, this.partReadyAt[k] - now + (express ? candidate.expectedExpressDays : candidate.expectedDays));
    }
    // the promise is a day: delivered by its end is on time
    const promisedBy = Math.ceil(now + quote + route.promiseBufferDays - 1e-9);
    const home = this.host.stockPoints[route.candidates[this.partCandidate[0]].point];
    tally.orders++;
    if (route.tolerance !== null && promisedBy - now > route.tolerance.sample()) {
      // the cart is abandoned: demand never sold, and the customer may not come back
      home.accrue(now);
      home.counters.demandUnits += quantity;
      home.counters.lostUnits += quantity;
      home.counters.abandonedCarts++;
      tally.abandoned++;
      if (base) this.host.disappoint(home, base, 1, base.churnOnAbandon, CAUSE.abandoned);
      return;
    }
    if (express) {
      tally.express++;
      home.counters.expressRevenue += route.expressPremium;
    }
    const id = this.orders.open(routeIndex, quantity, now, promisedBy, express, home.index, churnDraw);
    this.orders.partsPending[id] = parts;
    // the latest time a waiting part can leave and still make the date on average
    let latestDispatch = Infinity;
    for (let k = 0; k < parts; k++) {
      const point = this.host.stockPoints[route.candidates[this.partCandidate[k]].point];
      const units = this.partUnits[k];
      point.accrue(now);
      const c = point.counters;
      c.demandUnits += units;
      if (this.partReadyAt[k] <= now && point.backlog.length === 0 && point.onHand >= units - 1e-9) {
        // the shelf holds the part, to rounding: it takes no more than is there, and the dust it
        // lacks (2.9999999999 of 3 units) is written off as lost, as for a customer at a store
        const sold = Math.min(units, point.onHand);
        this.host.sell(point, sold, 1);
        c.filledImmediatelyUnits += sold;
        if (sold < units) c.lostUnits += units - sold;
        this.chargeDelivery(point, id, units);
        this.dispatchOnline(id, point);
      } else {
        point.cycleHadStockout = true;
        c.stockoutPenalties += units * point.stockoutPenalty;
        c.backorderedUnits += units;
        c.customerBackorderedUnits += units;
        point.owe(units, ONLINE_BASE - id, now);
        this.orders.partsUnshipped[id]++;
        const candidate = route.candidates[this.partCandidate[k]];
        latestDispatch = Math.min(latestDispatch, promisedBy - (express ? candidate.expectedExpressDays : candidate.expectedDays));
      }
      this.host.positionFell(point);
    }
    if (route.proactive && this.orders.partsUnshipped[id] > 0) {
      // once an order still waiting then cannot make its date on average, the delay is known
      this.host.env.schedule(Math.max(now, latestDispatch), EventKind.promiseCheck, id, this.orders.serial[id], Priority.normal);
    }
  }

  /**
   * The parts of an order by the route's rule, into partCandidate / partUnits / partReadyAt (when each
   * warehouse expects to ship its part); returns how many.
   */
  private planParts(route: OnlineRoute, quantity: number): number {
    const now = this.host.env.now;
    const candidates = route.candidates;
    const available = (k: number) => {
      const point = this.host.stockPoints[candidates[k].point];
      return point.backlog.length === 0 ? point.onHand : 0;
    };
    const one = (k: number) => {
      this.partCandidate[0] = k;
      this.partUnits[0] = quantity;
      this.partReadyAt[0] = this.host.stockPoints[candidates[k].point].expectedAvailability(quantity, now);
      return 1;
    };
    switch (route.rule) {
      case 'nearestOnly':
        return one(0);
      case 'nearest': {
        for (let k = 0; k < candidates.length; k++) if (available(k) >= quantity - 1e-9) return one(k);
        return one(0);
      }
      case 'cheapest': {
        const cost = (k: number) => candidates[k].costPerShipment + candidates[k].costPerUnit * quantity;
        let best = -1;
        for (let k = 0; k < candidates.length; k++) if (available(k) >= quantity - 1e-9 && (best < 0 || cost(k) < cost(best))) best = k;
        if (best >= 0) return one(best);
        best = 0;
        for (let k = 1; k < candidates.length; k++) if (cost(k) < cost(best)) best = k;
        return one(best);
      }
      case 'split': {
        let left = quantity;
        let parts = 0;
        for (let k = 0; k < candidates.length && left > 1e-9; k++) {
          const take = Math.min(left, available(k));
          if (take <= 1e-9) continue;
          this.partCandidate[parts] = k;
          this.partUnits[parts] = take;
          this.partReadyAt[parts] = now;
          parts++;
          left -= take;
        }
        if (left > 1e-9 || parts === 0) {
          // the rest waits at the nearest, which may already ship a part from its shelf (an order of
          // rounding dust, which no shelf part took, is one part there)
          const nearest = this.host.stockPoints[candidates[0].point];
          const shipsNow = parts > 0 && this.partCandidate[0] === 0 ? this.partUnits[0] : 0;
          this.partCandidate[parts] = 0;
          this.partUnits[parts] = left;
          this.partReadyAt[parts] = nearest.expectedAvailability(shipsNow + left, now);
          parts++;
        }
        return parts;
      }
    }
  }

  /** The delivery cost per unit of the units of order `id` leaving `point`. */
  private chargeDelivery(point: StockPoint, id: number, units: number): void {
    const candidate = this.candidateAt(this.routes[this.orders.route[id]], point.index);
    point.counters.transportCost += candidate.costPerUnit * units;
  }

  private candidateAt(route: OnlineRoute, point: number) {
    for (const candidate of route.candidates) if (candidate.point === point) return candidate;
    throw new Error(`stock point ${point} does not serve route ${route.index}`);
  }

  /** A part of order `id` leaves `point`: picked, packed and carried to the customer. */
  private dispatchOnline(id: number, point: StockPoint): void {
    const orders = this.orders;
    const route = this.routes[orders.route[id]];
    const candidate = this.candidateAt(route, point.index);
    point.counters.transportCost += candidate.costPerShipment;
    const transit = orders.express[id] && candidate.expressTransit !== null ? candidate.expressTransit : candidate.transit;
    const arrival = this.host.env.now + candidate.pickPack.sample() + transit.sample() * this.zoneDelay[route.zone];
    // the carrier's date is known now: a late one is told at once
    if (route.proactive && !orders.notified[id] && arrival > orders.promisedBy[id] + 1e-9) this.notify(id);
    this.host.env.schedule(arrival, EventKind.onlineDelivery, id, 0, Priority.normal);
  }

  /** Is order `id` still waiting when it can no longer make its date on average? Then the delay is known. */
  onPromiseCheck(id: number, serial: number): void {
    const orders = this.orders;
    if (orders.serial[id] !== serial || orders.notified[id] || orders.partsUnshipped[id] === 0) return;
    this.notify(id);
  }

  /** The customer of order `id` is told of the delay, with the scenario's gesture. */
  private notify(id: number): void {
    const orders = this.orders;
    const route = this.routes[orders.route[id]];
    orders.notified[id] = true;
    this.zones[route.zone].notified++;
    const home = this.host.stockPoints[orders.home[id]];
    home.counters.voucherCost += route.voucherCost;
  }

  /** A part of an order reaches the customer; with the last one the order is delivered, on time or not. */
  onDelivery(id: number): void {
    const orders = this.orders;
    if (--orders.partsPending[id] > 0) return;
    const now = this.host.env.now;
    const route = this.routes[orders.route[id]];
    const tally = this.zones[route.zone];
    const home = this.host.stockPoints[orders.home[id]];
    const promisedBy = orders.promisedBy[id];
    const wait = now - orders.orderedAt[id];
    const c = home.counters;
    c.deliveredOrders++;
    c.deliveredOrdersOffFastPath++;
    c.promisedOrders++;
    c.totalWaitDays += wait;
    tally.delivered++;
    tally.waitDays += wait;
    if (now <= promisedBy + 1e-9) {
      c.onTimeOrders++;
      tally.onTime++;
      if (now >= promisedBy - route.promiseWindowDays - 1e-9) {
        c.accurateOrders++;
        tally.accurate++;
      }
    } else {
      tally.late++;
      if (orders.notified[id]) tally.lateNotified++;
      const base = tally.base >= 0 ? this.host.customerBases[tally.base] : null;
      if (base) {
        // the draw made at order time decides, so telling the customer can only lower the chance
        const probability = orders.notified[id] ? route.churnIfNotified : base.churnOnLate;
        if (orders.churnDraw[id] < probability && base.active > 0) this.host.loseCustomers(home, base, 1, CAUSE.late);
      }
    }
    orders.close(id);
  }
}

/**
 * The online zones' tallies, and how each (zone, product) with demand is served (its route: the
 * candidate warehouses with their delivery times and costs, the zone's promise and communication);
 * `routeOf` maps a zone's stock point key to its route.
 */
export function buildOnlineRoutes(
  context: BuildContext,
  baseOfNode: ReadonlyMap<string, CustomerBase>,
): { zones: ZoneTally[]; routes: OnlineRoute[]; routeOf: Map<string, number> } {
  const { streams, demandEntries, fulfilmentOf, planIndex, productIndex, zoneIndex } = context;
  const zones = context.zoneIds.map((id) => new ZoneTally(id, baseOfNode.get(id)?.index ?? -1));
  const routes: OnlineRoute[] = [];
  const routeOf = new Map<string, number>();
  for (const { node, product } of demandEntries) {
    const fulfilment = fulfilmentOf.get(node);
    const key = stockPointKey(node, product);
    if (!fulfilment || routeOf.has(key)) continue;
    const candidates: FulfilmentCandidate[] = fulfilment.from.map((source) => {
      const tag = `${node}:${source.warehouse}:${product}`;
      const pickPack = createSampler(source.pickPackDays, streams.stream(`pickPack:${tag}`), { nonNegative: true });
      const transit = createSampler(source.transitDays, streams.stream(`transit:${tag}`), { nonNegative: true });
      const expressTransitDays = source.expressTransitDays ?? fulfilment.express?.transitDays;
      const expressTransit = fulfilment.express && expressTransitDays ? createSampler(expressTransitDays, streams.stream(`expressTransit:${tag}`), { nonNegative: true }) : null;
      return {
        point: planIndex.get(stockPointKey(source.warehouse, product))!,
        pickPack,
        transit,
        expressTransit,
        expectedDays: pickPack.mean + transit.mean,
        expectedExpressDays: pickPack.mean + (expressTransit ?? transit).mean,
        costPerUnit: source.costPerUnit,
        costPerShipment: source.costPerShipment,
      };
    });
    routeOf.set(key, routes.length);
    routes.push({
      index: routes.length,
      zone: zoneIndex.get(node)!,
      product: productIndex.get(product)!,
      rule: fulfilment.rule,
      candidates,
      promiseBufferDays: fulfilment.promiseBufferDays,
      promiseWindowDays: fulfilment.promiseWindowDays,
      tolerance: fulfilment.tolerance ? createSampler(fulfilment.tolerance, streams.stream(`tolerance:${key}`), { nonNegative: true }) : null,
      expressShare: fulfilment.express?.share ?? 0,
      expressPremium: fulfilment.express?.pricePremium ?? 0,
      decisions: streams.stream(`orderChoices:${key}`),
      proactive: fulfilment.communication?.proactive ?? false,
      churnIfNotified: fulfilment.communication?.churnIfNotified ?? 0,
      voucherCost: fulfilment.communication?.voucherCost ?? 0,
    });
  }
  return { zones, routes, routeOf };
}
