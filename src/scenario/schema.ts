import { z } from 'zod';
import { KPI_NAMES } from '../metrics/kpis.ts';
import { MAX_ID_LENGTH, RULES, SCENARIO_VERSION } from './rules.ts';

/**
 * The scenario format: the single source of truth for scenario types (`z.infer`).
 *
 * Every object is strict: a misspelt field is an error, never silently ignored. Optional fields have
 * documented defaults (docs/SCENARIO.md); a field the user wrote wrongly is never replaced by
 * a default. Graph checks (references between objects) live in `references.ts`.
 */

export { SCENARIO_VERSION };

const finite = () => z.number().refine(Number.isFinite, { message: RULES.finite });
const positive = () => z.number().positive({ message: RULES.positive }).refine(Number.isFinite, { message: RULES.finite });
const nonNegative = () => z.number().nonnegative({ message: RULES.nonNegative }).refine(Number.isFinite, { message: RULES.finite });
const probability = () => z.number().min(0, { message: RULES.probability }).max(1, { message: RULES.probability });
const wholeNumber = () => z.number().int({ message: RULES.wholeNumber });

// C0 and C1 control characters and DEL: in a terminal they are commands (clear the screen, move the
// cursor, retitle the window), so a name carrying one could rewrite what `stocklab run` shows
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTER_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** the issue of a text holding a control character: the message, and its facts as params (src/scenario/issues.ts) */
const controlIssue = (text: string, pattern: RegExp) => {
  const at = text.search(pattern);
  const codePoint = `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
  return { code: 'custom' as const, message: `expected text without control characters; found ${codePoint} at character ${at + 1}`, input: text, params: { controlCharacter: codePoint, at: at + 1 } };
};
/** A name or label shown on screen and in the terminal: any text but control characters. */
const label = () => z.string().check((ctx) => {
  if (CONTROL_CHARACTER.test(ctx.value)) ctx.issues.push(controlIssue(ctx.value, CONTROL_CHARACTER));
});
/** A description: as a label, but new lines and tabs are allowed. */
const prose = () => z.string().check((ctx) => {
  if (CONTROL_CHARACTER_EXCEPT_LINES.test(ctx.value)) ctx.issues.push(controlIssue(ctx.value, CONTROL_CHARACTER_EXCEPT_LINES));
});

export { MAX_ID_LENGTH };

/** Ids name things and are referenced by other objects; they never contain spaces or slashes. */
export const Id = z
  .string()
  .max(MAX_ID_LENGTH, { message: RULES.idTooLong })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, { message: RULES.notAnId });
export type Id = z.infer<typeof Id>;

/** A lane's id: its own, or "from->to" for a lane that names none. */
export const LaneRef = z
  .string()
  .max(2 * MAX_ID_LENGTH + 2, { message: RULES.laneIdTooLong })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*(->[A-Za-z0-9][A-Za-z0-9_.:-]*)?$/, {
    message: RULES.notALaneId,
  });

/** One id, or a list of ids (the entry applies to each). */
export const IdList = z.union([Id, z.array(Id).min(1, { message: RULES.atLeastOneId })]);
export type IdList = z.infer<typeof IdList>;

// ---------------------------------------------------------------------------------------------
// Distributions, parameterised as practitioners write them (mean and sd where natural)

const BASE_DISTRIBUTIONS = [
  z.strictObject({ type: z.literal('constant'), value: finite() }),
  z
    .strictObject({ type: z.literal('uniform'), min: finite(), max: finite() })
    .refine((d) => d.max > d.min, { message: RULES.maxAboveMin, path: ['max'] }),
  z
    .strictObject({ type: z.literal('discreteUniform'), min: wholeNumber(), max: wholeNumber() })
    .refine((d) => d.max >= d.min, { message: RULES.maxAtLeastMin, path: ['max'] }),
  z.strictObject({ type: z.literal('normal'), mean: finite(), sd: nonNegative() }),
  z.strictObject({ type: z.literal('lognormal'), mean: positive(), sd: nonNegative() }),
  z.strictObject({ type: z.literal('gamma'), mean: positive(), sd: positive() }),
  /** times between Poisson events, or memoryless processing times (queueing models) */
  z.strictObject({ type: z.literal('exponential'), mean: positive() }),
  z.strictObject({ type: z.literal('poisson'), mean: nonNegative() }),
  z
    .strictObject({ type: z.literal('negativeBinomial'), mean: positive(), sd: positive() })
    .refine((d) => d.sd * d.sd > d.mean, {
      message: RULES.overDispersed,
      path: ['sd'],
    }),
  z
    .strictObject({ type: z.literal('triangular'), min: finite(), mode: finite(), max: finite() })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
      message: RULES.triangularOrder,
      path: ['mode'],
    }),
  z
    .strictObject({
      type: z.literal('empirical'),
      values: z.array(finite()).min(1, { message: RULES.atLeastOneValue }),
      weights: z.array(nonNegative()).optional(),
    })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: RULES.weightsPerValue,
      path: ['weights'],
    })
    .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), {
      message: RULES.positiveWeight,
      path: ['weights'],
    }),
] as const;

/** Every distribution but `intermittent`: what an intermittent demand's size may be drawn from. */
export const BaseDistribution = z.discriminatedUnion('type', BASE_DISTRIBUTIONS);
export type BaseDistribution = z.infer<typeof BaseDistribution>;

export const Distribution = z.discriminatedUnion('type', [
  ...BASE_DISTRIBUTIONS,
  /**
   * Croston's model of intermittent demand: on each draw, nothing with probability 1 - probability,
   * else a draw of `size` (how often demand comes, how much it takes)
   */
  z.strictObject({
    type: z.literal('intermittent'),
    probability: probability().refine((p) => p > 0, { message: RULES.probabilityAboveZero }),
    size: BaseDistribution,
  }),
]);
export type Distribution = z.infer<typeof Distribution>;

// ---------------------------------------------------------------------------------------------
// When something happens: a scheduled window or windows occurring at random

/** Days [start, end) of the simulation; start inclusive, end exclusive. */
export const Occurrence = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('scheduled'), start: nonNegative(), end: positive() })
    .refine((o) => o.end > o.start, { message: RULES.endAfterStart, path: ['end'] }),
  z.strictObject({
    type: z.literal('random'),
    /** mean number of occurrences per 365 days (a Poisson process of start times) */
    ratePerYear: positive(),
    /** duration of each occurrence, in days */
    duration: Distribution,
  }),
]);
export type Occurrence = z.infer<typeof Occurrence>;

// ---------------------------------------------------------------------------------------------
// Products

export const HoldingCost = z.union([
  z.strictObject({ perUnitPerDay: nonNegative() }),
  z.strictObject({ annualRate: nonNegative() }),
]);
export type HoldingCost = z.infer<typeof HoldingCost>;

export const UnmetDemand = z.enum(['lost', 'backorder']);
export type UnmetDemand = z.infer<typeof UnmetDemand>;

export const Product = z.strictObject({
  id: Id,
  name: label().optional(),
  unitCost: nonNegative(),
  /** selling price; without it revenue and profit are not reported */
  price: nonNegative().optional(),
  /** per unit per day, or an annual rate on unit cost (annualRate * unitCost / 365 per unit per day) */
  holdingCost: HoldingCost,
  /** what happens to customer demand that cannot be met from stock (default lost) */
  unmetDemand: UnmetDemand.default('lost'),
  /** penalty per unit short, backordered or lost (default 0) */
  stockoutPenalty: nonNegative().default(0),
  /** penalty per unit on backorder per day (default 0) */
  backorderCostPerDay: nonNegative().default(0),
  /** fixed cost of each replenishment order of this product (default 0) */
  orderingCost: nonNegative().default(0),
  /**
   * days a unit stays sellable after it is received from a supplier; with it, stock is held in lots
   * (supplier, receipt date, expiry date) and expired units are written off
   */
  shelfLifeDays: positive().optional(),
  /** disposal cost per expired unit, on top of its unit cost (default 0) */
  disposalCostPerUnit: nonNegative().default(0),
  /** units sold within `withinDays` of their expiry fetch `discount` less (needs shelfLifeDays and price) */
  markdown: z
    .strictObject({
      withinDays: positive(),
      /** share of the price given up: 0.3 = sold at 70% */
      discount: z.number().gt(0, { message: RULES.discount }).max(1, { message: RULES.discount }),
    })
    .optional(),
  /**
   * daily probability that a unit on hand is damaged and written off, by the storage class of the
   * node holding it (see nodes' storageClass); classes not listed: 0
   */
  damagePerDay: z.record(Id, probability()).optional(),
  /**
   * the product's demand ends on `day` (end of season or of life): stock points stop ordering, and
   * every unit left, then or arriving later, is sold off at `salvageValue` each
   */
  endOfLife: z.strictObject({ day: nonNegative(), salvageValue: nonNegative().default(0) }).optional(),
  /** a share of the units customers buy comes back after a delay (refunded at the price) */
  returns: z
    .strictObject({
      /** share of units sold that come back */
      fraction: probability(),
      /** days between sale and return */
      afterDays: Distribution,
      /** share of returned units reconditioned and put back on the shelf; the rest is scrapped */
      restockShare: probability(),
      reconditionCostPerUnit: nonNegative().default(0),
      scrapCostPerUnit: nonNegative().default(0),
    })
    .optional(),
});
export type Product = z.infer<typeof Product>;

// ---------------------------------------------------------------------------------------------
// Network

export const SupplierNode = z.strictObject({
  id: Id,
  type: z.literal('supplier'),
  name: label().optional(),
  /** units it can ship per day over all products; unlimited when absent */
  capacityPerDay: positive().optional(),
  /** its own processing or production time before an order leaves, in days (default none) */
  leadTime: Distribution.optional(),
  /**
   * servers that process orders one at a time, first come first served, each for a `leadTime` draw
   * (a plant or an order-picking station); without it every order is processed at once
   */
  servers: wholeNumber().min(1, { message: RULES.wholeNumberAtLeastOne }).optional(),
});
/** how a node stores goods (ambient, chilled, frozen...): products' damagePerDay is per class */
const storageClass = Id.default('ambient');

export const WarehouseNode = z.strictObject({
  id: Id,
  type: z.literal('warehouse'),
  name: label().optional(),
  storageClass,
  /** units it can ship per day over all products; unlimited when absent */
  capacityPerDay: positive().optional(),
});
export const StoreNode = z.strictObject({
  id: Id,
  type: z.literal('store'),
  name: label().optional(),
  storageClass,
});
/** customers ordering online: no stock of its own; its orders are shipped from warehouses (see fulfilment) */
export const ZoneNode = z.strictObject({
  id: Id,
  type: z.literal('zone'),
  name: label().optional(),
});
export const Node = z.discriminatedUnion('type', [SupplierNode, WarehouseNode, StoreNode, ZoneNode]);
export type Node = z.infer<typeof Node>;

export const Lane = z.strictObject({
  /** defaults to "from->to" */
  id: Id.optional(),
  from: Id,
  to: Id,
  /** transit time in days */
  leadTime: Distribution,
  costPerUnit: nonNegative().default(0),
  costPerShipment: nonNegative().default(0),
  /**
   * days an order placed by a stock point at `to` takes to reach `from` before `from` sees it (an order
   * slip in the mail: the Beer Game's order delay). The order counts in the ordering point's inventory
   * position from the moment it is placed. Default 0: `from` sees it at once.
   */
  orderDelayDays: nonNegative().default(0),
});
export type Lane = z.infer<typeof Lane>;

// ---------------------------------------------------------------------------------------------
// Policies: one schema per policy, discriminated on `type`

export const SsPolicy = z
  .strictObject({ type: z.literal('sS'), reorderPoint: finite(), orderUpTo: finite() })
  .refine((p) => p.orderUpTo > p.reorderPoint, { message: RULES.orderUpToAboveReorderPoint, path: ['orderUpTo'] });
export const RqPolicy = z.strictObject({ type: z.literal('rQ'), reorderPoint: finite(), orderQuantity: positive() });
export const BaseStockPolicy = z.strictObject({ type: z.literal('baseStock'), level: finite() });
/** order up to `level` on the echelon inventory position (this point and every point below it) */
export const EchelonBaseStockPolicy = z.strictObject({ type: z.literal('echelonBaseStock'), level: finite() });
export const PeriodicRsPolicy = z.strictObject({
  type: z.literal('periodicRS'),
  reviewPeriod: positive(),
  orderUpTo: finite(),
  /** day of the first review (default 0) */
  firstReview: nonNegative().default(0),
});
export const PeriodicRsSPolicy = z
  .strictObject({
    type: z.literal('periodicRsS'),
    reviewPeriod: positive(),
    reorderPoint: finite(),
    orderUpTo: finite(),
    firstReview: nonNegative().default(0),
  })
  .refine((p) => p.orderUpTo > p.reorderPoint, { message: RULES.orderUpToAboveReorderPoint, path: ['orderUpTo'] });
/** order Q every T days whatever the stock (a periodic fixed-quantity or TQ policy) */
export const FixedQuantityPolicy = z.strictObject({
  type: z.literal('fixedQuantity'),
  /** days between orders, T */
  reviewPeriod: positive(),
  /** units ordered at every review, Q */
  orderQuantity: positive(),
  /** day of the first order (default 0) */
  firstReview: nonNegative().default(0),
});
/** One order of a fixed schedule: `quantity` units ordered on day `day`. */
export const ScheduledOrder = z.strictObject({ day: nonNegative(), quantity: nonNegative() });
/** orders of given quantities on given days, optionally repeated every `repeatEveryDays` days */
export const SchedulePolicy = z
  .strictObject({
    type: z.literal('schedule'),
    /** the orders, in increasing order of day (within the horizon) */
    orders: z.array(ScheduledOrder).min(1, { message: RULES.atLeastOneOrder }),
    /** the schedule starts again this many days after each of its days (default: it runs once) */
    repeatEveryDays: positive().optional(),
  })
  .superRefine((policy, ctx) => {
    // only between days that are themselves valid (a bad one has its own issue), and nothing to compare in no orders
    const orders = policy.orders;
    const valid = (day: number) => Number.isFinite(day) && day >= 0;
    if (orders.length === 0) return;
    for (let j = 1; j < orders.length; j++) {
      if (valid(orders[j].day) && valid(orders[j - 1].day) && !(orders[j].day > orders[j - 1].day)) ctx.addIssue({ code: 'custom', message: RULES.scheduleDaysIncreasing, path: ['orders', j, 'day'], input: orders[j].day });
    }
    const span = orders[orders.length - 1].day - orders[0].day;
    if (policy.repeatEveryDays !== undefined && policy.repeatEveryDays > 0 && Number.isFinite(span) && !(policy.repeatEveryDays > span)) {
      ctx.addIssue({ code: 'custom', message: RULES.repeatAfterLastOrder, path: ['repeatEveryDays'], input: policy.repeatEveryDays });
    }
  });
/** order at each review what was demanded since the previous one (lot-for-lot, pass-through) */
export const PassThroughPolicy = z.strictObject({
  type: z.literal('passThrough'),
  /** days between reviews (default 1) */
  reviewPeriod: positive().default(1),
  /** day of the first review (default 0) */
  firstReview: nonNegative().default(0),
});
export const ServiceTargetPolicy = z.strictObject({
  type: z.literal('serviceTarget'),
  /** a target alpha (cycle service level) or beta (fill rate) service level, strictly between 0 and 1 */
  target: z.union([
    z.strictObject({ cycleServiceLevel: z.number().gt(0).lt(1, { message: RULES.levelBetween }) }),
    z.strictObject({ fillRate: z.number().gt(0).lt(1, { message: RULES.levelBetween }) }),
  ]),
  /** order quantity Q; when absent, the economic order quantity from orderingCost and holding cost */
  orderQuantity: positive().optional(),
});
export const ForecastMethod = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('movingAverage'), periods: wholeNumber().min(1, { message: RULES.atLeastOnePeriod }) }),
  z.strictObject({
    type: z.literal('exponentialSmoothing'),
    alpha: z.number().gt(0, { message: RULES.alpha }).max(1, { message: RULES.alpha }),
  }),
]);
export const ForecastPolicy = z.strictObject({
  type: z.literal('forecast'),
  method: ForecastMethod,
  /** review period in days (default 1) */
  reviewPeriod: positive().default(1),
  /** safety stock as a multiple of the forecast error's standard deviation over the risk period (default 0) */
  safetyFactor: nonNegative().default(0),
  /** let the order be negative (a return upstream) when the inventory position exceeds the target (default false) */
  allowReturns: z.boolean().default(false),
});
/** The published estimates of the anchoring-and-adjustment rule, by name (their values and sources: ANCHOR_AND_ADJUST_ESTIMATES below). */
export const AnchorAndAdjustEstimates = z.enum(['sterman1989']);
/**
 * Published estimates of the rule, by the name a scenario gives them (`"estimates": "sterman1989"`).
 *
 * sterman1989: the mean over the subjects of Sterman's estimates of the rule on their Beer Game
 * orders (Sterman, J. D., 1989, "Modeling managerial behavior: misperceptions of feedback in a dynamic
 * decision making experiment", Management Science 35(3):321–339, table of estimated parameters):
 * theta 0.36, alpha_S 0.26, beta 0.34, S' 17. We could not read the paper itself: the numbers come
 * from two secondary sources that quote it, which agree — a summary of the paper quoting its table of
 * estimates (mean theta .36, alpha_S .26, beta .34; "the average value of [beta] is just .34"), and
 * a Beer Game implementation giving "Sterman's mean estimated values" theta 0.36, alpha_S 0.26,
 * beta 0.34, S' 17. Per week, the game's period: use them with a review period of one week.
 */
export const ANCHOR_AND_ADJUST_ESTIMATES: Readonly<
  Record<z.infer<typeof AnchorAndAdjustEstimates>, { readonly smoothing: number; readonly stockAdjustment: number; readonly supplyLineWeight: number; readonly desiredStock: number }>
> = {
  sterman1989: { smoothing: 0.36, stockAdjustment: 0.26, supplyLineWeight: 0.34, desiredStock: 17 },
};
/**
 * Sterman's anchoring-and-adjustment ordering heuristic (Sterman 1989): every R days, order
 * max(0, L + stockAdjustment (desiredStock - S - supplyLineWeight SL)), with L the incoming orders
 * expected per review period (exponential smoothing with `smoothing`), S the stock on hand less what
 * the point owes and SL its supply line (ordered, not received). Each parameter is given here, or taken
 * from the published `estimates`; one given here wins over the estimates.
 */
export const AnchorAndAdjustPolicy = z.strictObject({
  type: z.literal('anchorAndAdjust'),
  /** days between reviews (default 1) */
  reviewPeriod: positive().default(1),
  /** day of the first review (default 0) */
  firstReview: nonNegative().default(0),
  /** take the parameters not given here from these published estimates */
  estimates: AnchorAndAdjustEstimates.optional(),
  /** theta: the weight of the latest period's incoming orders in the expected incoming orders, in [0, 1] */
  smoothing: probability().optional(),
  /** alpha_S: the share of the gap between desired and actual stock ordered at each review, in [0, 1] */
  stockAdjustment: probability().optional(),
  /** beta: the share of the supply line taken into account (1: all of it; 0: orders forgotten until they arrive), >= 0 */
  supplyLineWeight: nonNegative().optional(),
  /** S': the desired stock plus beta times the desired supply line, in units */
  desiredStock: finite().optional(),
  /** incoming orders expected per review period before the first review (default: the mean demand per review period the point faces) */
  initialExpectedOrders: nonNegative().optional(),
});
export const Policy = z.discriminatedUnion('type', [
  SsPolicy,
  RqPolicy,
  BaseStockPolicy,
  EchelonBaseStockPolicy,
  PeriodicRsPolicy,
  PeriodicRsSPolicy,
  ServiceTargetPolicy,
  ForecastPolicy,
  FixedQuantityPolicy,
  SchedulePolicy,
  PassThroughPolicy,
  AnchorAndAdjustPolicy,
]);
export type Policy = z.infer<typeof Policy>;
export type PolicyType = Policy['type'];

// ---------------------------------------------------------------------------------------------
// Stock points: (node, product) pairs holding stock under a policy

export const ShortageShipping = z.enum(['partial', 'complete']);
export type ShortageShipping = z.infer<typeof ShortageShipping>;

/** which units a stock point of a product in lots issues first: first in, first expiring, last in */
export const Issuing = z.enum(['fifo', 'fefo', 'lifo']);

/**
 * How a stock point shares what it has among those it owes (downstream stock points' orders and
 * customers' backorders) when it cannot serve them all: first come, first served (`fifo`, the
 * default); in proportion to what each is owed (`fairShare`); or by rank (`priority`: lower rank
 * first, first come first served within a rank). Fair share and priority are the allocation rules of
 * distribution requirements planning (Silver, Pyke & Thomas 2017, multi-echelon distribution;
 * Zipkin 2000, allocation in distribution systems).
 */
export const Allocation = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fifo') }),
  z.strictObject({ type: z.literal('fairShare') }),
  z.strictObject({
    type: z.literal('priority'),
    /** rank of each downstream node this point supplies (lower is served first; unranked: after every rank) */
    rank: z.record(Id, nonNegative()).default({}),
    /** rank of customers' backorders here, as one class (default: after every rank) */
    customerRank: nonNegative().optional(),
  }),
]);
export type Allocation = z.infer<typeof Allocation>;

/** Units arriving at, or reaching the supplier on, a given day. */
export const DatedQuantity = z.strictObject({ day: nonNegative(), quantity: positive() });
/**
 * What is already under way at time 0 (a game or a chain that does not start empty): shipments in
 * transit to the point, and orders it placed that are still travelling to its supplier (see the lane's
 * orderDelayDays). Both count in its inventory position (on order) from time 0, and in conservation as
 * units that enter the run on their way.
 */
export const InitialPipeline = z.strictObject({
  /** shipments in transit at time 0, each received on its day */
  shipments: z.array(DatedQuantity).default([]),
  /** orders travelling upstream at time 0, each seen by the supplier on its day (then served as any order) */
  orders: z.array(DatedQuantity).default([]),
});
/** The orders a stock point places at its reviews in [fromDay, untilDay): `quantity`, whatever its policy says. */
export const ScriptedOrders = z.strictObject({
  fromDay: nonNegative(),
  untilDay: positive(),
  /** units ordered at each review in the period (0: none) */
  quantity: nonNegative(),
});

export const StockPoint = z.strictObject({
  node: IdList,
  product: IdList,
  policy: Policy,
  /** units on hand at time 0 (default: the policy's order-up-to level, or reorder point + Q) */
  initialOnHand: nonNegative().optional(),
  /** the node it orders from (default: the only node with a lane into it) */
  source: Id.optional(),
  /** overrides the product's unmetDemand for customer demand here */
  unmetDemand: UnmetDemand.optional(),
  /** overrides the product's orderingCost here */
  orderingCost: nonNegative().optional(),
  /** overrides the product's holdingCost here (stock usually costs more to hold the nearer it is to customers) */
  holdingCost: HoldingCost.optional(),
  /** orders are rounded up to a multiple of this (default 1: no rounding) */
  casePack: positive().default(1),
  /** orders are raised to at least this quantity (default 0) */
  minOrderQuantity: nonNegative().default(0),
  /**
   * how an order becomes a whole number of case packs: `up` (never less than asked; with casePack 1
   * orders stay as the policy gives them, fractions included) or `nearest` (to the nearest multiple of
   * casePack, halves up, as the Beer Game rounds; an order that rounds to 0 is not placed). Default up.
   */
  orderRounding: z.enum(['up', 'nearest']).default('up'),
  /**
   * periods whose orders are fixed (the Beer Game's first weeks): at every review in a period the point
   * orders its quantity, and its policy takes over after; the policy still observes those reviews (its
   * expected demand follows what comes in). Needs a periodic-review policy.
   */
  scriptedOrders: z.array(ScriptedOrders).default([]),
  /** shipments and orders already on their way at time 0 (default: none) */
  initialPipeline: InitialPipeline.optional(),
  /**
   * when, within an instant, the point reviews: before the day's demand (`beforeDemand`, the textbook
   * timing of periodic models: an order placed at the review of day t with lead time L arrives before
   * the demand of day t + L) or after it (`afterDemand`: the Beer Game's week, where each player fills
   * the week's orders, then orders). Default beforeDemand.
   */
  reviewTiming: z.enum(['beforeDemand', 'afterDemand']).default('beforeDemand'),
  /**
   * cost per unit per day of everything the point owes, to customers and to the stock points it
   * supplies (the Beer Game charges each stage for its backlog), in its stockoutCost; on top of the
   * product's backorderCostPerDay, which is charged at customer-facing points only. Default 0.
   */
  backlogCostPerDay: nonNegative().default(0),
  /** when this point cannot ship a downstream order in full: ship what it has now, or wait until it can ship all (default: scenario's shortageShipping) */
  shortageShipping: ShortageShipping.optional(),
  /** for a product held in lots (shelfLifeDays, or a recall covers it): which units leave first (default fifo) */
  issuing: Issuing.optional(),
  /** how what it has is shared among those it owes when it cannot serve them all (default: first come, first served) */
  allocation: Allocation.optional(),
  /** how well the stock record matches the shelf (default: exactly, always) */
  visibility: z
    .strictObject({
      /** daily probability that a unit on the shelf vanishes without the record knowing (theft, misplacement) */
      shrinkagePerDay: probability(),
      /** a physical count every this many days corrects the record (default: never counted) */
      countEveryDays: wholeNumber().min(1, { message: RULES.wholeDaysAtLeastOne }).optional(),
      /** days before a count's result reaches the record (default 0) */
      countDelayDays: nonNegative().default(0),
      /** real-time visibility: the record learns of every loss by the end of its day (a daily count, no delay) */
      realTime: z.boolean().default(false),
    })
    .optional(),
});
export type StockPoint = z.infer<typeof StockPoint>;

// ---------------------------------------------------------------------------------------------
// Demand

export const Seasonality = z.strictObject({
  /** 7 multipliers, Monday first (day 0 of the simulation is a Monday) */
  weekly: z.array(nonNegative()).length(7, { message: RULES.weeklyMultipliers }).optional(),
  /** 12 monthly multipliers, January first (day 0 is 1 January; months of 365/12 days) */
  yearly: z.array(nonNegative()).length(12, { message: RULES.yearlyMultipliers }).optional(),
});
export type Seasonality = z.infer<typeof Seasonality>;

export const Shock = z.strictObject({
  name: label().optional(),
  /** demand is multiplied by this during the occurrence (0.7 for a mild winter, 3 for a viral spike) */
  multiplier: nonNegative(),
  occurrence: Occurrence,
});
export type Shock = z.infer<typeof Shock>;

const demandShape = {
  node: IdList,
  product: IdList,
  /**
   * the customer segment this entry describes (retail walk-ins, a wholesale customer): required, and
   * unique, where several entries name the same stock point; it names the entry's random streams
   */
  segment: Id.optional(),
  seasonality: Seasonality.optional(),
  /** linear growth of the rate per 365 days: 0.1 = +10% a year (default 0) */
  trendPerYear: finite().default(0),
  shocks: z.array(Shock).default([]),
};

export const HistorySource = z.union([
  z.array(nonNegative()).min(1, { message: RULES.atLeastOneDay }),
  z
    .strictObject({
      /** path of a CSV file, relative to the scenario file */
      csv: label().min(1),
      /** column holding daily demand (default: the last column; with `sku`, the units column when its name is not a usual one) */
      column: label().optional(),
      /** a long file (date, sku, location, units): the rows of this SKU, added up per date */
      sku: label().min(1).optional(),
      /** with `sku`: the rows of this location only (needed when the SKU has rows at several) */
      location: label().min(1).optional(),
    })
    .refine((source) => source.location === undefined || source.sku !== undefined, { message: RULES.skuWithLocation, path: ['location'] }),
]);

/** How a customer order reaches its customer from the stock point (a wholesale customer's truck, a courier). */
export const CustomerDelivery = z.strictObject({
  /** days from the order's shipment to its arrival at the customer, drawn per order */
  leadTime: Distribution,
  /** delivery cost per order shipped, in the stock point's transportCost (default 0) */
  costPerOrder: nonNegative().default(0),
  /** delivery cost per unit shipped, in the stock point's transportCost (default 0) */
  costPerUnit: nonNegative().default(0),
  /** days from the order to its due date (default: the lead time's mean) */
  dueDays: nonNegative().optional(),
});
export type CustomerDelivery = z.infer<typeof CustomerDelivery>;

export const Demand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('arrivals'),
    ...demandShape,
    /** mean customer arrivals per day (a Poisson process) */
    customersPerDay: positive(),
    /** units each customer buys (default constant 1) */
    quantity: Distribution.default({ type: 'constant', value: 1 }),
    /** each order is delivered to its customer (default: carried away at once) */
    delivery: CustomerDelivery.optional(),
  }),
  z.strictObject({
    type: z.literal('perPeriod'),
    ...demandShape,
    /** units demanded each day */
    quantity: Distribution,
  }),
  z.strictObject({
    type: z.literal('history'),
    ...demandShape,
    /** daily demand, replayed from day 0 (repeated when the horizon is longer) */
    series: HistorySource,
  }),
  /**
   * customer orders at the start of each day: how many (a whole-number count drawn each day, or a
   * history of counts replayed from day 0), each of a drawn size; each order is one customer's
   */
  z
    .strictObject({
      type: z.literal('orders'),
      ...demandShape,
      /** orders each day: a distribution of whole numbers (poisson, negativeBinomial, discreteUniform, ...) */
      ordersPerDay: Distribution.optional(),
      /** or the number of orders each day, replayed from day 0 (repeated when the horizon is longer) */
      history: z.array(wholeNumber().nonnegative({ message: RULES.nonNegative })).min(1, { message: RULES.atLeastOneDay }).optional(),
      /** units each order asks for */
      size: Distribution,
      /** each order is delivered to its customer (default: carried away at once) */
      delivery: CustomerDelivery.optional(),
    })
    .refine((entry) => (entry.ordersPerDay === undefined) !== (entry.history === undefined), { message: RULES.ordersPerDayOrHistory, path: ['ordersPerDay'] }),
]);
export type Demand = z.infer<typeof Demand>;

// ---------------------------------------------------------------------------------------------
// Customers

export const CustomerBase = z.strictObject({
  /** the store whose customers these are; all demand at that node scales with the active base */
  node: Id,
  /** customers at time 0 */
  initial: wholeNumber().min(1, { message: RULES.atLeastOneCustomer }),
  churn: z
    .strictObject({
      /** probability that a customer who meets a stockout leaves for good (default 0.37, the share of unhappy customers who do not come back) */
      onStockout: probability().default(0.37),
      /** probability that a customer whose order is backordered (made to wait) leaves for good; the order is still filled (default 0) */
      onBackorder: probability().default(0),
      /** online orders: probability that a customer whose delivery comes after the promised date leaves (default 0) */
      onLate: probability().default(0),
      /** online orders: probability that a customer who abandons the cart over the promised date leaves (default 0) */
      onAbandon: probability().default(0),
    })
    .default({ onStockout: 0.37, onBackorder: 0, onLate: 0, onAbandon: 0 }),
  /** new customers joining per day, a Poisson process (default 0) */
  newPerDay: nonNegative().default(0),
  /** value of a customer's future purchases, charged as churnCost when one leaves (default 0) */
  lifetimeValue: nonNegative().default(0),
});
export type CustomerBase = z.infer<typeof CustomerBase>;

// ---------------------------------------------------------------------------------------------
// Disruptions

export const Disruption = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('supplierOutage'), name: label().optional(), node: Id, occurrence: Occurrence }),
  z.strictObject({
    type: z.literal('leadTimeMultiplier'),
    name: label().optional(),
    /** lane ids ("from->to" unless the lane names its own id) */
    lanes: z.array(LaneRef).min(1),
    multiplier: positive(),
    occurrence: Occurrence,
  }),
  z.strictObject({
    type: z.literal('deliveryDelay'),
    name: label().optional(),
    /** the online zone whose deliveries slow down (a carrier's strike, a storm) */
    zone: Id,
    /** transit times to the zone are multiplied by this during the occurrence */
    multiplier: positive(),
    occurrence: Occurrence,
  }),
  z.strictObject({
    type: z.literal('capacityLoss'),
    name: label().optional(),
    node: Id,
    /** share of the node's capacityPerDay lost during the occurrence (1 = nothing ships) */
    fraction: z.number().gt(0, { message: RULES.fraction }).max(1, { message: RULES.fraction }),
    occurrence: Occurrence,
  }),
]);
export type Disruption = z.infer<typeof Disruption>;

// ---------------------------------------------------------------------------------------------
// Online orders: which warehouses serve a zone, and what customers are promised

export const FulfilmentSource = z.strictObject({
  /** a warehouse holding the product (a stock point) */
  warehouse: Id,
  /** days to pick and pack an order once its units are in stock (default none) */
  pickPackDays: Distribution.default({ type: 'constant', value: 0 }),
  /** days in transit from the warehouse to the zone's customers */
  transitDays: Distribution,
  /** the express option's transit from this warehouse (default: the zone's express.transitDays) */
  expressTransitDays: Distribution.optional(),
  /** delivery cost per unit and per parcel (default 0) */
  costPerUnit: nonNegative().default(0),
  costPerShipment: nonNegative().default(0),
});

export const Fulfilment = z.strictObject({
  /** the online zone served */
  zone: Id,
  /** the warehouses that may serve it, nearest first */
  from: z.array(FulfilmentSource).min(1, { message: RULES.atLeastOneWarehouse }),
  /**
   * nearest: the nearest warehouse with the whole order in stock (else the nearest waits for it);
   * nearestOnly: always the nearest; cheapest: the cheapest delivery among warehouses with the order in
   * stock; split: what each has, nearest first, the rest waiting at the nearest (default nearest)
   */
  rule: z.enum(['nearest', 'nearestOnly', 'cheapest', 'split']).default('nearest'),
  /** days added to the expected delivery time when promising a date (default 0) */
  promiseBufferDays: nonNegative().default(0),
  /** width in days of the promised window ending on the promised date: delivered within it is accurate (default 1) */
  promiseWindowDays: positive().default(1),
  /** days a customer accepts waiting: a promise beyond their draw loses the cart (default: every promise is accepted) */
  tolerance: Distribution.optional(),
  /** a faster, dearer option: the share of customers choosing it, its transit time and price premium per order */
  express: z.strictObject({ share: probability(), transitDays: Distribution, pricePremium: nonNegative() }).optional(),
  /** proactive communication: customers are told of a delay as soon as it is known */
  communication: z
    .strictObject({
      proactive: z.boolean(),
      /** probability that a notified customer whose delivery is late leaves (instead of churn.onLate) */
      churnIfNotified: probability(),
      /** the gesture (a voucher) offered to each notified customer, its cost (default 0) */
      voucherCost: nonNegative().default(0),
    })
    .optional(),
});
export type Fulfilment = z.infer<typeof Fulfilment>;

// ---------------------------------------------------------------------------------------------
// Recalls

export const Recall = z
  .strictObject({
    name: label().optional(),
    /** the supplier whose lots are recalled */
    supplier: Id,
    /** the products recalled (default: every product the supplier ships) */
    product: IdList.optional(),
    /** the lots received from the supplier in [receivedFrom, receivedTo) (days) */
    receivedFrom: nonNegative(),
    receivedTo: positive(),
    /** the day the recall is announced and the units leave every shelf */
    announcedOn: nonNegative(),
  })
  .refine((r) => r.receivedTo > r.receivedFrom, { message: RULES.receivedToAfterFrom, path: ['receivedTo'] })
  .refine((r) => r.announcedOn >= r.receivedTo, { message: RULES.announcedAfterReceived, path: ['announcedOn'] });
export type Recall = z.infer<typeof Recall>;

// ---------------------------------------------------------------------------------------------
// Policy variants compared on common random numbers

export const PolicyOverride = z.strictObject({
  /** stock points it applies to; all nodes / all products when absent */
  node: IdList.optional(),
  product: IdList.optional(),
  policy: Policy,
});
export const Variant = z.strictObject({
  id: Id,
  name: label().optional(),
  description: prose().optional(),
  policies: z.array(PolicyOverride).default([]),
  /**
   * other changes this variant makes to the scenario, applied in order: a JSON pointer into the
   * scenario and the value to put there, e.g. { "path": "/stockPoints/0/issuing", "value": "fefo" }
   */
  set: z
    .array(
      z.strictObject({
        path: z.string().regex(/^(\/[^/]*)+$/, { message: RULES.jsonPointer }),
        value: z.unknown().refine((value) => value !== undefined, { message: RULES.overrideValue }),
      }),
    )
    .default([]),
});
export type Variant = z.infer<typeof Variant>;

// ---------------------------------------------------------------------------------------------
// The scenario

export const SeriesOutput = z.enum(['auto', 'all', 'network', 'none']);

// ---------------------------------------------------------------------------------------------
// Theory: the analytic model a scenario reproduces, for side-by-side comparison

export const TheoryModel = z.enum([
  'newsvendor',
  'eoq',
  'eoqPlannedBackorders',
  'baseStockPoisson',
  'rqPoisson',
  'periodicReviewNormal',
  'periodicSS',
  'lostSalesZeroLeadTime',
  'lostSalesErlang',
  'perishableOrderUpTo',
  'serialBaseStock',
  'bullwhip',
  'queueMMc',
  'makeToStockMM1',
]);
export type TheoryModel = z.infer<typeof TheoryModel>;
export const Theory = z.strictObject({
  /** the closed-form model; its parameters are read from the scenario itself */
  model: TheoryModel,
});
export type Theory = z.infer<typeof Theory>;

/**
 * A classroom lesson's notes (scenarios/classroom/): the question a teacher asks before the run, what
 * the class tries (changes to make, variants to compare), and the debrief said afterwards, naming the
 * analytic answer where theory has one. The web app shows the question and what to try, and keeps the
 * debrief folded until it is asked for.
 */
export const Lesson = z.strictObject({
  question: prose().min(1, { message: RULES.notEmptyText }),
  toTry: z.array(prose().min(1, { message: RULES.notEmptyText })).min(1, { message: RULES.atLeastOneThingToTry }),
  debrief: prose().min(1, { message: RULES.notEmptyText }),
});
export type Lesson = z.infer<typeof Lesson>;

export const Scenario = z.strictObject({
  /**
   * the JSON Schema the file follows (schema/scenario.schema.json, generated from this one), for code
   * editors to complete and check it; Stocklab itself ignores it
   */
  $schema: z.string().optional(),
  version: z.literal(SCENARIO_VERSION, { message: RULES.version }),
  name: label().min(1),
  description: prose().optional(),
  /**
   * what a reader should look at first: the KPIs the web app's headline cards show, in this order (by
   * default fill rate, holding cost, total cost and customers lost)
   */
  headline: z
    .array(z.enum(KPI_NAMES, { message: RULES.kpiName }))
    .min(1, { message: RULES.atLeastOneKpi })
    .max(6, { message: RULES.atMostSixKpis })
    .refine((names) => new Set(names).size === names.length, { message: RULES.eachKpiOnce })
    .optional(),
  currency: label().max(12, { message: RULES.currencyLength }).default('EUR'),
  timeUnit: z.literal('day').default('day'),
  horizonDays: positive(),
  warmupDays: nonNegative().default(0),
  /**
   * days summed into one period for bullwhipRatio: the variances are of orders placed and demand received
   * per period of this many whole days of the window (a chain that orders weekly is measured with 7; per
   * day it would measure the batching of its weekly orders). Default 1: per day.
   */
  bullwhipPeriodDays: wholeNumber().min(1, { message: RULES.wholeNumberAtLeastOne }).default(1),
  replications: wholeNumber().min(1, { message: RULES.atLeastOneReplication }).default(10),
  seed: z.union([label().min(1).max(200, { message: RULES.seedLength }), wholeNumber()]).default(1),
  /** default for stock points shipping to others when short (default partial) */
  shortageShipping: ShortageShipping.default('partial'),
  products: z.array(Product).min(1, { message: RULES.atLeastOneProduct }),
  nodes: z.array(Node).min(1, { message: RULES.atLeastOneNode }),
  lanes: z.array(Lane).default([]),
  stockPoints: z.array(StockPoint).min(1, { message: RULES.atLeastOneStockPoint }),
  demand: z.array(Demand).default([]),
  customers: z.array(CustomerBase).default([]),
  disruptions: z.array(Disruption).default([]),
  recalls: z.array(Recall).max(30, { message: RULES.atMostThirtyRecalls }).default([]),
  /** online zones and the warehouses that serve them */
  fulfilment: z.array(Fulfilment).default([]),
  variants: z.array(Variant).default([]),
  /** an analytic model to show next to the simulated KPIs (scenarios/theory/) */
  theory: Theory.optional(),
  /** a classroom lesson's question, what to try and debrief (scenarios/classroom/) */
  lesson: Lesson.optional(),
  output: z
    .strictObject({
      /** daily series to record: auto = per stock point up to 50 stock points, network totals beyond */
      series: SeriesOutput.default('auto'),
    })
    .default({ series: 'auto' }),
});
/** A scenario as written (optional fields may be absent). */
export type ScenarioInput = z.input<typeof Scenario>;
/** A validated scenario with defaults filled in. */
export type Scenario = z.infer<typeof Scenario>;
