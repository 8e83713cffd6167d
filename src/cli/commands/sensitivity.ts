import { availableParallelism } from 'node:os';
import { variantsOf } from '../../model/build.ts';
import { DEFAULT_SENSITIVITY_KPI, perturb, SENSITIVITY_INPUTS, tornado, variantAlone } from '../../experiment/sensitivity.ts';
import type { KpiName } from '../../metrics/kpis.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { positiveNumber, type OptionSpec } from '../args.ts';
import { onBackend } from '../backend.ts';
import { formatTornado } from '../formatTornado.ts';
import { tornadoJson } from '../../experiment/analysisExports.ts';
import { argumentError, commandArgs, err, EXIT, kpiList, loadForCommand, out, threadSettings, RUN_OPTIONS } from '../commandKit.ts';

const SENSITIVITY_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  by: { read: positiveNumber, placeholder: 'PERCENT' },
  kpi: { read: (text) => kpiList(text), placeholder: 'KPI' },
  variant: { read: (text) => text, placeholder: 'ID' },
};

export async function sensitivityCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('sensitivity', argv, SENSITIVITY_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const loaded = loadForCommand(args.file, args.options);
  if (!loaded) return EXIT.usage;
  const percent = (args.options.get('by') as number | undefined) ?? 20;
  if (percent >= 100) return argumentError('sensitivity: --by must be under 100 (an input cannot fall by 100% or more)');
  const kpi = ((args.options.get('kpi') as KpiName[] | undefined) ?? [DEFAULT_SENSITIVITY_KPI])[0];
  const variantId = args.options.get('variant') as string | undefined;
  const variants = variantsOf(loaded);
  const variant = variantId === undefined ? variants[0] : variants.find((candidate) => candidate.id === variantId);
  if (!variant) return argumentError(`sensitivity: --variant: no variant "${variantId}" (variants: ${variants.map((v) => v.id).join(', ')})`);
  // one variant only: the analysis is about the inputs, not the policies
  const scenario: Scenario = variantAlone(loaded, variant);
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), scenario.replications);
  const start = performance.now();
  return onBackend(args.options, threadSettings(args.options, workers), 'replications', async (backend, progress) => {
    const runOne = async (candidate: Scenario) => (await backend.experiment(candidate, { series: false, stockPoints: false, onProgress: (done, total) => progress.update(done, total) })).variants[0].network[kpi];
    const baseline = await runOne(scenario);
    const bars = [];
    const skipped: string[] = [];
    for (const input of SENSITIVITY_INPUTS) {
      const low = perturb(scenario, input, 1 - percent / 100);
      const high = perturb(scenario, input, 1 + percent / 100);
      if (!low || !high) {
        skipped.push(`${input} (not in this scenario)`);
        continue;
      }
      const lowChecked = parseScenario(low);
      const highChecked = parseScenario(high);
      if (!lowChecked.ok || !highChecked.ok) {
        skipped.push(`${input} (moved by ${percent}% it is no longer valid: ${(!lowChecked.ok ? lowChecked.issues : !highChecked.ok ? highChecked.issues : [])[0]?.message})`);
        continue;
      }
      progress.clear();
      err(`sensitivity: ${input} -${percent}% and +${percent}%\n`);
      bars.push({ input, low: await runOne(lowChecked.scenario), high: await runOne(highChecked.scenario) });
    }
    progress.clear();
    const sorted = tornado(bars);
    const wallSeconds = (performance.now() - start) / 1000;
    if (args.options.get('json')) out(JSON.stringify(tornadoJson(loaded.name, variant.id, kpi, percent, baseline, sorted, skipped)) + '\n');
    else out(formatTornado(loaded, variant.name ?? variant.id, kpi, percent, baseline, sorted, skipped, wallSeconds));
    return EXIT.ok;
  });
}
