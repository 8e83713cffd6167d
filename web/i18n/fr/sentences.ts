import { KPI_KINDS, KPI_NAMES, type KpiName } from '../../../src/metrics/kpis.ts';
import type { OptimizeSpec } from '../../../src/experiment/optimize.ts';
import { differencePrecision, HEADLINE } from '../../../src/experiment/compare.ts';
import type { BudgetDriver, BudgetFix, GraphRule, IssueDetail, MultiplierCause } from '../../../src/scenario/issues.ts';
import { MAX_ID_LENGTH, SCENARIO_VERSION, type SchemaRule } from '../../../src/scenario/rules.ts';
import type { LineDetail, PolicyProblem, RowDetail } from '../../../src/import/importReport.ts';
import type { ReasonDetail } from '../../../src/import/buildScenario.ts';
import type { FitWhy } from '../../../src/import/fitDemand.ts';
import { MIN_SELLING_SHARE } from '../../../src/import/closedDays.ts';
import { importStrings } from './import.ts';
import type { DifferenceFacts, sentences as English } from '../en/sentences.ts';
import type { ImportErrorDetail } from '../../../src/import/table.ts';
import { moneyUnit } from '../numberFormat.ts';
import { horsDomaine, noteEnFrancais, sourceEnFrancais } from './theory.ts';
import { nombre as compte, s } from './grammar.ts';

/**
 * The sentences the engine writes (src/), in French, from the facts it returns (web/i18n/en/sentences.ts
 * is the reference: same keys). Rounding is the engine's (differencePrecision), so a French figure has
 * the digits of its English twin. Typography: U+00A0 before « : » and units, U+202F before « ; ».
 */

/** a number as French writes it, to `digits` decimals: 22 515, 7,43 */
const nombre = (value: number, digits: number): string => {
  const text = value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // a difference that rounds to zero is written without a sign
  return /^-0(,0*)?$/.test(text) ? text.slice(1) : text;
};

/** each KPI with its article, and the agreement of « inchangé » with it */
const KPI_WORDS: Readonly<Record<KpiName, [string, '' | 'e' | 's' | 'es']>> = {
  fillRate: ['le taux de service', ''],
  cycleServiceLevel: ['le taux de service par cycle', ''],
  readyRate: ['la part du temps en stock', 'e'],
  onTimeDelivery: ['le taux de livraison à temps', ''],
  promiseAccuracy: ['la fiabilité des promesses', 'e'],
  abandonedCarts: ['le nombre de paniers abandonnés', ''],
  avgCustomerWait: ['l’attente moyenne des clients', 'e'],
  lostSalesUnits: ['les ventes perdues', 'es'],
  avgBackorders: ['la moyenne des commandes en attente', 'e'],
  noBackorderRate: ['la part du temps sans commande en attente', 'e'],
  waitingDemandShare: ['la part de la demande qui a attendu', 'e'],
  customerOrders: ['le nombre de commandes clients', ''],
  orderFillRate: ['la part des commandes livrées complètes et à temps', 'e'],
  avgDeliveryDays: ['le délai de livraison moyen', ''],
  deliveriesReceived: ['le nombre de livraisons reçues', ''],
  queueWait: ['l’attente d’un poste', 'e'],
  queueLength: ['le nombre de commandes en attente d’un poste', ''],
  waitProbability: ['la part des commandes qui ont attendu un poste', 'e'],
  utilisation: ['le taux d’occupation des postes', ''],
  avgOnHand: ['le stock physique moyen', ''],
  avgInventoryPosition: ['la position de stock moyenne', 'e'],
  avgPipeline: ['le stock en transit moyen', ''],
  inventoryTurns: ['la rotation des stocks', 'e'],
  daysOfSupply: ['la couverture de stock', 'e'],
  ordersPlaced: ['le nombre de commandes passées', ''],
  ordersReceived: ['le nombre de commandes reçues', ''],
  unitsReceived: ['le nombre d’unités reçues', ''],
  expiredUnits: ['le nombre d’unités périmées', ''],
  damagedUnits: ['le nombre d’unités endommagées', ''],
  obsoleteUnits: ['le nombre d’unités obsolètes soldées', ''],
  recalledUnits: ['le nombre d’unités rappelées', ''],
  returnedUnits: ['le nombre d’unités retournées', ''],
  markdownUnits: ['le nombre d’unités vendues à prix réduit', ''],
  shrinkageUnits: ['le nombre d’unités perdues sans enregistrement', ''],
  bullwhipRatio: ['le ratio d’effet coup de fouet', ''],
  endOfPeriodOnHand: ['le stock physique en fin de période', ''],
  endOfPeriodBackorders: ['les commandes en attente en fin de période', 'es'],
  costPerPeriod: ['le coût par période de révision', ''],
  outdatedPerPeriod: ['le nombre d’unités périmées par période', ''],
  endOfPeriodOnHandBeforeOutdating: ['le stock physique en fin de période avant péremption', ''],
  holdingCost: ['le coût de possession', ''],
  orderingCost: ['le coût de passation des commandes', ''],
  purchaseCost: ['le coût d’achat', ''],
  transportCost: ['le coût de transport', ''],
  stockoutCost: ['le coût de rupture', ''],
  expiryCost: ['le coût de péremption', ''],
  damageCost: ['le coût des avaries', ''],
  obsolescenceCost: ['le coût d’obsolescence', ''],
  recallCost: ['le coût des rappels de lot', ''],
  returnsCost: ['le coût des retours', ''],
  shrinkageCost: ['le coût de la démarque inconnue', ''],
  voucherCost: ['le coût des bons d’achat pour retard', ''],
  churnCost: ['le coût des clients perdus', ''],
  totalCost: ['le coût total', ''],
  revenue: ['le chiffre d’affaires', ''],
  profit: ['le bénéfice', ''],
  activeCustomers: ['le nombre de clients actifs', ''],
  customersChurned: ['le nombre de clients perdus', ''],
  demandLostToChurn: ['la demande perdue avec les clients', 'e'],
};

/** money differences name the window they cover, as the English ones do */
const isMoney = (kpi: KpiName): boolean => KPI_KINDS[kpi] === 'money';

/** "sur la fenêtre de 351 jours" */
const fenetre = (windowDays: number): string =>
  `sur la fenêtre de ${windowDays.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0jour${s(windowDays)}`;

/** the unit after a figure of this KPI, with its no-break space: " points", " EUR", " jours" */
function unitOf(kpi: KpiName, value: number, currency: string): string {
  const kind = KPI_KINDS[kpi];
  if (kind === 'ratio') return `\u00a0point${s(value)}`;
  if (kind === 'money') return `\u00a0${moneyUnit(currency, 'fr')}`;
  if (kind === 'days') return `\u00a0jour${s(value)}`;
  return '';
}

const clause = (difference: DifferenceFacts, currency: string, windowDays: number): string => {
  const { kpi, mean, halfWidth, significant } = difference;
  const { scale, digits } = differencePrecision(kpi, mean, halfWidth);
  const number = (value: number) => nombre(value * scale, digits);
  const [label, agreement] = KPI_WORDS[kpi];
  const size = Math.abs(mean) * scale;
  const unit = unitOf(kpi, size, currency);
  const window = isMoney(kpi) ? ` ${fenetre(windowDays)}` : '';
  if (!significant) {
    const signed = `${mean >= 0 ? '+' : '−'}${number(Math.abs(mean))}${unit}`;
    return `laisse ${label} inchangé${agreement} aux erreurs près (${signed}${halfWidth === null ? '' : ` ±${number(halfWidth)}`}${window})`;
  }
  return `${mean > 0 ? 'augmente' : 'réduit'} ${label} de ${number(Math.abs(mean))}${unit}${window}${halfWidth === null ? '' : ` (±${number(halfWidth)})`}`;
};

/** "le plancher fillRate ≥ 0,95" (the KPI by its id, as the English names it), or the objective when there is no floor */
const floorOf = (constraint: OptimizeSpec['constraint'] | null): string =>
  constraint ? `le plancher ${constraint.kpi} ≥ ${constraint.atLeast.toLocaleString('fr-FR', { maximumFractionDigits: 6 })}` : 'l’objectif';

/** "a, b et c" */
const enumeration = (parts: string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`);

/** zod's type names, as the thing expected, with the agreement of « attendu » */
const TYPES: Readonly<Record<string, string>> = {
  number: 'nombre attendu',
  int: 'nombre entier attendu',
  string: 'texte attendu',
  boolean: 'valeur true ou false attendue',
  array: 'liste attendue',
  object: 'objet attendu',
};

/** a value as the user wrote it; a plain number in French digits (2,5) */
const ecrit = (got: string): string => (/^-?\d+(\.\d+)?$/.test(got) ? Number(got).toLocaleString('fr-FR', { maximumFractionDigits: 20 }) : got);
/** ", reçu -5", or that nothing was written */
const recu = (got: string | null): string => (got === null ? ', mais rien n’est écrit (le champ est obligatoire)' : `, reçu ${ecrit(got)}`);
/** "a, b ou c" */
const alternatives = (parts: string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ou ${parts[parts.length - 1]}`);
const WHAT: Readonly<Record<'node' | 'product' | 'lane', string>> = { node: 'nœud inconnu', product: 'produit inconnu', lane: 'liaison inconnue' };

/** a number three significant digits at most: 12,3 */
const trois = (value: number): string => Number(value.toPrecision(3)).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
/** a count of any size, as src/experiment/runBudget.ts count(): 12 345, 12,3 millions, 1,2 × 10^15 */
function grand(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e300) return 'illimité';
  const abs = Math.abs(value);
  if (abs < 1e6) return value.toLocaleString('fr-FR', { maximumFractionDigits: abs < 10 ? 2 : 0 });
  if (abs < 1e9) return `${trois(value / 1e6)}\u00a0million${value / 1e6 >= 2 ? 's' : ''}`;
  if (abs < 1e12) return `${trois(value / 1e9)}\u00a0milliard${value / 1e9 >= 2 ? 's' : ''}`;
  const exponent = Math.floor(Math.log10(abs));
  return `${trois(value / 10 ** exponent)} × 10^${exponent}`;
}
/** 850 Mo, 7,2 Go, 1,3 To */
function octets(value: number): string {
  if (!Number.isFinite(value)) return 'une mémoire illimitée';
  if (value < 1e9) return `${trois(value / 1e6)}\u00a0Mo`;
  if (value < 1e12) return `${trois(value / 1e9)}\u00a0Go`;
  return `${trois(value / 1e12)}\u00a0To`;
}
/** 40 secondes, 25 minutes, 6 heures, 3,4 jours, 12 ans */
function duree(seconds: number): string {
  const unit = (value: number, word: string) => `${trois(value)}\u00a0${word}${Number(value.toPrecision(3)) >= 2 ? 's' : ''}`;
  if (!Number.isFinite(seconds)) return 'un temps infini';
  if (seconds < 90) return unit(seconds, 'seconde');
  if (seconds < 90 * 60) return unit(seconds / 60, 'minute');
  if (seconds < 48 * 3600) return unit(seconds / 3600, 'heure');
  if (seconds < 730 * 86400) return unit(seconds / 86400, 'jour');
  const years = seconds / (365 * 86400);
  return `${grand(years)}\u00a0an${years >= 2 ? 's' : ''}`;
}
/** "12 points de stock", "1 réplication": a count with its noun, singular for 0 and 1 */
const de = (n: number, one: string, many: string): string => {
  const number = grand(n);
  const noun = Math.abs(n) >= 2 ? many : one;
  // "2 millions de réplications", "5 milliards d’événements"
  if (!/milli(on|ard)s?$/.test(number)) return `${number} ${noun}`;
  return /^[aeiouyéèh]/i.test(noun) ? `${number} d’${noun}` : `${number} de ${noun}`;
};

/** what drives a run's size, in French (src/scenario/issues.ts BudgetDriver) */
function driverInFrench(driver: BudgetDriver): string {
  const series = (facts: { days: number; rows: number }) => `${de(facts.days, 'jour', 'jours')} × ${de(facts.rows, 'série quotidienne', 'séries quotidiennes')}`;
  switch (driver.kind) {
    case 'daysByPoints':
      return `${de(driver.days, 'jour', 'jours')} × ${de(driver.stockPoints, 'point de stock', 'points de stock')}`;
    case 'series':
      return series(driver);
    case 'streams':
      return `${de(driver.streams, 'flux de demande quotidienne', 'flux de demande quotidienne')} × ${de(driver.days, 'jour', 'jours')}`;
    case 'customers':
      return `${de(driver.customers, 'client', 'clients')} (${grand(driver.perDay)} par jour × ${de(driver.stockPoints, 'point de stock', 'points de stock')} × ${de(driver.days, 'jour', 'jours')}${
        driver.multiplier === null ? '' : `, × ${grand(driver.multiplier)} en moyenne pour la saisonnalité, la croissance et les chocs`
      })`;
    case 'runs':
      return `${de(driver.replications, 'réplication', 'réplications')} × ${de(driver.variants, 'variante', 'variantes')}, ${duree(driver.secondsPerRun)} chacune`;
    case 'events':
      return `${de(driver.events, 'événement', 'événements')} ${driver.runs >= 2 ? `dans chacune des ${grand(driver.runs)} simulations` : 'dans la simulation'}, surtout ${driverInFrench(driver.mostly)}`;
    case 'results':
      return `les résultats de ${de(driver.runs, 'simulation', 'simulations')} (${de(driver.replications, 'réplication', 'réplications')} × ${de(driver.variants, 'variante', 'variantes')}, ${de(driver.stockPoints, 'point de stock', 'points de stock')}${
        driver.series === null ? '' : ` et ${series(driver.series)}`
      } chacune)`;
    case 'keptSeries':
      return `les séries quotidiennes de ${de(driver.runs, 'simulation', 'simulations')} (${series(driver)})`;
    case 'ordersInTransit':
      return `environ ${de(driver.orders, 'commande en transit', 'commandes en transit')} à la fois à ${driver.at} (${grand(driver.perDay)} client${driver.perDay >= 2 ? 's' : ''} par jour en moyenne, chacun commandant à l’unité, × ${de(driver.leadDays, 'jour', 'jours')} de délai)`;
    case 'multipliedCustomers':
      return `${de(driver.customers, 'client', 'clients')} (${grand(driver.perDay)} par jour × ${de(driver.stockPoints, 'point de stock', 'points de stock')}, multipliés ${driver.factor === null ? 'sans limite' : `par ${grand(driver.factor)} en moyenne`} par ${causeInFrench(driver.by)}, sur ${de(driver.days, 'jour', 'jours')})`;
    case 'returnDraws':
      return `${de(driver.draws, 'tirage', 'tirages')} pour les retours de ${de(driver.units, 'unité', 'unités')} ${driver.per === 'customer' ? 'par client' : 'par jour'}`;
    case 'shockWindows': {
      const windows = `${de(driver.windows, 'fenêtre', 'fenêtres')} du choc ${driver.shock} (${grand(driver.perYear)} par an sur ${de(driver.days, 'jour', 'jours')})`;
      return driver.streams === null ? `les ${windows}, gardées en mémoire à la fois` : `${windows} dans chacun des ${de(driver.streams, 'flux de demande', 'flux de demande')}`;
    }
    case 'newCustomers':
      return `${de(driver.customers, 'nouveau client', 'nouveaux clients')} (${grand(driver.perDay)} par jour sur ${de(driver.days, 'jour', 'jours')})`;
    case 'reviews':
      return `${de(driver.reviews, 'révision', 'révisions')} (${driver.every === 1 ? 'chaque jour' : `tous les ${de(driver.every, 'jour', 'jours')}`})`;
    case 'lotsReceived':
      return `les ${de(driver.lots, 'lot reçu', 'lots reçus')} à ${driver.at} à chaque simulation`;
    case 'lotOperations':
      return `les lots de ${de(driver.sales, 'vente', 'ventes')} et ${de(driver.receipts, 'réception', 'réceptions')} à ${driver.at}`;
    case 'fefo':
      return `la sortie FEFO parcourant environ ${de(driver.lots, 'lot', 'lots')} en rayon à chacune des ${de(driver.sales, 'vente', 'ventes')}`;
    case 'shelfLoss':
      return `${de(driver.draws, 'tirage', 'tirages')} d’unités perdues en rayon (${driver.level === null ? 'un stock physique que la politique ne borne pas' : `jusqu’à environ ${de(driver.level, 'unité', 'unités')} en stock`}, chaque jour${driver.lots === null ? '' : `, en environ ${de(driver.lots, 'lot', 'lots')}`})`;
    case 'disruptions':
      return de(driver.disruptions, 'perturbation', 'perturbations');
    case 'disruptionWindows':
      return `les ${de(driver.windows, 'fenêtre', 'fenêtres')} de la perturbation ${driver.disruption}, gardées pendant toute la simulation`;
    case 'workerRun':
      return `la simulation d’un processus de calcul (${driver.series === null ? '' : `${series(driver.series)}\u202f; `}${de(driver.streams, 'flux de demande', 'flux de demande')} × ${de(driver.days, 'jour', 'jours')} de multiplicateurs)`;
  }
}

/** what multiplies a demand's customers the most, in French */
function causeInFrench(cause: MultiplierCause): string {
  switch (cause.kind) {
    case 'weekly':
      return 'le profil hebdomadaire';
    case 'yearly':
      return 'le profil annuel';
    case 'trend':
      return 'la tendance';
    case 'growth':
      return 'la base de clients qui croît sans attrition';
    case 'shock':
      return cause.overlap === null
        ? `le choc ${cause.shock}`
        : `le choc ${cause.shock}, dont les fenêtres se chevauchent (environ ${grand(cause.overlap)} à la fois en moyenne) et se multiplient`;
  }
}

/** what to change to bring a run within its limits, in French */
const FIXES: Readonly<Record<BudgetFix, string>> = {
  fewerRuns: 'lancez moins de réplications ou de variantes',
  rarerOccurrences: 'rendez ces occurrences plus rares ou raccourcissez horizonDays',
  fewerLots: 'commandez moins souvent, en plus grandes quantités (chaque réception d’un fournisseur est un lot), ou raccourcissez horizonDays',
  shorterWithSeries: 'raccourcissez horizonDays, enregistrez moins de séries quotidiennes (output.series «\u00a0network\u00a0» ou «\u00a0none\u00a0») ou lancez moins de réplications',
  shorter: 'raccourcissez horizonDays ou lancez moins de réplications',
  fewerCustomers: 'baissez customersPerDay (simulez un échantillon des clients) ou raccourcissez horizonDays',
  fewerNewCustomers: 'baissez newPerDay ou raccourcissez horizonDays',
  rarerShock: 'rendez le choc plus rare ou plus court (ses fenêtres se chevauchent, et des fenêtres qui se chevauchent multiplient la demande), ou baissez son multiplicateur',
  fifo: 'sortez les lots en FIFO, ou gardez moins de lots (commandez moins souvent, en plus grandes quantités)',
  lowerLevels: 'baissez les niveaux de stock ou la probabilité de perte quotidienne',
  lowerPattern: 'baissez les multiplicateurs du profil (ils multiplient customersPerDay\u202f; 1 est un jour ordinaire)',
  lowerShock: 'baissez le multiplicateur du choc ou raccourcissez-le (les fenêtres d’un choc aléatoire qui se chevauchent se multiplient)',
  realisticDemand: 'ramenez la demande à une taille réaliste ou raccourcissez horizonDays',
  lowerTrend: 'baissez trendPerYear ou raccourcissez horizonDays',
  realisticValue: 'ramenez cette valeur à une taille réaliste ou raccourcissez horizonDays',
};

/** a problem's facts in French (src/scenario/issues.ts IssueDetail); null for a kind this file does not word */
function issueInFrench(detail: IssueDetail): string | null {
  switch (detail.kind) {
    case 'wrongType': {
      const expected = TYPES[detail.expected];
      return expected === undefined ? null : `${expected}${recu(detail.got)}`;
    }
    case 'tooSmall':
    case 'tooLarge': {
      const relation = detail.kind === 'tooSmall' ? (detail.inclusive ? 'supérieur ou égal à' : 'supérieur à') : detail.inclusive ? 'inférieur ou égal à' : 'inférieur à';
      return `nombre ${relation} ${detail.bound.toLocaleString('fr-FR', { maximumFractionDigits: 20 })} attendu${recu(detail.got)}`;
    }
    case 'notOneOf': {
      const options = detail.more > 0 ? `${detail.options.join(', ')} et ${compte(detail.more)} autre${s(detail.more)} (comme écrit dans le format de scénario)` : alternatives(detail.options);
      return detail.field === null ? `valeur attendue parmi ${options}${recu(detail.got)}` : `${detail.field} doit valoir ${options}${recu(detail.got)}`;
    }
    case 'unknownFields': {
      const count = detail.fields.length + detail.more;
      const fields = detail.more > 0 ? `${detail.fields.join(', ')} et ${compte(detail.more)} autre${s(detail.more)}` : enumeration(detail.fields);
      return `champ${s(count)} inconnu${s(count)} ${fields} (les noms de champ distinguent majuscules et minuscules\u202f; voir le format de scénario dans docs/SCENARIO.md)`;
    }
    case 'unknownReference': {
      const known = detail.known.length === 0 ? 'aucun' : `${detail.known.join(', ')}${detail.more > 0 ? ` et ${compte(detail.more)} autre${s(detail.more)}` : ''}`;
      return `${WHAT[detail.what]} «\u00a0${detail.name}\u00a0» (connus\u00a0: ${known})`;
    }
    case 'duplicateId':
      return `identifiant «\u00a0${detail.name}\u00a0» en double`;
    case 'notAnId':
      return `identifiant attendu\u00a0: lettres, chiffres, _ . : - (sans espace), commençant par une lettre ou un chiffre${recu(detail.got)}`;
    case 'runBudget': {
      const then = `${FIXES[detail.fix]}${detail.beyond === null ? '' : `, ou ${detail.beyond}`}`;
      if (detail.limit === 'memory') {
        return `cette simulation demande environ ${octets(detail.needs ?? Infinity)} de mémoire pour ${driverInFrench(detail.driver)}\u202f; la limite est de ${octets(detail.allowed)}\u00a0: ${then}`;
      }
      const needs = detail.needs === null ? 'cette simulation demande un calcul sans limite' : `cette simulation demande environ ${duree(detail.needs)} de calcul sur un cœur`;
      return `${needs} (${driverInFrench(detail.driver)})\u202f; la limite est de ${duree(detail.allowed)}\u00a0: ${then}`;
    }
    case 'pendingEvents':
      return `cette simulation garderait ${driverInFrench(detail.driver)}, chacune un événement en attente\u202f; le moteur en garde au plus ${grand(detail.allowed)} à la fois\u00a0: ${FIXES[detail.fix]}, ou raccourcissez le délai${detail.beyond === null ? '' : `, ou ${detail.beyond}`}`;
    case 'warmupTooLong':
      return `période de chauffe attendue plus courte que horizonDays (${compte(detail.horizonDays)}), reçu ${compte(detail.warmupDays)}`;
    case 'rule':
      return `${RULES[detail.rule]}${detail.got === null ? '' : `, reçu ${ecrit(detail.got)}`}`;
    case 'textTooLong':
      return `texte de ${compte(detail.max)}\u00a0caractères au plus attendu, reçu un texte de ${compte(detail.length)}\u00a0caractères`;
    case 'brokenCharacter':
      return `${detail.fieldName ? 'nom de champ' : 'texte'} fait de caractères entiers attendu\u202f; une moitié de paire de caractères trouvée (${detail.codePoint}, un échappement \\u${detail.codePoint.slice(2).toLowerCase()} coupé) au caractère ${compte(detail.at)}`;
    case 'notJsonData':
      return `${detail.plainObject ? 'données JSON attendues (un objet simple)' : 'données JSON attendues (texte, nombre, true ou false, null, liste ou objet)'}, reçu ${detail.got}`;
    case 'tooDeep':
      return `plus de ${compte(detail.max)}\u00a0niveaux d’imbrication (listes ou objets les uns dans les autres)\u202f; aucun champ de scénario n’en demande autant`;
    case 'tooManyValues':
      return `le scénario contient plus de ${compte(detail.max)}\u00a0valeurs (nombres, textes, listes et objets)\u202f; il est trop volumineux pour être lu`;
    case 'reservedName':
      return `un champ ne peut pas s’appeler «\u00a0${detail.name}\u00a0» (ce nom est réservé par JavaScript, et aucun champ de scénario ne l’utilise)\u202f; supprimez-le`;
    case 'notFinite':
      return detail.value === 'NaN'
        ? 'nombre fini attendu, reçu NaN (pas un nombre)'
        : `nombre fini attendu, reçu un nombre ${detail.value === '-Infinity' ? 'négatif ' : ''}trop grand pour être représenté (au-delà de 1,8e308, comme ${detail.value === '-Infinity' ? '-' : ''}1e400)`;
    case 'variantWork':
      return `${nb(detail.variants, 'variante modifie', 'variantes modifient')} le scénario avec «\u00a0set\u00a0», et chacune est vérifiée comme un scénario entier de ${nb(detail.values, 'valeur')}\u00a0: ${nb(detail.work, 'valeur')} en tout, plus que les ${compte(detail.max)} que Stocklab vérifie\u202f; gardez au plus ${nb(detail.most, 'variante de ce genre', 'variantes de ce genre')}, ou exprimez-les en surcharges de politique («\u00a0policies\u00a0»), dont la vérification ne coûte rien`;
    case 'csvNotHere':
      return `impossible de lire ${detail.file} ici\u202f; collez les valeurs quotidiennes dans «\u00a0series\u00a0» sous forme de liste de nombres`;
    case 'graph':
      return GRAPH[detail.rule](detail.facts);
    case 'scenarioTextTooLarge':
      return `le texte du scénario fait ${compte(detail.megabytes)}\u00a0Mo\u202f; Stocklab lit des scénarios de ${compte(detail.maxMegabytes)}\u00a0Mo au plus`;
    case 'jsonSyntax':
      return detail.line === null || detail.column === null
        ? `JSON non valide\u00a0: ${detail.engine}`
        : `JSON non valide à la ligne ${compte(detail.line)}, colonne ${compte(detail.column)}\u00a0: ${detail.engine}`;
    case 'controlCharacter':
      return `texte sans caractère de contrôle attendu\u202f; ${detail.codePoint} trouvé au caractère ${compte(detail.at)}${detail.got === null ? '' : `, reçu ${detail.got}`}`;
  }
}

/** a name in French quotes: « dc-east » */
const g = (name: string | number | undefined): string => `«\u00a0${name ?? ''}\u00a0»`;
/** a list of names (already joined with commas), each in quotes, or « aucun » */
const gs = (names: string | number | undefined): string => (names === undefined || names === '' ? 'aucun' : String(names).split(', ').map(g).join(', '));
/** a node's type, as the messages name it */
const TYPE: Readonly<Record<string, string>> = { supplier: 'un fournisseur', warehouse: 'un entrepôt', store: 'un magasin', zone: 'une zone en ligne', plant: 'une usine' };
const type = (name: string | number | undefined): string => TYPE[String(name)] ?? String(name);
/** what cannot be negative (src/scenario/references.ts checkNonNegative) */
const WHAT_CANNOT_BE_NEGATIVE: Readonly<Record<string, string>> = {
  'lead time': 'un délai',
  'an order quantity': 'une quantité commandée',
  'daily demand': 'une demande quotidienne',
  'a pick-and-pack time': 'un temps de préparation',
  'a transit time': 'un temps de transport',
  'a tolerance': 'une tolérance',
  'a duration': 'une durée',
};
const cannotBeNegative = (what: string | number | undefined): string => `${WHAT_CANNOT_BE_NEGATIVE[String(what)] ?? String(what)} ne peut pas être négati${/^une /.test(WHAT_CANNOT_BE_NEGATIVE[String(what)] ?? '') ? 've' : 'f'}`;
const num = (value: string | number | undefined): string => (typeof value === 'number' ? value.toLocaleString('fr-FR', { maximumFractionDigits: 20 }) : String(value));
/** the anchoring-and-adjustment rule's symbols, as French writes them (src/scenario/references.ts gives theta, alpha_S, beta, S') */
const SYMBOLS: Readonly<Record<string, string>> = { theta: 'thêta', alpha_S: 'alpha_S', beta: 'bêta', "S'": 'S′' };
const symbol = (name: string | number | undefined): string => SYMBOLS[String(name)] ?? String(name);

/** the checks between a scenario's parts, in French (src/scenario/references.ts) */
const GRAPH: Readonly<Record<GraphRule, (f: Readonly<Record<string, string | number>>) => string>> = {
  duplicateLane: (f) => `liaison ${g(f.lane)} en double (donnez à l’une des deux son propre identifiant)`,
  secondLane: (f) => `une deuxième liaison de ${g(f.from)} vers ${g(f.to)}\u202f; un point de stock ne pourrait pas les distinguer (utilisez une seule liaison)`,
  laneToItself: (f) => `une liaison ne peut pas aller d’un nœud vers lui-même (${g(f.node)})`,
  laneIntoSupplier: (f) => `une liaison ne peut pas mener à un fournisseur (${g(f.node)})`,
  serversWithoutLeadTime: (f) => `les serveurs traitent les commandes pendant le leadTime du fournisseur (le temps de traitement d’une commande), que ${g(f.node)} ne donne pas`,
  supplierHoldsNoStock: (f) => `${g(f.node)} est un fournisseur\u202f; un fournisseur n’a pas de point de stock (il livre depuis un approvisionnement illimité ou limité par sa capacité)`,
  zoneHoldsNoStock: (f) => `${g(f.node)} est une zone en ligne\u202f; elle n’a pas de stock (ses commandes partent des entrepôts que nomme son entrée de fulfilment)`,
  stockPointTwice: (f) => `le point de stock ${f.key} est défini deux fois`,
  severalInboundLanes: (f) => `le nœud ${g(f.node)} a plusieurs liaisons entrantes (depuis ${gs(f.sources)})\u00a0: indiquez celle par laquelle il commande`,
  noInboundLane: (f) => `le nœud ${g(f.node)} n’a aucune liaison entrante pour être réapprovisionné\u00a0: ajoutez une liaison vers ${g(f.node)}`,
  noLaneFromSource: (f) => `aucune liaison de ${g(f.source)} vers ${g(f.node)} (les liaisons vers ${g(f.node)} viennent de\u00a0: ${gs(f.sources)})`,
  sourceWithoutStockPoint: (f) => `${g(f.node)} commande ${f.product} à ${g(f.source)}, qui n’a pas de point de stock pour ${f.product}\u00a0: ajoutez-en un ou commandez à un fournisseur`,
  sourcingLoop: (f) => `l’approvisionnement de ${f.product} tourne en boucle\u00a0: ${f.loop}`,
  fairShareNeedsPartial: () => 'un partage équitable livre une partie de chaque commande\u00a0: il faut shortageShipping «\u00a0partial\u00a0» ici (reçu «\u00a0complete\u00a0»)',
  rankOfUnsupplied: (f) => `${g(f.node)} ne commande rien à ce point de stock (nœuds qu’il approvisionne\u00a0: ${gs(f.supplied)})`,
  zoneDemandIsArrivals: (f) => `la demande d’une zone en ligne (${g(f.node)}) est un flux de commandes\u00a0: «\u00a0arrivals\u00a0» attendu, reçu ${g(f.type)}`,
  demandWithoutStockPoint: (f) => `la demande de ${f.product} à ${g(f.node)} demande un point de stock ${f.key}`,
  segmentNeeded: (f) => `la demande de ${f.key} a plusieurs entrées (${f.entries})\u00a0: donnez à chacune un identifiant «\u00a0segment\u00a0»`,
  orderCountNotWhole: (f) => `un nombre de commandes par jour est entier\u00a0: loi de nombres entiers attendue (poisson, negativeBinomial, discreteUniform, ou constant et empirical à valeurs entières), reçu ${g(f.type)}`,
  zoneDemandDelivery: (f) => `les commandes d’une zone en ligne (${g(f.node)}) sont livrées comme le dit son entrée de fulfilment\u00a0: retirez «\u00a0delivery\u00a0» ici`,
  segmentTwice: (f) => `segment ${g(f.segment)} en double pour ${f.key} (déjà dans ${f.other})`,
  duplicateShock: (f) => `nom de choc ${g(f.name)} en double dans cette entrée de demande`,
  duplicateDisruption: (f) => `nom de perturbation ${g(f.name)} en double`,
  serviceTargetNoOrderingCost: (f) => `une politique serviceTarget pour ${f.product} demande orderQuantity quand le coût de commande est nul (la quantité économique serait 0)`,
  serviceTargetNoHoldingCost: (f) => `une politique serviceTarget pour ${f.product} demande orderQuantity quand le coût de possession est nul (la quantité économique serait infinie)`,
  scheduleBeyondHorizon: (f) => `jour antérieur à l’horizon (${num(f.horizonDays)}\u00a0jours) attendu, reçu ${num(f.day)}\u00a0: cette commande ne serait jamais passée`,
  anchorAndAdjustParameter: (f) => `${f.field} (${symbol(f.symbol)}) attendu, ou des estimations publiées (estimates) qui le donnent (connues\u00a0: ${f.known})`,
  scriptedPeriodEmpty: (f) => `untilDay postérieur à fromDay (${num(f.fromDay)}) attendu, reçu ${num(f.untilDay)}`,
  scriptedPeriodsOverlap: (f) =>
    `les périodes de commandes imposées se chevauchent\u00a0: [${num(f.fromDay)}\u202f; ${num(f.untilDay)}[ commence avant la fin de [${num(f.otherFromDay)}\u202f; ${num(f.otherUntilDay)}[ (${f.other})`,
  scriptedOrdersNeedPeriodic: (f) =>
    `les commandes imposées remplacent celles des révisions périodiques, et une politique ${f.policy} (en ${f.at}) révise en continu\u00a0: donnez une politique périodique (periodicRS, passThrough, anchorAndAdjust…)`,
  customersWithoutDemand: (f) => `aucune demande n’est définie à ${g(f.node)}\u00a0: ses clients n’achèteraient rien`,
  customersTwice: (f) => `les clients de ${g(f.node)} sont définis deux fois`,
  outageNotSupplier: (f) => `${g(f.node)} est ${type(f.type)}, pas un fournisseur (utilisez capacityLoss pour un entrepôt)`,
  noCapacityToLose: (f) => `${g(f.node)} n’a pas de capacityPerDay à perdre\u00a0: donnez-lui en une`,
  notAZone: (f) => `${g(f.node)} est ${type(f.type)}, pas une zone en ligne (utilisez leadTimeMultiplier pour les liaisons)`,
  fulfilmentNotZone: (f) => `${g(f.node)} est ${type(f.type)}, pas une zone en ligne (un nœud de type «\u00a0zone\u00a0»)`,
  fulfilmentTwice: (f) => `${g(f.node)} a deux entrées de fulfilment\u00a0: donnez-lui en une, qui liste ses entrepôts du plus proche au plus lointain`,
  shipsFromWarehouses: (f) => `${g(f.node)} est ${type(f.type)}\u202f; les commandes en ligne partent des entrepôts`,
  warehouseLacksProduct: (f) => `${g(f.node)} n’a pas de point de stock pour ${f.product}, que ${g(f.zone)} commande`,
  warehouseListedTwice: (f) => `${g(f.node)} est cité deux fois`,
  expressWithoutEntry: () => 'un transport express s’applique à l’option express\u00a0: donnez à la zone une entrée express (share, transitDays, pricePremium)',
  zoneWithoutFulfilment: (f) => `la zone en ligne ${g(f.node)} a une demande mais aucune entrée de fulfilment nommant les entrepôts qui la servent`,
  laneToZone: (f) => `${g(f.node)} est une zone en ligne\u202f; ses livraisons se règlent dans son entrée de fulfilment, pas par des liaisons`,
  recallNotSupplier: (f) => `${g(f.node)} est ${type(f.type)}, pas un fournisseur\u202f; un rappel nomme le fournisseur dont il couvre les lots`,
  recallProductNotShipped: (f) => `${g(f.node)} ne livre ${g(f.product)} à aucun point de stock\u00a0: il n’y a rien à rappeler`,
  recallShipsNothing: (f) => `${g(f.node)} ne livre aucun point de stock\u00a0: il n’y a rien à rappeler`,
  overrideMatchesNothing: () => 'cette surcharge ne correspond à aucun point de stock',
  markdownNeedsShelfLife: () => 'une démarque s’applique à l’approche de la date de péremption\u00a0: donnez au produit un shelfLifeDays',
  markdownNeedsPrice: () => 'une démarque baisse le prix\u00a0: donnez au produit un price',
  markdownTooLong: (f) => `moins de jours que la durée de conservation (${num(f.shelfLifeDays)}) attendus, reçu ${num(f.withinDays)}\u00a0: chaque unité serait démarquée`,
  unknownStorageClass: (f) => `aucun entrepôt ni magasin n’a la storageClass ${g(f.storageClass)} (connues\u00a0: ${f.known || 'aucune'})`,
  endOfLifeWholeDay: (f) => `jour entier attendu (la demande s’arrête au début de ce jour), reçu ${num(f.day)}`,
  issuingNeedsLots: (f) => `issuing s’applique aux produits gérés par lots (avec shelfLifeDays, ou couverts par un rappel)\u202f; ${g(f.product)} ne l’est pas`,
  negativeDraw: (f) => `${cannotBeNegative(f.what)}, mais cette distribution peut tirer ${num(f.lowest)}`,
  negativeMean: (f) => `${cannotBeNegative(f.what)}\u00a0: moyenne supérieure ou égale à 0 attendue, reçu ${num(f.mean)}`,
};

/** the schema's own rules (src/scenario/rules.ts), in French */
const RULES: Readonly<Record<SchemaRule, string>> = {
  finite: 'nombre fini attendu',
  positive: 'nombre positif attendu',
  nonNegative: 'nombre supérieur ou égal à 0 attendu',
  probability: 'probabilité comprise entre 0 et 1 attendue',
  wholeNumber: 'nombre entier attendu',
  idTooLong: `identifiant de ${compte(MAX_ID_LENGTH)}\u00a0caractères au plus attendu`,
  notAnId: 'identifiant attendu\u00a0: lettres, chiffres, _ . : - (sans espace), commençant par une lettre ou un chiffre',
  laneIdTooLong: `identifiant de liaison de ${compte(2 * MAX_ID_LENGTH + 2)}\u00a0caractères au plus attendu`,
  notALaneId: 'identifiant de liaison attendu\u00a0: l’identifiant propre de la liaison, ou «\u00a0origine->destination\u00a0» (from->to)',
  atLeastOneId: 'au moins un identifiant attendu',
  maxAboveMin: 'max supérieur à min attendu',
  maxAtLeastMin: 'max supérieur ou égal à min attendu',
  overDispersed: 'sd² supérieur à mean attendu (une binomiale négative est surdispersée\u202f; utilisez poisson quand sd² = mean)',
  triangularOrder: 'min ≤ mode ≤ max et min < max attendus',
  atLeastOneValue: 'au moins une valeur attendue',
  weightsPerValue: 'autant de poids que de valeurs attendus',
  positiveWeight: 'au moins un poids positif attendu',
  probabilityAboveZero: 'probabilité supérieure à 0 attendue (avec 0, rien n’est jamais tiré\u00a0: retirez cette demande)',
  endAfterStart: 'end supérieur à start attendu',
  discount: 'remise dans ]0, 1] attendue',
  wholeNumberAtLeastOne: 'nombre entier supérieur ou égal à 1 attendu',
  orderUpToAboveReorderPoint: 'orderUpTo supérieur à reorderPoint attendu',
  levelBetween: 'niveau strictement compris entre 0 et 1 attendu',
  atLeastOnePeriod: 'au moins 1\u00a0période attendue',
  alpha: 'alpha dans ]0, 1] attendu',
  atLeastOneOrder: 'au moins une commande attendue',
  atLeastOneThingToTry: 'au moins une chose à essayer attendue',
  notEmptyText: 'un texte attendu',
  scheduleDaysIncreasing: 'jour postérieur à celui de la commande précédente attendu (commandes par jour croissant)',
  repeatAfterLastOrder: 'repeatEveryDays supérieur au nombre de jours entre la première et la dernière commande attendu (chaque cycle contient chaque commande une fois)',
  wholeDaysAtLeastOne: 'nombre entier de jours supérieur ou égal à 1 attendu',
  weeklyMultipliers: '7\u00a0multiplicateurs hebdomadaires attendus, lundi en premier',
  yearlyMultipliers: '12\u00a0multiplicateurs mensuels attendus, janvier en premier',
  atLeastOneDay: 'au moins un jour d’historique attendu',
  ordersPerDayOrHistory: 'soit ordersPerDay (une loi du nombre de commandes par jour), soit history (le nombre de commandes de chaque jour) attendu, pas les deux',
  skuWithLocation: '«\u00a0sku\u00a0» attendu avec «\u00a0location\u00a0» (un site choisit des lignes d’un fichier long, par référence)',
  atLeastOneCustomer: 'au moins 1\u00a0client attendu',
  fraction: 'fraction dans ]0, 1] attendue',
  atLeastOneWarehouse: 'au moins un entrepôt attendu',
  receivedToAfterFrom: 'receivedTo supérieur à receivedFrom attendu',
  announcedAfterReceived: 'announcedOn supérieur ou égal à receivedTo attendu (un rappel concerne des lots déjà reçus)',
  jsonPointer: 'pointeur JSON attendu, comme «\u00a0/stockPoints/0/issuing\u00a0»',
  overrideValue: 'valeur à placer au chemin attendue',
  version: `version ${SCENARIO_VERSION} attendue`,
  kpiName: `nom de KPI attendu (${KPI_NAMES.join(', ')})`,
  atLeastOneKpi: 'au moins un KPI attendu',
  atMostSixKpis: '6\u00a0KPI au plus attendus (les cartes les affichent côte à côte)',
  eachKpiOnce: 'chaque KPI une seule fois attendu',
  currencyLength: 'devise de 12\u00a0caractères au plus attendue (un code ou un symbole\u00a0: EUR, €, USD)',
  atLeastOneReplication: 'au moins 1\u00a0réplication attendue',
  seedLength: 'graine de 200\u00a0caractères au plus attendue',
  atLeastOneProduct: 'au moins un produit attendu',
  atLeastOneNode: 'au moins un nœud attendu',
  atLeastOneStockPoint: 'au moins un point de stock attendu',
  atMostThirtyRecalls: '30\u00a0rappels au plus attendus',
};

/** "2024-03-05" -> "5 mars 2024", "2024-03-01" -> "1er mars 2024" */
const jour = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number);
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('fr-FR', { month: 'long', timeZone: 'UTC' });
  return `${day === 1 ? '1er' : day}\u00a0${monthName} ${year}`;
};
/** what the quantity rules add: the day is left out of the SKU's history */
const SANS_LE_JOUR = 'le jour est retiré de l’historique de cette référence';
const ZERO = 'écrivez 0 pour un jour sans vente';

/** a row note's facts in French (src/import/importReport.ts RowDetail) */
function noteInFrench(detail: RowDetail): string {
  switch (detail.kind) {
    case 'emptyCell':
      return detail.expected === 'sku' ? 'référence attendue, cellule vide' : detail.expected === 'location' ? 'site attendu, cellule vide' : `quantité attendue, cellule vide (${ZERO})`;
    case 'notANumber':
      return `nombre attendu, reçu ${detail.got}${detail.decimalComma ? ' (une virgule décimale dans un fichier lu avec le point décimal\u00a0: --decimal comma)' : ''}${detail.dayLeftOut ? `\u202f; ${SANS_LE_JOUR}` : ''}`;
    case 'tooManyFields':
      return `la ligne a ${compte(detail.fields)} champs alors que l’en-tête en a ${compte(detail.header)}\u00a0: une virgule décimale (6,5) coupe un nombre en deux dans un fichier séparé par des virgules`;
    case 'repeatRow':
      return `répétition de la ligne ${compte(detail.of)} (toutes les cellules identiques)\u202f; écartée (--keep-duplicates garde les répétitions)`;
    case 'secondRow':
      return detail.sku === null
        ? `une deuxième ligne pour le ${jour(detail.day)} (la première est la ligne ${compte(detail.first)})\u202f; un fichier au format large a une ligne par jour`
        : `une deuxième ligne pour le ${jour(detail.day)}, référence ${detail.sku}${detail.location === null ? '' : `, site ${detail.location}`} (la première est la ligne ${compte(detail.first)})\u202f; un fichier quotidien a une ligne par jour\u00a0: supprimez-en une ou, si les lignes sont des ventes à additionner, importez avec --rows transactions`;
    case 'emptyWideCell':
      return `cellule vide\u00a0: ${SANS_LE_JOUR} (${ZERO})`;
    case 'negativeWideCell':
      return `quantité négative (${detail.text})\u202f; ${SANS_LE_JOUR}`;
    case 'badStock':
      return `${detail.flag ? 'indicateur de rupture attendu (yes ou no, 1 ou 0)' : 'niveau de stock attendu (un nombre)'}, reçu ${detail.got}\u202f; le jour est compté comme en stock`;
    case 'badPrice':
      return `prix supérieur à 0 attendu, reçu ${detail.got}\u202f; les unités comptent, pas le prix`;
    case 'badDate':
      return dateInFrench(detail);
    case 'secondEntry':
      return `une deuxième ligne pour ${detail.what === 'sku' ? 'la référence' : 'le site'} ${detail.name}\u202f; la première est utilisée`;
    case 'badMasterValue':
      return `${MASTER_VALUES[detail.field] ?? `${detail.field} supérieur ou égal à 0 attendu`}, reçu ${detail.got}\u202f; valeur non utilisée`;
    case 'badPolicy':
      return `${policyInFrench(detail.policy, detail.problem)}\u202f; la règle des manuels est utilisée à la place`;
    case 'badLocationKind':
      return `magasin ou entrepôt attendu (store, warehouse, DC, …), reçu ${detail.got}`;
    case 'badLocationLeadTime':
      return `délai en jours supérieur ou égal à 0 attendu, reçu ${detail.got}\u202f; valeur non utilisée`;
    case 'warehouseSupplied':
      return `entrepôt ${detail.location} approvisionné par ${detail.by}\u00a0: un seul niveau d’entrepôts est importé, il est donc approvisionné par le fournisseur de chaque référence`;
    case 'notAWarehouse':
      return `${detail.by} n’est pas un entrepôt de ce fichier\u202f; le magasin est approvisionné par le fournisseur de chaque référence`;
  }
}

/** a date that does not read (src/import/dates.ts readDayOrProblem) */
function dateInFrench(detail: RowDetail & { kind: 'badDate' }): string {
  switch (detail.problem) {
    case 'invalidCell':
      return 'date attendue, reçu une cellule de date invalide';
    case 'outOfRange':
      return 'date entre 1900 et 2200 attendue';
    case 'empty':
      return 'date attendue, cellule vide';
    case 'number':
      return `date attendue, reçu le nombre ${ecrit(detail.got ?? '')}`;
    case 'notExisting':
      return `date existante attendue${detail.order === null ? '' : `, lue ${detail.order === 'dmy' ? 'jour en premier' : 'mois en premier'} comme les autres dates du fichier`}, reçu ${detail.got}`;
    case 'twoDigitYear':
      return `date avec une année à quatre chiffres attendue, reçu ${detail.got} (une année à deux chiffres peut être 19xx ou 20xx)`;
    case 'notADate':
      return `date attendue (2024-03-05, 05/03/2024 ou 03/05/2024), reçu ${detail.got}`;
  }
}

/** what a SKU master's column should hold (src/import/skuMaster.ts), by its field */
const MASTER_VALUES: Readonly<Record<string, string>> = {
  unitCost: 'coût unitaire supérieur ou égal à 0 attendu',
  price: 'prix supérieur à 0 attendu',
  holdingRate: 'taux annuel attendu, en fraction du coût unitaire (0,25) ou en pourcentage (25\u00a0%)',
  leadTime: 'délai en jours supérieur ou égal à 0 attendu',
  leadTimeSd: 'écart-type du délai en jours supérieur ou égal à 0 attendu',
  leadTimeMin: 'délai le plus court en jours supérieur ou égal à 0 attendu',
  leadTimeMax: 'délai le plus long en jours supérieur ou égal à 0 attendu',
  minOrderQuantity: 'minimum de commande supérieur ou égal à 0 attendu',
  casePack: 'colisage supérieur à 0 attendu',
  orderingCost: 'coût de commande supérieur ou égal à 0 attendu',
};

/** why a master's policy cannot be used */
function policyInFrench(policy: string, problem: PolicyProblem): string {
  switch (problem.kind) {
    case 'needs':
      return `la politique ${policy} demande une colonne ${problem.field} renseignée`;
    case 'orderUpToBelow':
      return `politique ${policy}\u00a0: orderUpTo supérieur à reorderPoint attendu, reçu ${ecrit(String(problem.reorderPoint))} et ${ecrit(String(problem.orderUpTo))}`;
    case 'notPositive':
      return `politique ${policy}\u00a0: ${problem.field} supérieur à 0 attendu`;
    case 'unknown':
      return `politique attendue parmi sS (ou min-max), rQ, baseStock ou RS, reçu ${policy}`;
  }
}

/** "3 lignes", "1 ligne": a count and its noun, 0 and 1 singular */
const nb = (n: number, one: string, many: string = `${one}s`): string => `${compte(n)}\u00a0${Math.abs(n) >= 2 ? many : one}`;
/** a percentage: 60 % */
const pourcent = (value: number): string => `${value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0%`;
/** a few names, and "…" when there are more */
const quelques = (shown: readonly string[], count: number): string => `${shown.join(', ')}${count > shown.length ? ', …' : ''}`;
const WEEKDAYS = ['lundis', 'mardis', 'mercredis', 'jeudis', 'vendredis', 'samedis', 'dimanches'];
/** the column roles (src/import/columnRoles.ts), as the report names them */
const ROLES: Readonly<Record<string, string>> = { date: 'date', sku: 'référence', location: 'site', units: 'unités', price: 'prix', stock: 'stock', name: 'nom', invoice: 'facture' };
/** the demand classes, plural with their count */
const CLASSES: Readonly<Record<string, [string, string]>> = {
  smooth: ['régulière', 'régulières'],
  erratic: ['erratique', 'erratiques'],
  intermittent: ['intermittente', 'intermittentes'],
  lumpy: ['sporadique', 'sporadiques'],
};
const modele = (model: string): string => importStrings.models[model] ?? model;

/** a summary line's facts in French (src/import/importReport.ts LineDetail) */
function lineInFrench(detail: LineDetail): string {
  switch (detail.kind) {
    case 'emptyRows':
      return `${detail.file}\u00a0: ${nb(detail.rows, 'ligne vide', 'lignes vides')} (toutes les cellules vides) écartée${s(detail.rows)}`;
    case 'longLayout':
      return `${detail.file}\u00a0: format long (une ligne par date et par référence), ${nb(detail.rows, 'ligne')}\u202f; colonnes\u00a0: ${detail.columns.map((c) => `${ROLES[c.role] ?? c.role} ← ${c.name} (colonne ${compte(c.column)})`).join(', ')}`;
    case 'wideLayout':
      return `${detail.file}\u00a0: format large (une colonne par référence), ${nb(detail.series, 'série')}, ${nb(detail.rows, 'ligne')}`;
    case 'decimalComma':
      return `${detail.file}\u00a0: nombres lus avec une virgule décimale (6,5 vaut six et demi)`;
    case 'series':
      return `${detail.file}\u00a0: ${nb(detail.series, 'série référence-site', 'séries référence-site')} sur ${nb(detail.days, 'jour')}, du ${jour(detail.from)} au ${jour(detail.to)}${detail.transactions ? ' (lignes de transaction additionnées par jour)' : ''}`;
    case 'unknownDays':
      return `${detail.file}\u00a0: ${nb(detail.days, 'jour')} d’une référence ayant une ligne rejetée ${detail.days >= 2 ? 'sont comptés comme inconnus' : 'est compté comme inconnu'} pour cette référence, et non comme ${detail.days >= 2 ? 'des jours' : 'un jour'} sans demande`;
    case 'negativeRows': {
      const e = s(detail.rows);
      const how =
        detail.how === 'ignore'
          ? `écartée${e} de la demande (--negatives net les soustrait, --negatives returns les transmet au modèle de retours)`
          : detail.how === 'net'
            ? `soustraite${e} de la demande de leur jour (jamais en dessous de 0)`
            : `comptée${e} comme retours`;
      return `${detail.file}\u00a0: ${nb(detail.rows, 'ligne')} avec une quantité négative (retours, annulations\u202f; ${nb(detail.units, 'unité')})\u00a0: ${how}`;
    }
    case 'repeatedRows':
      return `${detail.file}\u00a0: ${nb(detail.rows, 'ligne répétée', 'lignes répétées')} à l’identique, écartée${s(detail.rows)} (détail ci-dessous)`;
    case 'columnWithoutNumbers':
      return `${detail.file}\u00a0: la colonne ${detail.column} ne contient aucun nombre\u00a0: ce n’est pas la demande d’une référence, elle est écartée`;
    case 'columnWithoutName':
      return `${detail.file}\u00a0: la colonne ${compte(detail.column)} contient des nombres mais n’a pas de nom dans l’en-tête\u00a0: écartée (donnez-lui le nom de sa référence pour l’importer)`;
    case 'missingDays':
      return detail.days >= 2
        ? `${detail.file}\u00a0: ${nb(detail.days, 'jour')} entre le premier et le dernier n’ont aucune ligne\u00a0: leur demande est comptée comme inconnue, pas comme 0`
        : `${detail.file}\u00a0: ${nb(detail.days, 'jour')} entre le premier et le dernier n’a aucune ligne\u00a0: sa demande est comptée comme inconnue, pas comme 0`;
    case 'closedDays': {
      if (detail.sellingShare !== null) {
        return `jours de fermeture\u00a0: aucun trouvé\u202f; l’assortiment se vend sur ${pourcent(detail.sellingShare)} de ses jours, moins de ${pourcent(MIN_SELLING_SHARE * 100)}\u00a0: un jour sans vente peut être un jour calme plutôt qu’un jour de fermeture, aucun jour n’est donc compté comme fermé`;
      }
      const parts: string[] = [];
      if (detail.weekdays.length > 0) parts.push(`fermé ${detail.weekdays.map((w) => `les ${WEEKDAYS[w]}`).join(' et ')} (un profil hebdomadaire)`);
      if (detail.holidays.length > 0) {
        const n = detail.holidays.length;
        parts.push(`${nb(n, 'autre jour', 'autres jours')} de fermeture (un calendrier)\u00a0: ${quelques(detail.holidays.slice(0, 8).map(jour), n)}`);
      }
      return parts.length === 0
        ? 'jours de fermeture\u00a0: aucun (chaque jour a eu des ventes)'
        : `jours de fermeture (aucune vente d’aucune référence)\u00a0: ${parts.join('\u202f; ')}\u202f; écartés de l’ajustement et modélisés comme fermés`;
    }
    case 'demandClasses':
      return `classes de demande (Syntetos-Boylan-Croston, jours d’ouverture)\u00a0: ${
        detail.classes.map(({ name, count }) => {
          const [one, many] = CLASSES[name] ?? [name, name];
          return nb(count, one, many);
        }).join(', ') || 'aucune'
      }`;
    case 'demandModels':
      return `modèles de demande (AIC le plus bas)\u00a0: ${detail.models.map(({ model, count }) => `${compte(count)} ${modele(model)}`).join(', ') || 'aucun'}${
        detail.replayed > 0 ? `\u202f; ${nb(detail.replayed, 'historique rejoué', 'historiques rejoués')}` : ''
      }`;
    case 'neverSold':
      return `${nb(detail.series, 'série référence-site', 'séries référence-site')} sans aucune demande\u00a0: écartée${s(detail.series)}`;
    case 'leadTimeAssumed':
      return `délai d’approvisionnement\u00a0: ${nb(detail.stockPoints, 'point de stock', 'points de stock')} ${detail.stockPoints >= 2 ? 'n’en ont' : 'n’en a'} aucun dans un fichier de référence\u00a0: ${nb(detail.days, 'jour')} supposé${s(detail.days)} (--lead-time JOURS, ou une colonne leadTime dans --master)`;
    case 'costFromPrice':
      return `coût unitaire\u00a0: ${nb(detail.skus, 'référence')} ${detail.skus >= 2 ? 'n’en ont' : 'n’en a'} aucun dans un fichier de référence\u00a0: ${pourcent(detail.percent)} du prix supposé (--cost-share, ou une colonne unitCost dans --master)`;
    case 'returnsAssumed':
      return `retours\u00a0: ${nb(detail.skus, 'référence')} ${detail.skus >= 2 ? 'ont' : 'a'} des retours dans l’historique (quantités négatives, --negatives returns)\u00a0: pour chacune, une part des unités vendues revient ${nb(detail.days, 'jour')} plus tard, toutes remises en rayon (l’historique dit combien, pas quand ni dans quel état\u202f; modifiez afterDays et restockShare)`;
    case 'noCost':
      return `coût unitaire\u00a0: ${nb(detail.skus, 'référence')} ${detail.skus >= 2 ? 'n’ont' : 'n’a'} ni coût ni prix\u00a0: coût unitaire 0, donc aucun coût de possession (indiquez unitCost dans --master)`;
    case 'textbookPolicy':
      return `politique\u00a0: ${nb(detail.stockPoints, 'point de stock', 'points de stock')} ${detail.stockPoints >= 2 ? 'n’en ont' : 'n’en a'} aucune dans un fichier de référence\u00a0: (s, S) selon la règle des manuels, s = demande pendant le délai + z·σ pour un taux de service par cycle de ${pourcent(detail.percent)}, S = s + QEC (ou deux semaines de demande sans coût de commande)`;
    case 'masterColumns':
      return `${detail.file}\u00a0: référentiel articles, ${nb(detail.rows, 'ligne')}\u202f; colonnes lues\u00a0: ${detail.found.length === 0 ? 'aucune en dehors de la référence' : detail.found.join(', ')}`;
    case 'masterUnknown':
      return `${detail.file}\u00a0: ${nb(detail.count, 'référence')} du référentiel ${detail.count >= 2 ? 'n’ont' : 'n’a'} aucun historique de demande, écartée${s(detail.count)} (${quelques(detail.shown, detail.count)})`;
    case 'locations':
      return `${detail.file}\u00a0: ${nb(detail.locations, 'site')}, ${nb(detail.warehouses, 'entrepôt')}\u202f; ${nb(detail.supplied, 'magasin approvisionné', 'magasins approvisionnés')} par un entrepôt`;
    case 'locationsMissing': {
      const many = detail.count >= 2;
      return `${detail.file}\u00a0: ${nb(detail.count, 'site')} du fichier de demande ${many ? 'n’y figurent' : 'n’y figure'} pas\u00a0: ${many ? 'traités comme des magasins approvisionnés' : 'traité comme un magasin approvisionné'} par ${
        detail.warehouse === null ? 'le fournisseur de la référence' : detail.warehouse
      } (${quelques(detail.shown, detail.count)})`;
    }
    case 'nothingUsable':
      return 'il ne reste rien d’utilisable\u00a0: aucune référence avec une demande n’a pu être lue';
  }
}

/** why a file cannot be read at all, in French (src/import/table.ts ImportErrorDetail) */
function failureInFrench(problem: ImportErrorDetail): string {
  switch (problem.kind) {
    case 'tooLarge':
      return problem.workbook
        ? `le classeur fait ${ecrit(problem.megabytes)}\u00a0Mo\u202f; Stocklab lit des classeurs de ${compte(problem.max)}\u00a0Mo au plus\u00a0: enregistrez la feuille en CSV (jusqu’à 100\u00a0Mo), ou découpez-la`
        : `le fichier fait ${ecrit(problem.megabytes)}\u00a0Mo\u202f; Stocklab lit des fichiers de ${compte(problem.max)}\u00a0Mo au plus\u00a0: découpez-le par année ou par plage de références`;
    case 'empty':
      return 'le fichier est vide';
    case 'blankOnly':
      return 'le fichier ne contient aucune ligne (seulement des lignes vides)';
    case 'workbookAsCsv':
      return 'le fichier est un classeur (XLSX, une archive zip), pas du texte CSV\u00a0: nommez-le .xlsx, ou enregistrez la feuille en CSV UTF-8';
    case 'utf16':
      return 'le fichier est du texte UTF-16 («\u00a0Texte Unicode\u00a0» d’Excel)\u202f; enregistrez-le en «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0»';
    case 'notUtf8':
      return `le fichier n’est pas du texte UTF-8\u00a0: les octets de la ligne ${compte(problem.row)} ne sont pas de l’UTF-8 (un export Windows «\u00a0ANSI\u00a0» ou Latin-1, où é tient sur un octet)\u202f; enregistrez-le en «\u00a0CSV UTF-8\u00a0» (Excel\u00a0: Enregistrer sous, CSV UTF-8), ou convertissez-le (iconv -f WINDOWS-1252 -t UTF-8)`;
    case 'nul':
      return `le fichier n’est pas du texte CSV\u00a0: il contient des caractères NUL (le premier à la ligne ${compte(problem.row)})`;
    case 'xls':
      return 'un ancien classeur Excel (.xls)\u202f; ouvrez-le dans un tableur et enregistrez-le en .xlsx ou en CSV UTF-8';
    case 'tooManyRows':
      return problem.sheet === null
        ? `le fichier a plus de ${compte(problem.max)}\u00a0lignes\u202f; découpez-le (par année ou par plage de références) et importez les morceaux`
        : `la feuille ${problem.sheet} a plus de ${compte(problem.max)}\u00a0lignes\u202f; découpez-la`;
    case 'tooManyColumns':
      return problem.sheet === null
        ? `la ligne ${compte(problem.row ?? 0)} a plus de ${compte(problem.max)}\u00a0champs\u202f; Stocklab lit des fichiers de ${compte(problem.max)}\u00a0colonnes au plus`
        : `la feuille ${problem.sheet} a plus de ${compte(problem.max)}\u00a0colonnes`;
    case 'noHeader':
      return `la ligne ${compte(problem.row)}, la première, ne nomme aucune colonne\u00a0: la première ligne doit être un en-tête (date, sku, units…)`;
    case 'noSheet':
      return `pas de feuille ${problem.sheet} (feuilles\u00a0: ${problem.sheets.join(', ')})`;
    case 'noData':
      return 'le classeur ne contient de données dans aucune feuille';
    case 'emptySheet':
      return `la feuille ${problem.sheet} est vide`;
    case 'unpacksTooLarge':
      return `le classeur se décompresse en ${ecrit(problem.megabytes)}\u00a0Mo, plus que les ${compte(problem.max)}\u00a0Mo que Stocklab décompresse\u202f; enregistrez la feuille en CSV, ou découpez-la`;
    case 'headerNoRows':
      return 'le fichier a un en-tête mais aucune ligne de données';
    case 'noReadableDate':
      return 'aucune ligne n’a de date lisible\u202f; rien à importer';
    case 'datesMixed':
      return `les dates de la colonne ${problem.column} sont écrites de plusieurs façons (ISO et jour/mois, ou jour en premier dans certaines lignes et mois en premier dans d’autres)\u202f; écrivez-les d’une seule façon`;
    case 'tooMuchHistory':
      return `${nb(problem.series, 'série référence-site', 'séries référence-site')} sur ${nb(problem.days, 'jour')} font ${nb(problem.series * problem.days, 'jour')} d’historique, plus que les ${compte(problem.max)} que Stocklab garde en mémoire\u202f; importez moins de références ou une période plus courte`;
  }
}

/** a number as the fit's reasons round it (src/import/fitDemand.ts round): one decimal at most */
const un = (x: number): string => x.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/** why a model was chosen (src/import/fitDemand.ts FitWhy) */
function fitInFrench(why: FitWhy): string {
  switch (why.kind) {
    case 'constant':
      return `la même demande (${un(why.value)}) chaque jour`;
    case 'notWhole':
      return `l’historique n’est pas en unités entières, aucune vraisemblance discrète ne compare donc les modèles\u00a0: ${
        why.intermittent ? `${pourcent(why.zeroPercent)} de jours sans demande, d’où le modèle intermittent de Croston` : 'la loi normale, avec la moyenne et l’écart-type de l’historique'
      }`;
    case 'aic': {
      const [next, ...rest] = why.others;
      return `AIC le plus bas (${un(why.aic)}\u202f; ensuite ${modele(next.model)} ${un(next.aic)}${rest.map((c) => `, ${modele(c.model)} ${un(c.aic)}`).join('')})`;
    }
    case 'only':
      return 'le seul modèle applicable';
  }
}

/** why a SKU-location's demand is modelled as it is (src/import/buildScenario.ts ReasonDetail) */
function reasonInFrench(detail: ReasonDetail): string {
  const parts: string[] = [];
  const model = detail.model;
  if (model?.kind === 'neverSold') parts.push('aucune demande dans l’historique\u00a0: écartée du scénario');
  else if (model?.kind === 'replayed') {
    parts.push(
      model.why === 'fewDays'
        ? `${nb(model.days, 'jour d’ouverture', 'jours d’ouverture')} à demande connue, moins que les ${compte(model.needs)} qu’un ajustement demande\u00a0: l’historique est rejoué`
        : model.why === 'noDemand'
          ? 'aucune demande sur les jours utilisés\u00a0: l’historique est rejoué'
          : 'l’historique est rejoué, comme demandé',
    );
  } else if (model?.kind === 'fitted') {
    const patterns = model.patterns.map((p) => (p === 'weekly' ? 'profil hebdomadaire\u00a0: conservé (AIC plus bas qu’une semaine uniforme)' : 'profil annuel\u00a0: conservé (AIC plus bas qu’une année uniforme)'));
    parts.push([`${modele(model.model)}\u00a0: ${fitInFrench(model.fit)}`, ...patterns].join('\u202f; '));
  }
  if (detail.supplies) {
    const { stores, mean } = detail.supplies;
    parts.push(`approvisionne ${nb(stores, 'magasin')}\u00a0: ${stores >= 2 ? 'leur' : 'sa'} demande quotidienne additionnée (moyenne ${mean.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}), sur le délai du fournisseur`);
  }
  return parts.join('\u202f; ');
}

export const sentences: typeof English = {
  importNote: (note) => (note.detail === undefined ? note.reason : noteInFrench(note.detail)),
  sweepSkipped: (point) =>
    point.issues === undefined || point.issues.length === 0
      ? point.reason
      : point.issues.map((issue) => `${issue.path === '(scenario)' ? 'politique' : issue.path}\u00a0: ${issue.detail === undefined ? issue.message : (issueInFrench(issue.detail) ?? issue.message)}`).join('\u202f; '),
  importError: (error, facts) => (facts === undefined ? error : `${facts.file}\u00a0: ${failureInFrench(facts.problem)}`),
  importLine: (line, detail) => (detail === null || detail === undefined ? line : lineInFrench(detail)),
  importReason: (summary) => (summary.reasonDetail === undefined ? summary.reason : reasonInFrench(summary.reasonDetail)),
  scenarioIssue: (issue) => (issue.detail === undefined ? issue.message : (issueInFrench(issue.detail) ?? issue.message)),
  comparisonClause: clause,
  comparisonDifference: (difference, currency, windowDays) => {
    const { kpi, mean, halfWidth } = difference;
    const { scale, digits } = differencePrecision(kpi, mean, halfWidth);
    const size = Math.abs(mean) * scale;
    const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
    const interval = halfWidth === null ? '' : ` ± ${nombre(halfWidth * scale, digits)}`;
    return `${sign}${nombre(size, digits)}${unitOf(kpi, size, currency)}${interval}${isMoney(kpi) ? ` ${fenetre(windowDays)}` : ''}`;
  },
  comparison: (comparison, currency) => {
    const byKpi = new Map(comparison.differences.map((difference) => [difference.kpi, difference]));
    const clauses = (comparison.headline ?? HEADLINE).flatMap((kpi) => {
      const difference = byKpi.get(kpi);
      return difference === undefined ? [] : [clause(difference, currency, comparison.windowDays)];
    });
    const who = `Par rapport à ${comparison.baseline.name}, ${comparison.variant.name}`;
    return clauses.length === 0 ? `${who}\u00a0: aucun KPI principal ne s’applique aux deux.` : `${who} ${enumeration(clauses)}.`;
  },
  optimizeVerdict: (story, currency, windowDays) => {
    switch (story.kind) {
      case 'nothingRanked':
        return 'Interrompue avant que chaque point de grille ait eu une réplication\u00a0: rien à classer.';
      case 'screeningInterrupted':
        return `Interrompue pendant la présélection\u00a0: ${story.leader} est en tête après ${compte(story.replications)} réplication${s(story.replications)} par point, sans confirmation.`;
      case 'confirmingInterrupted':
        return `Interrompue pendant la confirmation\u00a0: ${story.leader} était en tête de la présélection, sans confirmation.`;
      case 'infeasible':
        return story.phase === 'screen'
          ? `Aucun point de grille n’atteint ${floorOf(story.constraint)} dans les simulations de présélection.`
          : `Aucun candidat confirmé n’atteint ${floorOf(story.constraint)}.`;
      case 'alone':
        return `${story.winner} est le seul candidat confirmé qui atteint ${floorOf(story.constraint)}.`;
      default: {
        const margin = clause(story.margin, currency, windowDays);
        const replications = `${compte(story.replications)} réplication${s(story.replications)} de confirmation${story.complete ? '' : `, interrompue\u00a0: ${compte(story.replications)} sur ${compte(story.planned)}`}`;
        return story.kind === 'better'
          ? `${story.winner} est le meilleur\u00a0: le deuxième, ${story.runnerUp}, ${margin} (comparaison appariée, ${replications}).`
          : `${story.winner} et ${story.runnerUp} sont à égalité\u00a0: le deuxième ${margin}\u202f; l’un ou l’autre convient (${replications}).`;
      }
    }
  },
  // the theory table (web/i18n/fr/theory.ts): a note without its facts, or a reason without its, is shown as the engine wrote it
  theoryNote: (comparison) => (comparison.noteFacts === undefined ? comparison.note : noteEnFrancais(comparison.noteFacts)),
  theoryOutsideRange: (model, message, reason) => (reason === null || reason === undefined ? message : horsDomaine(model, reason)),
  theorySource: sourceEnFrancais,
};
