import { beforeAll, describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { variantsOf } from '../../src/model/build.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

/**
 * scenarios/classroom/beer-game.json against the published figures of the Beer Game and an
 * independent transcription of the board game's equations.
 *
 * Sources, and what could not be found:
 * - The game (four stages, 2-week order and shipping delays, the factory's 1-week production request
 *   and 2-week brewing, 12 cases on hand and 4 a week in every pipeline at the start, customer demand
 *   4 for 4 weeks then 8, whole cases, 0.50 per case on hand and 1.00 per case of backlog per week,
 *   36 weeks, the first 4 weeks' orders at 4): Sterman, J. D. (1989), "Modeling managerial behavior:
 *   misperceptions of feedback in a dynamic decision making experiment", Management Science
 *   35(3):321–339, as reconstructed equation by equation by Edali, M. & Yasarcan, H. (2014), "A
 *   mathematical model of the Beer Game", JASSS 17(4):2 (doi:10.18564/jasss.2555), whose abstract says
 *   their code "can produce the exact same benchmark cost values reported by Sterman (1989)".
 * - Sterman's benchmark rule and its cost, 204 for the team: Edali & Yasarcan (2014, section 5, as
 *   quoted by the public port of their R code in NimaMan/invman, rust/src/problems/
 *   decentralized_inventory_control/literature/references.rs) give the benchmark as theta 0,
 *   alpha_S 1, beta 1, S' 28 (20 at the factory), and that port computes 46, 50, 54 and 54 for the
 *   retailer, wholesaler, distributor and factory, 204 in all. We could not read Sterman's paper or
 *   Edali & Yasarcan's section 5 ourselves (only their abstracts): 204 is the published total as these
 *   sources give it; the per-stage split is the port's, checked here by our own transcription.
 * - Sterman's mean estimates (theta 0.36, alpha_S 0.26, beta 0.34, S' 17): see
 *   src/model/policies/anchorAndAdjust.ts (secondary sources quoting the paper's table of estimates).
 *   The cost they give in this deterministic game (2694) is not a published figure: it is checked
 *   against our transcription only.
 * - The average team cost of Sterman's players (often quoted as about ten times the benchmark) and a
 *   parameter "Q" of the estimates: not found in any source we could read; not asserted here.
 */

const SCENARIO = 'scenarios/classroom/beer-game.json';
const STAGES = ['retailer', 'wholesaler', 'distributor', 'factory'] as const;

interface Rule {
  smoothing: number;
  order(stage: number, expected: number, effectiveStock: number, supplyLine: number, incoming: number): number;
}

/**
 * The board game week by week, after Edali & Yasarcan's (2014) equations (as the port above carries
 * them), written again here from the game's rules, independently of the engine: each week, (1) what
 * the shipping delays deliver arrives, (2) each stage ships min(stock, backlog + incoming order), (3)
 * its cost is 0.5 per case on hand + 1 per case of backlog, (4) order slips move one box and each
 * stage orders (4 for the first 4 weeks, then its rule, rounded half up and never negative).
 */
function boardGame(rule: Rule, weeks = 36): { costs: number[]; orders: number[][]; incoming: number[][] } {
  const demand = (week: number) => (week < 4 ? 4 : 8);
  const onHand = [12, 12, 12, 12];
  const backlog = [0, 0, 0, 0];
  // shipments: [arriving next week, the week after] to each stage (the factory's: brewing)
  const shipping = [
    [4, 4],
    [4, 4],
    [4, 4],
    [4, 4],
  ];
  // order slips on their way to stages 1..3 (the wholesaler, distributor, factory): [seen this week, next week]
  const slips = [
    [0, 0],
    [4, 4],
    [4, 4],
    [4, 4],
  ];
  // the factory's production request, brewing from next week
  let request = 4;
  const expected = [4, 4, 4, 4];
  const costs = [0, 0, 0, 0];
  const orders: number[][] = [[], [], [], []];
  const incoming: number[][] = [[], [], [], []];
  for (let week = 0; week < weeks; week++) {
    // (1) receive
    for (let k = 0; k < 4; k++) onHand[k] += shipping[k].shift()!;
    // the factory's request of last week starts brewing (arrives in 2 weeks); the others' shipments are pushed in (2)
    shipping[3].push(request);
    // (2) ship what each stage is asked for, itself and its backlog
    const asked = [demand(week), slips[1][0], slips[2][0], slips[3][0]];
    for (let k = 0; k < 4; k++) {
      const shipped = Math.min(onHand[k], backlog[k] + asked[k]);
      onHand[k] -= shipped;
      backlog[k] += asked[k] - shipped;
      if (k > 0) shipping[k - 1].push(shipped);
      incoming[k].push(asked[k]);
    }
    // (3) cost of the week
    for (let k = 0; k < 4; k++) costs[k] += 0.5 * onHand[k] + backlog[k];
    // (4) slips move, then each stage orders
    for (let k = 1; k < 4; k++) slips[k].shift();
    for (let k = 0; k < 4; k++) {
      expected[k] = rule.smoothing * asked[k] + (1 - rule.smoothing) * expected[k];
      // the supply line: slips on their way up, the backlog upstream, shipments on their way down
      const supplyLine = k < 3 ? slips[k + 1][0] + backlog[k + 1] + shipping[k][0] + shipping[k][1] : shipping[3][0] + shipping[3][1];
      const raw = week < 4 ? 4 : rule.order(k, expected[k], onHand[k] - backlog[k], supplyLine, asked[k]);
      const order = raw <= 0 ? 0 : Math.floor(raw + 0.5);
      orders[k].push(order);
      if (k < 3) slips[k + 1].push(order);
      else request = order;
    }
  }
  return { costs, orders, incoming };
}

const anchorAndAdjust = (smoothing: number, stockAdjustment: number, supplyLineWeight: number, desiredStock: (stage: number) => number): Rule => ({
  smoothing,
  order: (stage, expected, stock, supplyLine) => expected + stockAdjustment * (desiredStock(stage) - stock - supplyLineWeight * supplyLine),
});
const BENCHMARK = anchorAndAdjust(0, 1, 1, (stage) => (stage === 3 ? 28 - 8 : 28));
const PLAYERS = anchorAndAdjust(0.36, 0.26, 0.34, () => 17);
const PASS_THROUGH: Rule = { smoothing: 0, order: (_stage, _expected, _stock, _supplyLine, incoming) => incoming };

/** Variance of xs (n - 1), as the bullwhip ratio takes it (the ratio does not depend on which). */
function variance(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
}

describe('the Beer Game (Sterman 1989) in the engine', () => {
  let scenario: Scenario;
  const runs = new Map<string, RunResult>();
  const cost = (variant: string, stage?: number) => {
    const run = runs.get(variant)!;
    return stage === undefined ? run.network.kpis.totalCost : run.stockPoints.find((point) => point.node === STAGES[stage])!.kpis.totalCost;
  };
  beforeAll(() => {
    const loaded = loadScenarioFile(SCENARIO);
    if (!loaded.ok) throw new Error(`${SCENARIO}: ${loaded.issues[0].path}: ${loaded.issues[0].message}`);
    scenario = loaded.scenario;
    variantsOf(scenario).forEach((variant, index) => runs.set(variant.id, runReplication(scenario, index, 0)));
  });

  it("Sterman's benchmark rule costs the team 204, the benchmark Sterman (1989) reports (via Edali & Yasarcan 2014)", () => {
    expect(cost('benchmark')).toBeCloseTo(204, 9);
    // 46, 50, 54, 54: the port of Edali & Yasarcan's code (see above), and our transcription
    expect(STAGES.map((_, stage) => cost('benchmark', stage))).toEqual(STAGES.map((_, stage) => expect.closeTo([46, 50, 54, 54][stage], 9)));
    expect(boardGame(BENCHMARK).costs).toEqual([46, 50, 54, 54]);
  });

  it('pass-through costs 792, worked by hand', () => {
    // Every stage orders each week what it was asked for. Customers ask 8 from week 5; the retailer's 8
    // reaches the wholesaler in week 7 (2 weeks of slips), the distributor's in week 9, the factory's in
    // week 11, and the factory's request brews from week 12: each stage's asks rise 2 weeks after the
    // one below, and what it receives rises 4 weeks after its own asks (2 weeks of slips, 2 of transit
    // behind a supplier who has been shipping 4), except the factory's, 3 weeks (1 of request, 2 of brewing).
    // So the retailer is short 4 a week from week 5 until its receipts reach 8 in week 16 - that is, in
    // stock 12, 12, 12, 12 (weeks 1-4), 8, 4, 0 (weeks 5-7), then backlogs 4 (weeks 8-11: the wholesaler
    // ships its 12 then runs out and owes), 8 (weeks 12-15), 12 (weeks 16-36): the gap of 4 a week for the
    // 3 weeks each stage above was short. Retailer: 0.5 (4 x 12 + 8 + 4) + 4 x 4 + 4 x 8 + 21 x 12 =
    // 30 + 16 + 32 + 252 = 330. Wholesaler: in stock 12 x 6 weeks, 8, 4, then backlog 4 (weeks 10-13)
    // and 8 (weeks 14-36): 0.5 (72 + 12) + 16 + 23 x 8 = 42 + 16 + 184 = 242. Distributor: 12 x 8, 8, 4,
    // backlog 4 (weeks 12-36): 0.5 (96 + 12) + 25 x 4 = 54 + 100 = 154. Factory: 12 x 10, 8, 4, then 0
    // (its brewing catches up with its asks in week 14): 0.5 (120 + 12) = 66. Team: 330 + 242 + 154 + 66 = 792.
    expect(STAGES.map((_, stage) => cost('pass-through', stage))).toEqual([330, 242, 154, 66].map((value) => expect.closeTo(value, 9)));
    expect(cost('pass-through')).toBeCloseTo(792, 9);
    expect(boardGame(PASS_THROUGH).costs).toEqual([330, 242, 154, 66]);
  });

  it("Sterman's mean estimates cost what the board game's equations give (2694: not a published figure)", () => {
    const transcribed = boardGame(PLAYERS).costs;
    expect(transcribed).toEqual([299, 695, 962.5, 737.5]);
    expect(STAGES.map((_, stage) => cost('players', stage))).toEqual(transcribed.map((value) => expect.closeTo(value, 9)));
    expect(cost('players')).toBeCloseTo(2694, 9);
  });

  it('measures the bullwhip per week: orders placed per week over orders received per week, as the board game counts them', () => {
    const game = boardGame(PLAYERS);
    const run = runs.get('players')!;
    STAGES.forEach((stage, k) => {
      const measured = run.stockPoints.find((point) => point.node === stage)!.kpis.bullwhipRatio!;
      expect(measured, stage).toBeCloseTo(variance(game.orders[k]) / variance(game.incoming[k]), 9);
    });
    // the retailer amplifies the step in customer demand about 5.5 times
    expect(run.stockPoints[0].kpis.bullwhipRatio).toBeCloseTo(5.51, 2);
  });

  it('per day, a weekly orderer facing daily demand shows its batching, not amplification (the artefact bullwhipPeriodDays removes)', () => {
    // the same game with customers buying 4/7 then 8/7 of a case every day: per day the retailer's
    // ratio is in the hundreds (orders one day in 7 against demand every day); per week it is about 5
    const daily = structuredClone(scenario);
    const demand = daily.demand[0];
    if (demand.type !== 'history') throw new Error('the Beer Game\'s customer demand is a history');
    demand.series = Array.from({ length: 350 }, (_, day) => (day < 28 ? 4 / 7 : 8 / 7));
    const perDay = runReplication({ ...daily, bullwhipPeriodDays: 1 }, 0, 0).stockPoints[0].kpis.bullwhipRatio!;
    const perWeek = runReplication({ ...daily, bullwhipPeriodDays: 7 }, 0, 0).stockPoints[0].kpis.bullwhipRatio!;
    expect(perDay).toBeGreaterThan(100);
    expect(perWeek).toBeGreaterThan(4);
    expect(perWeek).toBeLessThan(7);
  });

  it('every variant conserves what the game starts with: 12 cases and 16 on their way per stage, 4 fewer at the factory', () => {
    for (const [variant, run] of runs) {
      const pipeline = run.ledgers.reduce((sum, ledger) => sum + (ledger.initialInTransit ?? 0), 0);
      expect(pipeline, variant).toBe(variant === 'fast-brewery' ? 3 * 8 + 4 : 4 * 8);
    }
  });
});
