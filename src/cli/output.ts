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

/**
 * A command's end on an error: one whose name is in `sayAlone` is about the scenario or the run, not
 * a bug (an event storm, a job refused by a worker of another version), so its message alone;
 * anything else is an internal error, with its stack. Exit 1 either way.
 */
export function failureExit(error: unknown, sayAlone: readonly string[]): number {
  if (error instanceof Error && sayAlone.includes(error.name)) err(`stocklab: ${error.message}\n`);
  else err(`stocklab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
