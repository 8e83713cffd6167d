/**
 * The serial (Clark–Scarf) system in continuous time with Poisson customer demand: N stages in a
 * line, stage 1 serving customers and stage N supplied by an outside source that never runs short.
 * Stage j receives from stage j + 1 (stage N from the source) after a constant transit time L_j.
 * Every stage follows an echelon base-stock policy, passing each customer demand up the line at once.
 * Unmet demand is backordered at every stage; only the backorders of customers at stage 1 cost b.
 *
 * Holding costs are ECHELON costs h_j >= 0 (the value added at stage j); a unit on hand at stage j
 * costs the installation rate H_j = h_j + ... + h_N per day.
 *
 * References: A. J. Clark & H. Scarf (1960), "Optimal policies for a multi-echelon inventory
 * problem", Management Science 6(4); F. Chen & Y.-S. Zheng (1994), "Lower bounds for multi-echelon
 * stochastic inventory systems", Management Science 40(11), 1426–1443; G. Gallego & P. Zipkin (1999),
 * "Stock positioning and performance estimation in serial production-transportation systems",
 * M&SOM 1(1), 77–88; Zipkin, *Foundations of Inventory Management* (2000), ch. 8 (series systems);
 * K. H. Shang & J.-S. Song (2003), "Newsvendor bounds and heuristic for optimal policies in serial
 * supply chains", Management Science 49(5), 618–638, whose stage numbering (1 = downstream) and
 * statement of the recursion this file follows.
 */
import { convolve, lossAbove, poissonPmf, shortfallBelow } from './discrete.ts';
import { StepBudget } from './range.ts';

export interface SerialStage {
  /** L_j: transit time into stage j from stage j + 1 (stage N: from the outside source) */
  leadTimeDays: number;
  /** h_j: echelon holding cost, the value added at stage j */
  echelonHoldingCostPerUnitPerDay: number;
}

export interface SerialBaseStockParameters {
  demandPerDay: number;
  /** stages[0] is stage 1 (customer-facing), stages[N − 1] is stage N (fed by the outside source) */
  stages: readonly SerialStage[];
  backorderCostPerUnitPerDay: number;
}

export interface SerialStageResult {
  /** S_j, the echelon base-stock level actually in force (see evaluateSerialBaseStock) */
  echelonLevel: number;
  /** s_j = S_j − S_{j−1}, the base stock of stage j's own installation inventory position */
  installationLevel: number;
  /** H_j = h_j + ... + h_N */
  installationHoldingCostPerUnitPerDay: number;
  /** E[I_j], the long-run average on hand at stage j */
  expectedOnHand: number;
  /** E[B_j], the long-run average backorders of stage j to stage j − 1 (stage 1: to customers) */
  expectedBackorders: number;
}

export interface SerialBaseStockResult {
  echelonLevels: number[];
  installationLevels: number[];
  stages: SerialStageResult[];
  /** E[B_1], the customers' average backorders */
  expectedBackorders: number;
  /** the fraction of customer demand met at once from stage 1's shelf, P(I_1 > 0) by PASTA */
  fillRate: number;
  /** Σ_j H_j E[I_j] + b E[B_1]: on-hand holding at installation rates plus backorders, what shelves show */
  costPerDay: number;
  /** Σ_{j<N} H_{j+1} λ L_j: units in transit to stage j are stage j + 1's stock; the same for every policy */
  pipelineHoldingCostPerDay: number;
  /** costPerDay + pipelineHoldingCostPerDay, the cost the Chen–Zheng recursion minimises */
  totalCostPerDay: number;
}

function validate(parameters: SerialBaseStockParameters): void {
  const { demandPerDay, stages, backorderCostPerUnitPerDay } = parameters;
  if (!(demandPerDay > 0 && demandPerDay < Infinity)) {
    throw new RangeError(`demandPerDay must be a finite number > 0, got ${demandPerDay}`);
  }
  if (!Array.isArray(stages) || stages.length === 0) throw new RangeError('stages must list at least one stage');
  stages.forEach((stage, index) => {
    if (!(stage.leadTimeDays >= 0 && stage.leadTimeDays < Infinity)) {
      throw new RangeError(`stages[${index}].leadTimeDays must be a finite number >= 0, got ${stage.leadTimeDays}`);
    }
    const h = stage.echelonHoldingCostPerUnitPerDay;
    if (!(h >= 0 && h < Infinity)) {
      throw new RangeError(`stages[${index}].echelonHoldingCostPerUnitPerDay must be a finite number >= 0, got ${h}`);
    }
  });
  if (!(backorderCostPerUnitPerDay > 0 && backorderCostPerUnitPerDay < Infinity)) {
    throw new RangeError(`backorderCostPerUnitPerDay must be a finite number > 0, got ${backorderCostPerUnitPerDay}`);
  }
}

/** H_j = Σ_{k>=j} h_k for j = 1..N, and H_{N+1} = 0 */
function installationCosts(stages: readonly SerialStage[]): number[] {
  const H = new Array<number>(stages.length + 1).fill(0);
  for (let j = stages.length - 1; j >= 0; j--) H[j] = H[j + 1] + stages[j].echelonHoldingCostPerUnitPerDay;
  return H;
}

/**
 * The exact long-run performance of given echelon base-stock levels (Zipkin 2000, ch. 8; Gallego &
 * Zipkin 1999). With s_j = S_j − S_{j−1} and D_j ~ Poisson(λ L_j), independent:
 *   B_{N+1} = 0,  B_j = (B_{j+1} + D_j − s_j)+,  I_j = (s_j − B_{j+1} − D_j)+,
 * B_{j+1} being the backorders stage j + 1 owes stage j and D_j the demand over stage j's transit time.
 * An echelon level above an upstream one can never be reached (stage j's echelon position cannot
 * exceed what stage j + 1 holds for it), so levels are first replaced by S_j := min_{k>=j} S_k, which
 * is the same policy; the result reports the levels in force.
 */
export function evaluateSerialBaseStock(
  parameters: SerialBaseStockParameters & { echelonLevels: readonly number[] },
): SerialBaseStockResult {
  validate(parameters);
  const { demandPerDay, stages, backorderCostPerUnitPerDay, echelonLevels } = parameters;
  const N = stages.length;
  if (!Array.isArray(echelonLevels) || echelonLevels.length !== N) {
    throw new RangeError(`echelonLevels must hold one level per stage (${N}), got ${echelonLevels?.length}`);
  }
  echelonLevels.forEach((level, index) => {
    if (!Number.isInteger(level)) throw new RangeError(`echelonLevels[${index}] must be an integer, got ${level}`);
  });
  const levels = [...echelonLevels];
  for (let j = N - 2; j >= 0; j--) levels[j] = Math.min(levels[j], levels[j + 1]);
  const installationLevels = levels.map((level, j) => level - (j === 0 ? 0 : levels[j - 1]));
  const H = installationCosts(stages);

  const stageResults = new Array<SerialStageResult>(N);
  let upstreamBackorders = Float64Array.of(1); // B_{N+1} = 0
  let fillRate = 0;
  for (let j = N - 1; j >= 0; j--) {
    const s = installationLevels[j];
    const shortfall = convolve(upstreamBackorders, poissonPmf(demandPerDay * stages[j].leadTimeDays)); // B_{j+1} + D_j
    if (j === 0) for (let k = 0; k < Math.min(s, shortfall.length); k++) fillRate += shortfall[k]; // P(I_1 > 0)
    stageResults[j] = {
      echelonLevel: levels[j],
      installationLevel: s,
      installationHoldingCostPerUnitPerDay: H[j],
      expectedOnHand: shortfallBelow(shortfall, s),
      expectedBackorders: Math.max(0, lossAbove(shortfall, s)),
    };
    // the distribution of B_j = (shortfall − s)+
    const backorders = new Float64Array(Math.max(1, shortfall.length - s));
    for (let k = 0; k < shortfall.length; k++) backorders[Math.max(0, k - s)] += shortfall[k];
    upstreamBackorders = backorders;
  }

  let costPerDay = backorderCostPerUnitPerDay * stageResults[0].expectedBackorders;
  let pipelineHoldingCostPerDay = 0;
  for (let j = 0; j < N; j++) {
    costPerDay += H[j] * stageResults[j].expectedOnHand;
    pipelineHoldingCostPerDay += H[j + 1] * demandPerDay * stages[j].leadTimeDays;
  }
  return {
    echelonLevels: levels,
    installationLevels,
    stages: stageResults,
    expectedBackorders: stageResults[0].expectedBackorders,
    fillRate: Math.min(1, fillRate),
    costPerDay,
    pipelineHoldingCostPerDay,
    totalCostPerDay: costPerDay + pipelineHoldingCostPerDay,
  };
}

/**
 * The Chen–Zheng recursion (Chen & Zheng 1994; Gallego & Zipkin 1999; Shang & Song 2003), with
 * D_j ~ Poisson(λ L_j):
 *   C_0(x) = (b + H_1) x⁻
 *   Ĉ_j(y) = h_j y + C_{j−1}(y),   C̃_j(y) = E[Ĉ_j(y − D_j)],   S_j* = argmin C̃_j,
 *   C_j(x) = C̃_j(min(x, S_j*)),
 * and the optimal total cost per day (pipeline holding included) is C̃_N(S_N*). S_j* is the smallest
 * minimiser; these are the levels before the min_{k>=j} S_k* adjustment.
 */
export function chenZhengRecursion(parameters: SerialBaseStockParameters): {
  echelonLevels: number[];
  totalCostPerDay: number;
} {
  validate(parameters);
  const { demandPerDay, stages, backorderCostPerUnitPerDay: b } = parameters;
  const H1 = installationCosts(stages)[0];
  let downstream = (x: number): number => (b + H1) * Math.max(0, -x); // C_0
  const echelonLevels: number[] = [];
  let totalCostPerDay = 0;
  // every stage's memo misses count, its own and those it causes downstream
  const budget = new StepBudget({ id: 'chenZheng' });
  for (const stage of stages) {
    const h = stage.echelonHoldingCostPerUnitPerDay;
    const mean = demandPerDay * stage.leadTimeDays;
    const table = poissonPmf(mean);
    const previous = downstream;
    const memo = new Map<number, number>();
    const expectedCost = (y: number): number => {
      let value = memo.get(y);
      if (value === undefined) {
        budget.spend(table.length);
        value = h * (y - mean);
        for (let d = 0; d < table.length; d++) value += table[d] * previous(y - d);
        memo.set(y, value);
      }
      return value;
    };
    // C̃_j is convex and, since b > 0, decreasing below 0 (slope h_1 + ... + h_j − b − H_1 < 0), so
    // walk up from 0. With h_j = 0 it turns flat (exactly, the tables being finite) instead of rising.
    let level = 0;
    while (expectedCost(level + 1) < expectedCost(level)) level++;
    echelonLevels.push(level);
    totalCostPerDay = expectedCost(level);
    downstream = (x: number) => expectedCost(Math.min(x, level));
  }
  return { echelonLevels, totalCostPerDay };
}

/**
 * The optimal echelon base-stock levels of the serial system (Chen–Zheng recursion) with their exact
 * performance. `totalCostPerDay` is the recursion's minimum; the evaluation of the levels reproduces it
 * (a test checks this), and `costPerDay` leaves out the policy-independent pipeline holding cost.
 */
export function optimalSerialBaseStock(parameters: SerialBaseStockParameters): SerialBaseStockResult {
  const { echelonLevels } = chenZhengRecursion(parameters);
  return evaluateSerialBaseStock({ ...parameters, echelonLevels });
}
