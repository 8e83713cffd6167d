/**
 * The presentation layout ("Present", #present in the result actions): the comparison a consultant
 * puts on a projector — the headline cards, the KPI table, the service / holding cost chart and the
 * paired differences with their sentences — in large type over the whole width, the left panel and
 * every other section hidden (styles.css, `body.presenting`; the sections shown carry
 * `data-present` in index.html). The button again or Esc leaves it. It is page state, not result
 * state: a re-run keeps it.
 */
export interface PresentMode {
  readonly on: boolean;
  set(on: boolean): void;
}

export function createPresentMode(button: HTMLButtonElement, onChange: (on: boolean) => void): PresentMode {
  let on = false;
  const set = (next: boolean): void => {
    if (next === on) return;
    on = next;
    document.body.classList.toggle('presenting', on);
    button.setAttribute('aria-pressed', String(on));
    onChange(on);
  };
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => set(!on));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && on && !event.defaultPrevented) set(false);
  });
  return {
    get on() {
      return on;
    },
    set,
  };
}
