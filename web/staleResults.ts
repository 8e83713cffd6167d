import type { Scenario } from '../src/scenario/schema.ts';

/**
 * Results belong to the scenario they were run on. Once the scenario shown differs from it (an edit,
 * another seed or replication count, a file opened), the results still on screen are marked at once:
 * dimmed, with a notice saying so and a button to run again. What the page compares is the scenario
 * as a run would take it (the editor's scenario with the top bar's settings), as canonical JSON: the
 * parsed scenario has a fixed key order (the zod schema's), so equal content gives equal text, and a
 * change of layout or whitespace in the editor is no change.
 */

const baseKeys = new WeakMap<Scenario, string>();

/** The scenario's content but for its replications and seed; computed once per object (a large scenario is megabytes). */
function baseKey(scenario: Scenario): string {
  let key = baseKeys.get(scenario);
  if (key === undefined) {
    const { replications: _replications, seed: _seed, ...rest } = scenario;
    key = JSON.stringify(rest);
    baseKeys.set(scenario, key);
  }
  return key;
}

/** What a run of `scenario` with these settings (by default its own) computes, as one string. */
export function runKey(scenario: Scenario, settings: { replications: number; seed: string | number } = scenario): string {
  return `${baseKey(scenario)}\u0000${settings.replications}\u0000${JSON.stringify(settings.seed)}`;
}

/** Why results run on `ran` do not belong to `shown` (with the top bar's settings), or null when they do. */
export type Staleness = null | { kind: 'invalid' } | { kind: 'other'; name: string } | { kind: 'replications'; ran: number; now: number } | { kind: 'seed'; ran: string | number; now: string | number } | { kind: 'edited' };

export function stalenessOf(ran: Scenario, shown: Scenario | null, settings: { replications: number; seed: string | number } | null): Staleness {
  if (shown === null || settings === null) return { kind: 'invalid' };
  if (runKey(ran) === runKey(shown, settings)) return null;
  if (ran.name !== shown.name) return { kind: 'other', name: ran.name };
  if (baseKey(ran) === baseKey(shown)) {
    if (ran.seed === settings.seed) return { kind: 'replications', ran: ran.replications, now: settings.replications };
    if (ran.replications === settings.replications) return { kind: 'seed', ran: ran.seed, now: settings.seed };
  }
  return { kind: 'edited' };
}

const bases = new WeakMap<Scenario, Scenario>();

/**
 * What a recommendation (the Recommend panel, src/experiment/recommend.ts) depends on: the scenario
 * with only its first variant, the one every stock point's policy today is read from; the other
 * variants never run in it. So adding the Recommended variant (after today's, or with a "today"
 * variant that changes nothing when the scenario had none) leaves the recommendation current, while
 * any other edit marks it. Computed once per object, as baseKey.
 */
export function recommendationBasis(scenario: Scenario): Scenario {
  let basis = bases.get(scenario);
  if (basis === undefined) {
    const first = scenario.variants[0];
    // a first variant that overrides nothing is today's policies, as no variant at all
    const changes = first !== undefined && (first.policies.length > 0 || first.set.length > 0);
    basis = { ...scenario, variants: changes ? [first] : [] };
    bases.set(scenario, basis);
  }
  return basis;
}

export interface StaleMarker {
  /** marks the results as stale (with why) or as current (null) */
  set(message: string | null): void;
  readonly stale: boolean;
}

/**
 * A notice and the dimming for one place that shows results: `host` gets the class `results-stale`
 * (the stylesheet dims what it shows), `notice` the message and a button to run again.
 */
export function createStaleMarker(host: HTMLElement, notice: HTMLElement, runAgain: { label: string; onClick(): void } | null): StaleMarker {
  notice.classList.add('stale-notice');
  notice.setAttribute('role', 'status');
  const text = document.createElement('span');
  notice.replaceChildren(text);
  if (runAgain) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'stale-run-again';
    button.textContent = runAgain.label;
    button.addEventListener('click', () => runAgain.onClick());
    notice.append(button);
  }
  notice.hidden = true;
  let current: string | null = null;
  return {
    set(message) {
      if (message === current) return;
      current = message;
      host.classList.toggle('results-stale', message !== null);
      notice.hidden = message === null;
      text.textContent = message ?? '';
    },
    get stale() {
      return current !== null;
    },
  };
}
