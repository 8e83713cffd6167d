import type { Policy, Scenario } from '../scenario/schema.ts';
import type { RecommendOutcome } from '../experiment/recommend.ts';
import { formatCell, formatSeconds, formatTable } from './format.ts';

/** A policy's parameters in a few characters: "sS 40/150", "rQ 12 × 40", "base stock 15", "RS 7 d, S 60", "TQ 7 d × 50". */
export function policyText(policy: Policy | null): string {
  if (policy === null) return '-';
  switch (policy.type) {
    case 'sS':
      return `sS ${policy.reorderPoint}/${policy.orderUpTo}`;
    case 'rQ':
      return `rQ ${policy.reorderPoint} × ${policy.orderQuantity}`;
    case 'baseStock':
      return `base stock ${policy.level}`;
    case 'periodicRS':
      return `RS ${policy.reviewPeriod} d, S ${policy.orderUpTo}`;
    case 'fixedQuantity':
      return `TQ ${policy.reviewPeriod} d × ${policy.orderQuantity}`;
    case 'schedule':
      return `schedule ${policy.orders.length} order${policy.orders.length === 1 ? '' : 's'}${policy.repeatEveryDays === undefined ? '' : ` every ${policy.repeatEveryDays} d`}`;
    case 'passThrough':
      return `pass-through ${policy.reviewPeriod} d`;
    case 'anchorAndAdjust':
      return `anchor-and-adjust ${policy.reviewPeriod} d${policy.estimates === undefined ? '' : ` (${policy.estimates})`}`;
    default:
      return policy.type;
  }
}

/**
 * `stocklab recommend` as text: what was asked and run, one row per stock point (today's policy and
 * the recommended one, the target KPI and the objective both ways, on the confirmation's fresh seeds),
 * the total change with its interval, the stock points where the target cannot be met and why, and
 * the warnings.
 */
export function formatRecommendation(scenario: Scenario, outcome: RecommendOutcome, header: { wallSeconds: number }): string {
  const { spec } = outcome;
  const currency = scenario.currency;
  const met = outcome.rows.filter((row) => row.status === 'met').length;
  const lines = [
    `${scenario.name} | cheapest ${spec.policy} meeting ${spec.target.kpi} ≥ ${spec.target.atLeast} with 95% confidence, by ${spec.by === 'product' ? 'product' : 'stock point'}, minimising ${spec.objective} | wall time ${formatSeconds(header.wallSeconds)}`,
    `search: ${outcome.runs.search / spec.searchReplications} rungs + ${outcome.runs.refine / spec.searchReplications} finer × ${spec.searchReplications} replications (common random numbers); confirmation: today against the recommendation, ${spec.confirmReplications} replications on fresh seeds${
      outcome.raised > 0 ? `; ${outcome.raised} choice${outcome.raised === 1 ? '' : 's'} short of the target there raised a step, and all confirmed again on other fresh seeds (the figures below)` : ''
    }`,
    `${met} of ${outcome.rows.length} stock points meet the target with the recommendation${outcome.rows.length - met > 0 ? ` (${outcome.rows.filter((row) => row.status === 'notConfirmed').length} short on the fresh seeds, ${outcome.rows.filter((row) => row.status === 'cannotMeet').length} cannot meet it)` : ''}`,
    '',
  ];
  const head = ['stock point', 'today', 'recommended', `${spec.target.kpi} today`, 'recommended', `${spec.objective} today`, 'recommended', ''];
  const rows = outcome.rows.map((row) => [
    `${row.node} / ${row.product}`,
    policyText(row.current),
    policyText(row.recommended),
    formatCell(spec.target.kpi, row.serviceNow, currency),
    row.serviceRecommended ? formatCell(spec.target.kpi, row.serviceRecommended, currency) : '-',
    formatCell(spec.objective, row.costNow, currency),
    row.costRecommended ? formatCell(spec.objective, row.costRecommended, currency) : '-',
    row.status === 'met' ? '' : row.status === 'notConfirmed' ? 'short on fresh seeds' : 'cannot meet',
  ]);
  lines.push(...formatTable(head, rows), '');
  const change = outcome.totalChange;
  if (change) {
    const sign = change.mean < 0 ? 'lowers' : 'raises';
    const interval = change.halfWidth === null ? '' : ` (±${Math.abs(change.halfWidth).toLocaleString('en-US', { maximumFractionDigits: 2 })})`;
    lines.push(
      `The recommendation ${sign} the network's ${spec.objective} by ${Math.abs(change.mean).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}${interval} over the ${(scenario.horizonDays - scenario.warmupDays).toLocaleString('en-US')}-day window, ${change.significant ? 'a difference the 95% interval confirms' : 'a difference within the noise (the 95% interval includes 0)'}.`,
    );
  }
  for (const row of outcome.rows.filter((r) => r.status === 'cannotMeet')) lines.push(`${row.node} / ${row.product}: ${row.why}`);
  for (const warning of outcome.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
