import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { standaloneSvgElement } from './charts/export.ts';
import { app } from './i18n/en/app.ts';
import { STOCKLAB_VERSION } from './version.ts';

/** The analysis panels: exported with their results only, and not at all before they have any. */
const PANELS = ['sweep', 'sensitivity', 'optimize'];

/**
 * The dashboard as one self-contained HTML page for a client: exactly what the page shows (in the
 * presentation layout, the comparison only: cards, comparison, frontier and KPI table), every chart
 * as inline SVG with its computed styles, and what reproduces the run (scenario, seed, replications,
 * Stocklab version) at the top, with `note` under it (a precision run's target). Buttons, selects
 * and forms are dropped; the page prints to PDF as it shows (the app's print styles come along).
 */
export function viewAsHtml(dashboard: HTMLElement, scenario: Scenario, result: ExperimentResult, options: { presenting?: boolean; note?: string } = {}): string {
  const copy = dashboard.cloneNode(true) as HTMLElement;
  // the clone has no layout: read what is shown, and each chart's styles, from the live page
  const charts: [Element, SVGSVGElement][] = [];
  const hidden: Element[] = [];
  const walk = (live: Element, cloned: Element): void => {
    if (getComputedStyle(live).display === 'none') {
      hidden.push(cloned);
      return;
    }
    if (live instanceof SVGSVGElement && live.classList.contains('chart-svg')) {
      charts.push([cloned, standaloneSvgElement(live)]);
      return;
    }
    for (let i = 0; i < live.children.length; i++) walk(live.children[i], cloned.children[i]);
  };
  walk(dashboard, copy);
  // the styled copies go in as elements: parsing their markup would set style attributes, which the
  // page's Content-Security-Policy refuses
  for (const [cloned, svg] of charts) cloned.replaceWith(svg);
  for (const element of hidden) element.remove();
  // a panel's form is no result; a panel not run (or run on another scenario) is not shown at all
  for (const id of PANELS) {
    if (dashboard.querySelector<HTMLElement>(`#${id} .sweep-results`)?.hidden) copy.querySelector(`#${id}`)?.remove();
  }
  // the KPI table's column headers are sort buttons: keep their text
  for (const button of copy.querySelectorAll('th .sort-button')) {
    button.querySelector('.sort-icon')?.remove();
    button.replaceWith(...button.childNodes);
  }
  // the export is of the results, under their own scenario's heading: a panel run on an earlier version
  // of the scenario is left out, and nothing is dimmed or marked as stale
  for (const section of copy.querySelectorAll('section.results-stale')) section.remove();
  copy.classList.remove('results-stale');
  for (const element of copy.querySelectorAll('button, select, input, .chart-controls, .chart-exports, .result-actions, .panel-exports, #banner, .sweep-form, .stale-notice')) element.remove();
  // the description is the results' scenario's (the page may show another's since)
  const description = copy.querySelector('#scenario-description');
  if (description) {
    const text = scenario.description ?? '';
    if (text === '') description.remove();
    else description.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
  }
  // the results per stock point are virtualised: the page holds only the rows in view, which would
  // pass for the whole table; its own CSV export has them all
  copy.querySelector('#stock-points')?.remove();
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const heading = app.viewExported(scenario.name, String(result.seed), result.replications, when, STOCKLAB_VERSION);
  const styles = [...document.styleSheets]
    .map((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Stocklab ${escapeHtml(STOCKLAB_VERSION)}">
<title>${escapeHtml(scenario.name)} — Stocklab</title>
<style>${styles}
body { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem; }
body > h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
</style>
</head>
<body${options.presenting ? ' class="presenting"' : ''}>
<h1>${escapeHtml(heading)}</h1>
${options.note ? `<p class="export-note">${escapeHtml(options.note)}</p>\n` : ''}<main class="dashboard">
${copy.innerHTML}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
