import type { OptimizeOutcome, OptimizeSpec } from '../experiment/optimize.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatCell, formatSeconds, formatTable } from './format.ts';

/**
 * `stocklab optimize` as text: what was searched, the confirmed candidates with the objective and the
 * constraint (mean ± 95% half-width), the verdict in a sentence, and the analytic optimum when the
 * scenario names a theory model that has one.
 */
export function formatOptimization(
  scenario: Scenario,
  spec: OptimizeSpec,
  outcome: OptimizeOutcome,
  theory: { label: string; value: number | string }[],
  header: { wallSeconds: number; currency: string },
): string {
  const name = (id: string) => id.replace(/_/g, ', ').replace(/:/g, ' = ');
  const lines = [
    `${scenario.name} | minimise ${spec.objective}${spec.constraint ? ` with ${spec.constraint.kpi} ≥ ${spec.constraint.atLeast}` : ''} over ${spec.axes.map((axis) => `${axis.parameter} (${axis.values.length} values)`).join(' × ')} | wall time ${formatSeconds(header.wallSeconds)}`,
    `screening: ${outcome.screened.length} grid points × ${ofPlanned(outcome.replications.screen, spec.screenReplications)} replications on common random numbers${outcome.skipped.length > 0 ? ` (${outcome.skipped.length} invalid points left out)` : ''}; ${confirmation(outcome, spec)}`,
    '',
  ];
  const head = [outcome.replications.confirm >= 2 ? 'confirmed candidate' : 'leading candidate (screening)', spec.objective, ...(spec.constraint ? [spec.constraint.kpi, 'meets the floor'] : [])];
  const rows = outcome.confirmed.map((candidate, i) => [
    `${i === 0 && outcome.winner ? '→ ' : '  '}${name(candidate.id)}`,
    formatCell(spec.objective, candidate.objective, header.currency),
    ...(spec.constraint && candidate.constraint ? [formatCell(spec.constraint.kpi, candidate.constraint, header.currency), candidate.feasible ? 'yes' : 'no'] : []),
  ]);
  lines.push(...formatTable(head, rows), '', outcome.sentence);
  if (theory.length > 0) lines.push('', 'theory (the scenario\'s analytic model):', ...theory.map((fact) => `  ${fact.label}: ${typeof fact.value === 'number' ? fact.value.toLocaleString('en-US', { maximumFractionDigits: 4 }) : fact.value}`));
  return lines.join('\n') + '\n';
}

/** "12" when a phase ran in full, "3 of 12" when it was stopped part-way. */
function ofPlanned(done: number, planned: number): string {
  return done === planned ? `${planned}` : `${done} of ${planned}`;
}

function confirmation(outcome: OptimizeOutcome, spec: OptimizeSpec): string {
  if (outcome.verdict === 'infeasible' && outcome.replications.confirm === 0) return 'no confirmation: no grid point meets the floor';
  if (outcome.replications.confirm === 0 && !outcome.complete) return 'confirmation: not reached';
  return `confirmation: the best ${outcome.confirmed.length} × ${ofPlanned(outcome.replications.confirm, spec.confirmReplications)} new replications`;
}
