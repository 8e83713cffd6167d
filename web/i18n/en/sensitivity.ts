import { SENSITIVITY_LABELS, type SensitivityInput } from '../../../src/experiment/sensitivity.ts';

/**
 * The sensitivity panel's and tornado chart's user-facing strings in English (web/sensitivityPanel.ts,
 * web/charts/tornado.ts), so a French file with the same shape can be added beside it.
 */
const minus = '\u2212';

export const sensitivity = {
  /** what each input moves, in words: the CLI's (src/experiment/sensitivity.ts) */
  inputs: SENSITIVITY_LABELS as Record<SensitivityInput, string>,
  title: 'What moves the result? (sensitivity)',
  help: 'Move each input of the scenario down and up by the same percentage, one at a time, and see how much the chosen KPI changes. Every run uses one policy variant and the replications and seed of the top bar, so the changes are compared on the same random days.',
  variant: 'Policy variant',
  kpi: 'KPI',
  percent: 'Move by (%)',
  percentHint: 'a whole number from 1 to 90',
  run: 'Run sensitivity',
  exportWhat: 'the sensitivity analysis\u2019s bars',
  badPercent: 'Enter a whole number of percent from 1 to 90.',
  chartTitle: 'Tornado: the KPI at \u2212x% and +x% of each input',
  chartHelp: 'One bar per input, largest swing on top. Each bar runs from the KPI with the input lowered (hatched part) to the KPI with it raised (solid part); the vertical line is the baseline. Whiskers are 95% confidence intervals; hover or focus a bar for its figures.',
  caption: (variant: string, kpi: string, percent: number, replications: number, done: number, total: number, complete: boolean) =>
    `${variant} · ${kpi} · inputs moved by ${minus}${percent}% and +${percent}% · mean of ${replications} replication${replications === 1 ? '' : 's'} per run${complete ? '' : ` (cancelled: ${done} of ${total} input${total === 1 ? '' : 's'} finished)`}`,
  down: (percent: number) => `${minus}${percent}%`,
  up: (percent: number) => `+${percent}%`,
  legendDown: (percent: number) => `Input ${minus}${percent}% (hatched)`,
  legendUp: (percent: number) => `Input +${percent}%`,
  legendBaseline: 'Baseline',
  legendInterval: '95% confidence interval',
  baselineLabel: (value: string) => `Baseline ${value}`,
  swing: 'Swing',
  tooltipEnd: (end: string, value: string) => `Input ${end}: ${value}`,
  notAvailable: (kpi: string) => `${kpi} is not available for this scenario: choose another KPI.`,
  barsMissing: (inputs: string) => `No value of the KPI for: ${inputs}.`,
  skippedTitle: (count: number) => `${count} input${count === 1 ? '' : 's'} not moved:`,
  notInScenario: 'the scenario has none of it',
  invalidWhenMoved: (percent: number, message: string) => `moved by ${percent}% the scenario is no longer valid (${message})`,
  cancelled: 'not run (cancelled)',
};
