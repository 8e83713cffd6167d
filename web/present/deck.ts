import type { Scenario } from '../../src/scenario/schema.ts';
import { downloadBlob, downloadName, standaloneSvgElement } from '../charts/export.ts';
import { app } from '../i18n/strings.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { slideAfterKey, slideFileWhat, summarySentence, type CardFigure } from './slideLayout.ts';
import { SLIDE_HEIGHT, SLIDE_WIDTH, slideSvg, type SlideBody, type SlideCard, type SlideTable } from './slideSvg.ts';
import { slidePng } from './slidePng.ts';

/**
 * The slide deck "Present" shows (web/presentMode.ts): a 16:9 frame over the whole window (the app's
 * chrome hidden, letterboxed on other shapes), the scenario's name and the slide counter above it,
 * previous / next / leave below, and four slides built from the dashboard's own sections, moved into
 * the deck while it is open and put back where they were when it closes (so what the dashboard
 * draws, a re-run included, draws on the slides):
 *   1. headline: the conclusion sentence (the comparison's first, or a one-line summary of a single
 *      variant) over the headline KPI cards (#cards);
 *   2. frontier: service against holding cost (#frontier);
 *   3. differences: the paired differences (#comparison), left out with a single variant;
 *   4. a chart of the presenter's choosing (inventory, customers, histogram, network), picked on the slide.
 * Every slide is laid out at the frame's size (those not shown are invisible), so each chart is drawn
 * for its slide's width; the deck asks for a redraw on entering, on a change of chart and on resize.
 * Each slide has a button that downloads it as a titled 1920×1080 PNG (web/present/slideSvg.ts).
 */

export type SlideKind = 'headline' | 'frontier' | 'differences' | 'chart';

/** What the deck needs from the result shown: titles, footers and file names name it. */
export interface DeckResult {
  scenario: Pick<Scenario, 'name' | 'seed'>;
  seed: string;
  replications: number;
}

export interface DeckOptions {
  /** the result shown, or null before any */
  result: () => DeckResult | null;
  /** draws the dashboard's charts again at their sections' current widths */
  redraw: () => void;
  /** the deck's Leave button */
  onLeave: () => void;
  /** the deck's "Slides as HTML" button: the view's HTML export, which in Present is the slides, one per page */
  onExportHtml: () => void;
}

export interface Deck {
  open(): void;
  close(): void;
  /** the slide shown, from 0 */
  readonly index: number;
  /** the slides there are now, in order */
  readonly kinds: SlideKind[];
  show(index: number): void;
  /** handles a key the deck moves on; true when it did */
  key(event: KeyboardEvent): boolean;
}

/** The dashboard's charts a presenter may put on the last slide, in the dashboard's order. */
export const CHART_CHOICES = ['inventory', 'customers', 'histogram', 'network'] as const;

const KINDS: SlideKind[] = ['headline', 'frontier', 'differences', 'chart'];

export function createDeck(root: HTMLElement, options: DeckOptions): Deck {
  const text = app.deck;
  root.classList.add('deck');
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', text.label);
  root.setAttribute('aria-roledescription', text.roleDescription);
  root.hidden = true;

  const frame = child(root, 'div', 'deck-frame');
  frame.tabIndex = -1;
  const bar = child(frame, 'div', 'deck-bar');
  const title = child(bar, 'p', 'deck-title');
  const counter = child(bar, 'p', 'deck-counter');
  const slidesHost = child(frame, 'div', 'deck-slides');
  const controls = child(frame, 'div', 'deck-controls');
  const keys = child(controls, 'span', 'deck-keys');
  keys.textContent = text.keys;
  const button = (label: string, aria: string, className: string, onClick: () => void) => {
    const element = child(controls, 'button', className);
    element.type = 'button';
    element.textContent = label;
    element.setAttribute('aria-label', aria);
    element.addEventListener('click', onClick);
    return element;
  };
  const previous = button(`← ${text.previous}`, text.previousLabel, 'deck-previous', () => show(index - 1));
  const next = button(`${text.next} →`, text.nextLabel, 'deck-next', () => show(index + 1));
  button(text.html, text.htmlLabel, 'deck-export-html', () => options.onExportHtml()).id = 'deck-export-html';
  button(text.leave, text.leaveLabel, 'deck-leave', () => options.onLeave());
  const live = child(frame, 'p', 'deck-live');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');

  const slides = new Map<SlideKind, { section: HTMLElement; title: HTMLElement; body: HTMLElement; png: HTMLButtonElement }>();
  for (const kind of KINDS) {
    const section = child(slidesHost, 'section', 'slide');
    section.dataset.slide = kind;
    section.setAttribute('role', 'group');
    section.setAttribute('aria-roledescription', text.slideRole);
    const head = child(section, 'div', 'slide-head');
    const heading = child(head, 'h2', 'slide-title');
    heading.id = `deck-slide-${kind}`;
    section.setAttribute('aria-labelledby', heading.id);
    const png = child(head, 'button', 'slide-png');
    png.type = 'button';
    png.textContent = text.png;
    png.addEventListener('click', () => void exportSlide(kind));
    const body = child(section, 'div', 'slide-body');
    slides.set(kind, { section, title: heading, body, png });
  }
  const headline = slides.get('headline')!;
  const sentence = child(headline.body, 'p', 'slide-sentence');
  const chartSlide = slides.get('chart')!;
  const choice = child(chartSlide.body, 'div', 'slide-chart-choice');
  const choiceLabel = child(choice, 'label', '');
  choiceLabel.htmlFor = 'deck-chart';
  choiceLabel.textContent = text.chartChoice;
  const chartSelect = child(choice, 'select', '');
  chartSelect.id = 'deck-chart';
  chartSelect.addEventListener('change', () => {
    chosen = chartSelect.value;
    placeChart();
    refresh();
    options.redraw();
  });
  // the comparison's explanation (money over the measured window) as the slide's, over the comparisons side by side
  const differencesHelp = child(slides.get('differences')!.body, 'p', 'slide-help');
  const noChart = child(chartSlide.body, 'p', 'chart-note');
  noChart.textContent = text.noChart;

  let open = false;
  let index = 0;
  let kinds: SlideKind[] = [...KINDS];
  let chosen: string = CHART_CHOICES[0];
  /** where each section moved into the deck came from */
  const homes = new Map<string, Comment>();

  const section = (id: string) => document.getElementById(id);
  function move(id: string, into: HTMLElement): void {
    const element = section(id);
    if (!element) return;
    if (!homes.has(id)) {
      const home = document.createComment(` #${id} is on a slide `);
      element.before(home);
      homes.set(id, home);
    }
    into.append(element);
  }
  function putBack(id: string): void {
    const home = homes.get(id);
    const element = section(id);
    if (home && element) home.replaceWith(element);
    homes.delete(id);
  }

  /** The charts a presenter can choose: those the dashboard shows for this result. */
  function chartChoices(): [string, string][] {
    return CHART_CHOICES.flatMap((id): [string, string][] => {
      const element = section(id);
      if (!element || element.hidden || !element.querySelector('svg.chart-svg')) return [];
      return [[id, element.querySelector('h2')?.textContent ?? id]];
    });
  }
  function placeChart(): void {
    const choices = chartChoices();
    if (!choices.some(([id]) => id === chosen) && choices.length > 0) chosen = choices[0][0];
    for (const id of CHART_CHOICES) if (id !== chosen && homes.has(id)) putBack(id);
    if (choices.length > 0) move(chosen, chartSlide.body);
    noChart.hidden = choices.length > 0;
    choice.hidden = choices.length === 0;
  }

  /** Titles, the sentence, the chart choice and the slides there are, from what the dashboard shows now. */
  function refresh(): void {
    const result = options.result();
    title.textContent = result?.scenario.name ?? '';
    sentence.textContent = headlineSentence();
    const comparison = section('comparison');
    kinds = KINDS.filter((kind) => kind !== 'differences' || (comparison !== null && !comparison.hidden));
    slides.get('differences')!.section.hidden = !kinds.includes('differences');
    headline.title.textContent = text.headlineTitle;
    slides.get('frontier')!.title.textContent = section('frontier')?.querySelector('h2')?.textContent ?? '';
    slides.get('differences')!.title.textContent = comparison?.querySelector('h2')?.textContent ?? '';
    differencesHelp.textContent = comparison?.querySelector('.chart-help')?.textContent ?? '';
    const choices = chartChoices();
    chartSelect.replaceChildren(...choices.map(([id, label]) => Object.assign(document.createElement('option'), { value: id, textContent: label })));
    if (choices.some(([id]) => id === chosen)) chartSelect.value = chosen;
    chartSlide.title.textContent = choices.find(([id]) => id === chosen)?.[1] ?? '';
    for (const [, slide] of slides) slide.png.setAttribute('aria-label', text.pngLabel(slide.title.textContent ?? ''));
    index = Math.min(index, kinds.length - 1);
    mark(false);
  }

  /** Shows slide `index` (the others stay laid out, invisible); `announce` says it to screen readers. */
  function mark(announce: boolean): void {
    kinds.forEach((kind, i) => slides.get(kind)!.section.classList.toggle('current', i === index));
    for (const kind of KINDS) {
      const slide = slides.get(kind)!;
      const current = slide.section.classList.contains('current') && !slide.section.hidden;
      slide.section.inert = !current;
    }
    root.dataset.slide = kinds[index];
    counter.textContent = text.counter(index + 1, kinds.length);
    previous.disabled = index === 0;
    next.disabled = index === kinds.length - 1;
    if (announce) live.textContent = text.announce(index + 1, kinds.length, slides.get(kinds[index])!.title.textContent ?? '');
  }

  function show(target: number): void {
    const bounded = Math.max(0, Math.min(kinds.length - 1, target));
    if (bounded === index && open) return;
    // a focused control on the slide that goes away would leave the focus nowhere
    const focusWasOnSlide = slidesHost.contains(document.activeElement);
    index = bounded;
    mark(true);
    if (focusWasOnSlide) frame.focus({ preventScroll: true });
  }

  function headlineSentence(): string {
    const first = section('comparison')?.querySelector('.comparison-sentence')?.textContent;
    if (first) return first;
    const card = readCards()[0];
    return card ? summarySentence(card.name, card.figures) : '';
  }

  // what the dashboard draws while the deck is open (a re-run) changes the sentence, the slides there are and the chart choices
  const watcher = new MutationObserver(() => {
    if (!open) return;
    placeChart();
    refresh();
  });

  // the frame's size follows the window's: the charts are drawn again for it
  let size = '';
  const resize = new ResizeObserver(() => {
    const next = `${slidesHost.clientWidth}×${slidesHost.clientHeight}`;
    if (!open || next === size) return;
    size = next;
    options.redraw();
  });

  async function exportSlide(kind: SlideKind): Promise<void> {
    const result = options.result();
    if (!result) return;
    const position = kinds.indexOf(kind);
    const model = {
      title: slides.get(kind)!.title.textContent ?? '',
      counter: text.counter(position + 1, kinds.length),
      footer: text.footer(result.scenario.name, result.seed, result.replications, STOCKLAB_VERSION),
      body: slideBody(kind),
    };
    try {
      const blob = await slidePng(slideSvg(model), SLIDE_WIDTH, SLIDE_HEIGHT);
      const what = kind === 'chart' ? `${kind}-${chosen}` : kind;
      downloadBlob(blob, downloadName(result.scenario, slideFileWhat(position, what), 'png'));
    } catch (error) {
      live.textContent = text.pngFailed(error instanceof Error ? error.message : String(error));
    }
  }

  function slideBody(kind: SlideKind): SlideBody {
    if (kind === 'headline') return { kind: 'headline', sentence: sentence.textContent ?? '', cards: readCards(), note: section('cards')?.querySelector('.kpi-cards-note')?.textContent ?? '' };
    if (kind === 'differences') return { kind: 'tables', help: section('comparison')?.querySelector('.chart-help')?.textContent ?? undefined, tables: readTables() };
    const host = kind === 'frontier' ? section('frontier') : noChart.hidden ? section(chosen) : null;
    const shown = host ? [...host.querySelectorAll<SVGSVGElement>('svg.chart-svg')].filter((svg) => !svg.closest('[hidden]')) : [];
    // a section with several charts (the customers) names each with its block's title
    const charts = shown.map((svg) => ({ svg: standaloneSvgElement(svg), caption: shown.length > 1 ? (svg.closest('.chart-block')?.querySelector('h3')?.textContent ?? undefined) : undefined }));
    return { kind: 'charts', charts, note: charts.length === 0 ? text.noChart : undefined };
  }

  return {
    open() {
      if (open) return;
      open = true;
      move('cards', headline.body);
      move('frontier', slides.get('frontier')!.body);
      move('comparison', slides.get('differences')!.body);
      placeChart();
      index = 0;
      refresh();
      root.hidden = false;
      mark(true);
      for (const id of ['cards', 'comparison']) {
        const element = section(id);
        if (element) watcher.observe(element, { childList: true, attributes: true, attributeFilter: ['hidden'] });
      }
      for (const id of CHART_CHOICES) {
        const element = section(id);
        if (element) watcher.observe(element, { attributes: true, attributeFilter: ['hidden'] });
      }
      size = '';
      resize.observe(slidesHost);
      frame.focus({ preventScroll: true });
    },
    close() {
      if (!open) return;
      open = false;
      watcher.disconnect();
      resize.disconnect();
      for (const id of [...homes.keys()]) putBack(id);
      root.hidden = true;
      live.textContent = '';
    },
    get index() {
      return index;
    },
    get kinds() {
      return [...kinds];
    },
    show,
    key(event) {
      if (!open || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
      const target = event.target instanceof Element ? event.target : null;
      // keys a control or a chart uses itself: a select's arrows, a button's Space, a chart's day cursor
      if (target?.closest('select, input, textarea, [contenteditable], svg, .chart-controls, .chart-body')) return false;
      if (event.key === ' ' && target?.closest('button, a, summary')) return false;
      const to = slideAfterKey(event.key, index, kinds.length);
      if (to === null) return false;
      event.preventDefault();
      show(to);
      return true;
    },
  };
}

/** The headline cards as the dashboard shows them: each variant's name, colour and figures. */
function readCards(): SlideCard[] {
  return [...document.querySelectorAll<HTMLElement>('#cards .kpi-card')].map((card) => {
    const figures: CardFigure[] = [...card.querySelectorAll('dt')].map((term) => {
      const value = term.nextElementSibling;
      return {
        label: term.textContent ?? '',
        value: value?.querySelector('.kpi-card-value')?.textContent ?? '',
        halfWidth: value?.querySelector('.kpi-card-hw')?.textContent ?? null,
      };
    });
    const color = card.style.getPropertyValue('--variant-color').trim() || getComputedStyle(card).getPropertyValue('--variant-color').trim() || '#0a58ca';
    return { name: card.querySelector('.kpi-card-name')?.textContent ?? '', color, figures };
  });
}

/** The paired-differences tables, each with the sentence above it. */
function readTables(): SlideTable[] {
  return [...document.querySelectorAll<HTMLTableElement>('#comparison table')].map((table) => {
    const scroll = table.closest('.table-scroll');
    const previous = scroll?.previousElementSibling;
    return {
      sentence: previous?.classList.contains('comparison-sentence') ? (previous.textContent ?? undefined) : undefined,
      head: [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? ''),
      rows: [...table.querySelectorAll('tbody tr')].map((row) => ({
        cells: [...row.children].map((cell) => cell.textContent ?? ''),
        significant: row.children[2]?.classList.contains('agrees') ?? false,
      })),
    };
  });
}

function child<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, className: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  parent.append(element);
  return element;
}
