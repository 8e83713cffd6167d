import type { ExperimentResult } from '../experiment/replicate.ts';
import type { ScenarioTheory, TheoryCheck } from '../experiment/theory.ts';
import { formatNumber, formatTable } from './format.ts';

/**
 * Simulation next to theory, for scenarios that name an analytic model: per variant, each KPI's
 * simulated mean ± half-width, the closed-form value, and whether the value lies in the interval
 * (widened by the documented allowance, where the two measure slightly different things).
 */
export function formatTheory(theory: Extract<ScenarioTheory, { ok: true }>, checks: TheoryCheck[], result: ExperimentResult): string {
  const lines = ['', `theory: ${theory.model} (${theory.source})`];
  const stockPoints = new Set(checks.map((check) => check.stockPoint));
  const several = stockPoints.size > 1;
  for (const variantTheory of theory.variants) {
    const name = result.variants.find((v) => v.id === variantTheory.variant)?.name ?? variantTheory.variant;
    const rows = checks
      .filter((check) => check.variant === variantTheory.variant)
      .map((check) => [
        `${check.kpi}${check.per === 'window' ? '' : ` per ${check.per}`}${several ? ` at ${check.stockPoint ?? 'network'}` : ''}`,
        check.simulated === null ? '-' : formatInterval(check.simulated.mean, check.simulated.halfWidth),
        formatValue(check.theory, check.simulated?.halfWidth ?? null),
        check.allowance > 0 ? `± ${formatValue(check.allowance)}` : '',
        check.agrees ? 'yes' : 'no',
        check.agreesJointly ? 'yes' : 'NO',
      ]);
    if (variantTheory.outsideRange !== null) {
      lines.push('', `${name}: ${variantTheory.outsideRange}`);
      continue;
    }
    lines.push('', `${name}:`, ...formatTable(['KPI', 'simulated', 'theory', 'allowance', 'inside 95%', 'jointly'], rows));
    for (const fact of variantTheory.facts) lines.push(`  ${fact.label}: ${typeof fact.value === 'number' ? formatValue(fact.value) : fact.value}`);
  }
  if (stockPoints.size === 1 && !stockPoints.has(null)) lines.push('', `at stock point ${[...stockPoints][0]}`);
  const agreeing = checks.filter((check) => check.agreesJointly).length;
  if (checks.length === 0) return lines.join('\n') + '\n';
  lines.push(
    'inside 95%: the theory value lies within the simulated mean ± 95% half-width (+ the allowance, where simulation and',
    'formula measure slightly different things; the reasons are in the JSON output and the scenario description).',
    `jointly: within the interval at the level where all ${checks.length} comparisons hold together with 95% confidence`,
    '(Bonferroni); with many comparisons, one 95% interval in twenty misses by chance.',
    agreeing === checks.length ? `simulation and theory agree: all ${checks.length} comparisons jointly inside.` : `simulation and theory DISAGREE: ${checks.length - agreeing} of ${checks.length} comparisons outside even jointly.`,
  );
  return lines.join('\n') + '\n';
}

/** `mean ± half-width`, the half-width to two significant digits and the mean to the same decimals. */
function formatInterval(mean: number, halfWidth: number | null): string {
  if (halfWidth === null) return `${formatValue(mean)} ± ?`;
  return `${formatValue(mean, halfWidth)} ± ${formatValue(halfWidth, halfWidth)}`;
}

/** Decimals set by a half-width (two significant digits of it, one more for theory), else four significant digits. */
function formatValue(value: number, halfWidth: number | null = null): string {
  if (halfWidth !== null && halfWidth > 0) return formatNumber(value, Math.max(0, Math.min(6, Math.ceil(-Math.log10(halfWidth)) + 1)));
  if (value === 0) return '0';
  return formatNumber(value, Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(Math.abs(value))))));
}
