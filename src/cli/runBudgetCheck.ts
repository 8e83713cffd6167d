import type { Scenario } from '../scenario/schema.ts';
import { checkRunBudget, QUEUE_TIME_LIMIT_SECONDS, type BudgetOptions } from '../experiment/runBudget.ts';
import { formatIssues } from '../scenario/parse.ts';

/** The option every command that runs or validates a scenario takes to go beyond the run budget. */
export const ALLOW_LARGE = 'allow-large';

/**
 * Prints, as `file: path: message` lines on stderr, why the scenario's run is refused as too large
 * for this machine (src/experiment/runBudget.ts), and returns true; returns false when it fits or
 * the command line says `--allow-large`. `budget` gives what the command runs besides the scenario's
 * own settings (a sweep's grid is its variants; a precision run's cap its replications). On the queue
 * (--redis) the time allowed is the fleet's, QUEUE_TIME_LIMIT_SECONDS; the memory is still this
 * machine's, which merges the results.
 */
export function refusedAsTooLarge(file: string, scenario: Scenario, options: Map<string, unknown>, budget: BudgetOptions = {}): boolean {
  const onQueue = options.has('redis');
  const issues = checkRunBudget(scenario, {
    ...budget,
    allowLarge: options.get(ALLOW_LARGE) === true,
    beyond: `pass --${ALLOW_LARGE} if this machine can`,
    ...(onQueue ? { timeLimitSeconds: QUEUE_TIME_LIMIT_SECONDS, beyondTime: `pass --${ALLOW_LARGE} if your workers can` } : {}),
  });
  if (issues.length === 0) return false;
  process.stderr.write(formatIssues(file, issues).join('\n') + '\n');
  return true;
}
