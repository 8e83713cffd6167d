import { describe, expect, it } from 'vitest';
import { compareVariants, type PairedDifference } from '../../src/experiment/compare.ts';
import { optimizeTold, type OptimizeSpec, type OptimizeStory } from '../../src/experiment/optimize.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { IssueDetail } from '../../src/scenario/issues.ts';
import { readDemandHistory, type HistoryOptions } from '../../src/import/demandHistory.ts';
import { emptyReport, type RowNote } from '../../src/import/importReport.ts';
import { readCsv } from '../../src/import/readCsv.ts';
import { checkRunBudget } from '../../src/experiment/runBudget.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { sentences as english } from '../../web/i18n/en/sentences.ts';
import { sentences as french } from '../../web/i18n/fr/sentences.ts';
import { leanAndGenerousStore, loadScenarioFile } from '../fixtures/scenario.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** a paired difference as the engine returns it (only the facts matter to the dictionaries) */
const difference = (kpi: PairedDifference['kpi'], mean: number, halfWidth: number | null, significant: boolean) => ({ kpi, mean, halfWidth, significant });

describe('the comparison of variants in French (web/i18n/fr/sentences.ts)', () => {
  const lean = { name: 'Lean (s, S)' };
  const generous = { name: 'Generous (s, S)' };
  const differences = [
    difference('fillRate', 0.0743, 0.0012, true),
    difference('holdingCost', 4.1, 5.1, false),
    difference('totalCost', -22515, 940, true),
  ];

  it('words the pair as a consultant would, with French numbers and typography', () => {
    expect(french.comparison({ baseline: lean, variant: generous, differences, windowDays: 351 }, 'EUR')).toBe(
      `Par rapport à Lean (s, S), Generous (s, S) augmente le taux de service de 7,43${NBSP}points (±0,12), ` +
        `laisse le coût de possession inchangé aux erreurs près (+4,1${NBSP}€ ±5,1 sur la fenêtre de 351${NBSP}jours) ` +
        `et réduit le coût total de 22${NNBSP}515${NBSP}€ sur la fenêtre de 351${NBSP}jours (±940).`,
    );
  });

  it('agrees « inchangé » with its KPI and puts 0 and 1 in the singular', () => {
    expect(french.comparisonClause(difference('onTimeDelivery', -0.004, 0.01, false), 'EUR', 1)).toBe(`laisse le taux de livraison à temps inchangé aux erreurs près (−0,4${NBSP}point ±1,0)`);
    expect(french.comparisonClause(difference('avgCustomerWait', 0.2, 0.5, false), 'EUR', 1)).toBe(`laisse l’attente moyenne des clients inchangée aux erreurs près (+0,20${NBSP}jour ±0,50)`);
    expect(french.comparisonClause(difference('lostSalesUnits', 3, 5, false), 'EUR', 1)).toBe('laisse les ventes perdues inchangées aux erreurs près (+3,0 ±5,0)');
    expect(french.comparisonClause(difference('totalCost', -1200, 30, true), '€', 1095.5)).toBe(`réduit le coût total de 1${NNBSP}200${NBSP}€ sur la fenêtre de 1${NNBSP}095,5${NBSP}jours (±30)`);
    expect(french.comparisonClause(difference('customersChurned', 2.5, null, false), 'EUR', 1)).toBe('laisse le nombre de clients perdus inchangé aux erreurs près (+2,50)');
  });

  it('names the order fill rate after the fill rate where the comparison’s headline has it (headlineFor), as the English does', () => {
    const withOrders = [...differences, difference('orderFillRate', 0.0816, 0.0086, true)];
    const headline = ['fillRate', 'orderFillRate', 'holdingCost', 'totalCost'] as const;
    expect(french.comparison({ baseline: lean, variant: generous, differences: withOrders, windowDays: 351, headline: [...headline] }, 'EUR')).toBe(
      `Par rapport à Lean (s, S), Generous (s, S) augmente le taux de service de 7,43${NBSP}points (±0,12), ` +
        `augmente la part des commandes livrées complètes et à temps de 8,16${NBSP}points (±0,86), ` +
        `laisse le coût de possession inchangé aux erreurs près (+4,1${NBSP}€ ±5,1 sur la fenêtre de 351${NBSP}jours) ` +
        `et réduit le coût total de 22${NNBSP}515${NBSP}€ sur la fenêtre de 351${NBSP}jours (±940).`,
    );
    // without a headline, the default one leaves it out
    expect(french.comparison({ baseline: lean, variant: generous, differences: withOrders, windowDays: 351 }, 'EUR')).not.toMatch(/commandes/);
    expect(english.comparison({ baseline: lean, variant: generous, differences: withOrders, windowDays: 351, headline: [...headline] }, 'EUR')).toMatch(/, raises order fill rate by 8\.16 points \(±0\.86\), /);
  });

  it('says so when no headline KPI applies to both', () => {
    expect(french.comparison({ baseline: lean, variant: generous, differences: [difference('avgOnHand', 3, 1, true)], windowDays: 351 }, 'EUR')).toBe(
      `Par rapport à Lean (s, S), Generous (s, S)${NBSP}: aucun KPI principal ne s’applique aux deux.`,
    );
  });

  // a half-width of 0.5 shows to two digits, as the English "0.00 ± 0.50" (src/experiment/compare.ts)
  it('writes a difference for the table with a real minus and the window of a money figure', () => {
    expect(french.comparisonDifference(difference('totalCost', -22515, 940, true), 'EUR', 351)).toBe(`−22${NNBSP}515${NBSP}€ ± 940 sur la fenêtre de 351${NBSP}jours`);
    expect(french.comparisonDifference(difference('fillRate', 0.0743, 0.0012, true), 'EUR', 351)).toBe(`+7,43${NBSP}points ± 0,12`);
    expect(french.comparisonDifference(difference('avgOnHand', 0, 0.5, false), 'EUR', 351)).toBe('0,00 ± 0,50');
  });
});

describe('the English dictionary is the engine’s own wording (web/i18n/en/sentences.ts)', () => {
  const scenario: Scenario = leanAndGenerousStore(200, 6);
  const [comparison] = compareVariants(runExperiment(scenario), { windowDays: 200, currency: 'EUR' });

  it('rebuilds the comparison’s sentence, clauses and texts from its facts', () => {
    expect(english.comparison(comparison, 'EUR')).toBe(comparison.sentence);
    for (const d of comparison.differences) {
      expect(english.comparisonClause(d, 'EUR', 200)).toBe(d.clause);
      expect(english.comparisonDifference(d, 'EUR', 200)).toBe(d.text);
    }
  });

  it('and the optimiser’s verdict', async () => {
    const loaded = loadScenarioFile('scenarios/theory/newsvendor-normal.json');
    if (!loaded.ok) throw new Error('newsvendor-normal.json does not parse');
    const newsvendor: Scenario = { ...loaded.scenario, horizonDays: 120, warmupDays: 0, variants: [] };
    const spec: OptimizeSpec = { product: 'paper', axes: [{ parameter: 'orderUpTo', values: [60, 117] }], objective: 'costPerPeriod', screenReplications: 3, confirmReplications: 6, top: 2 };
    const { outcome, story } = await optimizeTold(newsvendor, spec, async (grid, replications) => runExperiment({ ...grid, output: { series: 'none' } }, { replications }));
    expect(story.kind).toBe('better');
    expect(english.optimizeVerdict(story, newsvendor.currency, 120)).toBe(outcome.sentence);
  });
});

describe('the optimiser’s verdicts in French', () => {
  const margin = { ...difference('totalCost', 5450, 1280, true), sd: 1, n: 40, clause: '', text: '' };
  const cases: [OptimizeStory, string][] = [
    [{ kind: 'nothingRanked' }, `Interrompue avant que chaque point de grille ait eu une réplication${NBSP}: rien à classer.`],
    [{ kind: 'screeningInterrupted', leader: 'orderUpTo = 117', replications: 1 }, `Interrompue pendant la présélection${NBSP}: orderUpTo = 117 est en tête après 1 réplication par point, sans confirmation.`],
    [{ kind: 'confirmingInterrupted', leader: 'orderUpTo = 117' }, `Interrompue pendant la confirmation${NBSP}: orderUpTo = 117 était en tête de la présélection, sans confirmation.`],
    [{ kind: 'infeasible', phase: 'screen', constraint: { kpi: 'fillRate', atLeast: 0.95 } }, 'Aucun point de grille n’atteint le plancher fillRate ≥ 0,95 dans les simulations de présélection.'],
    [{ kind: 'infeasible', phase: 'confirm', constraint: { kpi: 'fillRate', atLeast: 0.95 } }, 'Aucun candidat confirmé n’atteint le plancher fillRate ≥ 0,95.'],
    [{ kind: 'alone', winner: 'reorderPoint = 20', constraint: { kpi: 'fillRate', atLeast: 0.9 } }, 'reorderPoint = 20 est le seul candidat confirmé qui atteint le plancher fillRate ≥ 0,9.'],
    [
      { kind: 'better', winner: 'orderUpTo = 117', runnerUp: 'orderUpTo = 60', margin, replications: 40, planned: 40, complete: true },
      `orderUpTo = 117 est le meilleur${NBSP}: le deuxième, orderUpTo = 60, augmente le coût total de 5${NNBSP}450${NBSP}€ sur la fenêtre de 365${NBSP}jours (±1${NNBSP}280) (comparaison appariée, 40 réplications de confirmation).`,
    ],
    [
      { kind: 'tie', winner: 'a', runnerUp: 'b', margin: { ...margin, mean: 300, significant: false }, replications: 12, planned: 40, complete: false },
      `a et b sont à égalité${NBSP}: le deuxième laisse le coût total inchangé aux erreurs près (+300${NBSP}€ ±1${NNBSP}280 sur la fenêtre de 365${NBSP}jours)${NNBSP}; l’un ou l’autre convient (12 réplications de confirmation, interrompue${NBSP}: 12 sur 40).`,
    ],
  ];
  it.each(cases)('%j', (story, expected) => {
    expect(french.optimizeVerdict(story, 'EUR', 365)).toBe(expected);
  });
});

describe('scenario problems in French, from the facts parseScenario gives with `details`', () => {
  const loaded = loadScenarioFile('scenarios/04-coffee-brand.json');
  if (!loaded.ok) throw new Error('04-coffee-brand.json does not parse');
  const base = JSON.parse(JSON.stringify(loaded.scenario)) as Record<string, any>;
  /** the first problem of the scenario changed by `edit`, in English (no details) and in French (with them) */
  function problem(edit: (scenario: Record<string, any>) => void) {
    const scenario = structuredClone(base);
    edit(scenario);
    const plain = parseScenario(scenario);
    const detailed = parseScenario(scenario, { details: true });
    if (plain.ok || detailed.ok) throw new Error('the edit should make the scenario invalid');
    return { plain: plain.issues[0], detailed: detailed.issues[0] };
  }

  it('keeps the issues the CLI sees as they were, and the English app shows their message', () => {
    const { plain, detailed } = problem((s) => (s.horizonDays = 'abc'));
    expect(plain).toEqual({ path: 'horizonDays', message: 'expected a number, got "abc"' });
    expect(detailed).toEqual({ ...plain, detail: { kind: 'wrongType', expected: 'number', got: '"abc"' } });
    expect(english.scenarioIssue(detailed)).toBe(plain.message);
  });

  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['a text for a number', (s) => (s.horizonDays = 'abc'), 'nombre attendu, reçu "abc"'],
    ['a missing field', (s) => delete s.horizonDays, 'nombre attendu, mais rien n’est écrit (le champ est obligatoire)'],
    ['a fraction for a whole number', (s) => (s.replications = 2.5), 'nombre entier attendu, reçu 2,5'],
    ['a number too small', (s) => (s.horizonDays = -5), 'nombre supérieur à 0 attendu, reçu -5'],
    ['a value not allowed', (s) => (s.products[0].unmetDemand = 'xx'), 'valeur attendue parmi "lost" ou "backorder", reçu "xx"'],
    ['a type not allowed', (s) => (s.demand[0].type = 'nope'), 'type doit valoir arrivals, perPeriod, history ou orders, reçu "nope"'],
    ['an unknown field', (s) => (s.foo = 1), `champ inconnu "foo" (les noms de champ distinguent majuscules et minuscules${NNBSP}; voir le format de scénario dans docs/SCENARIO.md)`],
    ['two unknown fields', (s) => Object.assign(s, { foo: 1, bar: 2 }), `champs inconnus "foo" et "bar" (les noms de champ distinguent majuscules et minuscules${NNBSP}; voir le format de scénario dans docs/SCENARIO.md)`],
    ['an unknown node', (s) => (s.lanes[0].to = 'nope'), `nœud inconnu «${NBSP}nope${NBSP}» (connus${NBSP}: roaster, warehouse, shop)`],
    ['an unknown product', (s) => (s.demand[0].product = 'nope'), `produit inconnu «${NBSP}nope${NBSP}» (connus${NBSP}: beans, ground, capsules)`],
    ['a node id given twice', (s) => (s.nodes[1].id = s.nodes[0].id), `identifiant «${NBSP}roaster${NBSP}» en double`],
    ['an id with a space', (s) => (s.products[0].id = 'two words'), `identifiant attendu${NBSP}: lettres, chiffres, _ . : - (sans espace), commençant par une lettre ou un chiffre, reçu "two words"`],
    ['a warm-up as long as the horizon', (s) => (s.warmupDays = s.horizonDays), 'période de chauffe attendue plus courte que horizonDays (365), reçu 365'],
  ])('%s', (_, edit, expected) => {
    expect(french.scenarioIssue(problem(edit).detailed)).toBe(expected);
  });

  it('words a CSV history the page cannot read', () => {
    const { detailed } = problem((s) => (s.demand[0] = { type: 'history', node: s.demand[0].node, product: s.demand[0].product, series: { csv: 'ventes.csv' } }));
    expect(french.scenarioIssue(detailed)).toBe(`impossible de lire "ventes.csv" ici${NNBSP}; collez les valeurs quotidiennes dans «${NBSP}series${NBSP}» sous forme de liste de nombres`);
  });

  it('falls back to the English message where it has no facts', () => {
    // a variant's change along a path the scenario does not have: worded by the engine alone, without facts yet
    const { detailed } = problem((s) => (s.variants[1].set = [{ path: '/nope/x', value: 1 }]));
    expect(detailed.detail).toBeUndefined();
    expect(french.scenarioIssue(detailed)).toBe(detailed.message);
    expect(detailed.message).toMatch(/^the scenario has no "nope"/);
  });
});

describe('an import’s row notes in French, from the facts the report gives when asked', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  /** the notes of a demand file, without and with their facts */
  function notesOf(text: string, options: HistoryOptions = {}): { plain: RowNote[]; detailed: RowNote[] } {
    const plain = emptyReport();
    readDemandHistory(readCsv('d.csv', utf8(text)), plain, options);
    const detailed = { ...emptyReport(), details: true };
    readDemandHistory(readCsv('d.csv', utf8(text)), detailed, options);
    return { plain: plain.notes, detailed: detailed.notes };
  }

  it('keeps the notes the CLI sees as they were, and the English app shows their reason', () => {
    const { plain, detailed } = notesOf('date,sku,location,units\n2024-03-01,,shop,2\n2024-03-02,A,shop,1\n');
    expect(plain).toEqual([{ file: 'd.csv', row: 2, column: 'sku', status: 'rejected', reason: 'expected a SKU, got an empty cell' }]);
    expect(detailed).toEqual([{ ...plain[0], detail: { kind: 'emptyCell', expected: 'sku' } }]);
    expect(english.importNote(detailed[0])).toBe(plain[0].reason);
  });

  it('words a long file’s notes in French', () => {
    const { detailed } = notesOf(
      'date,sku,location,units\n2024-03-01,A,,2\n2024-03-01,A,shop,\n2024-03-01,A,shop,abc\n2024-03-02,A,shop,1\n2024-03-02,A,shop,1\n2024-03-02,A,shop,4\n',
      { rows: 'daily' },
    );
    expect(detailed.map((note) => french.importNote(note))).toEqual([
      'site attendu, cellule vide',
      'quantité attendue, cellule vide (écrivez 0 pour un jour sans vente)',
      'nombre attendu, reçu "abc"',
      'répétition de la ligne 5 (toutes les cellules identiques)\u202f; écartée (--keep-duplicates garde les répétitions)',
      `une deuxième ligne pour le 2${NBSP}mars 2024, référence "A", site "shop" (la première est la ligne 5)${NNBSP}; un fichier quotidien a une ligne par jour${NBSP}: supprimez-en une ou, si les lignes sont des ventes à additionner, importez avec --rows transactions`,
    ]);
  });

  it('words the remarks on a stock level and a price in French', () => {
    const { detailed } = notesOf('date,sku,location,units,stock,price\n2024-03-01,A,shop,2,lots,3\n2024-03-02,A,shop,1,4,x\n');
    expect(detailed.map((note) => french.importNote(note))).toEqual([
      `niveau de stock attendu (un nombre), reçu "lots"${NNBSP}; le jour est compté comme en stock`,
      `prix supérieur à 0 attendu, reçu "x"${NNBSP}; les unités comptent, pas le prix`,
    ]);
  });

  it('words a wide file’s notes in French', () => {
    const { detailed } = notesOf('date,A,B\n2024-03-01,,2\n2024-03-02,x,-3\n2024-03-02,1,1\n');
    expect(detailed.map((note) => french.importNote(note))).toEqual([
      `cellule vide${NBSP}: le jour est retiré de l’historique de cette référence (écrivez 0 pour un jour sans vente)`,
      `nombre attendu, reçu "x"${NNBSP}; le jour est retiré de l’historique de cette référence`,
      `quantité négative (-3)${NNBSP}; le jour est retiré de l’historique de cette référence`,
      `une deuxième ligne pour le 2${NBSP}mars 2024 (la première est la ligne 3)${NNBSP}; un fichier au format large a une ligne par jour`,
    ]);
  });
});

describe('a run refused as too large, in French, from the facts checkRunBudget gives with `details`', () => {
  const loaded = loadScenarioFile('scenarios/04-coffee-brand.json');
  if (!loaded.ok) throw new Error('04-coffee-brand.json does not parse');
  const coffee = loaded.scenario;
  const beyond = 'lancez-le en ligne de commande avec --allow-large (stocklab run) si votre machine le permet';
  /** the first refusal of the scenario, without and with its facts */
  function refusal(changes: Partial<Scenario>) {
    const scenario = { ...coffee, ...changes } as Scenario;
    const [plain] = checkRunBudget(scenario, { beyond });
    const [detailed] = checkRunBudget(scenario, { beyond, details: true });
    return { plain, detailed };
  }

  it('keeps the refusal the CLI sees as it was, and the English app shows its message', () => {
    const { plain, detailed } = refusal({ replications: 3000 });
    expect(plain).toEqual({
      path: 'replications',
      message: `this run needs about 2.45 GB of memory for the results of 9,000 runs (3,000 replications × 3 variants, 6 stock points and 365 days × 58 daily series each); the limit is 2 GB: run fewer replications or variants, or ${beyond}`,
    });
    expect(detailed.message).toBe(plain.message);
    expect(english.scenarioIssue(detailed)).toBe(plain.message);
  });

  it('words a refusal for memory', () => {
    expect(french.scenarioIssue(refusal({ replications: 3000 }).detailed)).toBe(
      `cette simulation demande environ 2,45${NBSP}Go de mémoire pour les résultats de 9${NNBSP}000 simulations (3${NNBSP}000 réplications × 3 variantes, 6 points de stock et 365 jours × 58 séries quotidiennes chacune)${NNBSP}; la limite est de 2${NBSP}Go${NBSP}: lancez moins de réplications ou de variantes, ou ${beyond}`,
    );
    expect(french.scenarioIssue(refusal({ replications: 2_000_000 }).detailed)).toBe(
      `cette simulation demande environ 1,63${NBSP}To de mémoire pour les résultats de 6${NBSP}millions de simulations (2${NBSP}millions de réplications × 3 variantes, 6 points de stock et 365 jours × 58 séries quotidiennes chacune)${NNBSP}; la limite est de 2${NBSP}Go${NBSP}: lancez moins de réplications ou de variantes, ou ${beyond}`,
    );
  });

  it('words a refusal for computing time', () => {
    const detail: IssueDetail = {
      kind: 'runBudget',
      limit: 'time',
      needs: 3 * 86400,
      allowed: 6 * 3600,
      driver: { kind: 'events', events: 4.2e9, runs: 1, mostly: { kind: 'customers', customers: 4e9, perDay: 1e5, stockPoints: 1, days: 36500, multiplier: null } },
      fix: 'fewerCustomers',
      beyond: null,
    };
    expect(french.scenarioIssue({ message: 'English', detail })).toBe(
      `cette simulation demande environ 3${NBSP}jours de calcul sur un cœur (4,2${NBSP}milliards d’événements dans la simulation, surtout 4${NBSP}milliards de clients (100${NNBSP}000 par jour × 1 point de stock × 36${NNBSP}500 jours))${NNBSP}; la limite est de 6${NBSP}heures${NBSP}: baissez customersPerDay (simulez un échantillon des clients) ou raccourcissez horizonDays`,
    );
  });
});
