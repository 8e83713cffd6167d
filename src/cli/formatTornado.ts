import type { KpiSummary } from '../experiment/replicate.ts';
import { SENSITIVITY_LABELS, type TornadoBar } from '../experiment/sensitivity.ts';
import type { KpiName } from '../metrics/kpis.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatCell, formatSeconds, formatTable } from './format.ts';

/** The tornado in text: per input, the KPI at -x% and +x% beside the baseline, and a bar for the swing. */
export function formatTornado(scenario: Scenario, variant: string, kpi: KpiName, percent: number, baseline: KpiSummary, bars: TornadoBar[], skipped: string[], wallSeconds: number): string {
  const widest = Math.max(...bars.map((bar) => bar.swing), 0);
  const rows = bars.map((bar) => [
    SENSITIVITY_LABELS[bar.input],
    formatCell(kpi, bar.low, scenario.currency),
    formatCell(kpi, bar.high, scenario.currency),
    `${'█'.repeat(widest > 0 ? Math.max(1, Math.round((bar.swing / widest) * 30)) : 0)}`,
  ]);
  const lines = [
    `${scenario.name} | ${variant} | each input −${percent}% and +${percent}% in turn, on the same seed | ${scenario.replications} replications each | wall time ${formatSeconds(wallSeconds)}`,
    '',
    `${kpi} at the baseline: ${formatCell(kpi, baseline, scenario.currency)}`,
    '',
    ...formatTable(['input', `−${percent}%`, `+${percent}%`, 'swing'], rows),
  ];
  if (skipped.length > 0) lines.push('', `not moved: ${skipped.join('; ')}`);
  return lines.join('\n') + '\n';
}
