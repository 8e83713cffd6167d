import type { SweepAxis } from '../src/experiment/sweep.ts';
import type { SweepTarget } from './worker/sweep.ts';
import { sweep as text, parameterLabel } from './i18n/strings.ts';
import { fill, select } from './dashboard.ts';
import { locale, type Locale } from './i18n/locale.ts';
import { inputNumber } from './i18n/numberFormat.ts';

/** More grid points than this make a slow run and an unreadable grid. */
export const MAX_SWEEP_POINTS = 400;
const ALL = '';
const NONE = '';

/** Where and over what a grid runs: the engine's SweepSpec (src/experiment/sweep.ts) without `from` (the first variant). */
export interface GridRequest {
  product: string;
  node?: string;
  axes: SweepAxis[];
}

export interface GridForm {
  /** the form's rows, in order: the product and stock point, then parameter 1 and parameter 2 with their values */
  rows: HTMLElement[];
  /** the scenario's stock points (worker/sweep.ts sweepTargets), after every valid edit; keeps the choices that still apply */
  setTargets(targets: SweepTarget[]): void;
  /** a run under way (the panel's button is off), or no valid scenario */
  setEnabled(enabled: boolean): void;
  /** the grid asked for, or null once the problem is reported (a values field's next to it, others through showError) */
  read(): GridRequest | null;
}

export interface GridFormOptions {
  /** the controls' ids start with it: `<prefix>-product`, `<prefix>-node`, `<prefix>-param-1`, `<prefix>-values-1`, ... */
  prefix: string;
  /** the panel's submit button: on when enabled and a parameter is chosen */
  runButton: HTMLButtonElement;
  /** "20:80:10" or "5,8,13" ("5 ; 8 ; 13" in French: worker/sweep.ts parseValues) */
  parseValues(text: string): number[] | { error: string };
  /** the panel's alert line under the form; null clears it */
  showError(message: string | null): void;
}

/**
 * The grid part of the sweep's and the optimiser's forms (web/sweepPanel.ts, web/optimizePanel.ts):
 * a product, its stock points (all, or one), and one or two numeric parameters of their policy with
 * the values to try. The parameters are those every targeted policy has, in the first variant; each
 * values field is prefilled around the current value and follows the scenario until the user edits
 * it; a bad values field is reported next to it.
 */
export function createGridForm(options: GridFormOptions): GridForm {
  const { prefix, runButton, showError } = options;
  let targets: SweepTarget[] = [];
  let enabled = false;
  /** the user chose "none" for parameter 2 (kept across edits of the scenario) */
  let secondNone = false;
  /** per axis, what was prefilled and for which stock point and parameter: a value the user did not touch follows the scenario */
  const prefilled: { key: string; text: string }[] = [
    { key: '', text: '' },
    { key: '', text: '' },
  ];

  const where = document.createElement('div');
  where.className = 'sweep-row';
  const productSelect = select(where, text.product, `${prefix}-product`, () => {
    fillNodes();
    fillParameters();
  });
  const nodeSelect = select(where, text.node, `${prefix}-node`, () => fillParameters());
  const axisRows = [1, 2].map((n) => axisRow(n));

  /** A parameter select and its values field, with the field's own error message. */
  function axisRow(n: number) {
    const element = document.createElement('div');
    element.className = 'sweep-row';
    const parameter = select(element, text.parameter(n), `${prefix}-param-${n}`, () => {
      if (n === 2) secondNone = parameter.value === NONE;
      prefill(n - 1);
      if (n === 1) syncSecond();
    });
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = text.values(n);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = `${prefix}-values-${n}`;
    input.placeholder = text.valuesPlaceholder;
    input.title = text.valuesHint;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.size = 16;
    const message = document.createElement('span');
    message.className = 'field-error';
    message.id = `${prefix}-values-${n}-error`;
    message.hidden = true;
    input.setAttribute('aria-describedby', message.id);
    input.addEventListener('input', () => setFieldError(n - 1, null));
    label.append(span, input);
    element.append(label, message);
    return { element, parameter, input, message };
  }

  function setFieldError(index: number, message: string | null): void {
    const row = axisRows[index];
    row.message.hidden = message === null;
    row.message.textContent = message ?? '';
    if (message === null) row.input.removeAttribute('aria-invalid');
    else row.input.setAttribute('aria-invalid', 'true');
  }

  /** The stock points the form targets: the product's, at the chosen node or all of them. */
  function chosen(): SweepTarget[] {
    return targets.filter((t) => t.product === productSelect.value && (nodeSelect.value === ALL || t.node === nodeSelect.value));
  }

  /** The numeric fields every targeted policy has, with the first one's values. */
  function fields(): [string, number][] {
    const chosenTargets = chosen();
    if (chosenTargets.length === 0) return [];
    return chosenTargets[0].fields.filter(([name]) => chosenTargets.every((t) => t.fields.some(([other]) => other === name)));
  }

  /** Refills a select, keeping its value if it is still offered. */
  function keep(element: HTMLSelectElement, choices: [string, string][], fallback: string): void {
    const previous = element.options.length > 0 ? element.value : null;
    fill(element, choices);
    element.value = previous !== null && choices.some(([value]) => value === previous) ? previous : fallback;
  }

  function fillNodes(): void {
    const nodes = targets.filter((t) => t.product === productSelect.value);
    const choices: [string, string][] = [[ALL, text.allNodes], ...nodes.map((t): [string, string] => [t.node, text.nodeChoice(t.node, t.policyType)])];
    // one stock point: "all" is the same; several: the first, whose policy the fields come from
    keep(nodeSelect, choices, nodes.length === 1 ? ALL : (nodes[0]?.node ?? ALL));
  }

  function fillParameters(): void {
    const available = fields();
    const names: [string, string][] = available.map(([name]) => [name, parameterLabel(name)]);
    keep(axisRows[0].parameter, names, names[0]?.[0] ?? '');
    syncSecond();
    axisRows.forEach((row, i) => {
      // another stock point or parameter, or values the user has not changed: prefill from the scenario
      if (prefilled[i].key !== prefillKey(i) || row.input.value === prefilled[i].text || row.input.value.trim() === '') prefill(i);
    });
    showError(null);
    if (targets.length === 0) showError(text.noStockPoints);
    else if (available.length === 0) showError(text.noParameters);
    update();
  }

  /** Parameter 2: none, or any field but parameter 1's (the second field by default). */
  function syncSecond(): void {
    const first = axisRows[0].parameter.value;
    const others = fields().filter(([name]) => name !== first);
    const second = axisRows[1].parameter;
    const previous = second.value;
    fill(second, [[NONE, text.none], ...others.map(([name]): [string, string] => [name, parameterLabel(name)])]);
    second.value = others.some(([name]) => name === previous) ? previous : secondNone ? NONE : (others[0]?.[0] ?? NONE);
    if (second.value !== previous) prefill(1);
    update();
  }

  /** The values field of an axis: about ±50% around the current value, in 5 steps. */
  function prefill(index: number): void {
    const row = axisRows[index];
    setFieldError(index, null);
    const field = fields().find(([name]) => name === row.parameter.value);
    row.input.value = field ? aroundValue(field[1]) : '';
    prefilled[index] = { key: prefillKey(index), text: row.input.value };
    update();
  }

  function prefillKey(index: number): string {
    return `${productSelect.value}|${nodeSelect.value}|${axisRows[index].parameter.value}`;
  }

  function update(): void {
    axisRows[1].input.disabled = axisRows[1].parameter.value === NONE;
    axisRows[0].parameter.disabled = axisRows[0].parameter.options.length === 0;
    runButton.disabled = !enabled || axisRows[0].parameter.value === '';
  }

  function read(): GridRequest | null {
    const axes: SweepAxis[] = [];
    let ok = true;
    axisRows.forEach((row, i) => {
      const parameter = row.parameter.value;
      if (parameter === '' || (i === 1 && parameter === NONE)) return;
      const values = options.parseValues(row.input.value);
      if (!Array.isArray(values)) {
        setFieldError(i, `${values.error}. ${text.valuesHint}.`);
        ok = false;
        return;
      }
      setFieldError(i, null);
      axes.push({ parameter, values: [...new Set(values)] });
    });
    if (!ok) {
      showError(null);
      return null;
    }
    if (axes.length === 0) {
      showError(text.noParameters);
      return null;
    }
    if (axes.length === 2 && axes[0].parameter === axes[1].parameter) {
      showError(text.sameParameter);
      return null;
    }
    const count = axes.reduce((product, axis) => product * axis.values.length, 1);
    if (count > MAX_SWEEP_POINTS) {
      showError(text.tooMany(count, MAX_SWEEP_POINTS));
      return null;
    }
    showError(null);
    return { product: productSelect.value, node: nodeSelect.value === ALL ? undefined : nodeSelect.value, axes };
  }

  return {
    rows: [where, ...axisRows.map((row) => row.element)],
    setTargets(next) {
      targets = next;
      const products = [...new Set(targets.map((t) => t.product))];
      keep(
        productSelect,
        products.map((p) => [p, p]),
        products[0] ?? '',
      );
      productSelect.disabled = products.length === 0;
      fillNodes();
      fillParameters();
    },
    setEnabled(next) {
      enabled = next;
      update();
    },
    read,
  };
}

/**
 * "FROM:TO:STEP" spanning about half to one and a half times `value` in 5 values (integers stay
 * integers), written in a language (the page's by default) as parseValues reads it: "0.5:1.5:0.25",
 * in French "0,5:1,5:0,25".
 */
export function aroundValue(value: number, language: Locale = locale): string {
  const range = (from: number, to: number, step: number) => [from, to, step].map((n) => inputNumber(n, language)).join(':');
  if (value === 0) return '0:4:1';
  const magnitude = Math.abs(value);
  if (Number.isInteger(value)) {
    const step = Math.max(1, Math.round(magnitude / 4));
    const from = Math.max(value > 0 ? 1 : -Infinity, value - 2 * step);
    return range(from, from + 4 * step, step);
  }
  const step = Number((magnitude / 4).toPrecision(2));
  const from = Number((value - 2 * step).toPrecision(6));
  const to = Number((from + 4 * step).toPrecision(6));
  return range(from, to, step);
}
