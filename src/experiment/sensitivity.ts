import type { Distribution, Scenario, Variant } from '../scenario/schema.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import { distributionMean } from '../random/distributions/sampler.ts';
import type { KpiName } from '../metrics/kpis.ts';
import type { KpiSummary } from './replicate.ts';

/**
 * One-at-a-time sensitivity: each scenario input is moved by -x% and +x% while the others stay, every
 * run on the same seed (so the same replications meet the same random numbers), and the change of a
 * KPI is read for each; sorted by swing, that is a tornado chart (Saltelli et al., Global Sensitivity
 * Analysis, 2008, ch. 1: a local, one-factor-at-a-time screening).
 */
export const SENSITIVITY_INPUTS = ['demandMean', 'demandVariability', 'leadTime', 'churn', 'holdingCost'] as const;
export type SensitivityInput = (typeof SENSITIVITY_INPUTS)[number];

/** What each input moves, in words. */
export const SENSITIVITY_LABELS: Record<SensitivityInput, string> = {
  demandMean: 'demand (customers per day, mean quantities, histories)',
  demandVariability: 'demand variability (sd of quantities)',
  leadTime: 'lead times (every lane, supplier processing time and transit to online customers)',
  churn: 'churn probabilities (on stockout, backorder, late delivery, abandoned cart; and after being told of a delay)',
  holdingCost: 'holding cost (per unit per day or annual rate)',
};

/** The scenario with one input scaled by `factor` (1.2 = +20%), or null when the scenario has none of it. */
export function perturb(scenario: Scenario, input: SensitivityInput, factor: number): Scenario | null {
  const copy = structuredClone(scenario);
  let changed = false;
  const mark = <T>(value: T): T => {
    changed = true;
    return value;
  };
  switch (input) {
    case 'demandMean':
      copy.demand = copy.demand.map((entry) => {
        if (entry.type === 'arrivals') return mark({ ...entry, customersPerDay: entry.customersPerDay * factor });
        if (entry.type === 'perPeriod') return mark({ ...entry, quantity: scaleDistribution(entry.quantity, factor) });
        // order counts stay whole: the orders grow instead
        if (entry.type === 'orders') return mark({ ...entry, size: scaleDistribution(entry.size, factor) });
        if (Array.isArray(entry.series)) return mark({ ...entry, series: entry.series.map((value) => value * factor) });
        return entry;
      });
      break;
    case 'demandVariability':
      copy.demand = copy.demand.map((entry) => {
        if (entry.type === 'history') return entry;
        if (entry.type === 'orders') {
          const spreadSize = spreadDistribution(entry.size, factor);
          return spreadSize === null ? entry : mark({ ...entry, size: spreadSize });
        }
        const spread = spreadDistribution(entry.quantity, factor);
        return spread === null ? entry : mark({ ...entry, quantity: spread });
      });
      break;
    case 'leadTime':
      copy.lanes = copy.lanes.map((lane) => mark({ ...lane, leadTime: scaleDistribution(lane.leadTime, factor) }));
      // deliveries to online customers take transit time too
      copy.fulfilment = copy.fulfilment.map((entry) =>
        mark({ ...entry, from: entry.from.map((source) => ({ ...source, transitDays: scaleDistribution(source.transitDays, factor) })) }),
      );
      copy.nodes = copy.nodes.map((node) => (node.type === 'supplier' && node.leadTime ? mark({ ...node, leadTime: scaleDistribution(node.leadTime, factor) }) : node));
      break;
    case 'churn':
      copy.customers = copy.customers.map((base) =>
        mark({
          ...base,
          churn: {
            ...base.churn,
            onStockout: Math.min(1, base.churn.onStockout * factor),
            onBackorder: Math.min(1, base.churn.onBackorder * factor),
            onLate: Math.min(1, base.churn.onLate * factor),
            onAbandon: Math.min(1, base.churn.onAbandon * factor),
          },
        }),
      );
      // a notified customer's churn moves with the others'
      copy.fulfilment = copy.fulfilment.map((entry) =>
        entry.communication ? { ...entry, communication: { ...entry.communication, churnIfNotified: Math.min(1, entry.communication.churnIfNotified * factor) } } : entry,
      );
      break;
    case 'holdingCost':
      copy.products = copy.products.map((product) =>
        mark({ ...product, holdingCost: 'perUnitPerDay' in product.holdingCost ? { perUnitPerDay: product.holdingCost.perUnitPerDay * factor } : { annualRate: product.holdingCost.annualRate * factor } }),
      );
      copy.stockPoints = copy.stockPoints.map((entry) =>
        entry.holdingCost === undefined ? entry : { ...entry, holdingCost: 'perUnitPerDay' in entry.holdingCost ? { perUnitPerDay: entry.holdingCost.perUnitPerDay * factor } : { annualRate: entry.holdingCost.annualRate * factor } },
      );
      break;
  }
  return changed ? copy : null;
}

/**
 * The scenario as `variant` runs it, with that variant alone: its policies stay an override, its `set`
 * changes are applied, so an input moved by `perturb` is what the variant runs (a change it sets
 * would otherwise put the input back).
 */
export function variantAlone(scenario: Scenario, variant: Variant): Scenario {
  return { ...scenarioForVariant(scenario, variant), variants: [{ ...variant, set: [] }] };
}

/** The distribution of `factor` times the variable: location and scale both move. */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  switch (d.type) {
    case 'constant':
      return { ...d, value: d.value * factor };
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor };
    case 'discreteUniform':
      // whole numbers stay whole; a range that would collapse keeps one value of width
      return { ...d, min: Math.round(d.min * factor), max: Math.max(Math.round(d.min * factor), Math.round(d.max * factor)) };
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'negativeBinomial':
      return { ...d, mean: d.mean * factor, sd: d.sd * factor };
    case 'exponential':
    case 'poisson':
      return { ...d, mean: d.mean * factor };
    case 'triangular':
      return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'empirical':
      return { ...d, values: d.values.map((value) => value * factor) };
    case 'intermittent':
      // as often, each time `factor` times as much
      return { ...d, size: scaleDistribution(d.size, factor) as typeof d.size };
  }
}

/** The distribution with its spread around the mean times `factor`, or null when it has no free spread (Poisson, exponential, constant). */
export function spreadDistribution(d: Distribution, factor: number): Distribution | null {
  switch (d.type) {
    case 'lognormal':
    case 'gamma':
      return { ...d, sd: d.sd * factor };
    case 'normal':
      return spreadNormal(d, factor);
    case 'negativeBinomial':
      // it must stay over-dispersed: sd^2 > mean
      return { ...d, sd: Math.max(d.sd * factor, Math.sqrt(d.mean) * 1.0001) };
    case 'uniform': {
      const middle = (d.min + d.max) / 2;
      return { ...d, min: middle - ((d.max - d.min) / 2) * factor, max: middle + ((d.max - d.min) / 2) * factor };
    }
    case 'triangular': {
      // around the mean (min + mode + max) / 3, which therefore stays
      const mean = (d.min + d.mode + d.max) / 3;
      const around = (value: number) => mean + (value - mean) * factor;
      return { ...d, min: around(d.min), mode: around(d.mode), max: around(d.max) };
    }
    case 'empirical': {
      // around the weighted mean, the one draws have: the unweighted mean of the values would move
      // the mean itself (values 1, 2, 10 weighted 5, 3, 1: 4.33 against 2.33)
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const mean = d.values.reduce((sum, value, i) => sum + value * weights[i], 0) / total;
      return { ...d, values: d.values.map((value) => mean + (value - mean) * factor) };
    }
    case 'intermittent': {
      // the sizes spread; how often demand comes stays
      const size = spreadDistribution(d.size, factor);
      return size === null ? null : { ...d, size: size as typeof d.size };
    }
    default:
      return null;
  }
}

/**
 * A normal demand with its sd times `factor` and its mean kept: demand is a normal truncated at zero
 * (negative draws are redrawn), whose mean μ + σ φ(μ/σ) / Φ(μ/σ) grows with σ, so a wider sd at the
 * same μ would also raise mean demand. The location is moved (bisection: the truncated mean
 * increases with it) so that the truncated mean stays what it was.
 */
function spreadNormal(d: Distribution & { type: 'normal' }, factor: number): Distribution {
  const sd = d.sd * factor;
  if (sd === 0 || d.sd === 0) return { ...d, sd };
  const target = distributionMean(d, { nonNegative: true });
  const truncatedMean = (location: number) => distributionMean({ type: 'normal', mean: location, sd }, { nonNegative: true });
  // far above zero the truncation is nothing: the location is the mean
  if (Math.abs(truncatedMean(d.mean) - target) <= 1e-12 * Math.max(1, target)) return { ...d, sd };
  let low = target - 40 * sd;
  let high = target;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, Math.abs(high)); i++) {
    const middle = (low + high) / 2;
    // the truncated mean is only defined where some of the normal is above zero
    let mean: number;
    try {
      mean = truncatedMean(middle);
    } catch {
      low = middle;
      continue;
    }
    if (mean < target) low = middle;
    else high = middle;
  }
  return { ...d, mean: (low + high) / 2, sd };
}

export interface TornadoBar {
  input: SensitivityInput;
  low: KpiSummary;
  high: KpiSummary;
  /** |high - low| of the means */
  swing: number;
}

/** Bars sorted by swing, largest first (the tornado's shape). */
export function tornado(bars: Omit<TornadoBar, 'swing'>[]): TornadoBar[] {
  return bars.map((bar) => ({ ...bar, swing: Math.abs((bar.high.mean ?? 0) - (bar.low.mean ?? 0)) })).sort((a, b) => b.swing - a.swing);
}

/** The KPI a sensitivity analysis reports when the user does not choose one. */
export const DEFAULT_SENSITIVITY_KPI: KpiName = 'totalCost';
