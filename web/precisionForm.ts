import type { KpiName } from '../src/metrics/kpis.ts';
import type { PrecisionRequest } from './worker/precision.ts';
import { app, charts } from './i18n/strings.ts';
import { KPI_LIST, kpiMeta, numberLocale } from './charts/kpiMeta.ts';
import { fill } from './dashboard.ts';
import { inputNumber, parseDecimal } from './i18n/numberFormat.ts';

/** Precision mode's defaults: fill rate to ± 0.5 points, at most 200 replications. */
export const DEFAULT_PRECISION_KPI: KpiName = 'fillRate';
/** as the page's language types it: "0.5", "0,5" */
const DEFAULT_RATE_TARGET = inputNumber(0.5);
export const DEFAULT_PRECISION_CAP = 200;
/** The most replications the cap may ask for (as the top bar's Replications field). */
export const MAX_PRECISION_CAP = 10_000;

export interface PrecisionForm {
  /** precision mode is on: Run chooses the replications */
  readonly on: boolean;
  /** the scenario's currency, for money targets */
  setCurrency(currency: string | undefined): void;
  /** a run under way (the controls are off) */
  setEnabled(enabled: boolean): void;
  /** the request, or null once each problem is shown next to its field (the first one focused) */
  read(): PrecisionRequest | null;
  /** the request as the fields stand, without reporting problems; null when off or not valid (for links) */
  current(): PrecisionRequest | null;
  /** switches precision mode on with these settings (a shared link), or off */
  set(request: { kpi: string; halfWidth: number; cap: number } | null): void;
  /** the KPI's unit as the target is typed: "pts" for rates, the currency for money, else the KPI's unit */
  unitOf(kpi: KpiName): string;
  /** a half-width in the engine's unit as the target field shows it: "0.18 pts", "1,200 EUR" (French "0,18 pts") */
  formatHalfWidth(kpi: KpiName, halfWidth: number, digits?: number): string;
}

export interface PrecisionFormOptions {
  /** the mean of a KPI in the last result (for a first target of 2% of it), or null */
  meanOf(kpi: KpiName): number | null;
  /** precision mode switched on or off by the user */
  onToggle(on: boolean): void;
}

/**
 * The top bar's precision mode (web/index.html `#precision-mode` and the row `#precision-row`): a
 * switch between a fixed number of replications and "precision", and the target as a sentence: add
 * replications until [KPI] is known to ± [half-width] [unit], at most [cap] replications. Rates are
 * typed in percentage points and converted to the engine's fractions (0.2 pts = 0.002); money is in
 * the scenario's currency. A bad field is reported next to it, as the analysis panels do.
 */
export function createPrecisionForm(options: PrecisionFormOptions): PrecisionForm {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const toggle = byId<HTMLInputElement>('precision-mode');
  const row = byId<HTMLElement>('precision-row');
  const kpiSelect = byId<HTMLSelectElement>('precision-kpi');
  const target = byId<HTMLInputElement>('precision-target');
  const unit = byId<HTMLElement>('precision-unit');
  const cap = byId<HTMLInputElement>('precision-cap');
  const targetError = byId<HTMLElement>('precision-target-error');
  const capError = byId<HTMLElement>('precision-cap-error');
  let currency: string | undefined;

  fill(
    kpiSelect,
    KPI_LIST.map((name) => [name, charts.kpiLabels[name]]),
  );
  kpiSelect.value = DEFAULT_PRECISION_KPI;
  target.value = DEFAULT_RATE_TARGET;
  cap.value = String(DEFAULT_PRECISION_CAP);
  cap.max = String(MAX_PRECISION_CAP);
  showUnit();
  showRow();

  function selectedKpi(): KpiName {
    return kpiSelect.value as KpiName;
  }

  function unitOf(kpi: KpiName): string {
    const meta = kpiMeta(kpi, currency);
    return meta.kind === 'ratio' ? charts.units.points : meta.unit;
  }

  /** Engine unit per typed unit: rates are typed in points (hundredths). */
  function scaleOf(kpi: KpiName): number {
    return kpiMeta(kpi).kind === 'ratio' ? 0.01 : 1;
  }

  function showUnit(): void {
    unit.textContent = unitOf(selectedKpi());
  }

  function showRow(): void {
    row.hidden = !toggle.checked;
    toggle.setAttribute('aria-expanded', String(toggle.checked));
  }

  function setError(input: HTMLInputElement, element: HTMLElement, message: string | null): void {
    element.hidden = message === null;
    element.textContent = message ?? '';
    if (message === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  /** A first target for a KPI of another unit: 0.5 pts for rates, else 2% of its last mean (one digit), or empty. */
  function prefillTarget(kpi: KpiName): void {
    setError(target, targetError, null);
    if (kpiMeta(kpi).kind === 'ratio') {
      target.value = DEFAULT_RATE_TARGET;
      return;
    }
    const mean = options.meanOf(kpi);
    target.value = mean === null || mean === 0 ? '' : inputNumber(Number((Math.abs(mean) * 0.02).toPrecision(1)));
  }

  /** the target as typed in the page's language ("1,200" or "0.5" in English, "1 200" or "0,5" in French), with or without its unit */
  function parseTarget(): number | null {
    const shownUnit = unitOf(selectedKpi()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const value = parseDecimal(target.value.trim().replace(new RegExp(`\\s*(pts?|points?|%|${shownUnit})$`, 'i'), ''));
    return value !== null && value > 0 ? value * scaleOf(selectedKpi()) : null;
  }

  function parseCap(): number | null {
    const value = parseDecimal(cap.value);
    return value !== null && Number.isInteger(value) && value >= 2 && value <= MAX_PRECISION_CAP ? value : null;
  }

  function targetProblem(): string {
    const kpi = selectedKpi();
    return app.precisionBadTarget(unitOf(kpi), kpiMeta(kpi).kind === 'ratio' ? DEFAULT_RATE_TARGET : '10');
  }

  function check(which: 'target' | 'cap'): boolean {
    if (which === 'target') {
      const ok = parseTarget() !== null;
      setError(target, targetError, ok ? null : targetProblem());
      return ok;
    }
    const ok = parseCap() !== null;
    setError(cap, capError, ok ? null : app.precisionBadCap(MAX_PRECISION_CAP));
    return ok;
  }

  let unitShown = unitOf(selectedKpi());
  kpiSelect.addEventListener('change', () => {
    const next = unitOf(selectedKpi());
    // a target in another unit means nothing for this KPI
    if (next !== unitShown) prefillTarget(selectedKpi());
    unitShown = next;
    showUnit();
  });
  toggle.addEventListener('change', () => {
    showRow();
    options.onToggle(toggle.checked);
  });
  target.addEventListener('input', () => setError(target, targetError, null));
  cap.addEventListener('input', () => setError(cap, capError, null));
  target.addEventListener('change', () => check('target'));
  cap.addEventListener('change', () => check('cap'));

  return {
    get on() {
      return toggle.checked;
    },
    setCurrency(next) {
      currency = next;
      unitShown = unitOf(selectedKpi());
      showUnit();
    },
    setEnabled(enabled) {
      for (const element of [toggle, kpiSelect, target, cap]) element.disabled = !enabled;
    },
    read() {
      const targetOk = check('target');
      const capOk = check('cap');
      if (!targetOk || !capOk) {
        (targetOk ? cap : target).focus();
        return null;
      }
      return { kpi: selectedKpi(), halfWidth: parseTarget()!, cap: parseCap()! };
    },
    current() {
      if (!toggle.checked) return null;
      const halfWidth = parseTarget();
      const most = parseCap();
      return halfWidth === null || most === null ? null : { kpi: selectedKpi(), halfWidth, cap: most };
    },
    set(request) {
      toggle.checked = request !== null;
      if (request !== null) {
        const kpi = (KPI_LIST as string[]).includes(request.kpi) ? (request.kpi as KpiName) : DEFAULT_PRECISION_KPI;
        kpiSelect.value = kpi;
        unitShown = unitOf(kpi);
        target.value = inputNumber(Number((request.halfWidth / scaleOf(kpi)).toPrecision(12)));
        cap.value = String(request.cap);
        setError(target, targetError, null);
        setError(cap, capError, null);
        showUnit();
      }
      showRow();
    },
    unitOf,
    formatHalfWidth(kpi, halfWidth, digits = 2) {
      const shown = numberLocale.format(`,.${digits}~r`)(halfWidth / scaleOf(kpi));
      return `${shown} ${unitOf(kpi)}`;
    },
  };
}
