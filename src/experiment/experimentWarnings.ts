import { variantsOf } from '../model/build.ts';
import { warningText, type ModelWarning } from '../model/warnings.ts';
import type { Scenario } from '../scenario/schema.ts';
import { prepareReplication } from './run.ts';

/**
 * The modelling warnings an experiment on `scenario` gives, as facts (src/model/warnings.ts): each
 * variant's replication 0 built, not run, and their warnings each once, in the order
 * `ExperimentResult.warnings` holds them (the CLI prints): replication 0's variants in turn. The
 * warnings come from wiring the model, from the scenario's figures alone, never from the random
 * draws, so every replication of a variant gives the same ones. Two facts are one warning when their
 * English is the same (as the experiment merges its runs' strings).
 */
export function experimentWarnings(scenario: Scenario): ModelWarning[] {
  const seen = new Set<string>();
  const warnings: ModelWarning[] = [];
  for (let variant = 0; variant < variantsOf(scenario).length; variant++) {
    for (const fact of prepareReplication(scenario, variant, 0).simulation.warningFacts) {
      const text = warningText(fact);
      if (seen.has(text)) continue;
      seen.add(text);
      warnings.push(fact);
    }
  }
  return warnings;
}
