import type { Happening, HappeningKind } from '../../src/experiment/stepper.ts';

/**
 * A stepped day's happenings (src/experiment/stepper.ts) in words, for the "Step through" log: one
 * sentence a day, a clause per place in the order places first appear, each clause the place's name
 * and what it did, in the order of HAPPENING_KINDS ("Day 12: Brand shop sells 8 beans, 3 customers find
 * the shelf empty (5 short), 1 customer leaves for good; Regional warehouse ships 120 beans."). Each
 * language gives its phrases (web/i18n/{en,fr}/stepper.ts); this puts them together.
 */

/** The names a day's sentence uses, per stock point (in StepperInfo.points order), as the page shows them. */
export interface StepNames {
  points: {
    node: string;
    product: string;
    /** the place its replenishment leaves from (null: none) */
    from: string | null;
    /** that place holds this product as a stock point of its own (its own clause says what it ships) */
    fromHoldsStock: boolean;
  }[];
}

/** A language's phrases: each takes the quantity already written with its product ("8 beans") and counts. */
export interface DayPhrases {
  /** "Day 12: …." */
  day(day: number, clauses: string[]): string;
  /** "Day 12: nothing happens." */
  quiet(day: number): string;
  /** a number of units, fractions written sensibly ("8", "2.5", "1,234") */
  units(quantity: number): string;
  /** "8 beans" or "8 × Whole beans 250 g" */
  withProduct(units: string, product: string): string;
  /** the place's name, then its phrases: "Brand shop sells 8 beans, orders 40 beans" */
  clause(place: string, phrases: string[]): string;
  /**
   * each kind's phrase; `leading`: it comes first in its place's clause, right after the name, so a
   * phrase about customers takes a verb of the place ("Brand shop sees 3 customers find the shelf empty")
   */
  phrase: Record<Exclude<HappeningKind, 'dispatched'>, (quantity: string, count: number | null, units: number, leading: boolean) => string>;
  /** what a place without stock of its own sends: "ships 400 beans to Regional warehouse" */
  sends(quantity: string, to: string): string;
}

/** One day's sentence in a language. `day` is the day as the page numbers it (the first day is 1). */
export function composeDay(phrases: DayPhrases, day: number, happenings: readonly Happening[], names: StepNames): string {
  // clauses by place, in the order places first appear; each place's phrases in the records' order
  const byPlace = new Map<string, string[]>();
  const add = (place: string, text: (leading: boolean) => string) => {
    const list = byPlace.get(place);
    if (list) list.push(text(false));
    else byPlace.set(place, [text(true)]);
  };
  for (const happening of happenings) {
    const point = names.points[happening.point];
    if (!point) continue;
    const quantity = phrases.withProduct(phrases.units(happening.quantity), point.product);
    if (happening.kind === 'dispatched') {
      // shipments from a place holding stock are its own "ships"; a supplier without stock points sends
      if (point.from !== null && !point.fromHoldsStock) add(point.from, () => phrases.sends(quantity, point.node));
      continue;
    }
    const phrase = phrases.phrase[happening.kind];
    add(point.node, (leading) => phrase(quantity, happening.count, happening.quantity, leading));
  }
  if (byPlace.size === 0) return phrases.quiet(day);
  return phrases.day(
    day,
    [...byPlace].map(([place, list]) => phrases.clause(place, list)),
  );
}

/**
 * "8 beans" where the product's name reads as a plural noun (it starts in lower case, as ids do), else
 * "8 × Whole beans 250 g": a name with a capital or a size in it is a label, not a noun to count.
 */
export function unitsOf(units: string, product: string): string {
  return /^\p{Ll}/u.test(product) && !/\d/.test(product) ? `${units} ${product}` : `${units} × ${product}`;
}
