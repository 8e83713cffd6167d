import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { AbcClass, XyzClass } from '../../src/experiment/abcXyz.ts';
import { charts as chartText, results as text } from '../i18n/strings.ts';
import { markerIcon } from '../charts/kpiCards.ts';
import { appendMeanWithHalfWidth } from '../charts/kpiTable.ts';
import { formatUnits, kpiMeta, numberLocale, splitWithHalfWidth } from '../charts/kpiMeta.ts';
import { moneyUnit } from '../i18n/numberFormat.ts';
import { variantColor } from '../charts/palette.ts';
import { downloadName, downloadText } from '../charts/export.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { stockPointRows, type StockPointRow } from './stockPointRows.ts';
import { NO_QUERY, nextSort, queryRows, TABLE_KPIS, TEXT_COLUMNS, type SortColumn, type TableQuery } from './stockPointQuery.ts';
import { shownRowsCsv } from './stockPointCsv.ts';
import { parseDecimal } from '../i18n/numberFormat.ts';

/** Every row has this height (px, stockPointTable.css), so the virtualiser places rows without measuring them. */
const ROW_HEIGHT = 36;
/** rows drawn above and below the visible ones, so a fast scroll does not show blank rows */
const OVERSCAN = 8;
/** the name the table's first draw is timed under (performance.measure), for the browser test's report */
export const RENDER_MEASURE = 'stocklab:stock-point-table';

export interface StockPointTable {
  show(result: ExperimentResult, scenario: Scenario): void;
  clear(): void;
}

/**
 * Opens a row's inventory chart (the dashboard's stock-point picker): false when the run kept no
 * daily series for that stock point, which the table then says in words.
 */
export type OpenStockPoint = (row: StockPointRow) => boolean;

/**
 * The results table of every stock point × policy variant (web/results/, issue 14): location,
 * product, variant, policy, ABC and XYZ classes, then the KPIs a planner scans for shortfalls, each
 * mean ± 95% half-width as the dashboard's KPI table writes them. Sortable by any column (KPIs by
 * their mean, worst first on the first click), searchable by location or product, filterable by
 * location, product, variant, class and a fill-rate target; the rows shown download as CSV in the
 * CLI's columns. Virtualised (TanStack Virtual): only the rows in view and a few around them are in
 * the DOM, between two spacer rows that keep the scroll height, so 10,000 rows scroll as 20 do. Rows
 * have one height and the columns fixed widths, so rows entering the view never shift the layout.
 */
export function createStockPointTable(element: HTMLElement, open: OpenStockPoint): StockPointTable {
  let rows: StockPointRow[] = [];
  let shown: StockPointRow[] = [];
  let current: { result: ExperimentResult; scenario: Scenario } | null = null;
  let query: TableQuery = { ...NO_QUERY };
  let selected: number | null = null;

  // ---- controls: search, filters, the fill-rate target, the row count and the export
  const controls = document.createElement('div');
  controls.className = 'sp-controls';
  const search = document.createElement('input');
  search.type = 'search';
  search.id = 'stock-points-search';
  search.placeholder = text.searchPlaceholder;
  search.autocomplete = 'off';
  search.spellcheck = false;
  controls.append(labelled(text.search, search));
  const nodeFilter = filterSelect(controls, text.filterNode, 'stock-points-node');
  const productFilter = filterSelect(controls, text.filterProduct, 'stock-points-product');
  const variantFilter = filterSelect(controls, text.filterVariant, 'stock-points-variant');
  const abcFilter = filterSelect(controls, text.filterAbc, 'stock-points-abc');
  const xyzFilter = filterSelect(controls, text.filterXyz, 'stock-points-xyz');
  fillOptions(abcFilter, (['A', 'B', 'C', '–'] as const satisfies readonly AbcClass[]).map((c) => [c, text.abcClasses[c]]));
  fillOptions(xyzFilter, (['X', 'Y', 'Z', '–'] as const satisfies readonly XyzClass[]).map((c) => [c, text.xyzClasses[c]]));

  const target = document.createElement('span');
  target.className = 'sp-target';
  target.title = text.belowTargetHint;
  const belowOn = document.createElement('input');
  belowOn.type = 'checkbox';
  belowOn.id = 'stock-points-below';
  const belowValue = document.createElement('input');
  belowValue.type = 'text';
  belowValue.inputMode = 'decimal';
  belowValue.id = 'stock-points-target';
  belowValue.size = 4;
  belowValue.value = '95';
  belowValue.autocomplete = 'off';
  belowValue.setAttribute('aria-label', `${text.belowTarget} (${text.belowTargetUnit})`);
  belowValue.setAttribute('aria-describedby', 'stock-points-target-error');
  const belowLabel = document.createElement('label');
  const belowText = document.createElement('span');
  belowText.textContent = text.belowTarget;
  belowLabel.append(belowOn, belowText);
  const unit = document.createElement('span');
  unit.textContent = text.belowTargetUnit;
  const targetError = document.createElement('span');
  targetError.id = 'stock-points-target-error';
  targetError.className = 'field-error';
  targetError.hidden = true;
  target.append(belowLabel, belowValue, unit, targetError);
  controls.append(target);

  const bar = document.createElement('div');
  bar.className = 'sp-bar';
  const count = document.createElement('span');
  count.id = 'stock-points-count';
  count.className = 'sp-count';
  count.setAttribute('role', 'status');
  const exportButton = document.createElement('button');
  exportButton.type = 'button';
  exportButton.id = 'stock-points-export-csv';
  exportButton.textContent = text.exportCsv;
  bar.append(count, exportButton);

  const note = document.createElement('p');
  note.id = 'stock-points-note';
  note.className = 'sp-note';
  note.setAttribute('role', 'status');
  note.hidden = true;

  const caption = document.createElement('p');
  caption.className = 'sp-caption';

  // ---- the table: a scroll box (both ways: the page never scrolls sideways) with a sticky header
  const scroller = document.createElement('div');
  scroller.className = 'sp-scroll';
  scroller.id = 'stock-points-scroll';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', text.title);
  const table = document.createElement('table');
  table.className = 'sp-table';
  const colgroup = document.createElement('colgroup');
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.setAttribute('aria-rowindex', '1');
  head.append(headRow);
  const body = document.createElement('tbody');
  table.append(colgroup, head, body);
  scroller.append(table);
  const empty = document.createElement('p');
  empty.className = 'sp-empty';
  empty.textContent = text.noRows;
  empty.hidden = true;

  const title = document.createElement('h2');
  title.textContent = text.title;
  const help = document.createElement('p');
  help.className = 'chart-help';
  help.textContent = text.help;
  element.replaceChildren(title, help, controls, bar, note, caption, scroller, empty);
  element.hidden = true;

  const columns: SortColumn[] = [...TEXT_COLUMNS, ...TABLE_KPIS];
  const headers = new Map<SortColumn, HTMLTableCellElement>();
  for (const column of columns) {
    const col = document.createElement('col');
    col.className = `sp-col-${column}`;
    colgroup.append(col);
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = column;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    const label = document.createElement('span');
    label.className = 'sp-label';
    const icon = document.createElement('span');
    icon.className = 'sort-icon';
    icon.setAttribute('aria-hidden', 'true');
    button.append(label, icon);
    th.append(button);
    th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const better = column in text.columns ? null : kpiMeta(column as (typeof TABLE_KPIS)[number]).better;
      query = { ...query, sort: nextSort(query.sort, column, better) };
      apply(true);
    });
    headRow.append(th);
    headers.set(column, th);
  }
  /** header labels: words, with the unit (the currency is the scenario's) and the KPI id in the tooltip */
  function labelHeaders(currency: string | undefined): void {
    for (const [column, th] of headers) {
      const label = th.querySelector('.sp-label')!;
      const button = th.querySelector('button')!;
      if (column in text.columns) {
        const name = text.columns[column as keyof typeof text.columns];
        label.textContent = name;
        button.title = `${text.columnHints[column as keyof typeof text.columnHints]}. ${text.textHint(name)}`;
        continue;
      }
      const meta = kpiMeta(column as (typeof TABLE_KPIS)[number], currency);
      label.textContent = meta.labelWithUnit;
      button.title = text.kpiHint(meta.labelWithUnit, meta.name, meta.better);
    }
  }

  // ---- virtualisation: the rows in view, between a spacer above and one below
  const spacerAbove = spacerRow(columns.length);
  const spacerBelow = spacerRow(columns.length);
  let drawn = new Map<number, HTMLTableRowElement>();
  const virtualizer = new Virtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: 0,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => draw(),
  });
  virtualizer._didMount();

  function draw(): void {
    if (!current) return;
    // the sticky header takes the first pixels of the scroll box: rows start below it
    const header = head.offsetHeight;
    if (virtualizer.options.paddingStart !== header) {
      virtualizer.setOptions({ ...virtualizer.options, paddingStart: header, scrollPaddingStart: header });
    }
    const items = virtualizer.getVirtualItems();
    const before = items.length > 0 ? items[0].start - header : 0;
    const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
    setSpacer(spacerAbove, before);
    setSpacer(spacerBelow, after);
    const next = new Map<number, HTMLTableRowElement>();
    const elements = items.map((item) => {
      const row = shown[item.index];
      const tr = drawn.get(row.index) ?? rowElement(row, current!.scenario.currency);
      tr.setAttribute('aria-rowindex', String(item.index + 2));
      tr.classList.toggle('selected', row.index === selected);
      next.set(row.index, tr);
      return tr;
    });
    // rows still in view stay where they are; only those leaving or entering it touch the DOM, so a
    // scroll of a few rows restyles a few rows
    if (spacerAbove.parentNode !== body) body.replaceChildren(spacerAbove, spacerBelow);
    for (const [index, tr] of drawn) if (!next.has(index)) tr.remove();
    let cursor = spacerAbove.nextSibling;
    for (const tr of elements) {
      if (cursor === tr) cursor = cursor.nextSibling;
      else body.insertBefore(tr, cursor);
    }
    while (cursor && cursor !== spacerBelow) {
      const stale = cursor;
      cursor = cursor.nextSibling;
      stale.remove();
    }
    drawn = next;
  }

  function rowElement(row: StockPointRow, currency: string | undefined): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.className = 'sp-row';
    tr.tabIndex = -1;
    tr.dataset.index = String(row.index);
    const point = `${row.nodeName} · ${row.productName}`;
    tr.title = text.rowHint(point, row.variantName);
    const cell = (value: string, hint?: string, className?: string) => {
      const td = document.createElement('td');
      td.textContent = value;
      if (hint) td.title = hint;
      if (className) td.className = className;
      tr.append(td);
      return td;
    };
    // the names people read; the ids in the tooltip (they are what the scenario file and CSV hold)
    const nodeCell = cell(row.nodeName, row.node, 'sp-text');
    nodeCell.dataset.column = 'node';
    cell(row.productName, row.product, 'sp-text').dataset.column = 'product';
    const variant = cell('', row.variantName, 'sp-text sp-variant');
    const name = document.createElement('span');
    name.textContent = row.variantName;
    variant.append(markerIcon(row.variantIndex), name);
    variant.style.setProperty('--variant-color', variantColor(row.variantIndex));
    const levels = text.policyLevels(row.reorderPoint === null ? null : formatUnits(row.reorderPoint), row.orderUpTo === null ? null : formatUnits(row.orderUpTo));
    const policy = text.policies[row.policy as keyof typeof text.policies] ?? row.policy;
    cell(policy, levels ? `${policy}: ${levels}` : policy, 'sp-text');
    const money = (value: number) => `${numberLocale.format(',.2f')(value)} ${moneyUnit(currency)}`;
    const classHint = text.classHint(row.revenuePerDay === null ? null : money(row.revenuePerDay), row.cv === null ? null : numberLocale.format('.2f')(row.cv));
    cell(text.abcClasses[row.abc], classHint, 'sp-class').dataset.column = 'abc';
    cell(text.xyzClasses[row.xyz], classHint, 'sp-class').dataset.column = 'xyz';
    for (const name of TABLE_KPIS) {
      const td = document.createElement('td');
      td.dataset.column = name;
      const summary = row.kpis[name];
      if (summary.mean === null) {
        td.textContent = '—';
        td.setAttribute('aria-label', chartText.notApplicable);
      } else {
        const meta = kpiMeta(name, currency);
        appendMeanWithHalfWidth(td, splitWithHalfWidth(meta.kind, summary.mean, summary.halfWidth));
        td.title = `${meta.labelWithUnit}: ${chartText.tableCell(summary.n, summary.sd === null ? '—' : meta.format(summary.sd))}`;
      }
      tr.append(td);
    }
    return tr;
  }

  // ---- a row opens its inventory chart
  function openRow(tr: HTMLTableRowElement): void {
    const row = rows[Number(tr.dataset.index)];
    if (!row || !current) return;
    selected = row.index;
    for (const other of body.querySelectorAll('tr.selected')) other.classList.remove('selected');
    tr.classList.add('selected');
    const point = `${row.nodeName} · ${row.productName}`;
    if (open(row)) {
      note.hidden = true;
      note.textContent = '';
      return;
    }
    note.textContent = current.scenario.output.series === 'auto' ? text.noSeries(point) : text.noSeriesAtAll(point);
    note.hidden = false;
  }
  body.addEventListener('click', (event) => {
    const tr = (event.target as Element).closest<HTMLTableRowElement>('tr.sp-row');
    if (tr) openRow(tr);
  });
  // keyboard: the scroll box takes focus; arrows move between rows, Enter opens one
  scroller.addEventListener('keydown', (event) => {
    const focused = document.activeElement instanceof HTMLTableRowElement && body.contains(document.activeElement) ? document.activeElement : null;
    if (event.key === 'Enter' && focused) {
      event.preventDefault();
      openRow(focused);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && shown.length > 0) {
      event.preventDefault();
      const at = focused ? shown.findIndex((row) => row.index === Number(focused.dataset.index)) : -1;
      const to = Math.max(0, Math.min(shown.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(to, { align: 'auto' });
      draw();
      body.querySelector<HTMLTableRowElement>(`tr[data-index="${shown[to].index}"]`)?.focus({ preventScroll: true });
    }
  });

  // ---- filters
  function readTarget(): number | null {
    if (!belowOn.checked) {
      targetError.hidden = true;
      belowValue.removeAttribute('aria-invalid');
      return null;
    }
    // the page language's number (numberFormat.ts parseDecimal); "97,5" is read in English too, as French reads it
    const typed = belowValue.value.replace(/\s*%\s*$/, '');
    const value = parseDecimal(typed) ?? parseDecimal(typed, 'fr');
    const ok = value !== null && value >= 0 && value <= 100;
    targetError.textContent = ok ? '' : text.badTarget;
    targetError.hidden = ok;
    if (ok) belowValue.removeAttribute('aria-invalid');
    else belowValue.setAttribute('aria-invalid', 'true');
    return ok ? value / 100 : null;
  }
  function readFilters(): void {
    const value = (select: HTMLSelectElement) => (select.value === '' ? null : select.value);
    query = {
      ...query,
      search: search.value,
      node: value(nodeFilter),
      product: value(productFilter),
      variant: value(variantFilter),
      abc: value(abcFilter) as AbcClass | null,
      xyz: value(xyzFilter) as XyzClass | null,
      fillRateBelow: readTarget(),
    };
    apply(true);
  }
  search.addEventListener('input', readFilters);
  for (const select of [nodeFilter, productFilter, variantFilter, abcFilter, xyzFilter]) select.addEventListener('change', readFilters);
  belowOn.addEventListener('change', readFilters);
  belowValue.addEventListener('input', () => {
    // typing a target turns the filter on
    belowOn.checked = true;
    readFilters();
  });

  exportButton.addEventListener('click', () => {
    if (!current) return;
    downloadText(
      shownRowsCsv(
        current.result,
        shown.map((row) => row.index),
        STOCKLAB_VERSION,
      ),
      downloadName({ name: current.result.scenario, seed: current.result.seed }, 'stock-points', 'csv'),
      'text/csv',
    );
  });

  /** Filters and sorts the rows again and redraws; back to the top when what is shown changed. */
  function apply(toTop: boolean): void {
    shown = queryRows(rows, query);
    for (const [column, th] of headers) th.setAttribute('aria-sort', query.sort?.column === column ? query.sort.direction : 'none');
    count.textContent = text.rowCount(shown.length, rows.length);
    exportButton.title = text.exportHint(shown.length);
    exportButton.disabled = shown.length === 0;
    table.setAttribute('aria-rowcount', String(shown.length + 1));
    empty.hidden = shown.length > 0 || rows.length === 0;
    if (toTop) scroller.scrollTop = 0;
    virtualizer.setOptions({ ...virtualizer.options, count: shown.length });
    virtualizer._willUpdate();
    virtualizer.measure();
    draw();
  }

  return {
    show(result, scenario) {
      performance.mark(`${RENDER_MEASURE}:start`);
      current = { result, scenario };
      rows = stockPointRows(result, scenario);
      drawn = new Map();
      element.hidden = rows.length === 0;
      labelHeaders(scenario.currency);
      caption.textContent = text.caption(result.replications);
      // the filters keep what they were set to where it still exists (a re-run of the same scenario)
      const unique = (pairs: [string, string][]) => [...new Map(pairs).entries()];
      fillOptions(nodeFilter, unique(rows.map((row) => [row.node, row.nodeName])), query.node);
      fillOptions(productFilter, unique(rows.map((row) => [row.product, row.productName])), query.product);
      fillOptions(variantFilter, unique(rows.map((row) => [row.variantId, row.variantName])), query.variant);
      selected = null;
      note.hidden = true;
      readFilters();
      performance.mark(`${RENDER_MEASURE}:end`);
      performance.measure(RENDER_MEASURE, `${RENDER_MEASURE}:start`, `${RENDER_MEASURE}:end`);
      // and until the frame that shows it is painted (with the rest of the dashboard drawn in the same task)
      requestAnimationFrame(() => setTimeout(() => performance.measure(`${RENDER_MEASURE}:painted`, `${RENDER_MEASURE}:start`)));
    },
    clear() {
      current = null;
      rows = [];
      shown = [];
      drawn = new Map();
      selected = null;
      body.replaceChildren();
      element.hidden = true;
      virtualizer.setOptions({ ...virtualizer.options, count: 0 });
    },
  };
}

function labelled(label: string, control: HTMLElement): HTMLLabelElement {
  const wrapper = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = label;
  wrapper.append(span, control);
  return wrapper;
}

function filterSelect(parent: HTMLElement, label: string, id: string): HTMLSelectElement {
  const select = document.createElement('select');
  select.id = id;
  parent.append(labelled(label, select));
  return select;
}

/** "All" first (value ''), then the options; keeps `keep` selected where it is still offered. */
function fillOptions(select: HTMLSelectElement, options: [string, string][], keep: string | null = select.value || null): void {
  const all = document.createElement('option');
  all.value = '';
  all.textContent = text.all;
  select.replaceChildren(
    all,
    ...options.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
  select.value = keep !== null && options.some(([value]) => value === keep) ? keep : '';
}

function spacerRow(columns: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = 'sp-spacer';
  tr.setAttribute('aria-hidden', 'true');
  const td = document.createElement('td');
  td.colSpan = columns;
  tr.append(td);
  return tr;
}

/** A spacer's height through the CSSOM (the page's Content-Security-Policy refuses style attributes). */
function setSpacer(spacer: HTMLTableRowElement, height: number): void {
  spacer.hidden = height <= 0;
  (spacer.firstChild as HTMLTableCellElement).style.height = `${Math.max(0, height)}px`;
}
