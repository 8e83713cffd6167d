import type { ImportRequestOptions } from '../../src/worker/api.ts';

/**
 * The wizard's options, as typed in its form, to the import's options: the same as `stocklab import`'s
 * flags (src/cli/commands/import.ts) and checked the same way, each problem named by its field. An
 * empty field takes the CLI's default, which the form shows as its placeholder.
 */
export interface OptionFields {
  negatives: 'ignore' | 'net' | 'returns';
  demand: 'fit' | 'replay';
  unmet: 'lost' | 'backorder';
  /** rows to add up per day, or one per day; auto: as the file's times or invoice column say */
  rows: 'auto' | 'daily' | 'transactions';
  keepDuplicates: boolean;
  /** the location of every row when the file has none */
  location: string;
  leadTime: string;
  /** the cycle service target in percent */
  service: string;
  holdingRate: string;
  costShare: string;
  name: string;
}

/** The CLI's defaults (src/import/buildScenario.ts, demandHistory.ts), shown in the form. */
export const DEFAULTS = { location: 'store', leadTime: 7, service: 95, holdingRate: 0.25, costShare: 0.6 } as const;

export type OptionField = 'location' | 'leadTime' | 'service' | 'holdingRate' | 'costShare' | 'name';
export type OptionProblem = 'positive' | 'percent' | 'rate' | 'share' | 'id';

export type ReadOptions = { ok: true; options: ImportRequestOptions } | { ok: false; problems: Partial<Record<OptionField, OptionProblem>> };

export function readOptions(fields: OptionFields): ReadOptions {
  const problems: Partial<Record<OptionField, OptionProblem>> = {};
  // a number as a planner types it: a decimal comma is read as a point
  const number = (text: string): number | undefined | null => {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') return undefined;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : null;
  };
  const within = (field: OptionField, text: string, ok: (x: number) => boolean, problem: OptionProblem): number | undefined => {
    const value = number(text);
    if (value === undefined) return undefined;
    if (value === null || !ok(value)) {
      problems[field] = problem;
      return undefined;
    }
    return value;
  };
  const leadTimeDays = within('leadTime', fields.leadTime, (x) => x > 0 && x <= 3650, 'positive');
  const service = within('service', fields.service, (x) => x > 0 && x < 100, 'percent');
  const holdingRate = within('holdingRate', fields.holdingRate, (x) => x > 0 && x < 10, 'rate');
  const costShare = within('costShare', fields.costShare, (x) => x > 0 && x < 1, 'share');
  const location = fields.location.trim();
  // a location becomes a node id: it must give one (letters or digits somewhere)
  if (location !== '' && !/[A-Za-z0-9]/.test(location)) problems.location = 'id';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const name = fields.name.trim();
  return {
    ok: true,
    options: {
      negatives: fields.negatives,
      demand: fields.demand,
      unmetDemand: fields.unmet,
      keepDuplicates: fields.keepDuplicates,
      ...(fields.rows !== 'auto' ? { rows: fields.rows } : {}),
      ...(location !== '' ? { location } : {}),
      ...(leadTimeDays !== undefined ? { leadTimeDays } : {}),
      ...(service !== undefined ? { serviceTarget: service / 100 } : {}),
      ...(holdingRate !== undefined ? { holdingRate } : {}),
      ...(costShare !== undefined ? { costShare } : {}),
      ...(name !== '' ? { name } : {}),
    },
  };
}
