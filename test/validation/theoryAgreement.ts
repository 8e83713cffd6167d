import { expect } from 'vitest';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { checkTheory, theoryOf, type TheoryCheck } from '../../src/experiment/theory.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { KPI_KINDS } from '../../src/metrics/kpis.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

/**
 * Runs a scenario of scenarios/theory/ and checks every KPI its theory model predicts: the closed-form
 * value lies within the simulated mean's confidence interval, widened only by the model's documented
 * allowance where simulation and formula measure slightly different things. The intervals are taken
 * at the joint level (Bonferroni over the scenario's comparisons), so that all of them hold together
 * with 95% confidence: at 95% each, one comparison in twenty would miss by chance.
 *
 * So that the check means something, the interval must also be narrow: its half-width plus the
 * allowance under `resolution` times the theory value (default 5%); an error of that size in the
 * engine would then be caught. The floor for values near zero is in the KPI's own unit: 0.01 for a
 * rate (one percentage point), and none by default for quantities, money and days, whose small
 * values are not near zero in their unit (a floor of 0.01 let 12 to 24% errors through on 0.04 to
 * 0.11 a day of stockout cost, backorders or orders).
 */
export interface AgreementOptions {
  resolution?: number;
  /** the floor, in the KPI's unit, for theory values near zero (default: 0.01 for rates, 0 otherwise) */
  absolute?: number;
}

export interface Agreement {
  scenario: Scenario;
  result: ExperimentResult;
  checks: TheoryCheck[];
}

export function loadTheoryScenario(path: string): Scenario {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not parse`);
  return loaded.scenario;
}

export function runAgainstTheory(scenario: Scenario): Agreement {
  const theory = theoryOf(scenario);
  if (!theory || !theory.ok) throw new Error(`no usable theory: ${JSON.stringify(theory)}`);
  const result = runExperiment(scenario);
  return { scenario, result, checks: checkTheory(theory, result, scenario.horizonDays - scenario.warmupDays) };
}

export function expectAgreement(agreement: Agreement, options: AgreementOptions = {}): void {
  const resolution = options.resolution ?? 0.05;
  expect(agreement.checks.length).toBeGreaterThan(0);
  for (const check of agreement.checks) {
    const absolute = options.absolute ?? (KPI_KINDS[check.kpi] === 'ratio' ? 0.01 : 0);
    const label = `${check.variant} ${check.stockPoint ?? 'network'} ${check.kpi}${check.per === 'window' ? '' : ` per ${check.per}`}: simulated ${check.simulated?.mean} ± ${check.simulated?.halfWidth}, theory ${check.theory} (allowance ${check.allowance})`;
    expect(check.simulated, label).not.toBeNull();
    expect(check.simulated!.n, label).toBe(agreement.scenario.replications);
    expect(check.jointHalfWidth! + check.allowance, `${label}: interval too wide to test anything`).toBeLessThanOrEqual(Math.max(resolution * Math.abs(check.theory), absolute));
    expect(check.agreesJointly, `${label}, joint half-width ${check.jointHalfWidth}`).toBe(true);
  }
}

/** A wrong theory value (a neighbouring parameter's, say) lies outside the interval: the check can fail. */
export function expectRejected(agreement: Agreement, variant: string, kpi: TheoryCheck['kpi'], wrong: number): void {
  const check = agreement.checks.find((c) => c.variant === variant && c.kpi === kpi);
  expect(check, `${variant} ${kpi}`).toBeDefined();
  const { mean } = check!.simulated!;
  const halfWidth = check!.jointHalfWidth!;
  expect(Math.abs(mean - wrong), `${variant} ${kpi}: simulated ${mean} ± ${halfWidth} (joint), wrong value ${wrong}`).toBeGreaterThan(halfWidth + check!.allowance);
}
