import type { KpiName } from '../src/metrics/kpis.ts';
import type { SensitivityRequest, SensitivitySkipped, SensitivityView } from './worker/sensitivity.ts';
import { sensitivity as text } from './i18n/strings.ts';
import { chartSection, fill, heading, markDownloadSource, select, wholeNumberInput } from './dashboard.ts';
import { renderTornado } from './charts/tornado.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';
import { parseDecimal } from './i18n/numberFormat.ts';

export interface SensitivityPanel {
  /** the scenario's policy variants (worker/sensitivity.ts sensitivityVariants), after every valid edit; keeps the choice if it still applies */
  setVariants(variants: { id: string; name: string }[], currency?: string): void;
  /** a run, sweep or sensitivity under way (the button is off), or no valid scenario */
  setEnabled(enabled: boolean): void;
  show(view: SensitivityView | null): void;
}

export interface SensitivityPanelOptions {
  onRun(request: SensitivityRequest): void;
  /** what each input moves, in words (src/experiment/sensitivity.ts SENSITIVITY_LABELS) */
  labels: Record<SensitivitySkipped['input'], string>;
  /** the results as files (worker/sensitivity.ts sensitivityViewCsv, sensitivityViewJson): the JSON gives the inputs not moved in the panel's words */
  files: { csv(view: SensitivityView): string; json(view: SensitivityView, skipped: string[]): string };
}

const DEFAULT_KPI: KpiName = 'totalCost';
const DEFAULT_PERCENT = 20;

/**
 * The sensitivity section (#sensitivity), after the sweep: a form (variant, KPI, how far to move each
 * input) whose "Run sensitivity" asks the shell to run the baseline and every input at −x% and +x%
 * (main.ts, through the same worker pool, progress bar and Cancel as Run), and the results: a tornado
 * chart (web/charts/tornado.ts), the inputs that were not moved, with the reason, and the bars as CSV
 * and JSON.
 */
export function createSensitivityPanel(root: HTMLElement, options: SensitivityPanelOptions): SensitivityPanel {
  let currency: string | undefined;
  let view: SensitivityView | null = null;
  let enabled = false;
  let hasVariants = false;

  const form = document.createElement('form');
  form.className = 'sweep-form sensitivity-form';
  form.noValidate = true;
  const row = document.createElement('div');
  row.className = 'sweep-row';
  const variantSelect = select(row, text.variant, 'sensitivity-variant', () => undefined);
  const kpiSelect = select(row, text.kpi, 'sensitivity-kpi', () => undefined);
  fill(
    kpiSelect,
    KPI_LIST.map((name) => [name, kpiMeta(name).label]),
  );
  kpiSelect.value = DEFAULT_KPI;
  const percentInput = wholeNumberInput(row, text.percent, 'sensitivity-percent', { min: 1, max: 90, value: DEFAULT_PERCENT, title: text.percentHint });
  const runButton = createRunButton('sensitivity-run', text.run);
  row.append(runButton);
  const error = createAlertLine('sensitivity-percent-error', 'field-error');
  percentInput.setAttribute('aria-describedby', error.id);
  percentInput.addEventListener('input', () => setError(null));
  form.append(row, error);

  const {
    results,
    caption,
    charts: [chartElement],
    skipped,
  } = createResultsArea(['sensitivity-tornado'], 'sensitivity-skipped', {
    name: 'sensitivity',
    what: text.exportWhat,
    csv: () => (view ? options.files.csv(view) : null),
    json: () => (view ? options.files.json(view, skippedLines(view)) : null),
    source: () => (view ? { name: view.scenario, seed: view.seed } : null),
  });
  root.replaceChildren(heading(text.title, text.help), form, results);
  root.querySelector('h2')!.id = 'sensitivity-title';
  const chart = chartSection(chartElement, 'sensitivity-tornado', text.chartTitle, text.chartHelp, 'h3');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const percent = parseDecimal(percentInput.value);
    if (!(percent !== null && Number.isInteger(percent) && percent >= 1 && percent <= 90)) {
      setError(text.badPercent);
      return;
    }
    setError(null);
    options.onRun({ variant: variantSelect.value, kpi: kpiSelect.value as KpiName, percent });
  });

  function setError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? '';
    if (message === null) percentInput.removeAttribute('aria-invalid');
    else percentInput.setAttribute('aria-invalid', 'true');
  }

  function update(): void {
    runButton.disabled = !enabled || !hasVariants;
  }

  function draw(): void {
    if (!view) return chart.clear();
    const shown = view;
    chart.draw(() => renderTornado(chart.body, shown, { currency }));
  }

  function reason(item: SensitivitySkipped, percent: number): string {
    if (item.reason === 'notInScenario') return text.notInScenario;
    if (item.reason === 'cancelled') return text.cancelled;
    return text.invalidWhenMoved(percent, item.message ?? '');
  }

  /** Each input not moved and why, as the list under the chart says it. */
  function skippedLines(shown: SensitivityView): string[] {
    return shown.skipped.map((item) => `${options.labels[item.input]}: ${reason(item, shown.percent)}`);
  }

  function drawSkipped(): void {
    skipped.replaceChildren();
    if (!view || view.skipped.length === 0) return;
    const title = document.createElement('p');
    title.textContent = text.skippedTitle(view.skipped.length);
    const list = document.createElement('ul');
    for (const line of skippedLines(view)) {
      const entry = document.createElement('li');
      entry.textContent = line;
      list.append(entry);
    }
    skipped.append(title, list);
  }

  // redraw the chart when the section changes width (not height: drawing changes it)
  let lastWidth = root.clientWidth;
  let frame = 0;
  new ResizeObserver(() => {
    if (root.clientWidth === lastWidth) return;
    lastWidth = root.clientWidth;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  }).observe(root);

  return {
    setVariants(variants, nextCurrency) {
      currency = nextCurrency;
      const previous = variantSelect.options.length > 0 ? variantSelect.value : null;
      fill(
        variantSelect,
        variants.map((variant) => [variant.id, variant.name]),
      );
      variantSelect.value = previous !== null && variants.some((variant) => variant.id === previous) ? previous : (variants[0]?.id ?? '');
      hasVariants = variants.length > 0;
      const kpi = kpiSelect.value;
      fill(
        kpiSelect,
        KPI_LIST.map((name) => [name, kpiMeta(name, currency).label]),
      );
      kpiSelect.value = kpi;
      update();
    },
    setEnabled(next) {
      enabled = next;
      update();
    },
    show(next) {
      view = next;
      if (view) markDownloadSource(root, view.scenario, view.seed);
      results.hidden = view === null;
      if (!view) {
        chart.clear();
        skipped.replaceChildren();
        return;
      }
      caption.textContent = text.caption(view.variant, kpiMeta(view.kpi, currency).label, view.percent, view.replications, view.bars.length, view.planned, view.complete);
      draw();
      drawSkipped();
    },
  };
}
