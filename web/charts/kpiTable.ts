import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/strings.ts';
import { markerIcon } from './kpiCards.ts';
import { applicableKpis, kpiMeta, splitWithHalfWidth, type KpiMeta } from './kpiMeta.ts';
import { variantColor } from './palette.ts';
import { quantilesFrom, sampleMap, significantBest, significantlyBetter, type Figure, type TQuantile } from './significance.ts';

type Direction = 'ascending' | 'descending';

/**
 * Every network KPI that applies (non-null for some variant): one row per KPI, one column per policy
 * variant, cells mean ± 95% half-width. A row's best value (by the KPI's direction) is bold and
 * starred only where it is significantly better than every other variant's (starRule), so a star is
 * never noise; the caption says the rule in short, its tooltip and the stars' in full. A variant's
 * header button sorts the rows by that variant's values (again: the other way); the KPI header
 * restores the usual order. The sort is kept on the container, so a redraw keeps it.
 */
export function renderKpiTable(container: HTMLElement, result: ExperimentResult, options: { currency?: string } = {}): HTMLTableElement {
  container.replaceChildren();
  const table = document.createElement('table');
  table.className = 'kpi-table';
  container.append(table);

  const names = applicableKpis(result);
  const caption = document.createElement('caption');
  caption.textContent = names.length > 0 ? text.tableCaption(result.replications, result.variants.length) : text.notAvailable;
  // the star rule in full (the caption gives it short, so a printed slide stays on its pages)
  if (names.length > 0 && result.variants.length >= 2) caption.title = `★ ${text.starRule}`;
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
  const t = quantilesFrom(result.variants.flatMap((v) => Object.values(v.network)));
  const rows = names.map((name) => ({ name, row: kpiRow(name, result, t, options.currency) }));
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

function kpiRow(name: KpiName, result: ExperimentResult, t: TQuantile, currency: string | undefined): HTMLTableRowElement {
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

  const best = starRule(meta, (kpi) => figures(result, kpi), t);
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
        star.title = text.starRule;
        star.textContent = ' ★';
        td.append(star);
      }
    }
    tr.append(td);
  });
  return tr;
}

/** Each variant's figure for a KPI: mean, half-width and each replication's value (for paired differences). */
export function figures(result: ExperimentResult, name: KpiName): Figure[] {
  return result.variants.map((v) => {
    const summary = v.network[name];
    return { mean: summary?.mean ?? null, halfWidth: summary?.halfWidth ?? null, samples: v.samples ? sampleMap(v.samples.replications, v.samples.network[name]) : undefined };
  });
}

/** What a cost is checked against: a variant that sold less may cost less without being better. */
const SOLD: readonly KpiName[] = ['fillRate', 'revenue'];

/**
 * The star rule of the KPI table (issue 16: a "best" mark only where it means something):
 * - the variant with the best mean is starred only when it is significantly better than every other
 *   variant: the 95% interval of the paired difference (replication by replication, on the same random
 *   days) excludes 0, or where values do not pair up, the two 95% intervals do not overlap
 *   (significance.ts); no star for ties, neutral KPIs or one replication;
 * - a cost (money, lower is better) is not starred when that variant's fill rate or revenue is
 *   significantly lower than that of a variant it beats: it cost less because it sold less.
 * `figuresOf` gives every variant's figure for a KPI (figures(result, kpi)).
 */
export function starRule(meta: Pick<KpiMeta, 'name' | 'kind' | 'better'>, figuresOf: (kpi: KpiName) => Figure[], t: TQuantile): Set<number> {
  const own = figuresOf(meta.name);
  const soldLess =
    meta.kind === 'money' && meta.better === 'lower'
      ? SOLD.map((kpi) => figuresOf(kpi)).map((sold) => (best: number, other: number) => significantlyBetter(sold[other], sold[best], 'higher', t))
      : [];
  return significantBest(own, meta.better, t, (best, other) => soldLess.some((check) => check(best, other)));
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
