import type { Scenario } from '../../src/scenario/schema.ts';
import type { MeanLevels } from '../../src/experiment/replicate.ts';
import { layoutNetwork } from './networkDiagram.ts';

/**
 * The echelons of a network, for the orders-versus-demand chart (web/charts/echelonChart.ts): the
 * network diagram's columns (layoutNetwork: suppliers first, stores last, warehouses at their depth)
 * that hold stock points, nearest the customers first (the stores, then the warehouses supplying them,
 * up to the plant), each with its stock points.
 */
export interface Echelon {
  /** the nodes of the column holding stock points, in the diagram's order */
  nodes: string[];
  /** indexes of its stock points (in the variant's stock point order) */
  points: number[];
}

export function echelonsOf(scenario: Pick<Scenario, 'nodes' | 'lanes' | 'fulfilment'>, stockPoints: readonly { node: string }[]): Echelon[] {
  const columns = layoutNetwork(scenario);
  const echelons: Echelon[] = [];
  for (let c = columns.length - 1; c >= 0; c--) {
    const nodes = new Set(columns[c]);
    const points = stockPoints.flatMap((point, i) => (nodes.has(point.node) ? [i] : []));
    if (points.length > 0) echelons.push({ nodes: columns[c].filter((id) => stockPoints.some((point) => point.node === id)), points });
  }
  return echelons;
}

/** Per echelon, the units it ordered and the demand it faced, per period (its points' mean series added up). */
export interface EchelonFlows {
  /** units ordered per period (from its suppliers or the echelon above) */
  orders: number[];
  /** units demanded of it per period: customers' demand, and orders from the echelon below */
  demand: number[];
}

/**
 * Each echelon's orders and demand per day (`period` 1) or per week (7: whole weeks only, the days of a
 * last partial week left out), from the variant's mean daily series per stock point.
 */
export function echelonFlows(echelons: readonly Echelon[], series: readonly MeanLevels[], days: number, period: 1 | 7): EchelonFlows[] {
  const periods = Math.floor(days / period);
  return echelons.map((echelon) => {
    const orders = new Array<number>(periods).fill(0);
    const demand = new Array<number>(periods).fill(0);
    for (const index of echelon.points) {
      const levels = series[index];
      if (!levels) continue;
      for (let day = 0; day < periods * period; day++) {
        const p = Math.floor(day / period);
        orders[p] += levels.ordered.mean[day] ?? 0;
        demand[p] += levels.demand.mean[day] ?? 0;
      }
    }
    return { orders, demand };
  });
}
