import { KPI_KINDS, type KpiName } from '../../../src/metrics/kpis.ts';
import type { OptimizeSpec } from '../../../src/experiment/optimize.ts';
import { differencePrecision, HEADLINE } from '../../../src/experiment/compare.ts';
import type { BudgetDriver, BudgetFix, IssueDetail } from '../../../src/scenario/issues.ts';
import type { RowDetail } from '../../../src/import/importReport.ts';
import type { DifferenceFacts, sentences as English } from '../en/sentences.ts';

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
/** a count in a sentence: 1 234 */
const compte = (n: number): string => n.toLocaleString('fr-FR');
/** the plural mark of a count: French puts 0 and 1 in the singular */
const s = (n: number): string => (Math.abs(n) >= 2 ? 's' : '');

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
  avgOnHand: ['le stock physique moyen', ''],
  avgInventoryPosition: ['la position de stock moyenne', 'e'],
  avgPipeline: ['le stock en transit moyen', ''],
  inventoryTurns: ['la rotation des stocks', 'e'],
  daysOfSupply: ['la couverture de stock', 'e'],
  ordersPlaced: ['le nombre de commandes passées', ''],
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
  if (kind === 'money') return `\u00a0${currency}`;
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
    case 'workerRun':
      return `la simulation d’un processus de calcul (${driver.series === null ? '' : `${series(driver.series)}\u202f; `}${de(driver.streams, 'flux de demande', 'flux de demande')} × ${de(driver.days, 'jour', 'jours')} de multiplicateurs)`;
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
      return `champ${s(count)} inconnu${s(count)} ${fields} (les noms de champ distinguent majuscules et minuscules\u202f; voir le format de scénario dans le README)`;
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
    case 'warmupTooLong':
      return `période de chauffe attendue plus courte que horizonDays (${compte(detail.horizonDays)}), reçu ${compte(detail.warmupDays)}`;
  }
}

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
  }
}

export const sentences: typeof English = {
  importNote: (note) => (note.detail === undefined ? note.reason : noteInFrench(note.detail)),
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
    const clauses = HEADLINE.flatMap((kpi) => {
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
};
