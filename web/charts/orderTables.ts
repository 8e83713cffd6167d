import type { ExperimentResult, KpiSummary, VariantSummary } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { markerIcon } from './kpiCards.ts';
import { appendMeanWithHalfWidth } from './kpiTable.ts';
import { splitWithHalfWidth } from './kpiMeta.ts';
import { variantColor } from './palette.ts';

/**
 * Where a chart would hide the detail a planner asks for next ("which zone was late?", "how far did
 * the recall reach?"), two tables: each online zone's orders (counted over the measured window), and
 * each recall's reach (over the whole run: a recall is one event, warm-up or not). One column per
 * policy variant, one row per figure, each a mean ± 95% half-width over replications: the rows
 * `stocklab run` prints, so the app and the CLI read alike.
 */

type ZoneSummary = VariantSummary['customers']['zones'][number];
type RecallSummary = VariantSummary['recalls'][number];

const ZONE_ROWS = ['orders', 'abandoned', 'delivered', 'onTime', 'late', 'notified', 'express'] as const satisfies ReadonlyArray<keyof ZoneSummary>;
const RECALL_ROWS = ['unitsRemoved', 'unitsSold', 'customersReached'] as const satisfies ReadonlyArray<keyof RecallSummary>;

/** Whether any variant has an online zone (the zone table applies). */
export function hasZones(result: ExperimentResult): boolean {
  return result.variants.some((variant) => variant.customers.zones.length > 0);
}

/** Whether any variant has a recall (the recall table applies). */
export function hasRecalls(result: ExperimentResult): boolean {
  return result.variants.some((variant) => variant.recalls.length > 0);
}

/**
 * The online orders of each zone: a group of rows per zone, headed by its name (`zoneName` gives the
 * scenario's name for a zone id). Zones are matched by id across variants, so a variant whose `set`
 * leaves a zone out shows a dash there rather than another zone's figures.
 */
export function renderZoneTable(container: HTMLElement, result: ExperimentResult, zoneName: (zone: string) => string): HTMLTableElement {
  const groups = groupsOf(result, (variant) => variant.customers.zones, (zone) => zone.zone);
  return renderGroups(container, result, {
    className: 'zone-table',
    caption: text.zoneTableCaption(result.replications),
    groups: groups.map((zone) => ({
      key: zone,
      title: zoneName(zone),
      rows: ZONE_ROWS.map((row) => ({
        key: row,
        label: text.zoneRows[row],
        cell: (variant: VariantSummary) => variant.customers.zones.find((z) => z.zone === zone)?.[row] ?? null,
      })),
    })),
  });
}

/**
 * The reach of each recall: units removed, units of its lots sold before it, customers reached.
 * Recalls are matched across variants by name and, for names used more than once, by which of them
 * it is (the second "batch" beside the second "batch"), so two recalls that share a name both show.
 */
export function renderRecallTable(container: HTMLElement, result: ExperimentResult): HTMLTableElement {
  const keyed = (variant: VariantSummary) => {
    const seen = new Map<string, number>();
    return variant.recalls.map((recall) => {
      const nth = (seen.get(recall.name) ?? 0) + 1;
      seen.set(recall.name, nth);
      return { key: `${recall.name}#${nth}`, name: recall.name, nth, recall };
    });
  };
  const groups = groupsOf(result, keyed, (entry) => entry.key);
  return renderGroups(container, result, {
    className: 'recall-table',
    caption: text.recallTableCaption(result.replications),
    groups: groups.map((key) => {
      const first = result.variants.flatMap(keyed).find((entry) => entry.key === key)!;
      const shared = result.variants.some((variant) => keyed(variant).some((entry) => entry.name === first.name && entry.nth > 1));
      return {
        key,
        title: shared ? text.recallTitleNth(first.name, first.nth) : text.recallTitle(first.name),
        rows: RECALL_ROWS.map((row) => ({
          key: row,
          label: text.recallRows[row],
          cell: (variant: VariantSummary) => keyed(variant).find((entry) => entry.key === key)?.recall[row] ?? null,
        })),
      };
    }),
  });
}

/** The keys of every variant's entries, in the order they first appear. */
function groupsOf<T>(result: ExperimentResult, entries: (variant: VariantSummary) => T[], key: (entry: T) => string): string[] {
  const keys: string[] = [];
  for (const variant of result.variants) for (const entry of entries(variant)) if (!keys.includes(key(entry))) keys.push(key(entry));
  return keys;
}

interface Group {
  key: string;
  title: string;
  rows: { key: string; label: string; cell: (variant: VariantSummary) => KpiSummary | null }[];
}

function renderGroups(container: HTMLElement, result: ExperimentResult, spec: { className: string; caption: string; groups: Group[] }): HTMLTableElement {
  const table = document.createElement('table');
  table.className = `kpi-table ${spec.className}`;
  const caption = document.createElement('caption');
  caption.textContent = spec.caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = text.figure;
  headRow.append(corner);
  result.variants.forEach((variant, index) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = 'variant-column';
    th.style.setProperty('--variant-color', variantColor(index));
    th.append(markerIcon(index), document.createTextNode(variant.name));
    headRow.append(th);
  });
  head.append(headRow);
  table.append(caption, head);

  for (const group of spec.groups) {
    const body = document.createElement('tbody');
    body.dataset.group = group.key;
    const titleRow = document.createElement('tr');
    titleRow.className = 'group-title';
    const title = document.createElement('th');
    title.scope = 'rowgroup';
    title.colSpan = result.variants.length + 1;
    title.textContent = group.title;
    titleRow.append(title);
    body.append(titleRow);
    for (const row of group.rows) {
      const tr = document.createElement('tr');
      tr.dataset.row = row.key;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row.label;
      tr.append(th);
      for (const variant of result.variants) tr.append(countCell(row.cell(variant)));
      body.append(tr);
    }
    table.append(body);
  }
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.append(table);
  container.replaceChildren(scroll);
  return table;
}

/** "1,234 ± 56", or a dash where the variant has no such zone or recall. */
function countCell(summary: KpiSummary | null): HTMLTableCellElement {
  const td = document.createElement('td');
  if (summary === null || summary.mean === null) {
    td.textContent = '—';
    td.setAttribute('aria-label', text.notApplicable);
    return td;
  }
  td.dataset.mean = String(summary.mean);
  appendMeanWithHalfWidth(td, splitWithHalfWidth('quantity', summary.mean, summary.halfWidth));
  return td;
}
