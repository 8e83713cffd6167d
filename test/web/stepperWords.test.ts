import { describe, expect, it } from 'vitest';
import { daySentence as english } from '../../web/i18n/en/stepper.ts';
import { daySentence as french } from '../../web/i18n/fr/stepper.ts';
import type { Happening } from '../../src/experiment/stepper.ts';
import type { StepNames } from '../../web/i18n/dayWords.ts';
import { Stepper } from '../../src/experiment/stepper.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

/** the coffee brand's names: a roastery (no stock of its own) → the warehouse → the shop */
const names: StepNames = {
  points: [
    { node: 'the shop', product: 'beans', from: 'the warehouse', fromHoldsStock: true },
    { node: 'the warehouse', product: 'beans', from: 'Roastery', fromHoldsStock: false },
    { node: 'the shop', product: 'Ground coffee 250 g', from: 'the warehouse', fromHoldsStock: true },
  ],
};
const h = (point: number, kind: Happening['kind'], quantity: number, count: number | null = null): Happening => ({ point, kind, quantity, count });

const day12: Happening[] = [
  h(0, 'sold', 8),
  h(0, 'short', 3, 3),
  h(0, 'lost', 3),
  h(0, 'left', 1),
  h(0, 'dispatched', 120),
  h(1, 'shipped', 120),
  h(1, 'dispatched', 400),
  h(1, 'ordered', 400, 1),
  h(2, 'received', 2.5),
];

describe('a stepped day in words', () => {
  it('says it in English, place by place, with the products and fractions written sensibly', () => {
    expect(english(12, day12, names)).toBe(
      'Day 12: the shop sells 8 beans, 3 customers find the shelf empty (3 beans short), loses the sale of 3 beans, 1 customer leaves for good, receives 2.5 × Ground coffee 250 g; ' +
        'the warehouse ships 120 beans, orders 400 beans; Roastery ships 400 beans to the warehouse.',
    );
  });

  it('says it in French, with no-break spaces before : and ; and a decimal comma', () => {
    expect(french(12, day12, names)).toBe(
      'Jour 12\u00a0: the shop vend 8 beans, 3 clients trouvent le rayon vide (3 beans manquants), perd la vente de 3 beans, 1 client part pour de bon, reçoit 2,5 × Ground coffee 250 g\u00a0; ' +
        'the warehouse expédie 120 beans, commande 400 beans\u00a0; Roastery expédie 400 beans à the warehouse.',
    );
  });

  it('says a quiet day is quiet, and counts in the singular and plural', () => {
    expect(english(3, [], names)).toBe('Day 3: nothing happens.');
    expect(french(3, [], names)).toBe('Jour 3\u00a0: rien ne se passe.');
    const one = [h(0, 'short', 1, 1), h(0, 'left', 2), h(1, 'ordered', 1234.5, 2), h(0, 'expired', 1)];
    expect(english(1, one, names)).toBe('Day 1: the shop sees 1 customer find the shelf empty (1 beans short), 2 customers leave for good, throws away 1 beans past their date; the warehouse orders 1,234.5 beans in 2 orders.');
    expect(french(1, one, names)).toBe(
      'Jour 1\u00a0: the shop voit 1 client trouver le rayon vide (1 beans manquant), 2 clients partent pour de bon, jette 1 beans périmé\u00a0; the warehouse commande 1\u202f234,5 beans en 2 commandes.',
    );
  });

  it('words every day of a stepped gallery replication in both languages', () => {
    const loaded = loadScenarioFile('scenarios/08-fresh-food-fefo.json');
    if (!loaded.ok) throw new Error('does not parse');
    const stepper = new Stepper({ ...loaded.scenario, horizonDays: 60 }, 0, 0);
    const points: StepNames = { points: stepper.info.points.map((p) => ({ node: p.node, product: p.product, from: p.from, fromHoldsStock: stepper.info.points.some((q) => q.node === p.from && q.product === p.product) })) };
    const days = stepper.stepTo(Infinity);
    const kinds = new Set(days.flatMap((day) => day.happenings.map((happening) => happening.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(['sold', 'ordered', 'received', 'expired']));
    for (const day of days) {
      const en = english(day.day + 1, day.happenings, points);
      const fr = french(day.day + 1, day.happenings, points);
      expect(en).toMatch(new RegExp(`^Day ${day.day + 1}: .+\\.$`));
      expect(fr).toMatch(new RegExp(`^Jour ${day.day + 1}\u00a0: .+\\.$`));
      expect(fr, 'no ordinary space before : or ;').not.toMatch(/ [:;]/);
      expect(en).not.toMatch(/undefined|NaN|e[-+]\d/);
      expect(fr).not.toMatch(/undefined|NaN|e[-+]\d/);
    }
  });
});
