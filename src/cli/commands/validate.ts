import { variantsOf } from '../../model/build.ts';
import { idsOf } from '../../scenario/references.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { OptionSpec } from '../args.ts';
import { loadScenario } from '../loadScenario.ts';
import { commandArgs, err, EXIT, out } from '../commandKit.ts';
import { ALLOW_LARGE, refusedAsTooLarge } from '../runBudgetCheck.ts';
import { theoryOf } from '../../experiment/theory.ts';

const VALIDATE_OPTIONS: Record<string, OptionSpec> = { [ALLOW_LARGE]: { boolean: true }, 'allow-files-outside': { boolean: true }, help: { boolean: true } };

export function validateCommand(argv: ReadonlyArray<string>): number {
  const args = commandArgs('validate', argv, VALIDATE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const loaded = loadScenario(args.file, {}, { allowFilesOutside: args.options.get('allow-files-outside') === true });
  if (!loaded.ok) {
    err(loaded.lines.join('\n') + '\n');
    return EXIT.usage;
  }
  // a run this machine cannot hold or finish is a problem of the file too, at the field behind it
  if (refusedAsTooLarge(args.file, loaded.scenario, args.options)) return EXIT.usage;
  const points = countStockPoints(loaded.scenario);
  const variants = variantsOf(loaded.scenario).length;
  out(`${args.file}: valid (${points} stock ${points === 1 ? 'point' : 'points'}, ${variants} ${variants === 1 ? 'variant' : 'variants'})\n`);
  // a closed form out of its computable range does not make the file invalid, but says so
  const theory = theoryOf(loaded.scenario);
  for (const variant of theory?.ok ? theory.variants : []) {
    if (variant.outsideRange !== null) out(`${args.file}: note: theory for variant "${variant.variant}": ${variant.outsideRange}\n`);
  }
  return EXIT.ok;
}

function countStockPoints(scenario: Scenario): number {
  return scenario.stockPoints.reduce((sum, entry) => sum + idsOf(entry.node).length * idsOf(entry.product).length, 0);
}
