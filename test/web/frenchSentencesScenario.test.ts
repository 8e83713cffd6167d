import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/scenario/parse.ts';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import { sentences as english } from '../../web/i18n/en/sentences.ts';
import { sentences as french } from '../../web/i18n/fr/sentences.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const loaded = loadScenarioFile('scenarios/04-coffee-brand.json');
if (!loaded.ok) throw new Error('04-coffee-brand.json does not parse');
const base = JSON.parse(JSON.stringify(loaded.scenario)) as Record<string, any>;

const beerLoaded = loadScenarioFile('scenarios/classroom/beer-game.json');
if (!beerLoaded.ok) throw new Error('beer-game.json does not parse');
const beerGame = JSON.parse(JSON.stringify(beerLoaded.scenario)) as Record<string, any>;

/** every problem of the scenario (coffee, or `from`) changed by `edit`, without facts (as the CLI sees them) and with them; the English unchanged */
function problems(edit: (scenario: Record<string, any>) => void, from: Record<string, any> = base): ScenarioIssue[] {
  const scenario = structuredClone(from);
  edit(scenario);
  const plain = parseScenario(scenario);
  const detailed = parseScenario(scenario, { details: true });
  if (plain.ok || detailed.ok) throw new Error('the edit should make the scenario invalid');
  expect(detailed.issues.map(({ path, message }) => ({ path, message }))).toEqual(plain.issues);
  expect(plain.issues.every((issue) => issue.detail === undefined)).toBe(true);
  expect(detailed.issues.map((issue) => english.scenarioIssue(issue))).toEqual(plain.issues.map((issue) => issue.message));
  return detailed.issues;
}
const first = (edit: (scenario: Record<string, any>) => void): string => french.scenarioIssue(problems(edit)[0]);

describe('the schema’s own rules in French (src/scenario/rules.ts)', () => {
  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['no node', (s) => (s.nodes = []), 'au moins un nœud attendu'],
    ['no product', (s) => (s.products = []), 'au moins un produit attendu'],
    ['an id too long', (s) => (s.products[0].id = 'x'.repeat(201)), `identifiant de 200${NBSP}caractères au plus attendu, reçu "${'x'.repeat(49)}…"`],
    ['a currency too long', (s) => (s.currency = 'EUROS D’EUROPE'), `devise de 12${NBSP}caractères au plus attendue (un code ou un symbole${NBSP}: EUR, €, USD), reçu "EUROS D’EUROPE"`],
    ['a seed too long', (s) => (s.seed = 's'.repeat(201)), `graine de 200${NBSP}caractères au plus attendue, reçu "${'s'.repeat(49)}…"`],
    ['zero replications', (s) => (s.replications = 0), `au moins 1${NBSP}réplication attendue, reçu 0`],
    // zod words a literal's own way ("expected 1, got 2"), and so does the French
    ['a version from the future', (s) => (s.version = 2), 'valeur attendue parmi 1, reçu 2'],
    ['a warehouse with 0 servers', (s) => (s.nodes[0].servers = 0), 'nombre entier supérieur ou égal à 1 attendu, reçu 0'],
    ['six weekly multipliers', (s) => (s.demand[0].seasonality = { weekly: [1, 1, 1, 1, 1, 1] }), `7${NBSP}multiplicateurs hebdomadaires attendus, lundi en premier`],
  ])('%s', (_, edit, expected) => {
    expect(first(edit)).toBe(expected);
  });

  it('says where a control character is in a name', () => {
    expect(first((s) => (s.name = 'Coffee\u001b[2J'))).toBe(`texte sans caractère de contrôle attendu${NNBSP}; U+001B trouvé au caractère 7, reçu "Coffee\\u001b[2J"`);
  });
});

describe('the checks between a scenario’s parts in French (src/scenario/references.ts)', () => {
  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['a lane from a node to itself', (s) => (s.lanes[0].to = s.lanes[0].from), `une liaison ne peut pas aller d’un nœud vers lui-même («${NBSP}roaster${NBSP}»)`],
    ['a stock point at a supplier', (s) => s.stockPoints.push({ ...s.stockPoints[0], node: 'roaster' }), `«${NBSP}roaster${NBSP}» est un fournisseur${NNBSP}; un fournisseur n’a pas de point de stock (il livre depuis un approvisionnement illimité ou limité par sa capacité)`],
    ['a stock point defined twice', (s) => s.stockPoints.push({ ...s.stockPoints[0] }), 'le point de stock warehouse/beans est défini deux fois'],
  ])('%s', (_, edit, expected) => {
    expect(first(edit)).toBe(expected);
  });

  it('words a node without an inbound lane', () => {
    const issues = problems((s) => (s.lanes = s.lanes.filter((lane: { to: string }) => lane.to !== 'shop')));
    expect(issues.map((issue) => french.scenarioIssue(issue))).toContain(`le nœud «${NBSP}shop${NBSP}» n’a aucune liaison entrante pour être réapprovisionné${NBSP}: ajoutez une liaison vers «${NBSP}shop${NBSP}»`);
  });

  it('words a lead time that can be negative, agreeing « négatif »', () => {
    expect(first((s) => (s.lanes[0].leadTime = { type: 'uniform', min: -1, max: 2 }))).toBe('un délai ne peut pas être négatif, mais cette distribution peut tirer -1');
  });
});

describe('data no scenario holds, and JSON that does not parse, in French', () => {
  it('words a text over the length read', () => {
    expect(first((s) => (s.description = 'x'.repeat(10_001)))).toBe(`texte de 10${NNBSP}000${NBSP}caractères au plus attendu, reçu un texte de 10${NNBSP}001${NBSP}caractères`);
  });

  it('words a reserved field name and a number too large to hold', () => {
    expect(first((s) => Object.defineProperty(s.products[0], '__proto__', { value: 1, enumerable: true }))).toBe(
      `un champ ne peut pas s’appeler «${NBSP}__proto__${NBSP}» (ce nom est réservé par JavaScript, et aucun champ de scénario ne l’utilise)${NNBSP}; supprimez-le`,
    );
    expect(first((s) => (s.horizonDays = -Infinity))).toBe('nombre fini attendu, reçu un nombre négatif trop grand pour être représenté (au-delà de 1,8e308, comme -1e400)');
  });

  it('words a JSON syntax error with its line and column, and only gives facts when asked', () => {
    const text = '{\n  "name": "x",\n}';
    const plain = parseScenarioText(text);
    const detailed = parseScenarioText(text, { details: true });
    if (plain.ok || detailed.ok) throw new Error('the text should not parse');
    expect(plain.issues[0].detail).toBeUndefined();
    expect(detailed.issues[0].message).toBe(plain.issues[0].message);
    expect(detailed.issues[0].detail).toMatchObject({ kind: 'jsonSyntax', line: 3, column: 1 });
    expect(french.scenarioIssue(detailed.issues[0])).toMatch(new RegExp(`^JSON non valide à la ligne 3, colonne 1${NBSP}: `));
  });
});

describe('the checks of the Beer Game fields in French (issue 18: src/scenario/references.ts)', () => {
  const beer = (edit: (scenario: Record<string, any>) => void): ScenarioIssue[] => problems(edit, beerGame);

  it('words an anchoring-and-adjustment rule missing a parameter, with the symbol as French writes it', () => {
    const issues = beer((s) => (s.stockPoints[0].policy = { type: 'anchorAndAdjust', reviewPeriod: 7, smoothing: 0.3, stockAdjustment: 0.5 }));
    expect(issues.map((issue) => [issue.path, issue.detail?.kind])).toEqual([
      ['stockPoints[0].policy.supplyLineWeight', 'graph'],
      ['stockPoints[0].policy.desiredStock', 'graph'],
    ]);
    expect(issues.map((issue) => french.scenarioIssue(issue))).toEqual([
      `supplyLineWeight (bêta) attendu, ou des estimations publiées (estimates) qui le donnent (connues${NBSP}: sterman1989)`,
      `desiredStock (S′) attendu, ou des estimations publiées (estimates) qui le donnent (connues${NBSP}: sterman1989)`,
    ]);
    // named estimates give all four: no problem
    expect(parseScenario({ ...structuredClone(beerGame), stockPoints: beerGame.stockPoints.map((p: any) => ({ ...p, policy: { type: 'anchorAndAdjust', estimates: 'sterman1989' } })) }).ok).toBe(true);
  });

  it('words a scripted period that ends before it starts, and two that overlap, with French intervals and decimals', () => {
    const issues = beer((s) => {
      s.stockPoints[0].scriptedOrders = [
        { fromDay: 0, untilDay: 28, quantity: 4 },
        { fromDay: 21.5, untilDay: 35, quantity: 8 },
        { fromDay: 50, untilDay: 50, quantity: 1 },
      ];
    });
    expect(issues.map((issue) => [issue.path, french.scenarioIssue(issue)])).toEqual([
      ['stockPoints[0].scriptedOrders[2].untilDay', 'untilDay postérieur à fromDay (50) attendu, reçu 50'],
      ['stockPoints[0].scriptedOrders[1].fromDay', `les périodes de commandes imposées se chevauchent${NBSP}: [21,5${NNBSP}; 35[ commence avant la fin de [0${NNBSP}; 28[ (scriptedOrders[0])`],
    ]);
  });

  it('words scripted orders on a policy that reviews continuously, at the point or in a variant', () => {
    const issues = beer((s) => {
      s.stockPoints[1].policy = { type: 'baseStock', level: 20 };
      s.variants[1].policies[1].policy = { type: 'sS', reorderPoint: 5, orderUpTo: 20 };
    });
    expect(issues.map((issue) => [issue.path, french.scenarioIssue(issue)])).toEqual([
      [
        'stockPoints[1].scriptedOrders',
        `les commandes imposées remplacent celles des révisions périodiques, et une politique baseStock (en stockPoints[1].policy) révise en continu${NBSP}: donnez une politique périodique (periodicRS, passThrough, anchorAndAdjust…)`,
      ],
      [
        'stockPoints[1].scriptedOrders',
        `les commandes imposées remplacent celles des révisions périodiques, et une politique sS (en variants[1].policies[1].policy) révise en continu${NBSP}: donnez une politique périodique (periodicRS, passThrough, anchorAndAdjust…)`,
      ],
    ]);
  });

  it('words the schema’s ranges of the new fields with the common facts', () => {
    const issues = beer((s) => {
      s.bullwhipPeriodDays = 0;
      s.lanes[0].orderDelayDays = -2;
      s.stockPoints[0].orderRounding = 'down';
      s.stockPoints[0].reviewTiming = 'later';
      s.stockPoints[0].backlogCostPerDay = -1;
      s.stockPoints[0].initialPipeline.shipments[0].quantity = 0;
    });
    expect(issues.map((issue) => [issue.path, french.scenarioIssue(issue)])).toEqual([
      ['bullwhipPeriodDays', 'nombre entier supérieur ou égal à 1 attendu, reçu 0'],
      ['lanes[0].orderDelayDays', 'nombre supérieur ou égal à 0 attendu, reçu -2'],
      ['stockPoints[0].orderRounding', 'valeur attendue parmi "up" ou "nearest", reçu "down"'],
      ['stockPoints[0].initialPipeline.shipments[0].quantity', 'nombre supérieur à 0 attendu, reçu 0'],
      ['stockPoints[0].reviewTiming', 'valeur attendue parmi "beforeDemand" ou "afterDemand", reçu "later"'],
      ['stockPoints[0].backlogCostPerDay', 'nombre supérieur ou égal à 0 attendu, reçu -1'],
    ]);
    // every one of them is worded in French: none falls back to the English message
    for (const issue of issues) expect(french.scenarioIssue(issue)).not.toBe(issue.message);
  });
});
