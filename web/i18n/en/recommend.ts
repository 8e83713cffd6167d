import { cannotMeetText, warningText, type CannotMeetFacts, type RewardsNotSelling } from '../../../src/experiment/recommend.ts';
import { formatDuration } from './app.ts';

/**
 * The Recommend panel's user-facing strings in English (web/recommendPanel.ts); French in
 * web/i18n/fr/recommend.ts, typed against these.
 */
const plural = (count: number, word: string): string => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export const recommend = {
  title: 'Recommend policy parameters',
  help: 'For every stock point where customers buy, the cheapest parameters of a policy that meet a service target with 95% confidence, as the command line\u2019s stocklab recommend finds them: a start from the textbook formulas, a ladder of levels searched on common random numbers with the top bar\u2019s replications (at least 2), then today\u2019s policies and the recommendation confirmed side by side on new random days with twice as many replications (at least 10).',
  targetKpi: 'Target',
  level: 'at least (%)',
  levelHint: 'The share the target must reach with 95% confidence, as a percentage (95) or a fraction (0.95).',
  levelInvalid: 'The target level must be a percentage above 0 and below 100, e.g. 95.',
  policy: 'Policy',
  by: 'One choice per',
  byStockPoint: 'stock point',
  byProduct: 'product (all its locations)',
  objective: 'Minimise',
  run: 'Run recommendation',
  exportWhat: 'the recommendation, one row per stock point',
  exportMaster: 'Parameters as SKU master CSV',
  exportMasterHint: 'The recommended parameters in the SKU master\u2019s columns (sku, location, policy and its parameters), to load into a planning system or into Import data…; stock points that cannot meet the target are left out.',
  cannotRun: (message: string) => `The recommendation cannot run: ${message}`,
  cancelled: 'Recommendation cancelled: it needs every phase (search, finer search, confirmation), so there is nothing to show.',
  /** the status line while it runs */
  phase: (kind: 'search' | 'refine' | 'confirm', step: number, of: number, replications: number) =>
    kind === 'search'
      ? `Recommendation: search ${step}/${of}, every stock point at its own level, on ${plural(replications, 'replication')}…`
      : kind === 'refine'
        ? `Recommendation: finer search ${step}/${of} between the levels found, on ${plural(replications, 'replication')}…`
        : `Recommendation: confirming today\u2019s policies and the recommendation on ${plural(replications, 'new replication')} each…`,
  done: (points: number, rungs: number, search: number, confirm: number, seconds: number) =>
    `Done: recommendation for ${plural(points, 'stock point')} (${plural(rungs, 'level')} tried on ${plural(search, 'replication')} each, confirmed on ${confirm}) in ${formatDuration(seconds)}`,
  caption: (rungs: number, finer: number, search: number, confirm: number, raised: number) =>
    `Search: ${plural(rungs, 'rung')} + ${finer} finer × ${plural(search, 'replication')} (common random numbers); confirmation: today against the recommendation, ${plural(confirm, 'replication')} on new random days${
      raised > 0 ? `; ${plural(raised, 'choice')} short of the target there raised a step, and all confirmed again on other new random days (the figures shown)` : ''
    }.`,
  /** "1 of 1 stock point meets fill rate ≥ 95.0% with 95% confidence with the recommendation" */
  summary: (met: number, total: number, target: string, short: number, cannot: number) =>
    `${met.toLocaleString('en-US')} of ${plural(total, 'stock point')} ${met === 1 ? 'meets' : 'meet'} ${target} with 95% confidence with the recommendation${
      short + cannot > 0 ? ` (${short.toLocaleString('en-US')} short on new random days, ${cannot.toLocaleString('en-US')} cannot meet it)` : ''
    }.`,
  /** the network's objective, recommended minus today: `clause` is the comparison's ("raises total cost by 99.57 EUR over the 3,600-day window (±0.28)") */
  change: (clause: string, significant: boolean) =>
    `The recommendation ${clause}: ${significant ? 'the 95% interval excludes 0, so the change is real' : 'the 95% interval includes 0, so no change can be claimed'}.`,
  noChange: 'The change of the objective could not be measured (it applies to no replication of both).',
  stockPoint: 'Stock point',
  today: 'Today',
  recommended: 'Recommended',
  kpiToday: (label: string) => `${label}, today`,
  kpiRecommended: (label: string) => `${label}, recommended`,
  status: 'Status',
  tableCaption: (confirm: number, windowDays: number) =>
    `Each stock point on the confirmation\u2019s ${plural(confirm, 'new replication')} (mean ± 95% half-width); money over the ${windowDays.toLocaleString('en-US', { maximumFractionDigits: 2 })}-day measured window.`,
  met: 'Met',
  notConfirmed: 'Short on new random days',
  notConfirmedHint: 'Chosen in the search, but below the target\u2019s 95% bound on the confirmation\u2019s new random days.',
  cannotMeet: 'Cannot meet',
  /** a status and why: "Cannot meet: the highest level tried…" */
  statusWhy: (status: string, why: string) => `${status}: ${why}`,
  /** why a target cannot be met (src/experiment/recommend.ts RecommendedRow `whyFacts`), as the CLI words it */
  cannotMeetWhy: (facts: CannotMeetFacts) => cannotMeetText(facts),
  /** an objective that rewards not selling (src/experiment/recommend.ts `warningFacts`), as the CLI words it */
  warning: (facts: RewardsNotSelling) => `Warning: ${warningText(facts)}`,
  /** a policy and its parameters: "(s, S): s 10, S 30" */
  policyWithParameters: (policy: string, parameters: string) => `${policy}: ${parameters}`,
  /** a policy's parameters in the textbook's letters */
  reorderAndOrderUpTo: (s: string, S: string) => `s ${s}, S ${S}`,
  reorderAndQuantity: (r: string, Q: string) => `r ${r}, Q ${Q}`,
  baseStockLevel: (S: string) => `S ${S}`,
  reviewAndOrderUpTo: (R: number, S: string) => `R ${plural(R, 'day')}, S ${S}`,
  addVariant: 'Add the Recommended variant',
  addVariantHint:
    'Puts the recommendation into the scenario as a variant with the id \u201crecommended\u201d (replacing an earlier one), after today\u2019s policies: Run then compares them on common random numbers, stock point by stock point. Undo in the editor takes it out.',
  variantAdded: 'The Recommended variant is in the scenario (Undo in the editor takes it out): Run to compare it with today\u2019s policies.',
  variantNotAdded: 'The variant could not be added: the scenario\u2019s text is not valid JSON at the moment.',
  /** the variants the button adds: their names in the scenario */
  variantName: 'Recommended',
  todayName: 'Today',
  variantDescription: (policy: string, target: string) => `The cheapest ${policy} parameters meeting ${target} with 95% confidence (the Recommend panel)`,
};
