import type { ExperimentResult, KpiSummary, VariantSummary } from './replicate.ts';

/**
 * Online zones and recalls lined up across policy variants, for tables with a column per variant
 * (`stocklab run` and the web app's Customers section). A variant's `set` can change the network, so
 * variants need not have the same zones or recalls, nor in the same order: each is matched by its id
 * (a zone) or its name and which of that name it is (a recall: the second "batch" beside the second
 * "batch"), and a variant without it has no figures there (null) rather than another one's.
 */

type ZoneSummary = VariantSummary['customers']['zones'][number];
type RecallSummary = VariantSummary['recalls'][number];

export const ZONE_FIGURES = ['orders', 'abandoned', 'delivered', 'onTime', 'late', 'notified', 'express'] as const satisfies ReadonlyArray<keyof ZoneSummary>;
export const RECALL_FIGURES = ['unitsRemoved', 'unitsSold', 'customersReached'] as const satisfies ReadonlyArray<keyof RecallSummary>;
export type ZoneFigure = (typeof ZONE_FIGURES)[number];
export type RecallFigure = (typeof RECALL_FIGURES)[number];

export interface OutcomeGroup<Figure extends string> {
  /** unique among the groups: the zone id, or `name#n` for the n-th recall of that name */
  key: string;
  /** the zone id, or the recall's name */
  name: string;
  /** for a recall whose name another recall shares (in some variant), which of them it is (1, 2, ...); else null */
  nth: number | null;
  /** each variant's figures, in the result's variant order; null where the variant lacks it */
  byVariant: (Record<Figure, KpiSummary> | null)[];
}

/** Each online zone of any variant, in the order they first appear. */
export function zoneGroups(result: ExperimentResult): OutcomeGroup<ZoneFigure>[] {
  return lineUp<ZoneFigure>(result, (variant) => variant.customers.zones.map((zone) => ({ key: zone.zone, name: zone.zone, nth: 1, figures: zone })), false);
}

/** Each recall of any variant, in the order they first appear. */
export function recallGroups(result: ExperimentResult): OutcomeGroup<RecallFigure>[] {
  return lineUp<RecallFigure>(
    result,
    (variant) => {
      const seen = new Map<string, number>();
      return variant.recalls.map((recall) => {
        const nth = (seen.get(recall.name) ?? 0) + 1;
        seen.set(recall.name, nth);
        return { key: `${recall.name}#${nth}`, name: recall.name, nth, figures: recall };
      });
    },
    true,
  );
}

interface Entry<Figure extends string> {
  key: string;
  name: string;
  nth: number;
  figures: Record<Figure, KpiSummary>;
}

function lineUp<Figure extends string>(result: ExperimentResult, entriesOf: (variant: VariantSummary) => Entry<Figure>[], numbered: boolean): OutcomeGroup<Figure>[] {
  const perVariant = result.variants.map(entriesOf);
  const first = new Map<string, Entry<Figure>>();
  for (const entries of perVariant) for (const entry of entries) if (!first.has(entry.key)) first.set(entry.key, entry);
  const shared = new Set([...first.values()].filter((entry) => entry.nth > 1).map((entry) => entry.name));
  return [...first.values()].map((entry) => ({
    key: entry.key,
    name: entry.name,
    nth: numbered && shared.has(entry.name) ? entry.nth : null,
    byVariant: perVariant.map((entries) => entries.find((e) => e.key === entry.key)?.figures ?? null),
  }));
}
