import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { checkRunBudget } from '../../src/experiment/runBudget.ts';
import { planSweep } from '../../src/experiment/sweep.ts';
import type { IssueDetail } from '../../src/scenario/issues.ts';
import { sentences as english } from '../../web/i18n/en/sentences.ts';
import { sentences as french } from '../../web/i18n/fr/sentences.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function load(path: string, edit: (data: any) => void = () => {}): Scenario {
  const data = JSON.parse(readFileSync(ROOT + path, 'utf8'));
  edit(data);
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}
/** scenario 02, one replication of a year, edited */
const probe = (edit: (data: any) => void) =>
  load('scenarios/02-base-stock-poisson.json', (data) => {
    data.horizonDays = 365;
    data.replications = 1;
    delete data.theory;
    edit(data);
  });
const randomShock = (multiplier: number, ratePerYear: number, days: number) => ({ multiplier, occurrence: { type: 'random', ratePerYear, duration: { type: 'constant', value: days } } });

/** the refusals of a scenario, the English unchanged by `details`, in French */
function refusals(scenario: Scenario): string[] {
  const plain = checkRunBudget(scenario);
  const detailed = checkRunBudget(scenario, { details: true });
  expect(detailed.map(({ path, message }) => ({ path, message }))).toEqual(plain);
  expect(detailed.map((issue) => english.scenarioIssue(issue))).toEqual(plain.map((issue) => issue.message));
  expect(detailed.every((issue) => issue.detail !== undefined)).toBe(true);
  return detailed.map((issue) => french.scenarioIssue(issue));
}

describe('run refusals in French: shocks, orders in transit', () => {
  it('words the windows of a random shock held at once', () => {
    expect(
      refusals(
        probe((data) => {
          data.horizonDays = 3650;
          data.demand[0].shocks = [randomShock(1, 1e7, 3650)];
        }),
      ),
    ).toEqual([
      `cette simulation demande environ 8,4${NBSP}Go de mémoire pour les 100${NBSP}millions de fenêtres du choc 1 (10${NBSP}millions par an sur 3${NNBSP}650 jours), gardées en mémoire à la fois${NNBSP}; la limite est de 2${NBSP}Go${NBSP}: rendez ces occurrences plus rares ou raccourcissez horizonDays`,
    ]);
  });

  it('words more orders in transit than the engine holds', () => {
    const [refusal] = refusals(probe((data) => (data.demand[0].shocks = [randomShock(1.0001, 200_000, 300)])));
    expect(refusal).toMatch(new RegExp(`^cette simulation garderait environ 124${NBSP}millions de commandes en transit à la fois à store/widget \\(`));
    expect(refusal).toContain(`chacune un événement en attente${NNBSP}; le moteur en garde au plus 16,8${NBSP}millions à la fois${NBSP}: `);
    expect(refusal).toMatch(/, ou raccourcissez le délai$/);
  });
});

describe('the sweep’s points left out, in French', () => {
  it('says why an (s, S) with S <= s is left out, and gives the facts only when asked', () => {
    const scenario = load('scenarios/04-coffee-brand.json');
    const point = scenario.stockPoints.find((p) => p.policy.type === 'sS')!;
    const product = Array.isArray(point.product) ? point.product[0] : point.product;
    const node = Array.isArray(point.node) ? point.node[0] : point.node;
    const spec = { product, node, axes: [{ parameter: 'reorderPoint', values: [10, 1000] }] };
    const plain = planSweep(scenario, spec);
    const detailed = planSweep(scenario, spec, { details: true });
    expect(plain.skipped).toEqual([{ values: [1000], reason: 'orderUpTo: expected orderUpTo > reorderPoint' }]);
    expect(detailed.skipped.map(({ values, reason }) => ({ values, reason }))).toEqual(plain.skipped);
    expect(english.sweepSkipped(detailed.skipped[0])).toBe('orderUpTo: expected orderUpTo > reorderPoint');
    expect(french.sweepSkipped(detailed.skipped[0])).toBe(`orderUpTo${NBSP}: orderUpTo supérieur à reorderPoint attendu`);
  });
});

describe('what drives a refused run, in French, for the drivers that had no facts before', () => {
  const refusedFor = (driver: Extract<IssueDetail, { kind: 'runBudget' }>['driver']) =>
    french.scenarioIssue({ message: 'English', detail: { kind: 'runBudget', limit: 'time', needs: 8 * 3600, allowed: 6 * 3600, driver, fix: 'fewerLots', beyond: null } });
  const needs = `cette simulation demande environ 8${NBSP}heures de calcul sur un cœur`;
  const limit = `${NNBSP}; la limite est de 6${NBSP}heures${NBSP}: commandez moins souvent, en plus grandes quantités (chaque réception d’un fournisseur est un lot), ou raccourcissez horizonDays`;

  it('words lots, reviews and new customers, 0 and 1 in the singular', () => {
    expect(refusedFor({ kind: 'lotOperations', sales: 3_000_000, receipts: 1, at: 'shop/beans' })).toBe(`${needs} (les lots de 3${NBSP}millions de ventes et 1 réception à shop/beans)${limit}`);
    expect(refusedFor({ kind: 'reviews', reviews: 40_000_000, every: 1 })).toBe(`${needs} (40${NBSP}millions de révisions (chaque jour))${limit}`);
    expect(refusedFor({ kind: 'newCustomers', customers: 2e9, perDay: 200_000, days: 10_000 })).toBe(
      `${needs} (2${NBSP}milliards de nouveaux clients (200${NNBSP}000 par jour sur 10${NNBSP}000 jours))${limit}`,
    );
  });

  it('words a demand multiplied without bound by overlapping windows of a shock', () => {
    expect(refusedFor({ kind: 'multipliedCustomers', customers: 1e30, perDay: 20, stockPoints: 1, factor: null, by: { kind: 'shock', shock: 1, overlap: 3.2 }, days: 365 })).toBe(
      `${needs} (1 × 10^30 clients (20 par jour × 1 point de stock, multipliés sans limite par le choc 1, dont les fenêtres se chevauchent (environ 3,2 à la fois en moyenne) et se multiplient, sur 365 jours))${limit}`,
    );
  });
});
