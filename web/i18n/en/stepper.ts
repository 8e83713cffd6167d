import type { Happening } from '../../../src/experiment/stepper.ts';
import { composeDay, unitsOf, type DayPhrases, type StepNames } from '../dayWords.ts';

/**
 * The "Step through" panel's strings in English (web/stepper/stepperPanel.ts), and a stepped day in
 * words (daySentence).
 */
const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const phrases: DayPhrases = {
  day: (day, clauses) => `Day ${n(day)}: ${clauses.join('; ')}.`,
  quiet: (day) => `Day ${n(day)}: nothing happens.`,
  units: n,
  withProduct: unitsOf,
  clause: (place, list) => `${place} ${list.join(', ')}`,
  phrase: {
    sold: (q) => `sells ${q}`,
    short: (q, count, _, leading) =>
      count === null
        ? `is ${q} short`
        : leading
          ? `sees ${n(count)} ${plural(count, 'customer', 'customers')} find the shelf empty (${q} short)`
          : `${n(count)} ${plural(count, 'customer finds', 'customers find')} the shelf empty (${q} short)`,
    lost: (q) => `loses the sale of ${q}`,
    backordered: (q) => `puts ${q} on backorder`,
    left: (_, __, units, leading) => (leading ? `sees ${n(units)} ${plural(units, 'customer', 'customers')} leave for good` : `${n(units)} ${plural(units, 'customer leaves', 'customers leave')} for good`),
    abandoned: (_, __, units, leading) =>
      leading ? `sees ${n(units)} online ${plural(units, 'customer abandon a cart', 'customers abandon their carts')}` : `${n(units)} online ${plural(units, 'customer abandons a cart', 'customers abandon their carts')}`,
    shipped: (q) => `ships ${q}`,
    ordered: (q, count) => (count !== null && count > 1 ? `orders ${q} in ${n(count)} orders` : `orders ${q}`),
    received: (q) => `receives ${q}`,
    expired: (q) => `throws away ${q} past their date`,
    damaged: (q) => `writes off ${q} damaged`,
    obsolete: (q) => `sells off ${q} at salvage value`,
    recalled: (q) => `removes ${q} in a recall`,
    shrunk: (q) => `loses ${q} unrecorded (shrinkage)`,
    returned: (q) => `takes back ${q} from customers`,
  },
  sends: (q, to) => `ships ${q} to ${to}`,
};

/** A stepped day in words: `day` as the page numbers it (the first day is 1). */
export function daySentence(day: number, happenings: readonly Happening[], names: StepNames): string {
  return composeDay(phrases, day, happenings, names);
}

export const stepper = {
  title: 'Step through one replication',
  help:
    'One replication of a variant, day by day, as the run computed it: press Next day or Play to watch stock, orders and receipts move, or go to a day. ' +
    'The numbers at the end are the replication\u2019s own KPIs, the same as the run\u2019s.',
  variant: 'Variant',
  replication: 'Replication',
  open: 'Start',
  restart: 'Back to the start',
  step: 'Next day',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  speedOption: (daysPerSecond: number) => `${n(daysPerSecond)} ${plural(daysPerSecond, 'day', 'days')} a second`,
  goToDay: 'Day',
  go: 'Go to day',
  toEnd: 'To the end',
  cancel: 'Cancel',
  controls: 'Step-through controls',
  notOpen: 'Press Start to open the replication at its first day.',
  beforeStart: (days: number) => `Before day 1 of ${n(days)}: the stock at the start.`,
  dayShown: (day: number, days: number) => `Day ${n(day)} of ${n(days)}`,
  warmup: 'warm-up, not counted in the KPIs',
  over: 'the replication is over',
  running: (day: number, days: number) => `Running\u2026 day ${n(day)} of ${n(days)}`,
  cancelled: 'Stopped: the days shown are those run before.',
  failed: (message: string) => `The replication could not run: ${message}`,
  badDay: (days: number) => `Type a day from 1 to ${n(days)}.`,
  stale: 'The scenario changed since this replication was opened: press Start to open it again.',

  levelsTitle: 'Stock at the end of the day',
  levelsCaption: 'Units at each stock point at the end of the day shown; the bars show on hand and inventory position on one scale per row.',
  point: 'Stock point',
  onHand: 'On hand',
  backorders: 'Backorders',
  position: 'Inventory position',
  pipeline: 'In transit',
  onOrder: 'On order',
  activeCustomers: (place: string, count: number) => `${place}: ${n(count)} active ${plural(count, 'customer', 'customers')}`,

  logTitle: 'What happened, day by day',
  logPoint: 'Stock point',
  allPoints: 'All stock points',
  logKind: 'What',
  kindGroups: {
    all: 'Everything',
    sales: 'Sales and shortages',
    customers: 'Customers lost',
    orders: 'Orders',
    shipments: 'Shipments and receipts',
    losses: 'Expired, damaged, recalled and other losses',
  },
  logEmpty: 'Nothing yet: press Next day or Play.',
  logNoMatch: 'Nothing of this kind on the days run so far.',
  logShowing: (shown: number, total: number) => `The last ${n(shown)} of ${n(total)} days with something of this kind, latest first.`,
  logWarmup: 'warm-up',

  networkTitle: 'Orders and shipments on the network',
  networkHelp: 'Lanes that carried a shipment on the day shown are highlighted, the units shipped over them (and ordered, in the tooltip); a dashed highlight is an order placed that day with nothing shipped yet. Under a place, the units it received that day.',
  networkNeedsRun: 'The network appears once the scenario has been run.',
  laneShipped: (units: string) => `${units} shipped`,
  laneOrdered: (units: string) => `${units} ordered`,
  nodeReceived: (units: string) => `${units} received`,
  laneFlow: (shipped: string, ordered: string) => `shipped ${shipped} · ordered ${ordered}`,

  endTitle: 'At the end of the replication',
  endKpi: 'KPI',
  endStepped: 'Stepped through',
  endRun: (replication: number) => `The run, replication ${n(replication)}`,
  endSame: 'The same numbers as the run.',
  endDiffers: 'These differ from the run on the dashboard: it was run on another version of the scenario.',
  endNoRun: (replication: number) => `The dashboard keeps replication 1 of each variant in full; replication ${n(replication)} is the replication's own.`,
};
