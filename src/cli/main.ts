import { EXIT, out, usageError } from './commandKit.ts';
import { USAGE } from './usage.ts';
import { runCommand } from './commands/run.ts';
import { validateCommand } from './commands/validate.ts';
import { compareCommand } from './commands/compare.ts';
import { sweepCommand } from './commands/sweep.ts';
import { optimizeCommand } from './commands/optimize.ts';
import { recommendCommand } from './commands/recommend.ts';
import { sensitivityCommand } from './commands/sensitivity.ts';
import { importCommand } from './commands/import.ts';

export { EXIT } from './commandKit.ts';
export { USAGE } from './usage.ts';

/** The commands, each in its own file under commands/. */
const COMMANDS: Record<string, (argv: ReadonlyArray<string>) => number | Promise<number>> = {
  run: runCommand,
  validate: validateCommand,
  compare: compareCommand,
  sweep: sweepCommand,
  optimize: optimizeCommand,
  recommend: recommendCommand,
  sensitivity: sensitivityCommand,
  import: importCommand,
};

/** The CLI: runs the command in `argv` (without node and script) and resolves to the exit status. */
export async function main(argv: ReadonlyArray<string>): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return EXIT.ok;
  }
  if (command === undefined) return usageError('expected a command');
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) return usageError(`unknown command "${command}"`);
  return handler(rest);
}
