import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { KpiName } from '../src/metrics/kpis.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { app, charts as chartText, echelonStrings } from './i18n/strings.ts';
import { hasEchelons, renderEchelons } from './charts/echelonChart.ts';
import { renderKpiCards } from './charts/kpiCards.ts';
import { renderFrontier } from './charts/frontierChart.ts';
import { renderInventory } from './charts/inventoryChart.ts';
import { hasCustomerBase, renderCustomers } from './charts/customersChart.ts';
import { renderChurn } from './charts/churnChart.ts';
import { hasOnlineOrders, renderAbandoned, renderOnTime } from './charts/onlineOrdersChart.ts';
import { hasRecalls, hasZones, renderRecallTable, renderZoneTable } from './charts/orderTables.ts';
import { renderHistogram } from './charts/histogram.ts';
import { renderKpiTable } from './charts/kpiTable.ts';
import { renderNetwork } from './charts/networkDiagram.ts';
import { downloadName, exportPng, exportSvg } from './charts/export.ts';
import { kpiMeta } from './charts/kpiMeta.ts';
import type { TheoryView } from './worker/client.ts';
import { renderTheory } from './theoryTable.ts';
import { renderComparisons } from './comparisonView.ts';
import type { VariantComparison } from '../src/experiment/compare.ts';
import { createStockPointTable } from './results/stockPointTable.ts';
import type { StockPointRow } from './results/stockPointRows.ts';
import { createStockPointPicker } from './results/stockPointPicker.ts';
import { pickerPoints } from './results/stockPointOptions.ts';
import { createInventoryControls, createReplicationRuns } from './inventoryControls.ts';
import { showNote } from './charts/chartFrame.ts';
import { tableScroll } from './tableScroll.ts';
import type { ModelWarning } from '../src/model/warnings.ts';
import { renderModelWarnings } from './results/modelWarnings.ts';

/**
 * The dashboard, top to bottom as shared/UX.md has it: headline cards per variant (and under them the
 * run's modelling warnings, when it has any), service against
 * holding cost, inventory over time at a chosen stock point, the customers (active over time, lost by
 * cause, online on-time delivery and abandoned carts, orders by zone, recalls' reach), the
 * distribution of a chosen KPI, the network, the KPI table, and the results per stock point (a row
 * opens its inventory chart). Each chart section has a title, a
 * plain-language explanation, its own controls, and SVG / PNG exports. Charts redraw when their
 * section resizes.
 */
export interface Dashboard {
  /** `warnings`: the run's modelling warnings as facts, listed under the cards (none: no list) */
  show(result: ExperimentResult, scenario: Scenario, theory: TheoryView | null, comparisons: VariantComparison[], warnings: ReadonlyArray<ModelWarning>): void;
  clear(): void;
  /** draws the charts again at their sections' current widths (after a change of layout) */
  redraw(): void;
}

interface Selection {
  stockPoint: number;
  variant: number;
  mode: 'single' | 'mean';
  kpi: KpiName;
  networkVariant: number;
  echelonVariant: number;
  /** the echelon chart's period: 1 (days) or 7 (weeks) */
  echelonPeriod: 1 | 7;
}

export function createDashboard(root: HTMLElement): Dashboard {
  const section = (id: string) => root.querySelector<HTMLElement>(`#${id}`)!;
  let current: { result: ExperimentResult; scenario: Scenario } | null = null;
  const selection: Selection = { stockPoint: 0, variant: 0, mode: 'mean', kpi: 'fillRate', networkVariant: 0, echelonVariant: 0, echelonPeriod: 7 };

  const frontier = chartSection(section('frontier'), 'frontier', app.frontierTitle, app.frontierHelp);
  const inventory = chartSection(section('inventory'), 'inventory', app.inventoryTitle, app.inventoryHelp);
  const echelons = chartSection(section('echelons'), 'echelons', echelonStrings.title, echelonStrings.help);
  const customers = customersSection(section('customers'));
  const histogram = chartSection(section('histogram'), 'histogram', app.histogramTitle, app.histogramHelp);
  const network = chartSection(section('network'), 'network', app.networkTitle, app.networkHelp);
  const table = section('kpi-table');
  const stockPoints = createStockPointTable(section('stock-points'), showStockPoint);

  const pointPicker = createStockPointPicker(inventory.controls, {
    id: 'inventory-point',
    label: app.stockPoint,
    onChange: (index) => {
      selection.stockPoint = index;
      drawInventory();
    },
  });
  const variantSelect = select(inventory.controls, app.variant, 'inventory-variant', (value) => {
    selection.variant = Number(value);
    if (current) fillPoints(current.result, current.scenario);
    drawInventory();
  });
  /**
   * The stock points of the variant shown: a variant whose `set` changes the network has its own. The
   * picker keeps the same stock point where the variant has it, else the first.
   */
  function fillPoints(result: ExperimentResult, scenario: Scenario): void {
    const points = result.variants[selection.variant]?.stockPoints ?? result.variants[0]?.stockPoints ?? [];
    const nodeNames = new Map(scenario.nodes.map((node) => [node.id, node.name ?? node.id]));
    const productNames = new Map(scenario.products.map((product) => [product.id, product.name ?? product.id]));
    pointPicker.setPoints(pickerPoints(points, nodeNames, productNames));
    selection.stockPoint = pointPicker.value;
  }
  const modeSelect = select(inventory.controls, '', 'inventory-mode', (value) => {
    selection.mode = value === 'single' ? 'single' : 'mean';
    drawInventory();
  });
  fill(modeSelect, [
    ['mean', app.meanOfReplications],
    ['single', app.oneReplication],
  ]);
  // the replication shown in single mode, and the days shown (web/inventoryControls.ts)
  const inventoryControls = createInventoryControls(inventory.controls, drawInventory);
  const replicationRuns = createReplicationRuns();
  const kpiSelect = select(histogram.controls, app.kpi, 'histogram-kpi', (value) => {
    selection.kpi = value as KpiName;
    drawHistogram();
  });
  const echelonVariantSelect = select(echelons.controls, app.variant, 'echelons-variant', (value) => {
    selection.echelonVariant = Number(value);
    drawEchelons();
  });
  const echelonPeriodSelect = select(echelons.controls, echelonStrings.period, 'echelons-period', (value) => {
    selection.echelonPeriod = value === '1' ? 1 : 7;
    drawEchelons();
  });
  fill(echelonPeriodSelect, [
    ['1', echelonStrings.perDay],
    ['7', echelonStrings.perWeek],
  ]);
  const networkVariantSelect = select(network.controls, app.variant, 'network-variant', (value) => {
    selection.networkVariant = Number(value);
    drawNetwork();
  });

  /**
   * The stock point of a row of the results table in the inventory chart: its variant and point picked
   * as a person would pick them, and the chart scrolled into view. False when the run kept no daily
   * series for it (per stock point only up to a limit, see output.series), so the table says so.
   */
  function showStockPoint(row: StockPointRow): boolean {
    if (!current) return false;
    const { result } = current;
    if (!result.variants[row.variantIndex]?.series?.stockPoints?.[row.pointIndex]) return false;
    selection.variant = row.variantIndex;
    variantSelect.value = String(row.variantIndex);
    fillPoints(result, current.scenario);
    selection.stockPoint = row.pointIndex;
    pointPicker.value = row.pointIndex;
    drawInventory();
    section('inventory').scrollIntoView({ block: 'start' });
    pointPicker.focus({ preventScroll: true });
    return true;
  }
  function drawInventory(): void {
    if (!current) return;
    const { result, scenario } = current;
    inventoryControls.showMode(selection.mode);
    const replication = inventoryControls.replication;
    const options = { stockPoint: selection.stockPoint, variant: selection.variant, mode: selection.mode, window: inventoryControls.window, onWindow: inventoryControls.brushed };
    if (selection.mode === 'mean' || replication === 0) {
      inventory.draw(() => renderInventory(inventory.body, result, options));
      return;
    }
    // another replication than the first: its days are run again in a worker (the result keeps means)
    const cached = replicationRuns.cached(selection.variant, replication);
    if (cached !== undefined) {
      inventory.draw(() => renderInventory(inventory.body, result, { ...options, run: { replication, series: cached } }));
      return;
    }
    inventory.draw(() => showNote(inventory.body, chartText.replicationRunning(replication + 1)));
    void replicationRuns.run(scenario, selection.variant, replication).then((outcome) => {
      // superseded, or the result replaced meanwhile: the newer call draws
      if (outcome === null || current?.result !== result) return;
      if (outcome.ok) drawInventory();
      else inventory.draw(() => showNote(inventory.body, chartText.replicationFailed(replication + 1, outcome.error)));
    });
  }
  function drawHistogram(): void {
    if (current) histogram.draw(() => renderHistogram(histogram.body, current!.result, { kpi: selection.kpi, currency: current!.scenario.currency }));
  }
  /** orders against demand by echelon, where the variant's stock points sit at more than one echelon */
  function drawEchelons(): void {
    if (!current) return;
    const { result, scenario } = current;
    const applies = hasEchelons(scenario, result, selection.echelonVariant);
    section('echelons').hidden = !applies;
    if (applies) echelons.draw(() => renderEchelons(echelons.body, scenario, result, { variant: selection.echelonVariant, period: selection.echelonPeriod }));
    else echelons.clear();
  }
  function drawNetwork(): void {
    if (current) network.draw(() => renderNetwork(network.body, current!.scenario, current!.result, { variant: selection.networkVariant }));
  }
  function drawAll(): void {
    if (!current) return;
    const { result, scenario } = current;
    const currency = scenario.currency;
    renderKpiCards(section('cards'), result, { currency, headline: scenario.headline });
    frontier.draw(() => renderFrontier(frontier.body, result, { currency }));
    drawInventory();
    drawEchelons();
    customers.draw(result, scenario);
    drawHistogram();
    drawNetwork();
    table.replaceChildren(heading(app.tableTitle, app.tableHelp));
    const holder = tableScroll(app.tableTitle);
    table.append(holder);
    renderKpiTable(holder, result, { currency });
    stockPoints.show(result, scenario);
  }

  function redraw(): void {
    lastWidth = root.clientWidth;
    if (!current) return;
    frontier.draw(() => renderFrontier(frontier.body, current!.result, { currency: current!.scenario.currency }));
    drawInventory();
    drawEchelons();
    customers.draw(current.result, current.scenario);
    drawHistogram();
    drawNetwork();
  }

  // redraw the charts when the dashboard changes width (a window resize, the drawer opening, the
  // presentation layout); a change of height alone (the charts drawing themselves) must not redraw,
  // or it would never settle
  let lastWidth = root.clientWidth;
  let resizeFrame = 0;
  new ResizeObserver(() => {
    if (root.clientWidth === lastWidth) return;
    lastWidth = root.clientWidth;
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(redraw);
  }).observe(root);

  return {
    show(result, scenario, theory, comparisons, warnings) {
      current = { result, scenario };
      renderModelWarnings(section('model-warnings'), warnings);
      markDownloadSource(root, result.scenario, result.seed);
      replicationRuns.clear();
      inventoryControls.reset(result.variants[0]?.series?.days ?? result.firstRuns[0]?.series?.days ?? result.horizonDays, result.replications);
      renderComparisons(section('comparison'), comparisons);
      renderTheory(section('theory'), result, theory);
      const variants = result.variants.map((variant, i): [string, string] => [String(i), variant.name]);
      fill(variantSelect, variants);
      fill(networkVariantSelect, variants);
      fill(echelonVariantSelect, variants);
      selection.echelonVariant = Math.min(selection.echelonVariant, variants.length - 1);
      echelonVariantSelect.value = String(selection.echelonVariant);
      // weeks read better than days past two months
      const days = result.variants[0]?.series?.days ?? result.horizonDays;
      selection.echelonPeriod = days >= 56 ? 7 : 1;
      echelonPeriodSelect.value = String(selection.echelonPeriod);
      selection.variant = Math.min(selection.variant, variants.length - 1);
      fillPoints(result, scenario);
      selection.networkVariant = Math.min(selection.networkVariant, variants.length - 1);
      variantSelect.value = String(selection.variant);
      networkVariantSelect.value = String(selection.networkVariant);
      const kpis = (Object.keys(result.variants[0]?.samples.network ?? {}) as KpiName[]).filter((name) =>
        result.variants.some((variant) => variant.samples.network[name].some((value) => value !== null)),
      );
      fill(
        kpiSelect,
        kpis.map((name) => [name, kpiMeta(name, scenario.currency).label]),
      );
      if (!kpis.includes(selection.kpi)) selection.kpi = kpis.includes('fillRate') ? 'fillRate' : kpis[0];
      kpiSelect.value = selection.kpi;
      drawAll();
    },
    clear() {
      current = null;
      replicationRuns.clear();
      section('cards').replaceChildren();
      renderModelWarnings(section('model-warnings'), []);
      section('theory').replaceChildren();
      section('comparison').replaceChildren();
      for (const chart of [frontier, inventory, echelons, customers, histogram, network]) chart.clear();
      section('echelons').hidden = true;
      table.replaceChildren();
      stockPoints.clear();
    },
    redraw() {
      cancelAnimationFrame(resizeFrame);
      redraw();
    },
  };
}

/**
 * The customers section: a heading, then a chart block each (an h3, its explanation, the chart and
 * its exports): active customers over time, customers lost by cause, and for scenarios with online
 * zones, on-time delivery and abandoned carts over time and a table of each zone's orders; with
 * recalls, a table of each recall's reach. A block that does not apply is hidden (no customer base:
 * no causes, and the active-customers block says why; no online zone: no online charts or zone
 * table; no recall: no recall table).
 */
function customersSection(element: HTMLElement) {
  const blocks = (['active', 'churn', 'on-time', 'abandoned', 'zones', 'recalls'] as const).map((key) => {
    const block = document.createElement('div');
    block.id = `customers-${key}`;
    block.className = 'chart-block';
    return block;
  });
  element.replaceChildren(heading(app.customersTitle, app.customersHelp), ...blocks);
  const [activeBlock, churnBlock, onTimeBlock, abandonedBlock, zonesBlock, recallsBlock] = blocks;
  const active = chartSection(activeBlock, 'customers', app.activeCustomersTitle, app.activeCustomersHelp, 'h3');
  const churn = chartSection(churnBlock, 'customer-churn', app.churnTitle, app.churnHelp, 'h3');
  const onTime = chartSection(onTimeBlock, 'on-time-delivery', app.onTimeTitle, app.onTimeHelp, 'h3');
  const abandoned = chartSection(abandonedBlock, 'abandoned-carts', app.abandonedTitle, app.abandonedHelp, 'h3');
  const zones = tableSection(zonesBlock, app.zonesTitle, app.zonesHelp);
  const recalls = tableSection(recallsBlock, app.recallsTitle, app.recallsHelp);
  const charts = [active, churn, onTime, abandoned];
  return {
    draw(result: ExperimentResult, scenario: Scenario): void {
      active.draw(() => renderCustomers(active.body, result));
      const customers = hasCustomerBase(result);
      churnBlock.hidden = !customers;
      if (customers) churn.draw(() => renderChurn(churn.body, result));
      else churn.clear();
      const online = hasOnlineOrders(result);
      onTimeBlock.hidden = !online;
      abandonedBlock.hidden = !online;
      if (online) {
        onTime.draw(() => renderOnTime(onTime.body, result));
        abandoned.draw(() => renderAbandoned(abandoned.body, result));
      } else {
        onTime.clear();
        abandoned.clear();
      }
      zonesBlock.hidden = !hasZones(result);
      if (hasZones(result)) renderZoneTable(zones, result, (zone) => scenario.nodes.find((node) => node.id === zone)?.name ?? zone);
      else zones.replaceChildren();
      recallsBlock.hidden = !hasRecalls(result);
      if (hasRecalls(result)) renderRecallTable(recalls, result);
      else recalls.replaceChildren();
    },
    clear(): void {
      for (const chart of charts) chart.clear();
      zones.replaceChildren();
      recalls.replaceChildren();
    },
  };
}

/** A table's section: title, explanation, then the body the table goes in (returned). */
function tableSection(element: HTMLElement, title: string, help: string): HTMLElement {
  const body = document.createElement('div');
  body.className = 'chart-body';
  element.replaceChildren(heading(title, help, 'h3'), body);
  return body;
}

/** A chart section: title, explanation, controls, the chart, and its export buttons. */
export function chartSection(element: HTMLElement, name: string, title: string, help: string, level: 'h2' | 'h3' = 'h2') {
  const controls = document.createElement('div');
  controls.className = 'chart-controls';
  const body = document.createElement('div');
  body.className = 'chart-body';
  const exports = document.createElement('div');
  exports.className = 'chart-exports';
  let svg: SVGSVGElement | null = null;
  for (const format of ['svg', 'png'] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.export = format;
    button.textContent = format === 'svg' ? app.exportSvg : app.exportPng;
    button.setAttribute('aria-label', app.exportChart(format.toUpperCase(), title));
    button.disabled = true;
    button.addEventListener('click', () => {
      if (!svg) return;
      // named after the scenario and seed the chart was drawn from (the panel's or the dashboard's), and the day
      const source = downloadSourceOf(element);
      const file = source ? downloadName(source, name, format) : `stocklab-${name}.${format}`;
      if (format === 'svg') exportSvg(svg, file);
      else void exportPng(svg, file);
    });
    exports.append(button);
  }
  element.replaceChildren(heading(title, help, level), controls, body, exports);
  return {
    controls,
    body,
    /** the section's help text (a chart whose explanation depends on what it shows) */
    setHelp(text: string) {
      element.querySelector('.chart-help')!.textContent = text;
    },
    draw(render: () => SVGSVGElement | null) {
      svg = render();
      for (const button of exports.querySelectorAll('button')) button.disabled = svg === null;
    },
    clear() {
      svg = null;
      body.replaceChildren();
      for (const button of exports.querySelectorAll('button')) button.disabled = true;
    },
  };
}

export function heading(title: string, help: string, level: 'h2' | 'h3' = 'h2'): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const h2 = document.createElement(level);
  h2.textContent = title;
  const p = document.createElement('p');
  p.className = 'chart-help';
  p.textContent = help;
  fragment.append(h2, p);
  return fragment;
}

export function select(parent: HTMLElement, label: string, id: string, onChange: (value: string) => void): HTMLSelectElement {
  const element = document.createElement('select');
  element.id = id;
  if (!label) element.setAttribute('aria-label', id);
  element.addEventListener('change', () => onChange(element.value));
  return labelled(parent, label, element);
}

/** `control` in a label (the label's text, when there is one, then the control), appended to `parent`. */
function labelled<T extends HTMLElement>(parent: HTMLElement, label: string, control: T): T {
  const wrapper = document.createElement('label');
  if (label) {
    const text = document.createElement('span');
    text.textContent = label;
    wrapper.append(text);
  }
  wrapper.append(control);
  parent.append(wrapper);
  return control;
}

/**
 * A short text field in its label (the label's text, then the input), appended to `parent` as `select`
 * is: a level or a floor typed in the page's number notation, read by the panel itself.
 */
export function textInput(parent: HTMLElement, label: string, id: string, options: { size: number; title: string; placeholder?: string; value?: string; inputMode?: string }): HTMLInputElement {
  const element = document.createElement('input');
  element.type = 'text';
  element.id = id;
  element.size = options.size;
  element.title = options.title;
  element.autocomplete = 'off';
  if (options.placeholder !== undefined) element.placeholder = options.placeholder;
  if (options.value !== undefined) element.value = options.value;
  if (options.inputMode !== undefined) element.inputMode = options.inputMode;
  return labelled(parent, label, element);
}

/** A whole-number field in its label (the label's text, then the input), appended to `parent` as `select` is. */
export function wholeNumberInput(parent: HTMLElement, label: string, id: string, options: { min: number; max?: number; value: number; title?: string }): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'number';
  input.id = id;
  input.min = String(options.min);
  if (options.max !== undefined) input.max = String(options.max);
  input.step = '1';
  input.inputMode = 'numeric';
  input.value = String(options.value);
  if (options.title !== undefined) input.title = options.title;
  input.style.width = '5em';
  return labelled(parent, label, input);
}

export function fill(element: HTMLSelectElement, options: [string, string][]): void {
  element.replaceChildren(
    ...options.map(([value, text]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      return option;
    }),
  );
}

/**
 * What a chart's download is named after: the scenario and seed of the results a section shows, set on
 * the dashboard when it shows a run and on a panel when it shows its analysis (which may be of an
 * earlier version of the scenario: its own).
 */
export function markDownloadSource(element: HTMLElement, scenario: string, seed: string | number): void {
  element.dataset.downloadScenario = scenario;
  element.dataset.downloadSeed = String(seed);
}

function downloadSourceOf(element: HTMLElement): { name: string; seed: string } | null {
  const holder = element.closest<HTMLElement>('[data-download-scenario]');
  return holder ? { name: holder.dataset.downloadScenario!, seed: holder.dataset.downloadSeed ?? '' } : null;
}
