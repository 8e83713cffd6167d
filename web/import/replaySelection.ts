import type { SeriesSummary } from '../../src/import/buildScenario.ts';

/**
 * The per-SKU replay marks of the wizard's report, apart from the page. `--replay SKU,…` replays a
 * SKU's history at every location (src/import/buildScenario.ts), so a mark belongs to the SKU: ticking
 * it on one row ticks it on all the SKU's rows. The marks apply at the next import; until then the
 * report is of the marks it was imported with (`applied`), and the wizard says so.
 */

/** Whether a row of the report can be marked: a store's own demand (a warehouse's is its stores', and a SKU never sold has none). */
export function canReplay(summary: Pick<SeriesSummary, 'model'>): boolean {
  return summary.model !== 'warehouse' && summary.model !== 'none';
}

/** The marks with `sku` ticked or not (a new set: the old one is the state the report was drawn from). */
export function markReplay(marks: ReadonlySet<string>, sku: string, on: boolean): Set<string> {
  const next = new Set(marks);
  if (on) next.add(sku);
  else next.delete(sku);
  return next;
}

/** The import's `replay` option for these marks: the SKUs in order (a request that reads the same for the same marks), or none. */
export function replayOption(marks: ReadonlySet<string>): { replay?: string[] } {
  return marks.size === 0 ? {} : { replay: [...marks].sort() };
}

/** Whether the marks differ from those the report shown was imported with. */
export function marksChanged(marks: ReadonlySet<string>, applied: ReadonlySet<string>): boolean {
  return marks.size !== applied.size || [...marks].some((sku) => !applied.has(sku));
}
