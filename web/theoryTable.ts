import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { TheoryView } from './worker/client.ts';
import { app, sentences } from './i18n/strings.ts';
import { numberLocale } from './i18n/numberFormat.ts';
import { tableScroll } from './tableScroll.ts';

/**
 * For a scenario that names a theory model (scenarios/theory/): each compared KPI's simulated mean ±
 * 95% half-width beside its closed-form value, and whether they agree (jointly, as the CLI says).
 * Empty for other scenarios.
 */
export function renderTheory(container: HTMLElement, result: ExperimentResult, theory: TheoryView | null): void {
  container.replaceChildren();
  container.hidden = theory === null;
  if (!theory) return;
  const title = document.createElement('h2');
  title.textContent = app.theoryTitle(theory.model);
  const help = document.createElement('p');
  help.className = 'chart-help';
  help.textContent = app.theoryHelp(sentences.theorySource(theory.source));
  const table = document.createElement('table');
  table.className = 'theory-table';
  const head = table.createTHead().insertRow();
  for (const text of [app.variant, app.kpi, app.theorySimulated, app.theoryValue, app.theoryAgrees]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const check of theory.checks) {
    const row = body.insertRow();
    const variant = result.variants.find((v) => v.id === check.variant)?.name ?? check.variant;
    const where = check.stockPoint && new Set(theory.checks.map((c) => c.stockPoint)).size > 1 ? ` (${check.stockPoint})` : '';
    const per = check.per === 'window' ? '' : ` ${app.per(check.per)}`;
    const cells = [
      variant,
      `${check.kpi}${per}${where}`,
      check.simulated ? `${format(check.simulated.mean)} ± ${check.simulated.halfWidth === null ? '?' : format(check.simulated.halfWidth)}` : '—',
      `${format(check.theory)}${check.allowance > 0 ? ` (± ${format(check.allowance)})` : ''}`,
      check.agreesJointly ? app.yes : app.no,
    ];
    cells.forEach((text, i) => {
      const cell = row.insertCell();
      cell.textContent = text;
      // what is compared, in the page's language (the engine's English words it from the same facts)
      if (i === 1) cell.title = sentences.theoryNote(check);
      if (i === 4) cell.className = check.agreesJointly ? 'agrees' : 'disagrees';
    });
  }
  const scroll = tableScroll(title.textContent ?? '', table);
  container.append(title, help);
  if (theory.checks.length > 0) container.append(scroll);
  // variants whose closed form was not computed (outside the analytic model's range): said in words
  for (const { variant, message, reason } of theory.outsideRange) {
    const note = document.createElement('p');
    note.className = 'theory-outside';
    note.textContent = app.theoryOutside(result.variants.find((v) => v.id === variant)?.name ?? variant, sentences.theoryOutsideRange(theory.model, message, reason));
    container.append(note);
  }
}

function format(value: number): string {
  if (value === 0) return '0';
  const digits = Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(Math.abs(value)))));
  // the page's language: "1,234.5" in English, "1 234,5" in French
  return numberLocale.format(`,.${digits}f`)(value);
}
