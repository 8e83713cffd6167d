/**
 * The CLI's exit statuses, output and usage errors: all `stocklab --help` needs, so that it prints
 * without loading the engine (the commands are imported when one runs, src/cli/main.ts).
 */
import { USAGE } from './usage.ts';

/** Exit statuses. */
export const EXIT = { ok: 0, internal: 1, usage: 2, interrupted: 130 } as const;

export const out = (text: string) => process.stdout.write(text);
export const err = (text: string) => process.stderr.write(text);

export function usageError(message: string): number {
  err(`stocklab: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

/** A command's bad argument: the problem alone, without the whole usage text. */
export function argumentError(message: string): number {
  err(`stocklab: ${message}\n(stocklab --help shows the usage)\n`);
  return EXIT.usage;
}
