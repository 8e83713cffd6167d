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
  /** every store supplied by this warehouse (--warehouse), unless the locations file says otherwise */
  warehouse: string;
  /** days from a warehouse to a store where the locations file gives none (--transfer-days) */
  transferDays: string;
  /** the scenario's own settings (--currency --days --replications --seed) */
  currency: string;
  horizonDays: string;
  replications: string;
  seed: string;
}

/** The CLI's defaults (src/import/buildScenario.ts, demandHistory.ts), shown in the form. */
export const DEFAULTS = { location: 'store', leadTime: 7, service: 95, holdingRate: 0.25, costShare: 0.6, transferDays: 1, currency: 'EUR', horizonDays: 365, replications: 20, seed: 'import' } as const;

/** Bounds the scenario schema does not set but the page needs: the share link's cap on replications, a century of days. */
export const MAX_REPLICATIONS = 100_000;
export const MAX_HORIZON_DAYS = 36_500;

export type OptionField = 'location' | 'leadTime' | 'service' | 'holdingRate' | 'costShare' | 'name' | 'warehouse' | 'transferDays' | 'currency' | 'horizonDays' | 'replications' | 'seed';
export type OptionProblem = 'positive' | 'percent' | 'rate' | 'share' | 'id' | 'currency' | 'horizon' | 'replications' | 'seed';

// control characters are refused in the scenario's labels (src/scenario/schema.ts): said here, at the field
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

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
  const transferDays = within('transferDays', fields.transferDays, (x) => x > 0 && x <= 3650, 'positive');
  const horizonDays = within('horizonDays', fields.horizonDays, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_HORIZON_DAYS, 'horizon');
  const replications = within('replications', fields.replications, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_REPLICATIONS, 'replications');
  const location = fields.location.trim();
  // a location or a warehouse becomes a node id: it must give one (letters or digits somewhere)
  if (location !== '' && !/[A-Za-z0-9]/.test(location)) problems.location = 'id';
  const warehouse = fields.warehouse.trim();
  if (warehouse !== '' && !/[A-Za-z0-9]/.test(warehouse)) problems.warehouse = 'id';
  // the schema's limits on a currency (a code or a symbol) and a seed
  const currency = fields.currency.trim();
  if (currency.length > 12 || CONTROL.test(currency)) problems.currency = 'currency';
  const seed = readSeed(fields.seed);
  if (seed === null) problems.seed = 'seed';
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
      ...(warehouse !== '' ? { warehouse } : {}),
      ...(transferDays !== undefined ? { transferDays } : {}),
      ...(currency !== '' ? { currency } : {}),
      ...(horizonDays !== undefined ? { horizonDays } : {}),
      ...(replications !== undefined ? { replications } : {}),
      ...(typeof seed === 'string' ? { seed } : {}),
    },
  };
}

/**
 * A seed as `--seed` reads it (src/cli/args.ts seedValue), kept as text as the import keeps it
 * (`seed: String(...)`): a whole number or any text up to the schema's 200 characters. Empty: the
 * default; null: not a seed (a whole number beyond the safe integers would not replay the same run).
 */
function readSeed(text: string): string | undefined | null {
  const seed = text.trim();
  if (seed === '') return undefined;
  if (/^-?\d+$/.test(seed)) return Number.isSafeInteger(Number(seed)) ? String(Number(seed)) : null;
  return seed.length <= 200 && !CONTROL.test(seed) ? seed : null;
}
