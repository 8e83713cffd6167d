import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { standaloneSvgElement } from './charts/export.ts';
import { app } from './i18n/strings.ts';
import { STOCKLAB_VERSION } from './version.ts';
import { formatDateTime } from './i18n/numberFormat.ts';

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
  const deck = options.presenting ? dashboard.querySelector<HTMLElement>('#deck') : null;
  if (deck) return deckAsHtml(deck, scenario, result, options.note);
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
  // the step-through is one replication at one day, being explored: not the run's results
  copy.querySelector('#stepper')?.remove();
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  const heading = exportHeading(scenario, result);
  const styles = pageStyles();
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

/** What reproduces the run, at the top of an export: scenario, seed, replications, when, Stocklab's version. */
function exportHeading(scenario: Scenario, result: ExperimentResult): string {
  // to the minute, in UTC, as the page's language writes a date (numberFormat.ts formatDateTime)
  const when = formatDateTime(new Date());
  return app.viewExported(scenario.name, String(result.seed), result.replications, when, STOCKLAB_VERSION);
}

/** The page's style sheets as text (the export looks as the page does, and prints with its print styles). */
function pageStyles(): string {
  return [...document.styleSheets]
    .map((sheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
}

/**
 * The slide deck (web/present/deck.ts) as a page that prints one slide per page (16 × 9 in, landscape):
 * each slide a section with its title, its number and, in its footer, what reproduces it; its charts
 * inline as SVG with their computed styles, its tables and sentences as on screen; the slide's
 * controls (the chart choice, the PNG button) dropped.
 */
function deckAsHtml(deck: HTMLElement, scenario: Scenario, result: ExperimentResult, note?: string): string {
  const slides = [...deck.querySelectorAll<HTMLElement>('.slide')].filter((slide) => !slide.hidden);
  const heading = exportHeading(scenario, result);
  const footer = app.deck.footer(scenario.name, String(result.seed), result.replications, STOCKLAB_VERSION);
  // every slide shown for the time of reading its charts' styles (those not current are invisible,
  // and their charts would export so); no frame is painted meanwhile
  deck.classList.add('deck-exporting');
  let sections: string[];
  try {
    sections = slides.map((slide, i) => {
      const body = slide.querySelector<HTMLElement>('.slide-body');
      const copy = (body?.cloneNode(true) as HTMLElement | undefined) ?? document.createElement('div');
      const live = body ? [...body.querySelectorAll<SVGSVGElement>('svg.chart-svg')] : [];
      const cloned = [...copy.querySelectorAll<SVGSVGElement>('svg.chart-svg')];
      live.forEach((svg, j) => {
        if (svg.closest('[hidden]')) cloned[j].remove();
        else cloned[j].replaceWith(standaloneSvgElement(svg));
      });
      for (const element of copy.querySelectorAll('[hidden], button, select, input, label, .chart-controls, .chart-exports, .slide-chart-choice, .chart-note:empty')) element.remove();
      for (const button of copy.querySelectorAll('th .sort-button')) button.replaceWith(...button.childNodes);
      const title = slide.querySelector('.slide-title')?.textContent ?? '';
      return `<section class="slide-page" data-slide="${escapeHtml(slide.dataset.slide ?? '')}">
<header class="slide-page-head"><h2>${escapeHtml(title)}</h2><span>${i + 1} / ${slides.length}</span></header>
<div class="slide-page-body">${copy.innerHTML}</div>
<footer class="slide-page-foot">${escapeHtml(footer)}</footer>
</section>`;
    });
  } finally {
    deck.classList.remove('deck-exporting');
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Stocklab ${escapeHtml(STOCKLAB_VERSION)}">
<title>${escapeHtml(scenario.name)} — Stocklab</title>
<style>${pageStyles()}
${SLIDE_PAGE_STYLES}
</style>
</head>
<body class="presenting">
<h1>${escapeHtml(heading)}</h1>
${note ? `<p class="export-note">${escapeHtml(note)}</p>\n` : ''}<main class="slides">
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/** One slide per printed page, 16 × 9 in; on screen, the slides one under the other, each 16:9. */
const SLIDE_PAGE_STYLES = `@page { size: 16in 9in; margin: 0.35in; }
body { max-width: 1280px; margin: 0 auto; padding: 1rem 1.5rem; }
body > h1, body > .export-note { font-size: 0.8rem; font-weight: 400; color: #57606a; margin: 0 0 0.5rem; }
.slide-page { box-sizing: border-box; display: flex; flex-direction: column; aspect-ratio: 16 / 9; overflow: hidden; padding: 1.5rem 2rem 1rem; margin: 0 0 1.5rem; border: 1px solid #d0d7de; break-after: page; break-inside: avoid; font-size: 1.15rem; }
.slide-page:last-child { break-after: auto; }
.slide-page-head { display: flex; align-items: baseline; gap: 1rem; border-bottom: 4px solid #0a58ca; margin-bottom: 0.75rem; }
.slide-page-head h2 { flex: 1; margin: 0 0 0.25rem; font-size: 2rem; }
.slide-page-head span, .slide-page-foot { color: #57606a; font-size: 0.85rem; }
.slide-page-body { flex: 1; min-height: 0; overflow: hidden; display: flex; flex-direction: column; gap: 0.5rem; }
.slide-page-body > section > h2, .slide-page #frontier .chart-help, .slide-page[data-slide='chart'] .chart-help { display: none; }
.slide-page .slide-sentence { font-size: 1.5rem; font-weight: 600; margin: 0.25rem 0 0.75rem; }
.slide-page .chart-svg { max-width: 100%; height: auto; max-height: 60vh; }
.slide-page #comparison { display: grid; grid-auto-flow: column; grid-template-rows: auto 1fr; grid-auto-columns: minmax(0, 1fr); column-gap: 2rem; align-items: start; margin: 0; }
.slide-page #comparison > .chart-help { display: none; }
.slide-page .slide-help { color: #57606a; font-size: 0.8rem; margin: 0 0 0.5rem; }
.slide-page .comparison-sentence { max-width: none; font-size: 1rem; }
.slide-page .comparison-table { font-size: 0.85rem; }
.slide-page[data-slide='chart'] #customers { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 1rem; }
.slide-page[data-slide='chart'] #customers > :not(.chart-block) { grid-column: 1 / -1; }
.slide-page[data-slide='chart'] #customers .chart-svg { max-height: 48vh; }
.slide-page .kpi-cards { grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
.slide-page-foot { border-top: 1px solid #d0d7de; padding-top: 0.25rem; margin-top: 0.5rem; }
@media print {
  :root { font-size: 15px; }
  body { max-width: none; padding: 0; }
  body > h1, body > .export-note { display: none; }
  .slide-page { width: 100%; height: 8.2in; aspect-ratio: auto; margin: 0; border: 0; padding: 0; }
  .slide-page .chart-svg { max-height: 5.4in; width: auto; }
  .slide-page[data-slide='chart'] #customers .chart-svg { max-height: 4.6in; }
}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
