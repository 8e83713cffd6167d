import { demandStreamKey, stockPointKey } from '../scenario/references.ts';

/**
 * A modelling warning as facts: what wiring a scenario found that makes its numbers mislead, with the
 * numbers and ids each kind needs. The engine words them in English (`warningText`, the CLI's words,
 * in `RunResult.warnings`); a page words them in its own language from the same facts (web/i18n).
 * Problems are data, their wording apart, as zod's issues and `prettifyError`.
 */
export type ModelWarning = NeverOrders | BullwhipPeriod | HistoryReplayed;

/**
 * A serviceTarget policy at a stock point that sells under lost sales and ships to no one, whose
 * reorder point (from its demand and target) is below 0: its inventory position never falls below 0,
 * so it never orders.
 */
export interface NeverOrders {
  kind: 'neverOrders';
  node: string;
  product: string;
  reorderPoint: number;
}

/**
 * A stock point that reviews every `reviewPeriodDays` days, more than the `bullwhipPeriodDays` its
 * bullwhip ratio is measured over: the ratio measures the batching of its orders. The fix: a period of
 * `suggestedPeriodDays` (whole days covering a review cycle) or a multiple.
 */
export interface BullwhipPeriod {
  kind: 'bullwhipPeriod';
  node: string;
  product: string;
  reviewPeriodDays: number;
  bullwhipPeriodDays: number;
  suggestedPeriodDays: number;
}

/** A demand history shorter than the horizon's days (a partial last day counts): replayed from its start. */
export interface HistoryReplayed {
  kind: 'historyReplayed';
  node: string;
  product: string;
  /** the demand entry's segment, or null when it has none */
  segment: string | null;
  historyDays: number;
  horizonDays: number;
}

/** The warning in English, with the fix: the CLI's words, byte for byte as `RunResult.warnings` has always held them. */
export function warningText(warning: ModelWarning): string {
  switch (warning.kind) {
    case 'neverOrders':
      return `${stockPointKey(warning.node, warning.product)}: the serviceTarget policy's reorder point is ${warning.reorderPoint.toFixed(2)}; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.`;
    case 'bullwhipPeriod':
      return `${stockPointKey(warning.node, warning.product)} orders every ${warning.reviewPeriodDays} days and bullwhipRatio is measured per ${warning.bullwhipPeriodDays}-day period, so it measures the batching of its orders as much as their swings; set bullwhipPeriodDays to ${warning.suggestedPeriodDays} (or a multiple) to compare its orders with its demand over whole review cycles.`;
    case 'historyReplayed':
      return `demand for ${demandStreamKey(warning.node, warning.product, warning.segment ?? undefined)}: the history has ${warning.historyDays} days and the horizon ${warning.horizonDays}; it is replayed from the start when it runs out.`;
  }
}

/**
 * What a warning is about, `point:`, `bullwhip:` or `demand:` and its stock point's or demand
 * stream's key: the merge of independent parts' results puts their warnings back in the order the
 * whole run gives them by it (src/experiment/parts.ts).
 */
export function warningSource(warning: ModelWarning): string {
  switch (warning.kind) {
    case 'neverOrders':
      return `point:${stockPointKey(warning.node, warning.product)}`;
    case 'bullwhipPeriod':
      return `bullwhip:${stockPointKey(warning.node, warning.product)}`;
    case 'historyReplayed':
      return `demand:${demandStreamKey(warning.node, warning.product, warning.segment ?? undefined)}`;
  }
}
