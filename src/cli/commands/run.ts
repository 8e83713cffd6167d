import { availableParallelism } from 'node:os';
import { tasksOf } from '../../experiment/replicate.ts';
import { variantsOf } from '../../model/build.ts';
import { checkTheory, theoryOf } from '../../experiment/theory.ts';
import { runExperimentOnThreads } from '../experimentOnThreads.ts';
import { formatExperiment } from '../format.ts';
import { formatTheory } from '../formatTheory.ts';
import { commandArgs, err, EXIT, loadForCommand, onThreadPool, out, RUN_OPTIONS } from '../commandKit.ts';

export async function runCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('run', argv, RUN_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const scenario = loadForCommand(args.file, args.options);
  if (!scenario) return EXIT.usage;
  const tasks = tasksOf(scenario).length;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasks);
  const variants = variantsOf(scenario).length;
  const start = performance.now();
  return onThreadPool(workers, variants === 1 ? 'replications' : 'runs', async (pool, progress) => {
    const result = await runExperimentOnThreads(pool, scenario, { onProgress: (done, total) => progress.update(done, total) });
    const wallSeconds = (performance.now() - start) / 1000;
    progress.clear();
    const theory = theoryOf(scenario);
    const checks = theory?.ok ? checkTheory(theory, result, scenario.horizonDays - scenario.warmupDays) : null;
    if (args.options.get('json')) {
      const withTheory = theory?.ok ? { ...result, theory: { model: theory.model, source: theory.source, checks, facts: theory.variants.map(({ variant, facts }) => ({ variant, facts })) } } : result;
      out(JSON.stringify(withTheory) + '\n');
    } else {
      out(formatExperiment(result, { wallSeconds, workers, currency: scenario.currency }));
      if (theory?.ok && checks) out(formatTheory(theory, checks, result));
    }
    // warnings go to stderr in both modes, so --json output stays one JSON document
    for (const warning of result.warnings) err(`${args.file}: warning: ${warning}\n`);
    return EXIT.ok;
  });
}
