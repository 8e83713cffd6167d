import { describe, expect, it } from 'vitest';
import { checkTheory, theoryOf, type ScenarioTheory, type TheoryCheck } from '../../src/experiment/theory.ts';
import { theoryNoteText, type TheoryNote, type TheoryNoteId } from '../../src/experiment/theoryNotes.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { convolve } from '../../src/theory/discrete.ts';
import { erlangB, optimalMakeToStockMM1 } from '../../src/theory/queues.ts';
import { OutsideAnalyticRange, rangeReasonText, type RangeReason } from '../../src/theory/range.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { sentences as english } from '../../web/i18n/en/sentences.ts';
import { sentences as french } from '../../web/i18n/fr/sentences.ts';
import { loadScenarioFile, scenarioFiles, shortened } from '../fixtures/scenario.ts';

/**
 * The theory table in French (web/theoryTable.ts, issue 16): what each comparison compares (its note,
 * src/experiment/theoryNotes.ts) and why a variant lies outside the analytic model's range
 * (src/theory/range.ts), worded from the engine's facts by web/i18n/fr/theory.ts; the English is
 * the engine's own, unchanged.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** notes that are a formula and nothing else: the same in both languages */
const FORMULA_ONLY = new Set<TheoryNoteId>(['erlangOnHand', 'makeToStockBackorders', 'makeToStockOnHand']);

function load(path: string): Scenario {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not parse`);
  return loaded.scenario;
}

function theoryOfFile(path: string, edit: (data: Record<string, any>) => void = () => {}): Extract<ScenarioTheory, { ok: true }> {
  const data = structuredClone(load(path)) as unknown as Record<string, any>;
  edit(data);
  const theory = theoryOf(data as unknown as Scenario);
  if (!theory?.ok) throw new Error(`${path}: expected a theory`);
  return theory;
}

const theoryFiles = scenarioFiles().filter((file) => file.startsWith('scenarios/theory/'));

describe('every theory scenario: each note from its facts, the English the engine’s', () => {
  it('finds the theory scenarios', () => expect(theoryFiles.length).toBeGreaterThanOrEqual(14));

  it.each(theoryFiles)('%s', (file) => {
    const scenario = load(file);
    const theory = theoryOf(scenario);
    if (!theory?.ok) throw new Error(`${file}: expected a theory`);
    // a short run of each variant: the notes do not depend on the numbers, the checks need a result
    const result = runExperiment(shortened(scenario, 40, 2));
    const windowDays = scenario.horizonDays - scenario.warmupDays;
    // as the CLI reads them (no facts) and as web/worker/client.ts does (with them)
    const plain: TheoryCheck[] = checkTheory(theory, result, windowDays);
    const detailed = checkTheory(theory, result, windowDays, { details: true });
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((check) => !('noteFacts' in check))).toBe(true);
    expect(detailed.map(({ noteFacts: _, ...check }) => check)).toEqual(plain);
    detailed.forEach((check, i) => {
      expect(check.noteFacts, `${check.kpi}: facts`).toBeDefined();
      expect(english.theoryNote(check)).toBe(plain[i].note);
      expect(english.theoryNote(plain[i])).toBe(plain[i].note);
      const inFrench = french.theoryNote(check);
      if (!FORMULA_ONLY.has(check.noteFacts!.id)) expect(inFrench, `${check.kpi}: ${plain[i].note}`).not.toBe(plain[i].note);
      // without facts, the engine's English is shown as it is
      expect(french.theoryNote(plain[i])).toBe(plain[i].note);
    });
    expect(english.theorySource(theory.source)).toBe(theory.source);
    expect(french.theorySource(theory.source)).not.toMatch(/\bch\. /);
  }, 60_000);
});

/** one set of facts per note id: the type makes every id appear */
const EXAMPLES: Record<TheoryNoteId, TheoryNote> = {
  same: { id: 'same' },
  newsvendorLeftover: { id: 'newsvendorLeftover' },
  newsvendorShortage: { id: 'newsvendorShortage' },
  newsvendorCost: { id: 'newsvendorCost' },
  newsvendorFillRate: { id: 'newsvendorFillRate' },
  newsvendorCycle: { id: 'newsvendorCycle' },
  lostSalesLeftover: { id: 'lostSalesLeftover' },
  lostSalesLost: { id: 'lostSalesLost' },
  lostSalesCycle: { id: 'lostSalesCycle' },
  lostSalesCost: { id: 'lostSalesCost' },
  perishableOutdated: { id: 'perishableOutdated', states: 45 },
  perishableExpired: { id: 'perishableExpired' },
  perishableOnHand: { id: 'perishableOnHand' },
  perishableBeforeOutdating: { id: 'perishableBeforeOutdating' },
  perishableOrders: { id: 'perishableOrders' },
  perishableCost: { id: 'perishableCost' },
  eoqOnHand: { id: 'eoqOnHand', lump: 10 },
  eoqHolding: { id: 'eoqHolding', lump: 10 },
  eoqOrders: { id: 'eoqOrders' },
  eoqOrderingCost: { id: 'eoqOrderingCost' },
  eoqFillRate: { id: 'eoqFillRate' },
  plannedOnHand: { id: 'plannedOnHand', lump: 10 },
  plannedBackorders: { id: 'plannedBackorders', lump: 10 },
  plannedOrders: { id: 'plannedOrders' },
  poissonFillRate: { id: 'poissonFillRate' },
  poissonReadyRate: { id: 'poissonReadyRate' },
  poissonNoBackorders: { id: 'poissonNoBackorders' },
  poissonWaitingShare: { id: 'poissonWaitingShare' },
  poissonOnHand: { id: 'poissonOnHand' },
  poissonBackorders: { id: 'poissonBackorders' },
  poissonPosition: { id: 'poissonPosition' },
  poissonHolding: { id: 'poissonHolding' },
  poissonStockoutCost: { id: 'poissonStockoutCost' },
  baseStockPipeline: { id: 'baseStockPipeline' },
  rqOrders: { id: 'rqOrders' },
  rqOrderingCost: { id: 'rqOrderingCost' },
  reviewCycle: { id: 'reviewCycle' },
  reviewFillRate: { id: 'reviewFillRate' },
  reviewOnHand: { id: 'reviewOnHand' },
  reviewBackorders: { id: 'reviewBackorders' },
  reviewCost: { id: 'reviewCost' },
  erlangFillRate: { id: 'erlangFillRate' },
  erlangOnHand: { id: 'erlangOnHand' },
  erlangLost: { id: 'erlangLost' },
  erlangOrders: { id: 'erlangOrders' },
  periodicSSCost: { id: 'periodicSSCost' },
  periodicSSEndOfDay: { id: 'periodicSSEndOfDay' },
  periodicSSOrders: { id: 'periodicSSOrders' },
  passThroughFillRate: { id: 'passThroughFillRate' },
  passThroughOnHand: { id: 'passThroughOnHand' },
  bullwhipMovingAverage: { id: 'bullwhipMovingAverage', periods: 4, covered: 3 },
  bullwhipSmoothing: { id: 'bullwhipSmoothing', alpha: 0.3, covered: 3 },
  mmcWait: { id: 'mmcWait' },
  mmcBackorders: { id: 'mmcBackorders' },
  queueWaitInQueue: { id: 'queueWaitInQueue' },
  queueNumberInQueue: { id: 'queueNumberInQueue' },
  queueErlangC: { id: 'queueErlangC' },
  queueUtilisation: { id: 'queueUtilisation' },
  queueInSystem: { id: 'queueInSystem' },
  makeToStockFillRate: { id: 'makeToStockFillRate' },
  makeToStockBackorders: { id: 'makeToStockBackorders' },
  makeToStockOnHand: { id: 'makeToStockOnHand' },
  serialFillRate: { id: 'serialFillRate' },
  serialBackorders: { id: 'serialBackorders' },
  serialOnHand: { id: 'serialOnHand', stage: 2 },
  serialHolding: { id: 'serialHolding' },
  serialStockoutCost: { id: 'serialStockoutCost' },
};

/** a note as a check carries it: the engine's English and the facts */
const noteOf = (facts: TheoryNote) => ({ note: theoryNoteText(facts), noteFacts: facts });

describe('every note id has a French text (web/i18n/fr/theory.ts)', () => {
  it.each(Object.entries(EXAMPLES))('%s', (id, facts) => {
    expect(facts.id).toBe(id);
    const inEnglish = english.theoryNote(noteOf(facts));
    const inFrench = french.theoryNote(noteOf(facts));
    expect(inEnglish).toBe(theoryNoteText(facts));
    expect(inFrench.length).toBeGreaterThan(0);
    if (FORMULA_ONLY.has(facts.id)) expect(inFrench).toBe(inEnglish);
    else expect(inFrench).not.toBe(inEnglish);
    // French typography: no ordinary space before « : » or « ; », none of the English words left
    expect(inFrench).not.toMatch(/ [:;]/);
    expect(inFrench).not.toMatch(/[^\u00a0]:/);
    expect(inFrench).not.toMatch(/[^\u202f];/);
    expect(inFrench).not.toMatch(/\b(the|per day|a day|a year|time-average|on hand|backorders|fill rate|with|and)\b/);
  });
});

describe('the notes in French, written by hand', () => {
  it.each<[TheoryNote, string]>([
    [{ id: 'same' }, 'la simulation mesure ce que prédit la formule'],
    [
      { id: 'newsvendorLeftover' },
      `E(S - D)+${NBSP}: chaque jour commence à S (la commande du matin arrive aussitôt et solde les commandes en attente), chaque jour est donc une période du marchand de journaux${NNBSP}; mesuré en fin de journée`,
    ],
    [{ id: 'newsvendorCycle' }, `P(D <= S)${NBSP}: les jours sans aucune unité manquante`],
    [
      { id: 'eoqOnHand', lump: 12.5 },
      `Q / 2${NNBSP}; la formule suppose une demande continue${NNBSP}; ici elle arrive par lots de 12,5 au début de chaque jour, si bien que le stock moyen dans le temps s’écarte de celui du profil en dents de scie d’un demi-lot au plus`,
    ],
    [{ id: 'eoqOrders' }, `D / Q par an${NNBSP}; la fenêtre contient un nombre entier de commandes, le compte peut donc différer d’une commande`],
    [{ id: 'poissonStockoutCost' }, 'b E[commandes en attente] + p λ (1 - taux de service) par jour'],
    [{ id: 'baseStockPipeline' }, 'λ L unités en transit (loi de Little)'],
    [
      { id: 'reviewFillRate' },
      `1 - σ√(R+L) G(z) / (μR)${NNBSP}; la formule compte aussi les commandes en attente reportées du cycle précédent, E(D(L) - S)+ / (μR), d’où la tolérance`,
    ],
    [{ id: 'erlangOrders' }, `λ (1 - B)${NBSP}: une commande par unité vendue`],
    [
      { id: 'periodicSSCost' },
      'c(s, S) = K par jour de commande + h E[stock physique] + p E[commandes en attente], à la fin de chaque jour, après sa demande (une commande passée au début du jour t arrive au début du jour t + L, avant sa demande)',
    ],
    [
      { id: 'bullwhipSmoothing', alpha: 0.3, covered: 1 },
      `1 + 2αL + 2α²L²/(2 - α) avec α = 0,3 et L = délai + période de révision = 1${NBSP}jour, la demande que couvre le niveau de recomplètement${NNBSP}; une demande i.i.d. et un stock de sécurité constant rendent la borne exacte`,
    ],
    [
      { id: 'bullwhipMovingAverage', periods: 4, covered: 3 },
      `1 + 2L/p + 2L²/p² avec p = 4 et L = délai + période de révision = 3${NBSP}jours, la demande que couvre le niveau de recomplètement${NNBSP}; une demande i.i.d. et un stock de sécurité constant rendent la borne exacte`,
    ],
    [
      { id: 'mmcWait' },
      `W = Wq + 1/μ${NBSP}: chaque client attend tant qu’une tâche est au poste, l’attente moyenne est donc le temps moyen passé dans le système (loi de Little)`,
    ],
    [{ id: 'serialOnHand', stage: 2 }, 'E[I2], le stock physique moyen dans le temps à l’étage 2'],
    [
      { id: 'serialStockoutCost' },
      `b E[B1] + p λ (1 - taux de service)${NBSP}: le coût des commandes en attente par unité et par jour, et la pénalité par unité manquante`,
    ],
  ])('%j', (facts, expected) => {
    expect(french.theoryNote(noteOf(facts))).toBe(expected);
  });

  it('groups a large lump by threes with a narrow no-break space, as the English does not', () => {
    expect(theoryNoteText({ id: 'eoqOnHand', lump: 12500 })).toContain('lumps of 12500 at');
    expect(french.theoryNote(noteOf({ id: 'eoqOnHand', lump: 12500 }))).toContain(`par lots de 12${NNBSP}500 au`);
  });
});

/** the reason of a closed form outside the range, thrown by the engine */
function thrown(work: () => unknown): OutsideAnalyticRange {
  try {
    work();
  } catch (error) {
    if (error instanceof OutsideAnalyticRange) return error;
    throw error;
  }
  throw new Error('expected OutsideAnalyticRange');
}

describe('"outside the analytic model’s range" in French, one reason of each kind', () => {
  /** a variant outside the range, as web/worker/client.ts hands it to the table */
  function outside(path: string, edit: (data: Record<string, any>) => void): { model: string; message: string; reason: RangeReason } {
    const theory = theoryOfFile(path, edit);
    const variant = theory.variants.find((v) => v.outsideRange !== null);
    if (!variant || !variant.outsideRangeReason) throw new Error(`${path}: expected a variant outside the range`);
    return { model: theory.model, message: variant.outsideRange!, reason: variant.outsideRangeReason };
  }
  const paragraph = (model: string, reason: string): string =>
    `hors du domaine du modèle analytique${NBSP}: ${reason}${NNBSP}; les formules ${model} ne sont pas calculées pour cette variante (la simulation n’en est pas affectée)`;

  it.each<[string, string, (data: Record<string, any>) => void, string]>([
    [
      'steps: the (r, Q) levels',
      'scenarios/theory/rq-poisson.json',
      (data) => (data.variants[0].policies[0].policy.orderQuantity = 1e15),
      `la formule (r, Q) fait la moyenne sur Q = 1e15${NBSP}niveaux${NBSP}: elle demanderait environ 1,6e17${NBSP}étapes de calcul (la limite est de 100${NNBSP}000${NNBSP}000)`,
    ],
    [
      'a Poisson table',
      'scenarios/theory/rq-poisson.json',
      (data) => (data.lanes[0].leadTime.value = 1e6),
      `une demande de Poisson de moyenne 2${NNBSP}000${NNBSP}000 exige une table d’environ 2${NNBSP}070${NNBSP}812${NBSP}valeurs (la limite est de 1${NNBSP}000${NNBSP}000)`,
    ],
    [
      'steps: the (s, S) lead-time demand',
      'scenarios/theory/periodic-ss.json',
      (data) => (data.lanes[0].leadTime.value = 1e4),
      `un délai de 10${NNBSP}000${NBSP}périodes${NBSP}: la demande sur ce délai demanderait environ 80${NNBSP}008${NNBSP}000${NNBSP}000${NBSP}étapes de calcul (la limite est de 100${NNBSP}000${NNBSP}000)`,
    ],
    [
      'budget: the (s, S) formulas',
      'scenarios/theory/periodic-ss.json',
      (data) => (data.products[0].orderingCost = 1e15),
      `les formules (s, S) ne se sont pas terminées en 100${NNBSP}000${NNBSP}000${NBSP}étapes`,
    ],
    [
      'budget: the (r, Q) search',
      'scenarios/theory/rq-poisson.json',
      (data) => (data.products[0].backorderCostPerDay = 1e15),
      `la recherche du (r, Q) optimal ne s’est pas terminée en 100${NNBSP}000${NNBSP}000${NBSP}étapes`,
    ],
    [
      'budget: the Chen–Zheng recursion',
      'scenarios/theory/serial-three-stages.json',
      (data) => (data.lanes[0].leadTime.value = 1e4),
      `la récurrence de Chen–Zheng pour les niveaux d’échelon optimaux ne s’est pas terminée en 100${NNBSP}000${NNBSP}000${NBSP}étapes`,
    ],
  ])('%s (%s)', (_, path, edit, reason) => {
    const { model, message, reason: facts } = outside(path, edit);
    // the English is the engine's message, word for word
    expect(english.theoryOutsideRange(model, message, facts)).toBe(message);
    expect(french.theoryOutsideRange(model, message, facts)).toBe(paragraph(model, reason));
    // without facts, the engine's English is shown as it is
    expect(french.theoryOutsideRange(model, message, null)).toBe(message);
  });

  it.each<[string, () => unknown, string]>([
    [
      'a table for a sum of demands',
      () => {
        const half = new Float64Array(500_001).fill(1 / 500_001);
        return convolve(half, half);
      },
      `une somme de demandes exige une table de 1${NNBSP}000${NNBSP}001${NBSP}valeurs (la limite est de 1${NNBSP}000${NNBSP}000)`,
    ],
    [
      'steps: a convolution',
      () => convolve(new Float64Array(20_000), new Float64Array(20_000)),
      `une somme de demandes (convolution) demanderait environ 400${NNBSP}000${NNBSP}000${NBSP}étapes de calcul (la limite est de 100${NNBSP}000${NNBSP}000)`,
    ],
    [
      'steps: the M/M/1 make-to-stock optimum',
      () => optimalMakeToStockMM1({ demandPerDay: 1 - 1e-12, productionPerDay: 1, holdingCostPerUnitPerDay: 1e-9, backorderCostPerUnitPerDay: 1 }),
      `le stock de base optimal pour un taux d’utilisation de 0,999999999999 demanderait environ 20${NNBSP}723${NNBSP}724${NNBSP}282${NNBSP}364,5${NBSP}étapes de calcul (la limite est de 100${NNBSP}000${NNBSP}000)`,
    ],
    [
      'Erlang’s loss formula',
      () => erlangB(2e8, 1e9),
      `la formule de perte d’Erlang pour 200${NNBSP}000${NNBSP}000${NBSP}serveurs et une charge de 1${NNBSP}000${NNBSP}000${NNBSP}000 ne s’est pas terminée en 100${NNBSP}000${NNBSP}000${NBSP}étapes`,
    ],
  ])('%s', (_, work, reason) => {
    const error = thrown(work);
    expect(rangeReasonText(error.reason)).toBe(error.message);
    expect(english.theoryOutsideRange('model', `outside the analytic model's range: ${error.message}; the model formulas are not computed for this variant (the simulation is unaffected)`, error.reason)).toBe(
      `outside the analytic model's range: ${error.message}; the model formulas are not computed for this variant (the simulation is unaffected)`,
    );
    expect(french.theoryOutsideRange('model', '', error.reason)).toBe(paragraph('model', reason));
  }, 30_000);

  it('puts 0 and 1 in the singular', () => {
    const reason: RangeReason = { kind: 'steps', task: { id: 'periodicSSLeadTime', periods: 1 }, steps: 1, limit: 1 };
    expect(french.theoryOutsideRange('periodicSS', '', reason)).toBe(
      paragraph('periodicSS', `un délai de 1${NBSP}période${NBSP}: la demande sur ce délai demanderait environ 1${NBSP}étape de calcul (la limite est de 1)`),
    );
  });
});

describe('the literature, as written', () => {
  it('keeps the titles and writes « chap. » for "ch."', () => {
    const theory = theoryOfFile('scenarios/theory/newsvendor-normal.json');
    expect(french.theorySource(theory.source)).toBe(`Zipkin, Foundations of Inventory Management (2000), chap.${NBSP}9; Silver, Pyke & Thomas (2017), chap.${NBSP}11`);
    expect(french.theorySource(theoryOfFile('scenarios/theory/lost-sales-erlang.json').source)).toBe(
      `Palm (1938); Zipkin, Foundations of Inventory Management (2000), chap.${NBSP}7 (perte d’Erlang)`,
    );
  });
});
