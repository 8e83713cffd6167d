import type { ModelWarning } from '../../src/model/warnings.ts';
import { app, modelWarningStrings } from '../i18n/strings.ts';

/**
 * The run's modelling warnings under the headline cards: a heading ("Modelling warnings"), what they
 * are, and a list with one item per warning, worded in the page's language from the engine's facts
 * (src/model/warnings.ts; web/i18n/{en,fr}/warnings.ts). They are the warnings of the scenario that
 * ran, taken with its results (web/worker/client.ts), so an edit since cannot change them; the
 * section is hidden when the run has none.
 */
export function renderModelWarnings(section: HTMLElement, warnings: ReadonlyArray<ModelWarning>): void {
  section.hidden = warnings.length === 0;
  if (warnings.length === 0) {
    section.replaceChildren();
    return;
  }
  const title = document.createElement('h2');
  title.id = 'model-warnings-title';
  title.textContent = app.warnings;
  const help = document.createElement('p');
  help.className = 'chart-help';
  help.textContent = modelWarningStrings.help;
  const list = document.createElement('ul');
  list.className = 'model-warnings-list';
  list.setAttribute('aria-labelledby', title.id);
  list.replaceChildren(
    ...warnings.map((fact) => {
      const item = document.createElement('li');
      item.dataset.kind = fact.kind;
      item.textContent = modelWarningStrings.warning(fact);
      return item;
    }),
  );
  section.replaceChildren(title, help, list);
}
