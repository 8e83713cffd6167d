/**
 * Parts the analysis panels (sweep, sensitivity, optimise) share. The results area: a caption, one
 * block per chart and the list of what was left out, hidden until there is something to show.
 */
export interface ResultsArea {
  results: HTMLElement;
  caption: HTMLElement;
  /** the chart blocks, in the order of the ids given */
  charts: HTMLElement[];
  skipped: HTMLElement;
}

export function createResultsArea(chartIds: string[], skippedId: string): ResultsArea {
  const results = document.createElement('div');
  results.className = 'sweep-results';
  results.hidden = true;
  const caption = document.createElement('p');
  caption.className = 'sweep-caption';
  const charts = chartIds.map((id) => {
    const element = document.createElement('div');
    element.id = id;
    element.className = 'sweep-chart';
    return element;
  });
  const skipped = document.createElement('div');
  skipped.id = skippedId;
  skipped.className = 'sweep-skipped';
  results.append(caption, ...charts, skipped);
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
