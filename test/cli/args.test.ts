import { describe, expect, it } from 'vitest';
import { parseArgs, positiveNumber, seedValue, wholeNumberAtLeast, type OptionSpec } from '../../src/cli/args.ts';

const spec: Record<string, OptionSpec> = {
  replications: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  seed: { read: seedValue, placeholder: 'S' },
  days: { read: positiveNumber, placeholder: 'D' },
  json: { boolean: true },
  help: { boolean: true },
};

describe('parseArgs', () => {
  it('reads positionals, --name value, --name=value and boolean flags in any order', () => {
    const parsed = parseArgs(['--replications', '5', 'a.json', '--json', '--days=30.5', '--seed', '-3'], spec);
    expect(parsed).toEqual({
      ok: true,
      positionals: ['a.json'],
      options: new Map<string, unknown>([
        ['replications', 5],
        ['json', true],
        ['days', 30.5],
        ['seed', -3],
      ]),
    });
  });

  it('keeps a seed that is not a whole number as a string', () => {
    expect(parseArgs(['--seed', 'spring-2025'], spec)).toMatchObject({ ok: true, options: new Map([['seed', 'spring-2025']]) });
  });

  it('treats -h as --help and everything after -- as positionals', () => {
    expect(parseArgs(['-h', '--', '--json'], spec)).toMatchObject({ ok: true, positionals: ['--json'], options: new Map([['help', true]]) });
  });

  it('names the option, the value and what was expected when a value is bad', () => {
    const error = (argv: string[]) => {
      const parsed = parseArgs(argv, spec);
      return parsed.ok ? null : parsed.error;
    };
    expect(error(['--replications', '2.5'])).toBe('--replications: expected a whole number >= 1, got "2.5"');
    expect(error(['--replications', '0'])).toBe('--replications: expected a whole number >= 1, got "0"');
    expect(error(['--days', 'soon'])).toBe('--days: expected a number > 0, got "soon"');
    expect(error(['--days', 'Infinity'])).toBe('--days: expected a number > 0, got "Infinity"');
    expect(error(['--seed', ''])).toBe('--seed: expected a non-empty seed, got ""');
    expect(error(['--days'])).toBe('--days expects a value (--days D)');
    expect(error(['--days', '--json'])).toBe('--days expects a value (--days D)');
    expect(error(['--json=yes'])).toBe('--json takes no value, got "yes"');
    expect(error(['--days', '3', '--days', '4'])).toBe('--days is given twice');
    expect(error(['--quiet'])).toBe('unknown option --quiet (known: --replications, --seed, --days, --json, --help)');
    expect(error(['-q'])).toBe('unknown option -q (known: --replications, --seed, --days, --json, --help)');
  });
});
