import type { OnlineFulfilment } from './onlineFulfilment.ts';
import type { CustomerDelivery } from './customerDelivery.ts';
import type { CustomerChurn } from './customerChurn.ts';
import type { CustomerDemand } from './customerDemand.ts';
import type { CustomerReturns } from './customerReturns.ts';
import type { CustomerSale } from './customerSale.ts';
import type { DamageAndVisibility } from './damageAndVisibility.ts';
import type { DayBoundary } from './dayBoundary.ts';
import type { Disruptions } from './disruptions.ts';
import type { EchelonAllocation } from './echelonAllocation.ts';
import type { EndOfLife } from './endOfLife.ts';
import type { LotsAndExpiry } from './lotsAndExpiry.ts';
import type { Recalls } from './recalls.ts';
import type { Replenishment } from './replenishment.ts';
import type { Shipping } from './shipping.ts';
import type { UpstreamReturns } from './upstreamReturns.ts';

/**
 * The model's processes, one per file, as the simulation wires them. A process that hands work to
 * another (a sale that may bring returns, a receipt that serves the backlog) keeps a direct reference
 * to it, taken from here once when the simulation is built (`connect`), so an event costs no lookup.
 */
export interface Processes {
  demand: CustomerDemand;
  churn: CustomerChurn;
  sale: CustomerSale;
  replenishment: Replenishment;
  allocation: EchelonAllocation;
  upstreamReturns: UpstreamReturns;
  shipping: Shipping;
  lots: LotsAndExpiry;
  shelfLosses: DamageAndVisibility;
  customerReturns: CustomerReturns;
  recalls: Recalls;
  endOfLife: EndOfLife;
  disruptions: Disruptions;
  days: DayBoundary;
  online: OnlineFulfilment;
  delivery: CustomerDelivery;
}
