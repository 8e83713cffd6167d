import { formatParameter } from '../../charts/parameterFormat.ts';
import { parameterLabel, policyTypeLabel } from './names.ts';

/**
 * The sweep panel's and sweep charts' user-facing strings in English (web/sweepPanel.ts,
 * web/charts/heatmap.ts, web/charts/sweepFrontier.ts), so a French file with the same shape can be
 * added beside it.
 */
export const sweep = {
  title: 'Sweep a policy parameter',
  help: 'Try a grid of values for one or two parameters of a stock point\u2019s policy, starting from the first policy variant. Every grid point runs on the same replications and seed as Run (top bar), so the points are compared on the same random days.',
  product: 'Product',
  node: 'Stock point',
  allNodes: 'all stock points',
  /** a stock point choice: its node and its policy type, "warehouse · (r, Q)" */
  nodeChoice: (node: string, policyType: string) => `${node} · ${policyTypeLabel(policyType)}`,
  parameter: (n: number) => `Parameter ${n}`,
  values: (n: number) => `Values of parameter ${n}`,
  valuesPlaceholder: 'FROM:TO:STEP or V1,V2',
  valuesHint: 'FROM:TO:STEP (e.g. 20:80:10) or values separated by commas (e.g. 5,8,13)',
  /** a values field that is not FROM:TO:STEP with TO ≥ FROM and STEP > 0 (worker/sweep.ts parseValues) */
  badRange: (typed: string) => `expected FROM:TO:STEP with TO >= FROM and STEP > 0, got "${typed}"`,
  /** a range with more values than a grid may have */
  tooManyValues: (typed: string, count: number, most: number) => `"${typed}" makes ${count} values; at most ${most}`,
  /** a values field that is neither a range nor a list of numbers */
  badValues: (typed: string) => `expected FROM:TO:STEP or numbers separated by commas, got "${typed}"`,
  none: '— none —',
  kpi: 'KPI',
  run: 'Run sweep',
  exportWhat: 'the sweep\u2019s grid points',
  noParameters: 'This stock point\u2019s policy has no numeric parameter to sweep.',
  noStockPoints: 'The scenario has no stock point to sweep.',
  tooMany: (count: number, max: number) => `${count} grid points: at most ${max}. Use fewer values or a larger step.`,
  sameParameter: 'Choose two different parameters.',
  cannotPlan: (message: string) => `The sweep cannot run: ${message}`,
  heatmapTitle: 'The KPI over the grid',
  heatmapHelp: 'Each cell is one grid point, coloured by the mean of the chosen KPI over replications and labelled with it; hover or focus a cell for its 95% interval. A star marks the points on the service / holding cost frontier.',
  lineHelp: 'The chosen KPI against the swept parameter: means with 95% confidence whiskers. A star marks the points on the service / holding cost frontier.',
  frontierTitle: 'Grid points: service against holding cost',
  frontierHelp: 'Every grid point\u2019s fill rate against its holding cost, with 95% whiskers. The line joins the frontier: the points no other point beats on both service and cost. Up and to the left is better.',
  skippedTitle: (count: number) => `${count} grid point${count === 1 ? '' : 's'} left out (not a valid policy):`,
  caption: (replications: number, complete: boolean, where: string) =>
    `${where} · mean of ${replications} replication${replications === 1 ? '' : 's'}${complete ? '' : ' (cancelled: the replications that finished)'}`,
  where: (product: string, node: string | undefined) => `${product} at ${node ?? 'every stock point'}`,
  legendLow: 'low',
  legendHigh: 'high',
  onFrontier: 'On the frontier',
  frontierLine: 'Frontier',
  otherPoints: 'Other grid points',
  frontierYes: 'On the service / holding cost frontier',
  /** under the frontier chart: what its points' labels give, "Labels: Reorder point, Order quantity" */
  frontierLabelKey: (parameters: string[]) => `Labels on the frontier’s points: ${parameters.join(', ')}.`,
  /** a grid point by its parameters' ids and values: "Reorder point = 40, Order quantity = 12.5" (labels from names.ts, values rounded) */
  pointName: (parameters: string[], values: number[]) => parameters.map((p, i) => `${parameterLabel(p)} = ${formatParameter(values[i])}`).join(', '),
  pointShort: (values: number[]) => values.join(', '),
  missingCell: 'not run (invalid policy)',
  notAvailable: (kpi: string) => `${kpi} is not available for these grid points. Choose another KPI.`,
};
