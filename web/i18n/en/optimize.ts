/**
 * The optimise panel's user-facing strings in English (web/optimizePanel.ts), so a French file with
 * the same shape can be added beside it.
 */
/** a label inside a sentence: "Reorder point" -> "reorder point" */
const lower = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

export const optimize = {
  title: 'Find the best parameters (optimise)',
  help: 'Try a grid of values for one or two parameters of a stock point\u2019s policy and find the one with the lowest objective. Every grid point is screened with the top bar\u2019s replications; the best 3 are confirmed with 4 times as many (at least 10) on new random days, and the winner is compared with the runner-up.',
  objective: 'Minimise',
  floorKpi: 'Floor on',
  floorValue: 'at least',
  floorPlaceholder: 'none',
  floorHint: 'Leave empty for no floor. A rate as a fraction (0.95) or a percentage (95).',
  floorInvalid: 'The floor must be a number between 0 and 1 (or a percentage up to 100), or empty.',
  run: 'Run optimisation',
  exportWhat: 'the optimisation\u2019s grid points and candidates',
  cannotRun: (message: string) => `The optimisation cannot run: ${message}`,
  cancelled: 'Optimisation cancelled before every grid point had a replication: nothing new to show.',
  cancelledPartial: 'Optimisation cancelled: below is what finished, not a confirmed winner (the sentence says how far it got).',
  caption: (screen: number, confirm: number, where: string, finished: { screen: number; confirm: number } | null) =>
    `${where} · screening ${screen} replication${screen === 1 ? '' : 's'} per grid point, confirmation ${confirm} per candidate${
      finished ? ` (cancelled: ${finished.screen} of ${screen} screening, ${finished.confirm} of ${confirm} confirmation replications finished)` : ''
    }`,
  tableCaption: 'The confirmed candidates, best first',
  tableCaptionScreening: 'The leading grid points of the screening, best first (not confirmed)',
  candidate: 'Candidate',
  floorMet: 'Floor met',
  yes: 'yes',
  no: 'no',
  winner: 'Winner',
  winnerMark: '★ winner',
  /** no grid point met the floor: which way to widen the grid (src/experiment/widenGrid.ts); `parameter` is its label (names.ts) */
  widen: (closest: string, floor: string, parameter: string, direction: 'up' | 'down', values: string) =>
    `The closest grid point, ${closest} (${floor}), is at the grid\u2019s ${direction === 'up' ? 'largest' : 'smallest'} ${lower(parameter)}: the floor is more likely met ${direction === 'up' ? 'above' : 'below'} it. Try ${lower(parameter)} ${values}.`,
  widenButton: (parameter: string) => `Try these values of ${lower(parameter)}`,
  inside: (closest: string, floor: string) =>
    `The closest grid point, ${closest} (${floor}), is inside the grid: moving these parameters further does not get closer to the floor. Try another parameter, another policy or a lower floor.`,
  skippedTitle: (count: number) => `${count} grid point${count === 1 ? '' : 's'} left out (not a valid policy):`,
};
