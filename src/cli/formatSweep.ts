import type { ExperimentResult } from '../experiment/replicate.ts';
import type { SweepAxis, SweepPlan, SweepRow } from '../experiment/sweep.ts';
import type { KpiName } from '../metrics/kpis.ts';
import { formatCell, formatSeconds, formatTable, ranOn } from './format.ts';

export interface SweepHeader {
  kpi: KpiName;
  currency: string;
  wallSeconds: number;
  workers: number;
  /** where the runs ran, said instead of the worker threads (format.ts ranOn) */
  where?: string;
}

/**
 * `stocklab sweep` as text: the chosen KPI over the grid (a table with the first parameter down and
 * the second across: the heatmap in numbers), then the Pareto frontier of fill rate against holding
 * cost, and the grid points left out.
 */
export function formatSweep(result: ExperimentResult, axes: SweepAxis[], rows: SweepRow[], skipped: SweepPlan['skipped'], header: SweepHeader): string {
  const lines = [
    `${result.scenario} | sweep of ${axes.map((axis) => `${axis.parameter} (${axis.values.length} values)`).join(' × ')} | ${result.replications} replications per point on common random numbers | wall time ${formatSeconds(header.wallSeconds)} on ${ranOn(header)}`,
    '',
    `${header.kpi} (network, mean ± 95% half-width) over the grid:`,
  ];
  const cell = (values: number[]) => {
    const row = rows.find((candidate) => candidate.values.every((value, i) => value === values[i]));
    return row ? `${formatCell(header.kpi, row.kpis[header.kpi], header.currency)}${row.frontier ? ' *' : ''}` : 'invalid';
  };
  if (axes.length === 1) {
    lines.push(...formatTable([axes[0].parameter, header.kpi], axes[0].values.map((value) => [String(value), cell([value])])));
  } else {
    const [down, across] = axes;
    lines.push(...formatTable([`${down.parameter} \\ ${across.parameter}`, ...across.values.map(String)], down.values.map((a) => [String(a), ...across.values.map((b) => cell([a, b]))])));
  }
  const frontier = rows.filter((row) => row.frontier);
  lines.push('', `* the Pareto frontier of fill rate against holding cost (${frontier.length} of ${rows.length} points; no other point has more service for less holding cost):`);
  lines.push(
    ...formatTable(
      ['point', 'fillRate', 'holdingCost', 'totalCost'],
      frontier.map((row) => [row.id.replace(/_/g, ', ').replace(/:/g, ' = '), formatCell('fillRate', row.kpis.fillRate, header.currency), formatCell('holdingCost', row.kpis.holdingCost, header.currency), formatCell('totalCost', row.kpis.totalCost, header.currency)]),
    ),
  );
  if (skipped.length > 0) {
    lines.push('', `left out (not a valid policy): ${skipped.map((point) => `${axes.map((axis, i) => `${axis.parameter} = ${point.values[i]}`).join(', ')} (${point.reason})`).join('; ')}`);
  }
  return lines.join('\n') + '\n';
}

