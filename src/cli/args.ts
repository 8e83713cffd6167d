/**
 * A small command-line parser: positionals and long options (`--name value`, `--name=value`, and
 * boolean `--name`). Every option is declared with a reader that checks its value, so a bad value
 * is reported once, naming the option, the value and what was expected.
 */

/** Turns an option's text into its value, or returns `{ error }` saying what was expected. */
export type OptionReader<T> = (text: string) => T | { error: string };

export interface OptionSpec {
  /** takes no value (`--json`) */
  boolean?: boolean;
  read?: OptionReader<unknown>;
  /** placeholder shown in messages, e.g. `N` */
  placeholder?: string;
  /** may be given several times; the values come as an array, in order */
  repeatable?: boolean;
}

export type ParsedArgs = { ok: true; positionals: string[]; options: Map<string, unknown> } | { ok: false; error: string };

/** Parses `argv` (without node and script) against the declared options; `-h` is `--help`. */
export function parseArgs(argv: ReadonlyArray<string>, spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, unknown>();
  const known = () => Object.keys(spec).map((name) => `--${name}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) return { ok: false, error: `unknown option ${arg} (known: ${known()})` };
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const option = spec[name];
    if (!option) return { ok: false, error: `unknown option --${name} (known: ${known()})` };
    if (option.boolean) {
      if (equals !== -1) return { ok: false, error: `--${name} takes no value, got "${arg.slice(equals + 1)}"` };
      options.set(name, true);
      continue;
    }
    let text: string;
    if (equals !== -1) text = arg.slice(equals + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) text = argv[++i];
    else return { ok: false, error: `--${name} expects a value (--${name} ${option.placeholder ?? 'VALUE'})` };
    if (options.has(name) && !option.repeatable) return { ok: false, error: `--${name} is given twice` };
    const value = option.read ? option.read(text) : text;
    if (isError(value)) return { ok: false, error: `--${name}: ${value.error}, got "${text}"` };
    options.set(name, option.repeatable ? [...((options.get(name) as unknown[] | undefined) ?? []), value] : value);
  }
  return { ok: true, positionals, options };
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** A whole number >= `min`. */
export function wholeNumberAtLeast(min: number): OptionReader<number> {
  return (text) => {
    const value = /^[+]?\d+$/.test(text.trim()) ? Number(text) : NaN;
    return Number.isSafeInteger(value) && value >= min ? value : { error: `expected a whole number >= ${min}` };
  };
}

/** A finite number > 0. */
export const positiveNumber: OptionReader<number> = (text) => {
  const value = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(value) && value > 0 ? value : { error: 'expected a number > 0' };
};

/** A seed as scenarios write it: a whole number when it looks like one, a non-empty string otherwise. */
export const seedValue: OptionReader<string | number> = (text) => {
  if (text.trim() === '') return { error: 'expected a non-empty seed' };
  if (/^-?\d+$/.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : { error: 'expected a seed that is a safe whole number or a string' };
  }
  return text;
};
