import { EXIT, out, usageError } from './output.ts';
import { USAGE } from './usage.ts';

export { EXIT } from './output.ts';
export { USAGE } from './usage.ts';

type Command = (argv: ReadonlyArray<string>) => number | Promise<number>;

/**
 * The commands, each in its own file under commands/, imported when it runs: `stocklab --help` (and
 * a mistyped command) answers without loading the engine.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  compare: async () => (await import('./commands/compare.ts')).compareCommand,
  sweep: async () => (await import('./commands/sweep.ts')).sweepCommand,
  optimize: async () => (await import('./commands/optimize.ts')).optimizeCommand,
  recommend: async () => (await import('./commands/recommend.ts')).recommendCommand,
  sensitivity: async () => (await import('./commands/sensitivity.ts')).sensitivityCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  worker: async () => (await import('./commands/worker.ts')).workerCommand,
};

/** The CLI: runs the command in `argv` (without node and script) and resolves to the exit status. */
export async function main(argv: ReadonlyArray<string>): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return EXIT.ok;
  }
  if (command === undefined) return usageError('expected a command');
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) return usageError(`unknown command "${command}"`);
  return (await load())(rest);
}
