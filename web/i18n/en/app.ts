/**
 * The app shell's user-facing strings in English. Every string the shell shows comes from here (the
 * charts and the editor have their own files beside this one), so a French file can be added.
 */
export const app = {
  skipToResults: 'Skip to results',
  /** the landmarks' names, for screen readers */
  sidePanel: 'Scenario',
  resultsRegion: 'Results',
  headlineKpis: 'Headline KPIs',
  /** the top bar's language switch (web/app/languageSwitch.ts) */
  language: 'Language',
  languageHint: 'The page reloads in the language chosen, with the scenario as it is and, if its results were on screen, the same run again (the same numbers). Sweep, sensitivity, optimisation and recommendation results are not kept.',
  /** a scenario opened in the app refers to a CSV history the app does not bundle (web/gallery.ts readGalleryFile) */
  noBundledFile: (path: string) => `no file "${path}" is bundled with the app (only scenarios/data/ files are)`,
  toggleDrawer: 'Show or hide the scenario panel',
  closeDrawer: 'Close the scenario panel',
  replications: 'Replications',
  seed: 'Seed',
  run: 'Run',
  cancel: 'Cancel',
  precisionMode: 'Precision',
  precisionModeHint:
    'Let Run choose how many replications: it adds them in rounds until the chosen KPI is known to the precision you ask (the half-width of its 95% interval, for every policy variant), or until the cap. Replications is the first round; after the run it shows the number used, so the link, the saved scenario and a plain run give the same result. Sweeps, sensitivity and optimisation use Replications as it is.',
  precisionRow: 'Precision target',
  precisionUntil: 'Add replications until',
  precisionKpi: 'KPI to know precisely',
  precisionWithin: 'is known to ±',
  precisionTarget: 'Target half-width of the 95% interval',
  precisionAtMost: 'at most',
  precisionCap: 'Most replications',
  precisionReplications: 'replications',
  precisionBadTarget: (unit: string, example: string) => `Enter a half-width above 0, in ${unit} (e.g. ${example}).`,
  precisionBadCap: (most: number) => `Enter a whole number of replications from 2 to ${most.toLocaleString('en')}.`,
  gallery: 'Scenarios',
  editor: 'Edit',
  openFile: 'Open…',
  saveFile: 'Save',
  share: 'Share link',
  exportCsv: 'Results as CSV',
  exportJson: 'Results as JSON',
  exportHtml: 'The whole view (HTML)',
  exportPanel: (format: string, what: string) => `Download ${what} as ${format}`,
  present: 'Present',
  presentHint: 'Show the results as slides for a projector or a client meeting: the headline, service against holding cost, the variants compared and a chart of your choice (← → move, Esc leaves); each slide downloads as a 16:9 picture, and the slides as one HTML page that prints a slide per page.',
  comparisonTitle: 'Policy variants compared',
  comparisonHelp: (baseline: string, windowDays: number) =>
    `Each variant against ${baseline}, replication by replication on the same random days: the mean paired difference with its 95% interval. "Significant": the interval excludes 0. Money is over the ${windowDays.toLocaleString('en-US', { maximumFractionDigits: 2 })}-day measured window (the warm-up left out), as on the KPI cards.`,
  comparisonDifference: 'Difference (mean ± 95%)',
  comparisonSignificant: 'Significant',
  viewExported: (scenario: string, seed: string, replications: number, when: string, version: string) =>
    `${scenario} — seed ${seed}, ${replications} replications — exported ${when} from Stocklab ${version}`,
  exportSvg: 'SVG',
  exportPng: 'PNG',
  exportChart: (format: string, chart: string) => `Download the ${chart} chart as ${format}`,

  progress: (done: number, total: number, secondsLeft: number | null) =>
    `${done} / ${total} runs${secondsLeft === null ? '' : ` · ${formatDuration(secondsLeft)} left`}`,
  /** a precision run's progress bar: the round, and replications done of the round's planned total */
  precisionProgress: (round: number, done: number, total: number) => `Round ${round}: ${done} / ${total} replications`,
  running: 'Running…',
  /** what a sweep, a sensitivity analysis and an optimisation are running, and what they ran */
  analysis: {
    sweep: (parameters: string, points: number, replications: number) => `Sweeping ${parameters}: ${points} grid point${points === 1 ? '' : 's'} × ${replications} replication${replications === 1 ? '' : 's'}…`,
    sweepDone: (parameters: string, points: number, replications: number, seconds: number) =>
      `Done: ${replications} replication${replications === 1 ? '' : 's'} of each of ${points} grid point${points === 1 ? '' : 's'} (sweep of ${parameters}) in ${formatDuration(seconds)}`,
    sensitivity: (variant: string, percent: number) => `Sensitivity of ${variant}: the baseline, then each input at −${percent}% and +${percent}%…`,
    sensitivityDone: (variant: string, inputs: number, percent: number, replications: number, seconds: number) =>
      `Done: ${replications} replication${replications === 1 ? '' : 's'} of each run (sensitivity of ${variant}: the baseline and ${inputs} input${inputs === 1 ? '' : 's'} at ±${percent}%) in ${formatDuration(seconds)}`,
    screening: (parameters: string, points: number, replications: number) => `Optimisation of ${parameters}: screening ${points} grid point${points === 1 ? '' : 's'} on ${replications} replication${replications === 1 ? '' : 's'} each…`,
    confirming: (parameters: string, candidates: number, replications: number) => `Optimisation of ${parameters}: confirming the best ${candidates} on ${replications} new replications each…`,
    optimizeDone: (parameters: string, points: number, screen: number, candidates: number, confirm: number, seconds: number) =>
      `Done: ${screen} replication${screen === 1 ? '' : 's'} of each of ${points} grid point${points === 1 ? '' : 's'} screened, ${
        candidates === 0 ? 'none confirmed (none met the floor)' : `${confirm} of each of the best ${candidates} confirmed`
      } (optimisation of ${parameters}) in ${formatDuration(seconds)}`,
  },
  /** a precision run's status (the bar has no room for the time left) */
  runningRound: (round: number, secondsLeft: number | null) => `Running to precision, round ${round}${secondsLeft === null ? '' : ` · ${formatDuration(secondsLeft)} left in this round`}…`,
  precisionMet: (kpi: string, halfWidth: string, variants: number, replications: number, target: string, rounds: number, seconds: number) =>
    `Done: ${kpi} ± ${halfWidth}${variants > 1 ? ` (the widest of ${variants} variants)` : ''} after ${replications} replication${replications === 1 ? '' : 's'} (target ± ${target}) · ${rounds} round${rounds === 1 ? '' : 's'} in ${formatDuration(seconds)}`,
  precisionCapped: (kpi: string, halfWidth: string, variants: number, replications: number, target: string, rounds: number, seconds: number) =>
    `Done: stopped at the cap of ${replications} replications with ${kpi} ± ${halfWidth}${variants > 1 ? ` (the widest of ${variants} variants)` : ''}: the target ± ${target} was not met · ${rounds} round${rounds === 1 ? '' : 's'} in ${formatDuration(seconds)}`,
  precisionNoInterval: (kpi: string, replications: number, seconds: number) =>
    `Done: ${replications} replication${replications === 1 ? '' : 's'} in ${formatDuration(seconds)}; ${kpi} has no 95% interval in this scenario (it does not apply to every variant), so no precision can be reached: choose another KPI.`,
  precisionExported: (kpi: string, target: string, cap: number, met: boolean, halfWidth: string | null) =>
    `Replications chosen for ${kpi} ± ${target} (at most ${cap}): ${met ? 'target met' : 'target not met'}${halfWidth === null ? '' : `, ± ${halfWidth}`}`,
  done: (replications: number, seconds: number) => `Done: ${replications} replication${replications === 1 ? '' : 's'} in ${formatDuration(seconds)}`,
  cancelled: (replications: number) => `Cancelled: ${replications} complete replication${replications === 1 ? '' : 's'} kept`,
  /** a Run cancelled part way: the results hold fewer replications than asked, and Replications follows them */
  cancelledKept: (kept: number, asked: number) =>
    `Cancelled: the results hold ${kept} of the ${asked} replications asked, and Replications is now ${kept}, so Share and Save reproduce them (Undo in the editor puts ${asked} back).`,
  /** the scenario's description on the first screen (web/scenarioStory.ts) */
  story: { lookAt: 'What to look at:', more: 'More', less: 'Less' },
  /** results on screen that no longer belong to the scenario shown (web/staleResults.ts) */
  stale: {
    invalid: 'These results are from an earlier version of the scenario, which now has problems (see the editor).',
    other: (name: string) => `These results are for \u201c${name}\u201d, not the scenario shown.`,
    replications: (ran: number, now: number) => `These results hold ${ran} replication${ran === 1 ? '' : 's'}; the scenario now asks for ${now}.`,
    seed: (ran: string | number, now: string | number) => `These results are for seed ${ran}; the scenario now has seed ${now}.`,
    edited: 'The scenario has changed since these results were run.',
    panel: 'Run on an earlier version of the scenario: run it again for the scenario shown.',
    runAgain: 'Run again',
    share: 'Link copied. It opens the scenario as it is now, whose results are not the ones on screen (they are from an earlier version): run again before sharing to show the same numbers.',
    shareInAddressBar: 'The link is in the address bar. It opens the scenario as it is now, whose results are not the ones on screen (they are from an earlier version): run again before sharing to show the same numbers.',
    exported: 'The file holds the results on screen, those of the earlier version of the scenario it names (with its seed and replications), not of the scenario as it is now.',
    save: 'Saved the scenario as it is now; the results on screen are from an earlier version and are not in the file (run again to see its own).',
  },
  cancelledNone: 'Cancelled before any replication finished',
  failed: (message: string) => `The simulation stopped with an error: ${message}. Nothing was kept; you can run again.`,
  invalid: (count: number) => `${count} problem${count === 1 ? '' : 's'} in the scenario: fix ${count === 1 ? 'it' : 'them'} to run (see the editor)`,
  invalidRun: 'The scenario has problems; Run is off until they are fixed.',
  badLink: (message: string) => `The shared link could not be opened. ${message} Nothing was run in its place; pick a scenario from the list to start.`,
  /** the built app's notices about working offline and about a new version (web/app/offline.ts) */
  offline: {
    ready: 'Stocklab now works offline: this device keeps a copy of the app, so it opens and runs without a network.',
    update: 'A new version of Stocklab is available.',
    reload: 'Reload',
    reloadHint: 'The page reloads in the new version, with the scenario as it is and, if its results were on screen, the same run again.',
    later: 'Later',
    laterHint: 'Keep this version for now: the new one starts once every Stocklab tab has been closed.',
  },
  linkCopied: 'Link copied: it carries the whole scenario, the seed and the replications.',
  linkInAddressBar: 'The link is in the address bar: it carries the whole scenario, the seed and the replications.',
  openFailed: (message: string) => `The file could not be read: ${message}`,
  warnings: 'Modelling warnings',

  frontierTitle: 'Service against holding cost',
  frontierHelp: 'Each point is a policy variant: fill rate (units served from the shelf at once) against the cost of holding stock over the measured window, with 95% confidence whiskers on both axes. Up and to the left is better.',
  inventoryTitle: 'Inventory over time',
  inventoryHelp: 'On hand and inventory position (on hand + on order − backorders) at the end of each day at one stock point; dashed lines are the policy\u2019s reorder point and order-up-to level; shaded days had demand that could not be served at once; markers show orders placed and receipts.',
  customersTitle: 'Customers',
  customersHelp: 'What customers live through under each policy variant: how many keep buying, why the others left and, for online orders, whether promises were kept.',
  activeCustomersTitle: 'Active customers',
  activeCustomersHelp: 'Customers still buying, per policy variant, averaged over replications with a 95% band: stockouts and broken promises make some leave.',
  churnTitle: 'Customers lost, by cause',
  churnHelp:
    'How many customers left for good in the measured window, and why: the product was out of stock, they were made to wait for it (backorder), an online delivery came after the promised date, or they abandoned the cart because the promised date was too far. One bar per policy variant; the whisker is the 95% confidence interval.',
  onTimeTitle: 'On-time delivery over time',
  onTimeHelp:
    'The share of online orders delivered by the date promised when they were placed. Each point covers the orders delivered in the 7 days up to that day (a single day holds too few orders to read); the caption gives the whole window\u2019s figure with its 95% interval.',
  abandonedTitle: 'Abandoned carts over time',
  abandonedHelp:
    'Online orders given up at checkout because the promised delivery date was later than the customer would wait, per day, averaged over the 7 days up to each day, with a 95% band.',
  zonesTitle: 'Online orders by zone',
  zonesHelp:
    'Each online zone\u2019s orders in the measured window, per policy variant: placed, given up at checkout because the promised date was too far, delivered, on time or late against the promise, customers told of a delay before it happened, and express orders. Mean ± 95% half-width over replications.',
  recallsTitle: 'Recalls',
  recallsHelp:
    'What each recall reached, per policy variant: units of the recalled lots taken off shelves, out of shipments in transit and out of returns; units of those lots sold before the announcement; and the customer purchases that included them. Mean ± 95% half-width over replications.',
  histogramTitle: 'Distribution over replications',
  histogramHelp: 'How a KPI varies from one replication (one possible future) to another, per policy variant.',
  networkTitle: 'Network',
  networkHelp:
    'Suppliers, warehouses and stores, with lanes labelled by their mean lead time; stock points coloured by their fill rate. Online zones (customers ordering online) sit on the right, linked by dashed lines to the warehouses that ship to them.',
  tableTitle: 'All KPIs',
  tableHelp: 'Mean ± 95% confidence half-width over replications; a ★ marks a value significantly better than every other variant\u2019s (not merely the best-looking one). Definitions: docs/KPIS.md.',
  stockPoint: 'Stock point',
  variant: 'Policy variant',
  kpi: 'KPI',
  oneReplication: 'One replication',
  meanOfReplications: 'Mean of replications',
  noResults: 'Run the scenario to see results.',
  theoryTitle: (model: string) => `Simulation beside theory (${model})`,
  theoryHelp: (source: string) =>
    `The closed-form value of each KPI the model predicts, read from this scenario's parameters (${source}). "Agrees": the theory value lies within the simulated interval, at the level where all the comparisons hold together with 95% confidence. Hover a KPI for what is compared.`,
  theorySimulated: 'Simulated (mean ± 95%)',
  theoryValue: 'Theory',
  theoryAgrees: 'Agrees',
  /** a variant whose closed form was not computed: its name, and why (outside the analytic model's range...) */
  theoryOutside: (variant: string, message: string) => `${variant}: ${message}.`,
  /** said after a run refused as too large for the page (src/experiment/runBudget.ts) */
  budgetBeyond: 'run it from the command line with --allow-large (stocklab run) if your machine can',
  /** the top bar's settings (replications, a precision cap) make the run too large: the problems, by field */
  refused: (problems: string) => `Not run, too large for this page: ${problems}.`,
  per: (unit: string) => `per ${unit}`,
  yes: 'yes',
  no: 'no',
  /** the slide deck ("Present", web/presentMode.ts and web/present/) */
  deck: {
    label: 'Presentation',
    roleDescription: 'slide deck',
    slideRole: 'slide',
    counter: (index: number, count: number) => `${index} / ${count}`,
    /** said by screen readers as a slide is shown */
    announce: (index: number, count: number, title: string) => `Slide ${index} of ${count}: ${title}`,
    previous: 'Previous',
    previousLabel: 'Previous slide',
    next: 'Next',
    nextLabel: 'Next slide',
    leave: 'Leave',
    leaveLabel: 'Leave the presentation (Esc)',
    keys: '← → move through the slides, Esc leaves',
    html: 'Slides as HTML',
    htmlLabel: 'Slides as HTML: one page to download, which prints one slide per page',
    png: 'Slide as PNG',
    pngLabel: (title: string) => `Slide as PNG: download "${title}" as a 1920×1080 picture`,
    pngFailed: (message: string) => `The slide could not be drawn as a PNG: ${message}.`,
    headlineTitle: 'In short',
    chartChoice: 'Chart shown',
    noChart: 'No chart to show: run the scenario first.',
    /** the footer of an exported slide: what reproduces it */
    footer: (scenario: string, seed: string, replications: number, version: string) =>
      `${scenario} — seed ${seed}, ${replications} replication${replications === 1 ? '' : 's'} — Stocklab ${version}`,
  },
};

/** 75 -> "1 min 15 s", 3.2 -> "3.2 s" */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
