import type { ExperimentResult, VariantSummary } from '../../src/experiment/replicate.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/strings.ts';
import { kpiMeta, splitWithHalfWidth } from './kpiMeta.ts';
import { markerPath, variantColor } from './palette.ts';

/** The headline KPIs a planner reads first (shared/UX.md); customers lost only where there is a customer base. */
const HEADLINE: KpiName[] = ['fillRate', 'holdingCost', 'totalCost', 'customersChurned'];

/**
 * Headline cards, one per policy variant: its colour stripe, marker and name, then each headline KPI
 * as mean ± 95% half-width. `currency` is the scenario's, for money (the result does not carry it).
 */
export function renderKpiCards(container: HTMLElement, result: ExperimentResult, options: { currency?: string; headline?: ReadonlyArray<KpiName> } = {}): void {
  container.replaceChildren();
  if (result.variants.length === 0 || result.replications === 0) {
    const p = document.createElement('p');
    p.className = 'chart-note';
    p.textContent = text.noResults;
    container.append(p);
    return;
  }
  const list = document.createElement('div');
  list.className = 'kpi-cards';
  list.setAttribute('role', 'list');
  list.setAttribute('aria-label', text.cardsLabel);
  // the scenario may name what to look at first (the fresh-food case: expired units)
  const headline = options.headline ?? HEADLINE;
  result.variants.forEach((variant, index) => list.append(card(variant, index, options.currency, headline)));
  const note = document.createElement('p');
  note.className = 'kpi-cards-note';
  // money on the cards is over the measured window, as in every comparison: say so under them
  const windowDays = result.horizonDays - result.warmupDays;
  note.textContent = `${result.replications >= 2 ? text.meanCi(result.replications) : text.oneReplicationNote} · ${text.measuredWindow(windowDays)}`;
  container.append(list, note);
}

function card(variant: VariantSummary, index: number, currency: string | undefined, headline: ReadonlyArray<KpiName>): HTMLElement {
  const article = document.createElement('article');
  article.className = 'kpi-card';
  article.setAttribute('role', 'listitem');
  // the variant's colour is data: the stripe and the marker use it through this custom property
  article.style.setProperty('--variant-color', variantColor(index));

  const heading = document.createElement('h3');
  heading.className = 'kpi-card-name';
  heading.append(markerIcon(index), document.createTextNode(variant.name));
  article.append(heading);

  const list = document.createElement('dl');
  for (const name of headline) {
    const summary = variant.network[name];
    if (summary.mean === null) continue;
    const meta = kpiMeta(name, currency);
    const parts = splitWithHalfWidth(meta.kind, summary.mean, summary.halfWidth);
    const term = document.createElement('dt');
    term.textContent = meta.label;
    const value = document.createElement('dd');
    const mean = document.createElement('span');
    mean.className = 'kpi-card-value';
    // the currency after money when known; percentages carry their sign already
    mean.textContent = meta.kind === 'money' && currency ? `${parts.mean} ${meta.unit}` : parts.mean;
    value.append(mean);
    // without an interval (one replication) the note under the cards says so, once
    if (parts.halfWidth !== null) {
      const halfWidth = document.createElement('span');
      halfWidth.className = 'kpi-card-hw';
      halfWidth.textContent = parts.halfWidth;
      value.append(' ', halfWidth);
    }
    list.append(term, value);
  }
  article.append(list);
  return article;
}

/** The variant's chart marker, so a card is recognised by shape as well as colour. */
export function markerIcon(index: number): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'variant-marker');
  svg.setAttribute('viewBox', '-9 -9 18 18');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', markerPath(index, 110));
  path.setAttribute('fill', variantColor(index));
  svg.append(path);
  return svg;
}
