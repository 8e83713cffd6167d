// Runs a scenario from a script with Stocklab's library API (README, "Use it from a script"):
//   npm install stocklab
//   node run-scenario.mjs node_modules/stocklab/scenarios/04-coffee-brand.json
// test/scripts/pack.test.ts runs this file against the packed package, so it stays runnable.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compareVariants, formatIssues, parseScenarioText } from 'stocklab';
import { runExperimentOnThreads, startThreadPool } from 'stocklab/worker';

const file = process.argv[2] ?? 'node_modules/stocklab/scenarios/04-coffee-brand.json';
// a scenario may name CSV files (demand histories), read relative to it
const parsed = parseScenarioText(readFileSync(file, 'utf8'), { readFile: (path) => readFileSync(resolve(dirname(file), path), 'utf8') });
if (!parsed.ok) {
  console.error(formatIssues(file, parsed.issues).join('\n'));
  process.exit(2);
}
const scenario = parsed.scenario;

// the replications run on two worker threads; runExperiment(scenario) runs them in this thread
const pool = startThreadPool(2);
try {
  const result = await runExperimentOnThreads(pool, scenario, { replications: 10 });
  const percent = (kpi) => `${(100 * kpi.mean).toFixed(1)}% ± ${(100 * (kpi.halfWidth ?? 0)).toFixed(1)}`;
  for (const variant of result.variants) {
    const { fillRate, totalCost } = variant.network;
    console.log(`${variant.name}: fill rate ${percent(fillRate)}, total cost ${Math.round(totalCost.mean)} ${scenario.currency}`);
  }
  // policy variants compared on common random numbers: one sentence per pair
  if (result.variants.length > 1) {
    const comparisons = compareVariants(result, { windowDays: scenario.horizonDays - scenario.warmupDays, currency: scenario.currency });
    for (const comparison of comparisons) console.log(comparison.sentence);
  }
} finally {
  await pool.terminate();
}
