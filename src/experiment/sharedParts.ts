import type { Scenario } from '../scenario/schema.ts';
import { planStockPoints, variantsOf } from '../model/build.ts';
import { independentParts, type IndependentPart } from '../model/independentParts.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import { canRunApart, joinParts, mergeParts, runPart, type PartPlan } from './parts.ts';
import { runReplication, type RunOptions, type RunResult } from './run.ts';

/**
 * Variants that differ only in some stock points' policies share the rest of the network's run
 * (issue 15). A sweep of one SKU's (s, S) over a 1,000-point network makes hundreds of variants that
 * all give the other 990 points the same policies: on common random numbers those points' figures are
 * the same in every variant, so they need to run once per replication, not once per variant.
 *
 * The plan: the independent parts (src/model/independentParts.ts) whose stock points have the same
 * policies in every variant are joined into one `common` chunk, run once per replication; the others,
 * joined into one `varying` chunk, run once per variant. Each variant's result is the merge of the two
 * (src/experiment/parts.ts), so it is the bytes of that variant's whole run (test/experiment/sharedParts.test.ts).
 *
 * It applies when every variant makes the same other changes (`set`, so they share one network and
 * one partition: a policy cannot change what couples stock points), some part is common and some
 * varies, and the parts can be merged to the bit (`canRunApart`).
 */
export interface SharingPlan {
  /** per variant: its scenario (scenarioForVariant) */
  scenarios: Scenario[];
  common: IndependentPart;
  varying: IndependentPart;
  /** stock points in each chunk, for the figures */
  commonPoints: number;
  varyingPoints: number;
}

/** The sharing plan of `scenario`'s variants, or null when it does not apply (see above). */
export function planSharing(scenario: Scenario): SharingPlan | null {
  const variants = variantsOf(scenario);
  if (variants.length < 2) return null;
  const set = JSON.stringify(variants[0].set);
  if (variants.some((variant) => JSON.stringify(variant.set) !== set)) return null;
  const scenarios = variants.map((variant) => scenarioForVariant(scenario, variant));
  const parts = independentParts(scenarios[0]);
  if (parts.length < 2 || !canRunApart(scenarios[0], parts)) return null;
  const policies = variants.map((variant, v) => planStockPoints(scenarios[v], variant).map((plan) => JSON.stringify(plan.policy)));
  const common: IndependentPart[] = [];
  const varying: IndependentPart[] = [];
  for (const part of parts) {
    const same = part.stockPoints.every((point) => policies.every((own) => own[point] === policies[0][point]));
    (same ? common : varying).push(part);
  }
  if (common.length === 0 || varying.length === 0) return null;
  const joinedCommon = joinParts(common);
  const joinedVarying = joinParts(varying);
  return { scenarios, common: joinedCommon, varying: joinedVarying, commonPoints: joinedCommon.stockPoints.length, varyingPoints: joinedVarying.stockPoints.length };
}

/**
 * Replication `replication` of the given variants, sharing the common chunk's run: the same results,
 * byte for byte, as runReplication of each variant (in the order given).
 */
export function runVariantsSharing(
  scenario: Scenario,
  sharing: SharingPlan | null,
  replication: number,
  variantIndexes: readonly number[],
  options: RunOptions = {},
  /** called after each variant with how many are done */
  onVariantDone?: (done: number) => void,
): RunResult[] {
  if (sharing === null) {
    return variantIndexes.map((v, k) => {
      const result = runReplication(scenario, v, replication, options);
      onVariantDone?.(k + 1);
      return result;
    });
  }
  const planOf = (v: number): PartPlan => ({ scenario: sharing.scenarios[v], parts: [sharing.common, sharing.varying], apart: true });
  const series = options.series ?? true;
  const common = runPart(scenario, variantIndexes[0], replication, 0, planOf(variantIndexes[0]), { series });
  return variantIndexes.map((v, k) => {
    const plan = planOf(v);
    const varying = runPart(scenario, v, replication, 1, plan, { series });
    const result = mergeParts(scenario, v, plan, [common, varying], options);
    onVariantDone?.(k + 1);
    return result;
  });
}
