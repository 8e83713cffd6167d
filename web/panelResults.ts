import { app } from './i18n/strings.ts';
import { downloadName, downloadText } from './charts/export.ts';

/**
 * Parts the analysis panels (sweep, sensitivity, optimise) share. The results area: a caption, the
 * results as CSV and JSON, one block per chart and the list of what was left out, hidden until there
 * is something to show.
 */
export interface ResultsArea {
  results: HTMLElement;
  caption: HTMLElement;
  /** the chart blocks, in the order of the ids given */
  charts: HTMLElement[];
  skipped: HTMLElement;
}

/**
 * The panel's numbers as files (the buttons "Results as CSV" and "Results as JSON", ids
 * `<name>-export-csv` / `-json`, files named after the scenario, its seed, the panel and the day:
 * `stocklab-<scenario>-seed-<seed>-<name>-<date>.csv`), built from what the panel shows when a button
 * is clicked; null when there is nothing to export.
 */
export interface ResultFiles {
  name: string;
  /** what the files hold, for the buttons' hints: "the sweep's grid points" */
  what: string;
  csv(): string | null;
  json(): string | null;
  /** the scenario and seed the panel's results were run on (the files are named after them) */
  source(): { name: string; seed: string | number } | null;
}

export function createResultsArea(chartIds: string[], skippedId: string, files: ResultFiles): ResultsArea {
  const results = document.createElement('div');
  results.className = 'sweep-results';
  results.hidden = true;
  const caption = document.createElement('p');
  caption.className = 'sweep-caption';
  const exports = document.createElement('div');
  exports.className = 'panel-exports';
  for (const format of ['csv', 'json'] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `${files.name}-export-${format}`;
    button.textContent = format === 'csv' ? app.exportCsv : app.exportJson;
    button.title = app.exportPanel(format.toUpperCase(), files.what);
    button.addEventListener('click', () => {
      const text = format === 'csv' ? files.csv() : files.json();
      const source = files.source();
      if (text !== null && source !== null) downloadText(text, downloadName(source, files.name, format), format === 'csv' ? 'text/csv' : 'application/json');
    });
    exports.append(button);
  }
  const charts = chartIds.map((id) => {
    const element = document.createElement('div');
    element.id = id;
    element.className = 'sweep-chart';
    return element;
  });
  const skipped = document.createElement('div');
  skipped.id = skippedId;
  skipped.className = 'sweep-skipped';
  results.append(caption, exports, ...charts, skipped);
  return { results, caption, charts, skipped };
}

/** The panel's submit button, off until a scenario can run. */
export function createRunButton(id: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'submit';
  button.id = id;
  button.className = 'primary';
  button.textContent = label;
  button.disabled = true;
  return button;
}

/** A hidden alert line for the form's problems, read aloud when it appears. */
export function createAlertLine(id: string, className: string): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = className;
  line.id = id;
  line.setAttribute('role', 'alert');
  line.hidden = true;
  return line;
}
