import { createDeck, type Deck, type DeckResult } from './present/deck.ts';

/**
 * "Present" (#present in the result actions): the results as a slide deck a consultant shows a client
 * (web/present/deck.ts): the app's chrome hidden (styles.css, `body.presenting`), a 16:9 slide over
 * the window with the scenario's name, the slide counter and previous / next / leave; ← → (also
 * PageUp / PageDown, Space, Home / End) move through the slides, Esc or Leave ends it, and the focus
 * goes back to the button. It is page state, not result state: a re-run keeps it, and "The whole view
 * (HTML)" then exports the slides, one per printed page (web/viewExport.ts).
 */
export interface PresentMode {
  readonly on: boolean;
  set(on: boolean): void;
  readonly deck: Deck;
}

export interface PresentOptions {
  /** the element the deck is built in (#deck, inside the dashboard) */
  deck: HTMLElement;
  /** the result shown: the slides' titles, footers and file names name it */
  result: () => DeckResult | null;
  /** the charts drawn again at their sections' widths (the deck's slides, or the dashboard's) */
  redraw: () => void;
  /** the view's HTML export (in Present: the slides, one per printed page) */
  exportHtml: () => void;
  onChange: (on: boolean) => void;
}

export function createPresentMode(button: HTMLButtonElement, options: PresentOptions): PresentMode {
  let on = false;
  const deck = createDeck(options.deck, { result: options.result, redraw: options.redraw, onLeave: () => set(false), onExportHtml: options.exportHtml });
  function set(next: boolean): void {
    if (next === on) return;
    on = next;
    // the sections move into the deck before the page changes layout, so the charts are drawn once, for the slides
    if (on) deck.open();
    else deck.close();
    document.body.classList.toggle('presenting', on);
    button.setAttribute('aria-pressed', String(on));
    options.onChange(on);
    if (!on) button.focus({ preventScroll: true });
  }
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => set(!on));
  document.addEventListener('keydown', (event) => {
    if (!on) return;
    if (event.key === 'Escape' && !event.defaultPrevented) {
      set(false);
      return;
    }
    deck.key(event);
  });
  return {
    get on() {
      return on;
    },
    set,
    deck,
  };
}
