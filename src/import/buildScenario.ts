import type { Distribution, Policy, ScenarioInput } from '../scenario/schema.ts';
import { MAX_ID_LENGTH } from '../scenario/schema.ts';
import { distributionMean, distributionVariance } from '../random/distributions/sampler.ts';
import { normalQuantile } from '../math/normal.ts';
import { scaleDistribution } from '../experiment/sensitivity.ts';
import { classifyDemand, type DemandClass } from './classifyDemand.ts';
import { closedDaysDetail, describeClosedDays, type ClosedDays } from './closedDays.ts';
import { isoDay, weekdayOf } from './dates.ts';
import { findPattern, monthOf } from './demandPattern.ts';
import type { DemandHistory, SeriesHistory } from './demandHistory.ts';
import { fitDemand, LABELS, type FitWhy, type FittedModel } from './fitDemand.ts';
import { addLine, count, type ImportReport } from './importReport.ts';
import type { SkuFacts } from './skuMaster.ts';
import type { LocationFacts } from './locations.ts';

/**
 * Turns what the import read into an ordinary scenario: one supplier per supplier named in the
 * master (one "supplier" otherwise) and per lead time, a store per location, a stock point per SKU and
 * location, its demand fitted to the history (or the history replayed), its policy the master's or
 * the textbook rule. Every choice the files did not make is a line in the report.
 */
export interface BuildOptions {
  name?: string;
  currency?: string;
  horizonDays?: number;
  replications?: number;
  seed?: string;
  /** fit a model to each history (default) or replay the histories as they are */
  demand?: 'fit' | 'replay';
  /** SKUs whose history is replayed even when the others are fitted */
  replay?: ReadonlySet<string>;
  /** the cycle service level the textbook rule's safety stock aims at (default 0.95) */
  serviceTarget?: number;
  /** lead time in days where the master gives none (default 7) */
  leadTimeDays?: number;
  /** yearly holding rate where the master gives none (default 0.25) */
  holdingRate?: number;
  /** unit cost as a share of the price where the master gives no cost (default 0.6) */
  costShare?: number;
  unmetDemand?: 'lost' | 'backorder';
  /** which locations are warehouses and which warehouse supplies each store (a locations file) */
  locations?: ReadonlyMap<string, LocationFacts>;
  /** every store without a supplier of its own in `locations` is supplied by this warehouse */
  warehouse?: string;
  /** days from a warehouse to a store where the locations file gives none (default 1) */
  transferDays?: number;
  /** told the step under way (`fitting demand: 120 of 800 SKU-locations`) */
  onProgress?: (step: string) => void;
}

/** What the import decided for one SKU and location, for the report and the wizard's table. */
export interface SeriesSummary {
  sku: string;
  location: string;
  productId: string;
  nodeId: string;
  daysUsed: number;
  mean: number;
  sd: number;
  adi: number;
  cv2: number;
  demandClass: DemandClass | null;
  /** the model chosen, 'replay', 'none' (never sold) or 'warehouse' (a warehouse's stock point, supplying stores) */
  model: FittedModel | 'replay' | 'none' | 'warehouse';
  reason: string;
  /** what `reason` says, as facts (only when the report asks for details: the web words them) */
  reasonDetail?: ReasonDetail;
  policy: Policy | null;
  policySource: 'master' | 'textbook' | null;
  /** the fitted daily distribution (on open days, before the weekly and yearly multipliers), where one was fitted */
  fitted: Distribution | null;
  /** its mean and sd, beside the history's `mean` and `sd` */
  fitMean: number | null;
  fitSd: number | null;
  /**
   * the history the model was fitted to, as days per value (`days[i]` days with `values[i]` units,
   * values ascending): the open days with known demand, the weekly and yearly pattern divided out
   * where one was kept, so it compares with `fitted` (the import wizard's chart)
   */
  history: { values: number[]; days: number[] };
}

/**
 * Why a SKU-location's demand is modelled as it is: never sold; replayed (too few open days with known
 * demand, `days` of the `needs` a fit needs; no demand on the days used; or as asked); fitted (the model,
 * why, and the weekly or yearly pattern kept); null for a warehouse's own row. `supplies`: a warehouse's
 * policy from the demand of the stores it supplies (their daily mean, rounded to 2 decimals).
 */
export interface ReasonDetail {
  model:
    | { kind: 'neverSold' }
    | { kind: 'replayed'; why: 'fewDays' | 'noDemand' | 'asked'; days: number; needs: number }
    | { kind: 'fitted'; model: FittedModel; fit: FitWhy; patterns: ('weekly' | 'yearly')[] }
    | null;
  supplies: { stores: number; mean: number } | null;
}

/** Fewest open days with known demand for a fit; shorter histories are replayed. */
export const MIN_DAYS_TO_FIT = 28;

export function buildScenario(history: DemandHistory, closed: ClosedDays, master: ReadonlyMap<string, SkuFacts>, report: ImportReport, options: BuildOptions = {}): { scenario: ScenarioInput; summaries: SeriesSummary[] } {
  const horizonDays = options.horizonDays ?? 365;
  const serviceTarget = options.serviceTarget ?? 0.95;
  const defaultLead = options.leadTimeDays ?? 7;
  const defaultRate = options.holdingRate ?? 0.25;
  const costShare = options.costShare ?? 0.6;
  addLine(report, describeClosedDays(closed), closedDaysDetail(closed));

  const productIds = new IdMaker();
  const nodeIds = new IdMaker(['supplier']);
  const products = new Map<string, NonNullable<ScenarioInput['products']>[number]>();
  // the node of each location, by its name in the files: a store, or a warehouse
  const places = new Map<string, { id: string; type: 'store' | 'warehouse' }>();
  const placeOf = (name: string, type: 'store' | 'warehouse') => {
    let place = places.get(name);
    if (!place) {
      place = { id: nodeIds.make(name), type };
      places.set(name, place);
    } else if (type === 'warehouse') place.type = 'warehouse'; // a location that supplies stores is a warehouse, whatever it sells itself
    return place.id;
  };
  const addLane = (from: string, to: string, leadTime: Distribution) => {
    const key = `${from}\u0001${to}`;
    if (!laneKeys.has(key)) {
      laneKeys.add(key);
      lanes.push({ from, to, leadTime });
    }
  };
  // each warehouse stock point: the demand of the stores it supplies (and its own), added up
  const warehousePoints = new Map<string, { warehouse: string; sku: string; mean: number; variance: number; stores: number; supplier: { id: string; leadTime: Distribution } }>();
  const transferDays = options.transferDays ?? 1;
  const suppliers = new Map<string, { id: string; leadTime: Distribution }>();
  const lanes: NonNullable<ScenarioInput['lanes']> = [];
  const stockPoints: ScenarioInput['stockPoints'] = [];
  const demand: NonNullable<ScenarioInput['demand']> = [];
  const summaries: SeriesSummary[] = [];
  const shocks = holidayShocks(closed, horizonDays);
  const unmet = options.unmetDemand ?? 'lost';
  let defaultedLead = 0;
  let costFromPrice = 0;
  let noCost = 0;
  let textbook = 0;
  let neverSold = 0;
  let returnsAssumed = 0;
  const laneKeys = new Set<string>();
  let defaultSupplierTaken = false;

  for (const [index, series] of history.series.entries()) {
    if (index % 50 === 0) options.onProgress?.(`fitting demand: ${index} of ${history.series.length} SKU-locations`);
    const facts = master.get(series.sku) ?? {};
    const sample = sampleOf(series, history, closed);
    const classification = classifyDemand(sample.values);
    const total = sample.values.reduce((a, b) => a + b, 0);
    const seriesTotal = series.units.reduce((a, b) => a + b, 0);
    if (seriesTotal <= 0) {
      neverSold++;
      summaries.push({ sku: series.sku, location: series.location, productId: '', nodeId: '', daysUsed: sample.values.length, mean: 0, sd: 0, adi: Infinity, cv2: 0, demandClass: null, model: 'none', reason: 'no demand in the history: left out of the scenario', ...(report.details ? { reasonDetail: { model: { kind: 'neverSold' }, supplies: null } } : {}), policy: null, policySource: null, ...NO_FIT, history: countsOf(sample.values) });
      continue;
    }

    // the product, once per SKU
    let product = products.get(series.sku);
    if (!product) {
      const averagePrice = series.pricedUnits > 0 ? series.revenue / series.pricedUnits : undefined;
      const price = facts.price ?? averagePrice;
      let unitCost = facts.unitCost;
      if (unitCost === undefined && price !== undefined) {
        unitCost = round(price * costShare, 4);
        costFromPrice++;
      }
      if (unitCost === undefined) {
        unitCost = 0;
        noCost++;
      }
      product = {
        id: productIds.make(series.sku),
        ...(facts.name ?? series.name ? { name: clip(facts.name ?? series.name!) } : {}),
        unitCost,
        ...(price !== undefined ? { price: round(price, 4) } : {}),
        holdingCost: { annualRate: facts.holdingRate ?? defaultRate },
        unmetDemand: unmet,
        ...returnsOf(history, series.sku),
      };
      if (product.returns) returnsAssumed++;
      products.set(series.sku, product);
    }
    // the supplier: by name and lead time, since a lane has one lead time for all it carries
    const leadTime = facts.leadTime ?? { type: 'constant' as const, value: defaultLead };
    if (!facts.leadTime) defaultedLead++;
    const supplierKey = `${facts.supplier ?? 'supplier'}\u0001${JSON.stringify(leadTime)}`;
    let supplier = suppliers.get(supplierKey);
    if (!supplier) {
      // the first unnamed supplier is `supplier` (reserved for it); another lead time makes `supplier-2`
      const id = !facts.supplier && !defaultSupplierTaken ? 'supplier' : nodeIds.make(facts.supplier ?? 'supplier');
      if (id === 'supplier') defaultSupplierTaken = true;
      supplier = { id, leadTime };
      suppliers.set(supplierKey, supplier);
    }
    // where the location gets its stock: its warehouse (a locations file, or --warehouse), or the supplier
    const place = options.locations?.get(series.location);
    const isWarehouse = place?.kind === 'warehouse';
    const via = isWarehouse ? undefined : (place?.suppliedBy ?? options.warehouse);
    const store = placeOf(series.location, isWarehouse ? 'warehouse' : 'store');
    let source = supplier.id;
    let replenishment: Distribution = leadTime;
    if (via !== undefined && via !== series.location) {
      const warehouse = placeOf(via, 'warehouse');
      replenishment = place?.leadTime ?? { type: 'constant', value: transferDays };
      addLane(warehouse, store, replenishment);
      addLane(supplier.id, warehouse, leadTime);
      source = warehouse;
    } else addLane(supplier.id, store, leadTime);

    // demand: fitted, or replayed
    const replay = options.demand === 'replay' || options.replay?.has(series.sku) === true || sample.values.length < MIN_DAYS_TO_FIT || total <= 0;
    let model: SeriesSummary['model'];
    let reason: string;
    let reasonDetail: ReasonDetail['model'] = null;
    let dailyMean: number;
    let dailyVariance: number;
    let fitted: Distribution | null = null;
    let fittedSample: number[] = sample.values;
    if (replay) {
      model = 'replay';
      reason = sample.values.length < MIN_DAYS_TO_FIT ? `${sample.values.length} open days with known demand, fewer than the ${MIN_DAYS_TO_FIT} a fit needs: the history is replayed` : total <= 0 ? 'no demand on the days used: the history is replayed' : 'the history is replayed, as asked';
      reasonDetail = { kind: 'replayed', why: sample.values.length < MIN_DAYS_TO_FIT ? 'fewDays' : total <= 0 ? 'noDemand' : 'asked', days: sample.values.length, needs: MIN_DAYS_TO_FIT };
      const units = Array.from(series.units, (x) => round(x, 6));
      demand.push({ type: 'history', node: store, product: product.id, series: units });
      const all = calendarStats(units);
      dailyMean = all.mean;
      dailyVariance = all.variance;
    } else {
      const pattern = findPattern(sample.values, sample.days, history.days);
      const factors = (day: number) => (pattern.weekly ? pattern.weekly[weekdayOf(day)] : 1) * (pattern.yearly ? pattern.yearly[monthOf(day)] : 1);
      // fitted with the pattern divided out (rounded to whole units when the history is), so the
      // pattern's multipliers are not counted twice as variability
      const whole = sample.values.every(Number.isInteger);
      // a weekday or month the pattern puts at 0 (no demand seen then) says nothing of the sizes: left out
      const deseasoned = pattern.weekly || pattern.yearly ? sample.values.flatMap((x, i) => { const f = factors(sample.days[i]); return f > 0 ? [whole ? Math.round(x / f) : x / f] : []; }) : sample.values;
      fittedSample = deseasoned.some((x) => x > 0) ? deseasoned : sample.values;
      const fit = fitDemand(fittedSample);
      // rounding the divided-out history to whole units moves its mean (5 / 1.2 = 4.17 is read as 4):
      // the fitted distribution is scaled back to the unrounded mean, so the pattern times the
      // distribution gives the history's demand
      if (whole && (pattern.weekly || pattern.yearly)) {
        const exact = sample.values.reduce((sum, x, i) => { const f = factors(sample.days[i]); return f > 0 ? sum + x / f : sum; }, 0) / Math.max(1, deseasoned.length);
        const fitted = distributionMean(fit.chosen.distribution, { nonNegative: true });
        if (fitted > 0 && exact > 0 && Math.abs(exact / fitted - 1) > 1e-9) fit.chosen.distribution = scaleDistribution(fit.chosen.distribution, exact / fitted);
      }
      model = fit.chosen.model;
      fitted = rounded(fit.chosen.distribution);
      reason = `${LABELS[fit.chosen.model]}: ${fit.reason}${pattern.weekly || pattern.yearly ? `; ${pattern.notes.filter((note) => note.includes('kept')).join('; ')}` : ''}`;
      reasonDetail = { kind: 'fitted', model: fit.chosen.model, fit: fit.why, patterns: [...(pattern.weekly ? (['weekly'] as const) : []), ...(pattern.yearly ? (['yearly'] as const) : [])] };
      const weekly = weeklyMultipliers(pattern.weekly, closed.weekdays);
      const seasonality = { ...(weekly ? { weekly } : {}), ...(pattern.yearly ? { yearly: pattern.yearly.map((x) => round(x, 4)) } : {}) };
      demand.push({
        type: 'perPeriod',
        node: store,
        product: product.id,
        quantity: rounded(fit.chosen.distribution),
        ...(Object.keys(seasonality).length > 0 ? { seasonality } : {}),
        ...(shocks.length > 0 ? { shocks } : {}),
      });
      const openShare = 1 - closed.weekdays.length / 7;
      dailyMean = distributionMean(fit.chosen.distribution, { nonNegative: true }) * openShare;
      dailyVariance = distributionVariance(fit.chosen.distribution, { nonNegative: true }) * openShare;
    }

    // a warehouse's stock point is made once every store it supplies is read (below)
    const aggregate = (warehouse: string) => {
      const key = `${warehouse}\u0001${series.sku}`;
      const point = warehousePoints.get(key) ?? { warehouse, sku: series.sku, mean: 0, variance: 0, stores: 0, supplier };
      point.mean += dailyMean;
      point.variance += dailyVariance;
      if (warehouse !== series.location) point.stores++;
      warehousePoints.set(key, point);
    };
    if (source !== supplier.id) aggregate(via!);
    if (isWarehouse || (via !== undefined && via === series.location)) {
      aggregate(series.location);
      summaries.push({ sku: series.sku, location: series.location, productId: product.id, nodeId: store, daysUsed: sample.values.length, mean: sample.mean, sd: sample.sd, adi: classification.adi, cv2: classification.cv2, demandClass: classification.demandClass, model, reason, ...(report.details ? { reasonDetail: { model: reasonDetail, supplies: null } } : {}), policy: null, policySource: null, ...fitOf(fitted), history: countsOf(fittedSample) });
      continue;
    }

    // the policy: the master's, or the textbook rule
    let policy: Policy;
    let policySource: 'master' | 'textbook';
    if (facts.policy) {
      policy = facts.policy;
      policySource = 'master';
    } else {
      policy = textbookPolicy(dailyMean, dailyVariance, replenishment, serviceTarget, facts.orderingCost, (facts.holdingRate ?? defaultRate) * product.unitCost, facts.minOrderQuantity ?? 0, facts.casePack ?? 1);
      policySource = 'textbook';
      textbook++;
    }
    const start = policy.type === 'sS' ? policy.orderUpTo : policy.type === 'rQ' ? policy.reorderPoint + policy.orderQuantity : policy.type === 'baseStock' ? policy.level : policy.type === 'periodicRS' ? policy.orderUpTo : 0;
    stockPoints.push({
      node: store,
      product: product.id,
      policy,
      initialOnHand: Math.max(0, start),
      source,
      ...(facts.orderingCost !== undefined ? { orderingCost: facts.orderingCost } : {}),
      ...(facts.casePack !== undefined ? { casePack: facts.casePack } : {}),
      ...(facts.minOrderQuantity !== undefined ? { minOrderQuantity: facts.minOrderQuantity } : {}),
    });
    summaries.push({ sku: series.sku, location: series.location, productId: product.id, nodeId: store, daysUsed: sample.values.length, mean: sample.mean, sd: sample.sd, adi: classification.adi, cv2: classification.cv2, demandClass: classification.demandClass, model, reason, ...(report.details ? { reasonDetail: { model: reasonDetail, supplies: null } } : {}), policy, policySource, ...fitOf(fitted), history: countsOf(fittedSample) });
  }

  // the warehouses' stock points: the textbook rule on the demand of the stores they supply (and
  // their own), over the supplier's lead time (a master's policy is a store's)
  for (const point of warehousePoints.values()) {
    const facts = master.get(point.sku) ?? {};
    const product = products.get(point.sku)!;
    const warehouse = placeOf(point.warehouse, 'warehouse');
    addLane(point.supplier.id, warehouse, point.supplier.leadTime);
    const policy = textbookPolicy(point.mean, point.variance, point.supplier.leadTime, serviceTarget, facts.orderingCost, (facts.holdingRate ?? defaultRate) * product.unitCost, facts.minOrderQuantity ?? 0, facts.casePack ?? 1);
    textbook++;
    stockPoints.push({
      node: warehouse,
      product: product.id,
      policy,
      initialOnHand: policy.type === 'sS' ? policy.orderUpTo : 0,
      source: point.supplier.id,
      ...(facts.orderingCost !== undefined ? { orderingCost: facts.orderingCost } : {}),
      ...(facts.casePack !== undefined ? { casePack: facts.casePack } : {}),
      ...(facts.minOrderQuantity !== undefined ? { minOrderQuantity: facts.minOrderQuantity } : {}),
    });
    const own = summaries.find((s) => s.sku === point.sku && s.location === point.warehouse && s.policy === null && s.model !== 'none');
    const supplies = { stores: point.stores, mean: round(point.mean, 2) };
    const why = `supplies ${point.stores} store${point.stores === 1 ? '' : 's'}: their daily demand added up (mean ${round(point.mean, 2)}), over the supplier's lead time`;
    if (own) {
      own.policy = policy;
      own.policySource = 'textbook';
      own.reason = `${own.reason}; ${why}`;
      if (own.reasonDetail) own.reasonDetail.supplies = supplies;
    } else summaries.push({ sku: point.sku, location: point.warehouse, productId: product.id, nodeId: warehouse, daysUsed: 0, mean: point.mean, sd: Math.sqrt(point.variance), adi: Infinity, cv2: 0, demandClass: null, model: 'warehouse', reason: why, ...(report.details ? { reasonDetail: { model: null, supplies } } : {}), policy, policySource: 'textbook', ...NO_FIT, history: { values: [], days: [] } });
  }
  if (stockPoints.length === 0) return { scenario: emptyScenario(options, horizonDays), summaries };

  const scenario: ScenarioInput = {
    version: 1,
    name: clip(options.name ?? `Imported from ${history.file}`),
    description: clip(`Imported by stocklab import from ${history.file}: ${history.series.length} SKU-location histories of ${history.days} days (${isoDay(history.startDay)} to ${isoDay(history.startDay + history.days - 1)}).`, 2000),
    currency: options.currency ?? 'EUR',
    horizonDays,
    warmupDays: 0,
    replications: options.replications ?? 20,
    seed: options.seed ?? 'import',
    products: [...products.values()],
    nodes: [...[...new Set([...suppliers.values()].map((s) => s.id))].map((id) => ({ id, type: 'supplier' as const })), ...[...places.values()].map(({ id, type }) => ({ id, type }))],
    lanes,
    stockPoints,
    demand,
  };

  const fitted = summaries.filter((s) => s.model !== 'replay' && s.model !== 'none' && s.model !== 'warehouse');
  const byModel = new Map<string, number>();
  for (const s of fitted) byModel.set(LABELS[s.model as FittedModel], (byModel.get(LABELS[s.model as FittedModel]) ?? 0) + 1);
  const modelCounts = new Map<FittedModel, number>();
  for (const s of fitted) modelCounts.set(s.model as FittedModel, (modelCounts.get(s.model as FittedModel) ?? 0) + 1);
  const byClass = new Map<string, number>();
  for (const s of summaries) if (s.demandClass) byClass.set(s.demandClass, (byClass.get(s.demandClass) ?? 0) + 1);
  addLine(report, `demand classes (Syntetos-Boylan-Croston, open days): ${[...byClass].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}`, { kind: 'demandClasses', classes: [...byClass].map(([name, n]) => ({ name, count: n })) });
  const replayed = summaries.filter((s) => s.model === 'replay').length;
  addLine(report, `demand models (lowest AIC): ${[...byModel].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}${replayed > 0 ? `; ${replayed} histories replayed` : ''}`, {
    kind: 'demandModels',
    models: [...modelCounts].map(([model, n]) => ({ model, count: n })),
    replayed,
  });
  if (neverSold > 0) addLine(report, `${neverSold} SKU-location series with no demand at all: left out`, { kind: 'neverSold', series: neverSold });
  if (defaultedLead > 0) {
    addLine(report, `lead time: ${defaultedLead} stock points have none in a master file: ${defaultLead} days assumed (--lead-time DAYS, or a leadTime column in --master)`, { kind: 'leadTimeAssumed', stockPoints: defaultedLead, days: defaultLead });
  }
  if (costFromPrice > 0) {
    addLine(report, `unit cost: ${costFromPrice} SKUs have none in a master file: ${costShare * 100}% of the price assumed (--cost-share, or a unitCost column in --master)`, { kind: 'costFromPrice', skus: costFromPrice, percent: costShare * 100 });
  }
  if (returnsAssumed > 0) {
    addLine(
      report,
      `returns: ${returnsAssumed} SKUs have returns in the history (negative quantities, --negatives returns): each a share of its units sold coming back ${RETURN_DAYS} days later, all of them put back on the shelf (the history says how many, not when or in what state; edit afterDays and restockShare)`,
      { kind: 'returnsAssumed', skus: returnsAssumed, days: RETURN_DAYS },
    );
  }
  if (noCost > 0) addLine(report, `unit cost: ${noCost} SKUs have neither a cost nor a price: unit cost 0, so no holding cost (give unitCost in --master)`, { kind: 'noCost', skus: noCost });
  if (textbook > 0) {
    addLine(
      report,
      `policy: ${textbook} stock points have none in a master file: (s, S) by the textbook rule, s = lead-time demand + z·sd for a ${serviceTarget * 100}% cycle service level, S = s + EOQ (or two weeks of demand without an ordering cost)`,
      { kind: 'textbookPolicy', stockPoints: textbook, percent: serviceTarget * 100 },
    );
  }
  count(report, 'stockPoints', stockPoints.length);
  return { scenario, summaries };
}

const NO_FIT = { fitted: null, fitMean: null, fitSd: null } as const;

/** Days per value of a daily sample, values ascending. */
function countsOf(sample: readonly number[]): { values: number[]; days: number[] } {
  const byValue = new Map<number, number>();
  for (const x of sample) byValue.set(x, (byValue.get(x) ?? 0) + 1);
  const values = [...byValue.keys()].sort((a, b) => a - b);
  return { values, days: values.map((value) => byValue.get(value)!) };
}

/** A fitted distribution with its mean and sd, for the summary. */
function fitOf(fitted: Distribution | null): Pick<SeriesSummary, 'fitted' | 'fitMean' | 'fitSd'> {
  if (!fitted) return NO_FIT;
  return { fitted, fitMean: distributionMean(fitted, { nonNegative: true }), fitSd: Math.sqrt(distributionVariance(fitted, { nonNegative: true })) };
}

/** Days between a sale and its return where the history cannot say (it gives the return's day, not the sale's). */
export const RETURN_DAYS = 14;

/**
 * A product's returns model from its history's negative quantities (read with `negatives: 'returns'`):
 * the share of its units sold, over every location, that came back; nothing when none did.
 */
function returnsOf(history: DemandHistory, sku: string): { returns?: { fraction: number; afterDays: Distribution; restockShare: number } } {
  let sold = 0;
  let returned = 0;
  for (const series of history.series) {
    if (series.sku !== sku) continue;
    for (let d = 0; d < history.days; d++) {
      sold += series.units[d];
      returned += series.returned[d];
    }
  }
  if (!(returned > 0 && sold > 0)) return {};
  return { returns: { fraction: round(Math.min(1, returned / sold), 6), afterDays: { type: 'constant', value: RETURN_DAYS }, restockShare: 1 } };
}

/** The days a fit uses (open, demand known), with their values, mean and sd. */
function sampleOf(series: SeriesHistory, history: DemandHistory, closed: ClosedDays): { values: number[]; days: number[]; mean: number; sd: number } {
  const values: number[] = [];
  const days: number[] = [];
  for (let d = 0; d < history.days; d++) {
    if (closed.closed[d] || series.censored[d]) continue;
    values.push(series.units[d]);
    days.push(history.startDay + d);
  }
  const stats = calendarStats(values);
  return { values, days, mean: stats.mean, sd: Math.sqrt(stats.variance) };
}

function calendarStats(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, variance: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/**
 * The textbook (s, S): s = the lead-time demand's mean plus z standard deviations (z for the cycle
 * service target), S = s + Q with Q the economic order quantity √(2 K D / h), or two weeks of demand
 * where no ordering cost or holding cost is known; Q at least the minimum order, both rounded up to
 * whole case packs. Lead-time demand over a random lead time L: mean μL, variance E[L] σ² + μ² Var[L]
 * (E. A. Silver, D. F. Pyke and D. J. Thomas (2017), Inventory and Production Management in Supply
 * Chains, 4th ed., §6.7 and §7.4).
 */
export function textbookPolicy(dailyMean: number, dailyVariance: number, leadTime: Distribution, serviceTarget: number, orderingCost: number | undefined, holdingPerYear: number, minOrder: number, casePack: number): Policy {
  const leadMean = distributionMean(leadTime, { nonNegative: true });
  const leadVariance = distributionVariance(leadTime, { nonNegative: true });
  const leadDemandMean = dailyMean * leadMean;
  const leadDemandSd = Math.sqrt(leadMean * dailyVariance + dailyMean * dailyMean * leadVariance);
  const z = normalQuantile(serviceTarget);
  const pack = (x: number) => Math.ceil(x / casePack - 1e-9) * casePack;
  const reorderPoint = Math.ceil(leadDemandMean + z * leadDemandSd - 1e-9);
  const eoq = orderingCost !== undefined && orderingCost > 0 && holdingPerYear > 0 ? Math.sqrt((2 * orderingCost * dailyMean * 365) / holdingPerYear) : 14 * dailyMean;
  const quantity = Math.max(1, pack(Math.max(eoq, minOrder)));
  return { type: 'sS', reorderPoint: Math.max(0, reorderPoint), orderUpTo: Math.max(0, reorderPoint) + quantity };
}

/** Closed weekdays at 0 on top of the weekly pattern (1 where there is none); null when flat. */
function weeklyMultipliers(pattern: number[] | null, closedWeekdays: number[]): number[] | null {
  if (!pattern && closedWeekdays.length === 0) return null;
  const weekly = (pattern ?? new Array<number>(7).fill(1)).map((x) => round(x, 4));
  for (const weekday of closedWeekdays) weekly[weekday] = 0;
  return weekly;
}

/**
 * Holidays as demand shocks of multiplier 0 on the simulated calendar (day 0 is 1 January, years of
 * 365 days), each closed date every simulated year, consecutive dates as one window.
 */
function holidayShocks(closed: ClosedDays, horizonDays: number): NonNullable<NonNullable<ScenarioInput['demand']>[number]['shocks']> {
  const daysOfYear = [...new Set(closed.holidays.map((day) => dayOfYear(day)))].sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const d of daysOfYear) {
    const last = windows[windows.length - 1];
    if (last && last[1] === d) last[1] = d + 1;
    else windows.push([d, d + 1]);
  }
  const shocks: NonNullable<NonNullable<ScenarioInput['demand']>[number]['shocks']> = [];
  for (let year = 0; year * 365 < horizonDays; year++) {
    for (const [start, end] of windows) {
      if (year * 365 + start >= horizonDays) continue;
      shocks.push({ name: `closed (${monthDay(start)}${end - start > 1 ? ` to ${monthDay(end - 1)}` : ''})`, multiplier: 0, occurrence: { type: 'scheduled', start: year * 365 + start, end: year * 365 + end } });
    }
  }
  return shocks;
}

/** 0 for 1 January … 364 for 31 December (29 February counts as 28 February: the simulated year has 365 days). */
function dayOfYear(day: number): number {
  const date = new Date(day * 86_400_000);
  const month = date.getUTCMonth();
  const dayOfMonth = Math.min(date.getUTCDate(), month === 1 ? 28 : 31);
  return Math.round((Date.UTC(2001, month, dayOfMonth) - Date.UTC(2001, 0, 1)) / 86_400_000);
}

function monthDay(dayOfYearIndex: number): string {
  return new Date(Date.UTC(2001, 0, 1) + dayOfYearIndex * 86_400_000).toISOString().slice(5, 10);
}

/** Parameters rounded for a file a planner reads (6 significant digits), values of an empirical kept. */
function rounded(d: Distribution): Distribution {
  const r = (x: number) => Number(x.toPrecision(6));
  switch (d.type) {
    case 'poisson':
      return { ...d, mean: r(d.mean) };
    case 'negativeBinomial': {
      const mean = r(d.mean);
      // rounding must keep it over-dispersed (sd² > mean)
      const sd = Math.max(r(d.sd), Number((Math.sqrt(mean) * 1.000001).toPrecision(8)));
      return { ...d, mean, sd };
    }
    case 'normal':
      return { ...d, mean: r(d.mean), sd: r(d.sd) };
    case 'intermittent':
      return { ...d, probability: r(d.probability), size: rounded(d.size) as typeof d.size };
    case 'lognormal':
      return { ...d, mean: r(d.mean), sd: r(d.sd) };
    case 'constant':
      return { ...d, value: r(d.value) };
    default:
      return d;
  }
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function emptyScenario(options: BuildOptions, horizonDays: number): ScenarioInput {
  return { version: 1, name: options.name ?? 'Imported', horizonDays, products: [], nodes: [], stockPoints: [] };
}

/** Valid, unique scenario ids from names a file gives (`PACK 72` → `PACK-72`, a second `a` → `a-2`). */
class IdMaker {
  private readonly taken: Set<string>;
  constructor(reserved: string[] = []) {
    this.taken = new Set(reserved);
  }
  make(name: string): string {
    let base = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_.:-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .replace(/-+$/, '')
      .slice(0, MAX_ID_LENGTH - 10);
    if (base === '') base = 'x';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
