import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';
import { RECALL_FIGURES, recallGroups, ZONE_FIGURES, zoneGroups } from '../../src/experiment/outcomeGroups.ts';
import { charts as text } from '../i18n/strings.ts';
import { markerIcon } from './kpiCards.ts';
import { appendMeanWithHalfWidth } from './kpiTable.ts';
import { splitWithHalfWidth } from './kpiMeta.ts';
import { variantColor } from './palette.ts';
import { tableScroll } from '../tableScroll.ts';

/**
 * Where a chart would hide the detail a planner asks for next ("which zone was late?", "how far did
 * the recall reach?"), two tables: each online zone's orders (counted over the measured window), and
 * each recall's reach (over the whole run: a recall is one event, warm-up or not). One column per
 * policy variant, one row per figure, each a mean ± 95% half-width over replications: the rows
 * `stocklab run` prints, so the app and the CLI read alike.
 */

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
 * scenario's name for a zone id); zones lined up across variants by src/experiment/outcomeGroups.ts.
 */
export function renderZoneTable(container: HTMLElement, result: ExperimentResult, zoneName: (zone: string) => string): HTMLTableElement {
  return renderGroups(container, result, {
    className: 'zone-table',
    caption: text.zoneTableCaption(result.replications),
    groups: zoneGroups(result).map((zone) => ({
      key: zone.key,
      title: zoneName(zone.name),
      rows: ZONE_FIGURES.map((figure) => ({ key: figure, label: text.zoneRows[figure], cells: zone.byVariant.map((figures) => figures?.[figure] ?? null) })),
    })),
  });
}

/** The reach of each recall: units removed, units of its lots sold before it, customers reached. */
export function renderRecallTable(container: HTMLElement, result: ExperimentResult): HTMLTableElement {
  return renderGroups(container, result, {
    className: 'recall-table',
    caption: text.recallTableCaption(result.replications),
    groups: recallGroups(result).map((recall) => ({
      key: recall.key,
      title: recall.nth === null ? text.recallTitle(recall.name) : text.recallTitleNth(recall.name, recall.nth),
      rows: RECALL_FIGURES.map((figure) => ({ key: figure, label: text.recallRows[figure], cells: recall.byVariant.map((figures) => figures?.[figure] ?? null) })),
    })),
  });
}

interface Group {
  key: string;
  title: string;
  /** a row per figure, its cells in the result's variant order (null: the variant has none) */
  rows: { key: string; label: string; cells: (KpiSummary | null)[] }[];
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
      for (const cell of row.cells) tr.append(countCell(cell));
      body.append(tr);
    }
    table.append(body);
  }
  container.replaceChildren(tableScroll(spec.caption, table));
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
