import { KPI_NAMES } from '../metrics/kpis.ts';

/** The scenario format's version (src/scenario/schema.ts). */
export const SCENARIO_VERSION = 1;

/** Longest id: long enough for any SKU or site code, short enough to quote in a message. */
export const MAX_ID_LENGTH = 200;

/**
 * The schema's own rules (src/scenario/schema.ts), each with its English message, as the CLI prints
 * it. A problem with one of them carries its name (IssueDetail `rule`), so the web words it in the
 * page's language (web/i18n/fr/sentences.ts) without matching English text.
 */
export const RULES = {
  finite: 'expected a finite number',
  positive: 'expected a positive number',
  nonNegative: 'expected a number >= 0',
  probability: 'expected a probability in [0, 1]',
  wholeNumber: 'expected a whole number',
  idTooLong: `expected an id of at most ${MAX_ID_LENGTH} characters`,
  notAnId: 'expected an id: letters, digits, _ . : - (no spaces), starting with a letter or digit',
  laneIdTooLong: `expected a lane id of at most ${2 * MAX_ID_LENGTH + 2} characters`,
  notALaneId: 'expected a lane id: the lane\'s own id, or "from->to"',
  atLeastOneId: 'expected at least one id',
  maxAboveMin: 'expected max > min',
  maxAtLeastMin: 'expected max >= min',
  overDispersed: 'expected sd^2 > mean (a negative binomial is over-dispersed; use poisson when sd^2 = mean)',
  triangularOrder: 'expected min <= mode <= max and min < max',
  atLeastOneValue: 'expected at least one value',
  weightsPerValue: 'expected as many weights as values',
  positiveWeight: 'expected at least one positive weight',
  probabilityAboveZero: 'expected a probability > 0 (with 0 nothing is ever drawn: leave the demand out)',
  endAfterStart: 'expected end > start',
  discount: 'expected a discount in (0, 1]',
  wholeNumberAtLeastOne: 'expected a whole number >= 1',
  orderUpToAboveReorderPoint: 'expected orderUpTo > reorderPoint',
  levelBetween: 'expected a level strictly between 0 and 1',
  atLeastOnePeriod: 'expected at least 1 period',
  alpha: 'expected alpha in (0, 1]',
  atLeastOneOrder: 'expected at least one order',
  atLeastOneThingToTry: 'expected at least one thing to try',
  notEmptyText: 'expected some text',
  scheduleDaysIncreasing: "expected a day after the previous order's day (orders in increasing order of day)",
  repeatAfterLastOrder: "expected repeatEveryDays greater than the days from the first order to the last (each cycle holds every order once)",
  wholeDaysAtLeastOne: 'expected a whole number of days >= 1',
  weeklyMultipliers: 'expected 7 weekly multipliers, Monday first',
  yearlyMultipliers: 'expected 12 monthly multipliers, January first',
  atLeastOneDay: 'expected at least one day of history',
  ordersPerDayOrHistory: 'expected either ordersPerDay (a distribution of daily order counts) or history (order counts per day), not both',
  skuWithLocation: 'expected "sku" with "location" (a location picks rows of a long file, by SKU)',
  atLeastOneCustomer: 'expected at least 1 customer',
  fraction: 'expected a fraction in (0, 1]',
  atLeastOneWarehouse: 'expected at least one warehouse',
  receivedToAfterFrom: 'expected receivedTo > receivedFrom',
  announcedAfterReceived: 'expected announcedOn >= receivedTo (a recall covers lots already received)',
  jsonPointer: 'expected a JSON pointer such as "/stockPoints/0/issuing"',
  overrideValue: 'expected the value to put at the path',
  version: `expected version ${SCENARIO_VERSION}`,
  kpiName: `expected a KPI name (${KPI_NAMES.join(', ')})`,
  atLeastOneKpi: 'expected at least one KPI',
  atMostSixKpis: 'expected at most 6 KPIs (the cards show them side by side)',
  eachKpiOnce: 'expected each KPI once',
  currencyLength: 'expected a currency of at most 12 characters (a code or symbol: EUR, €, USD)',
  atLeastOneReplication: 'expected at least 1 replication',
  seedLength: 'expected a seed of at most 200 characters',
  atLeastOneProduct: 'expected at least one product',
  atLeastOneNode: 'expected at least one node',
  atLeastOneStockPoint: 'expected at least one stock point',
  atMostThirtyRecalls: 'expected at most 30 recalls',
} as const;

export type SchemaRule = keyof typeof RULES;

/** A rule's name from its message, for the issues zod reports with the message alone. */
export const RULE_OF_MESSAGE: ReadonlyMap<string, SchemaRule> = new Map((Object.entries(RULES) as [SchemaRule, string][]).map(([rule, message]) => [message, rule]));
