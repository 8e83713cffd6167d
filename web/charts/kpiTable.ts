import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { markerIcon } from './kpiCards.ts';
import { KPI_LIST, kpiMeta, splitWithHalfWidth } from './kpiMeta.ts';
import { variantColor } from './palette.ts';

type Direction = 'ascending' | 'descending';

/**
 * Every network KPI that applies (non-null for some variant): one row per KPI, one column per policy
 * variant, cells mean ± 95% half-width. The best value of a row (by the KPI's direction) is bold and
 * starred. A variant's header button sorts the rows by that variant's values (again: the other way);
 * the KPI header restores the usual order. The sort is kept on the container, so a redraw keeps it.
 */
export function renderKpiTable(container: HTMLElement, result: ExperimentResult, options: { currency?: string } = {}): HTMLTableElement {
  container.replaceChildren();
  const table = document.createElement('table');
  table.className = 'kpi-table';
  container.append(table);

  const names = KPI_LIST.filter((name) => result.variants.some((v) => v.network[name]?.mean != null));
  const caption = document.createElement('caption');
  caption.textContent = names.length > 0 ? text.tableCaption(result.replications) : text.notAvailable;
  table.append(caption);

  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const kpiHeader = headerCell(text.tableKpi, text.sortDefault);
  headRow.append(kpiHeader.th);
  const variantHeaders = result.variants.map((variant, index) => {
    const cell = headerCell(variant.name, text.sortBy(variant.name));
    cell.th.classList.add('variant-column');
    cell.th.style.setProperty('--variant-color', variantColor(index));
    cell.button.prepend(markerIcon(index));
    headRow.append(cell.th);
    return cell;
  });
  head.append(headRow);

  const body = document.createElement('tbody');
  const rows = names.map((name) => ({ name, row: kpiRow(name, result, options.currency) }));
  // with no KPI to show, the caption says so and there is no empty grid
  if (names.length > 0) table.append(head, body);

  const apply = () => {
    const column = container.dataset.sortVariant === undefined || container.dataset.sortVariant === '' ? null : Number(container.dataset.sortVariant);
    const direction: Direction = container.dataset.sortDirection === 'descending' ? 'descending' : 'ascending';
    const valid = column !== null && column >= 0 && column < result.variants.length;
    const sorted = valid ? sortRows(rows, (name) => result.variants[column].network[name]?.mean ?? null, direction) : rows;
    body.replaceChildren(...sorted.map((r) => r.row));
    // the usual order is no sort by any column, so the KPI header never claims one
    kpiHeader.th.setAttribute('aria-sort', 'none');
    variantHeaders.forEach((cell, i) => cell.th.setAttribute('aria-sort', valid && i === column ? direction : 'none'));
  };
  kpiHeader.button.addEventListener('click', () => {
    delete container.dataset.sortVariant;
    delete container.dataset.sortDirection;
    apply();
  });
  variantHeaders.forEach((cell, i) =>
    cell.button.addEventListener('click', () => {
      const same = container.dataset.sortVariant === String(i);
      container.dataset.sortDirection = same && container.dataset.sortDirection === 'ascending' ? 'descending' : 'ascending';
      container.dataset.sortVariant = String(i);
      apply();
    }),
  );
  apply();
  return table;
}

function headerCell(label: string, action: string): { th: HTMLTableCellElement; button: HTMLButtonElement } {
  const th = document.createElement('th');
  th.scope = 'col';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sort-button';
  button.title = action;
  const span = document.createElement('span');
  span.textContent = label;
  // the arrow is decoration: aria-sort on the header says the order
  const icon = document.createElement('span');
  icon.className = 'sort-icon';
  icon.setAttribute('aria-hidden', 'true');
  button.append(span, icon);
  th.append(button);
  return { th, button };
}

function kpiRow(name: KpiName, result: ExperimentResult, currency: string | undefined): HTMLTableRowElement {
  const meta = kpiMeta(name, currency);
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  const label = document.createElement('span');
  label.className = 'kpi-label';
  label.textContent = meta.label;
  const unit = document.createElement('span');
  unit.className = 'kpi-unit';
  unit.textContent = ` (${meta.unit})`;
  th.append(label, unit);
  if (meta.better) th.title = text.bestHint(meta.better);
  tr.append(th);

  const means = result.variants.map((v) => v.network[name]?.mean ?? null);
  const best = bestIndexes(means, meta.better);
  result.variants.forEach((variant, i) => {
    const td = document.createElement('td');
    const summary = variant.network[name];
    if (!summary || summary.mean === null) {
      td.textContent = '—';
      td.setAttribute('aria-label', text.notApplicable);
    } else {
      appendMeanWithHalfWidth(td, splitWithHalfWidth(meta.kind, summary.mean, summary.halfWidth));
      td.title = text.tableCell(summary.n, summary.sd === null ? '—' : meta.format(summary.sd));
      if (best.has(i)) {
        td.classList.add('best');
        const star = document.createElement('span');
        star.className = 'best-star';
        star.setAttribute('role', 'img');
        star.setAttribute('aria-label', text.best);
        star.textContent = ' ★';
        td.append(star);
      }
    }
    tr.append(td);
  });
  return tr;
}

/** Columns holding a row's best mean (ties all count); none when direction is neutral or fewer than two values compare. */
export function bestIndexes(means: (number | null)[], better: 'higher' | 'lower' | null): Set<number> {
  const present = means.flatMap((m, i) => (m === null ? [] : [{ m, i }]));
  if (better === null || present.length < 2) return new Set();
  const target = better === 'higher' ? Math.max(...present.map((p) => p.m)) : Math.min(...present.map((p) => p.m));
  // all equal: nobody is best
  if (present.every((p) => p.m === target)) return new Set();
  return new Set(present.filter((p) => p.m === target).map((p) => p.i));
}

/** Rows sorted by a value, missing values last whatever the direction. */
export function sortRows<T extends { name: KpiName }>(rows: T[], value: (name: KpiName) => number | null, direction: Direction): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a.name);
    const vb = value(b.name);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return sign * (va - vb);
  });
}

/** A table cell's figure: the mean, then its half-width in a lighter span ("92.4%" " ± 0.1 pts"). */
export function appendMeanWithHalfWidth(td: HTMLTableCellElement, parts: { mean: string; halfWidth: string | null }): void {
  const mean = document.createElement('span');
  mean.className = 'mean';
  mean.textContent = parts.mean;
  td.append(mean);
  if (parts.halfWidth === null) return;
  const hw = document.createElement('span');
  hw.className = 'hw';
  hw.textContent = ` ${parts.halfWidth}`;
  td.append(hw);
}
