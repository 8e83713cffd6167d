import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { standaloneSvg } from './charts/export.ts';
import { app } from './i18n/en/app.ts';

/**
 * The dashboard as one self-contained HTML page for a client: the headline cards, the comparison, the
 * theory table, every chart as inline SVG (styles inlined) and the KPI table, with what reproduces
 * the run (scenario, seed, replications) at the top. Buttons and selects are dropped; the page prints
 * to PDF as it shows.
 */
export function viewAsHtml(dashboard: HTMLElement, scenario: Scenario, result: ExperimentResult): string {
  const copy = dashboard.cloneNode(true) as HTMLElement;
  // each chart's SVG with its computed styles, from the live page (the clone has no layout)
  const live = dashboard.querySelectorAll<SVGSVGElement>('.chart-body > svg, .chart-body svg.chart');
  const cloned = copy.querySelectorAll<SVGSVGElement>('.chart-body > svg, .chart-body svg.chart');
  live.forEach((svg, i) => {
    const holder = document.createElement('div');
    holder.innerHTML = standaloneSvg(svg);
    cloned[i]?.replaceWith(holder.firstElementChild ?? holder);
  });
  // the sweep's form is no result; a sweep not run (or run on another scenario) is not shown at all
  if (copy.querySelector('.sweep-results[hidden]')) copy.querySelector('#sweep')?.remove();
  for (const element of copy.querySelectorAll('button, select, input, .chart-controls, .result-actions, #banner, .sweep-form')) element.remove();
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const heading = app.viewExported(scenario.name, String(result.seed), result.replications, when);
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
<title>${escapeHtml(scenario.name)} — Stocklab</title>
<style>${styles}
body { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem; }
@media print { section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
${copy.innerHTML}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
