import type { TheoryNote } from '../../../src/experiment/theoryNotes.ts';
import type { RangeReason, RangeTask } from '../../../src/theory/range.ts';
import { formatNumber } from '../numberFormat.ts';
import { s } from './grammar.ts';

/**
 * The theory table's sentences in French (web/theoryTable.ts): what each comparison compares, from
 * its facts (src/experiment/theoryNotes.ts, whose English is the reference), and why a variant lies
 * outside the analytic model's range (src/theory/range.ts). Formulas are written as in English;
 * typography: U+00A0 before « : », U+202F before « ; » and between groups of three digits, a decimal
 * comma, 0 and 1 in the singular. Literature keeps its titles; « ch. » becomes « chap. ».
 */

/** a number as the English note writes it (all its digits), in French: 0,3; 12 500 */
function nombre(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || text.includes('e')) return text.replace('.', ',');
  const digits = (text.split('.')[1] ?? '').length;
  return formatNumber(value, { maximumFractionDigits: Math.min(digits, 20) }, 'fr');
}

/** a number as src/theory/range.ts readable() rounds it, in French: 1 000 000 below 10¹⁵, else 1,6e17 */
function lisible(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return value.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e').replace('.', ',');
  return formatNumber(value, { maximumFractionDigits: 2 }, 'fr');
}

const JOUR_MARCHAND = 'chaque jour commence à S (la commande du matin arrive aussitôt et solde les commandes en attente), chaque jour est donc une période du marchand de journaux\u202f; mesuré en fin de journée';
const UNE_COMMANDE = 'la fenêtre contient un nombre entier de commandes, le compte peut donc différer d’une commande';
const FIN_DE_JOUR = 'à la fin de chaque jour, après sa demande (une commande passée au début du jour t arrive au début du jour t + L, avant sa demande)';

/** why the EOQ comparisons carry an allowance of half a day's demand */
const parLots = (lot: number): string =>
  `la formule suppose une demande continue\u202f; ici elle arrive par lots de ${nombre(lot)} au début de chaque jour, si bien que le stock moyen dans le temps s’écarte de celui du profil en dents de scie d’un demi-lot au plus`;

/** the bullwhip note after its formula */
const couvert = (jours: number): string =>
  ` et L = délai + période de révision = ${nombre(jours)}\u00a0jour${s(jours)}, la demande que couvre le niveau de recomplètement\u202f; une demande i.i.d. et un stock de sécurité constant rendent la borne exacte`;

/** What a comparison compares, in French (the English is src/experiment/theoryNotes.ts theoryNoteText). */
export function noteEnFrancais(note: TheoryNote): string {
  switch (note.id) {
    case 'same':
      return 'la simulation mesure ce que prédit la formule';
    case 'newsvendorLeftover':
      return `E(S - D)+\u00a0: ${JOUR_MARCHAND}`;
    case 'newsvendorShortage':
      return `E(D - S)+\u00a0: ${JOUR_MARCHAND}`;
    case 'newsvendorCost':
      return 'h E(S - D)+ + b E(D - S)+ par jour';
    case 'newsvendorFillRate':
      return '1 - E(D - S)+ / E[D]\u00a0: les unités servies depuis le rayon';
    case 'newsvendorCycle':
      return 'P(D <= S)\u00a0: les jours sans aucune unité manquante';
    case 'lostSalesLeftover':
      return 'E(S - D)+ à la fin de chaque jour';
    case 'lostSalesLost':
      return 'E(D - S)+ unités perdues par jour';
    case 'lostSalesCycle':
      return 'P(D <= S)\u00a0: les jours sans aucune vente perdue';
    case 'lostSalesCost':
      return 'h E(S - D)+ + p E(D - S)+ par jour';
    case 'perishableOutdated':
      return `unités périmées à la fin de chaque jour, E(x1 - D)+ où x1 sont les unités les plus anciennes, sur la loi stationnaire du stock par durée de vie restante (une chaîne de Markov de ${lisible(note.states)}\u00a0états, résolue exactement)`;
    case 'perishableExpired':
      return 'unités périmées dans la fenêtre, par jour\u00a0: chaque péremption tombe à une fin de jour, c’est donc la péremption par période';
    case 'perishableOnHand':
      return 'unités encore vendables à la fin de chaque jour, après péremption';
    case 'perishableBeforeOutdating':
      return 'la fin de chaque jour avant péremption, E(S - D)+\u00a0: la lecture d’avant l’issue 17';
    case 'perishableOrders':
      return 'P(moins de S unités encore vendables)\u00a0: les jours où une commande est passée';
    case 'perishableCost':
      return 'h × stock après péremption + p × ventes perdues + (coût unitaire + destruction) × unités périmées, par jour';
    case 'eoqOnHand':
      return `Q / 2\u202f; ${parLots(note.lump)}`;
    case 'eoqHolding':
      return `h Q / 2 par an\u202f; ${parLots(note.lump)}`;
    case 'eoqOrders':
      return `D / Q par an\u202f; ${UNE_COMMANDE}`;
    case 'eoqOrderingCost':
      return `K D / Q par an\u202f; ${UNE_COMMANDE}`;
    case 'eoqFillRate':
      return 'les commandes arrivent au moment où le stock s’épuise\u00a0: aucune demande ne manque';
    case 'plannedOnHand':
      return `(Q - B)^2 / 2Q\u202f; ${parLots(note.lump)}`;
    case 'plannedBackorders':
      return `B^2 / 2Q\u202f; ${parLots(note.lump)}`;
    case 'plannedOrders':
      return 'D / Q par an\u202f; le compte peut différer d’une commande sur la fenêtre';
    case 'poissonFillRate':
      return 'P(un client trouve du stock)\u00a0: des arrivées poissonniennes voient les moyennes dans le temps (PASTA)';
    case 'poissonReadyRate':
      return 'P(stock physique > 0), pondérée par le temps';
    case 'poissonNoBackorders':
      return 'P(demande pendant le délai <= position de stock), pondérée par le temps';
    case 'poissonWaitingShare':
      return '1 - taux de service\u00a0: avec les ruptures toutes mises en attente, chaque unité non servie tout de suite attend';
    case 'poissonOnHand':
      return 'le stock physique moyen dans le temps';
    case 'poissonBackorders':
      return 'les commandes en attente, en moyenne dans le temps';
    case 'poissonPosition':
      return 'la position de stock moyenne dans le temps';
    case 'poissonHolding':
      return 'h E[stock physique] par jour';
    case 'poissonStockoutCost':
      return 'b E[commandes en attente] + p λ (1 - taux de service) par jour';
    case 'baseStockPipeline':
      return 'λ L unités en transit (loi de Little)';
    case 'rqOrders':
      return 'λ / Q commandes par jour';
    case 'rqOrderingCost':
      return 'K λ / Q par jour';
    case 'reviewCycle':
      return 'Φ(z)\u00a0: les périodes de révision sans aucune unité manquante (les commandes arrivent aux révisions, une période de révision est donc un cycle de réapprovisionnement)';
    case 'reviewFillRate':
      return '1 - σ√(R+L) G(z) / (μR)\u202f; la formule compte aussi les commandes en attente reportées du cycle précédent, E(D(L) - S)+ / (μR), d’où la tolérance';
    case 'reviewOnHand':
      return 'E(S - D(R+L))+ à la fin de chaque période de révision';
    case 'reviewBackorders':
      return 'E(D(R+L) - S)+ à la fin de chaque période de révision';
    case 'reviewCost':
      return 'h R E[stock physique] + b R E[commandes en attente] en fin de période + K';
    case 'erlangFillRate':
      return '1 - B(S, λL), Erlang B\u00a0: la probabilité qu’un client trouve les S unités toutes en commande (PASTA)';
    case 'erlangOnHand':
      return 'S - λL (1 - B)';
    case 'erlangLost':
      return 'λ B unités perdues par jour';
    case 'erlangOrders':
      return 'λ (1 - B)\u00a0: une commande par unité vendue';
    case 'periodicSSCost':
      return `c(s, S) = K par jour de commande + h E[stock physique] + p E[commandes en attente], ${FIN_DE_JOUR}`;
    case 'periodicSSEndOfDay':
      return FIN_DE_JOUR;
    case 'periodicSSOrders':
      return '1 / M(S - s)\u00a0: la part des jours avec une commande';
    case 'passThroughFillRate':
      return '1 - (E(D(L+1) - S)+ - E(D(L) - S)+) / μ\u00a0: un jour commence à S - D(L), et ce qui lui manque est ce qu’il ajoute aux commandes en attente';
    case 'passThroughOnHand':
      return 'E(S - D(L+1))+\u00a0: la demande du jour arrive à son début, donc le stock détenu toute la journée est celui de la fin de journée';
    case 'bullwhipMovingAverage':
      return `1 + 2L/p + 2L²/p² avec p = ${nombre(note.periods)}${couvert(note.covered)}`;
    case 'bullwhipSmoothing':
      return `1 + 2αL + 2α²L²/(2 - α) avec α = ${nombre(note.alpha)}${couvert(note.covered)}`;
    case 'mmcWait':
      return 'W = Wq + 1/μ\u00a0: chaque client attend tant qu’une tâche est au poste, l’attente moyenne est donc le temps moyen passé dans le système (loi de Little)';
    case 'mmcBackorders':
      return 'L\u00a0: clients en attente = tâches au poste';
    case 'queueWaitInQueue':
      return 'Wq = C(c, a) / (cμ - λ), l’attente moyenne avant qu’un poste commence (0 pour une commande prise dès son arrivée)';
    case 'queueNumberInQueue':
      return 'Lq = λ Wq, les commandes en attente d’un poste, en moyenne dans le temps (loi de Little)';
    case 'queueErlangC':
      return 'C(c, a)\u00a0: la part des commandes qui trouvent tous les postes occupés (des arrivées poissonniennes voient les moyennes dans le temps)';
    case 'queueUtilisation':
      return 'ρ = λ / cμ, la part moyenne des postes occupés';
    case 'queueInSystem':
      return 'L = Lq + λ/μ\u00a0: les commandes en attente et en cours, toutes dans le stock en transit vers le point de stock';
    case 'makeToStockFillRate':
      return '1 - ρ^S\u00a0: un client trouve moins de S commandes en production (PASTA)';
    case 'makeToStockBackorders':
      return 'ρ^(S+1) / (1 - ρ)';
    case 'makeToStockOnHand':
      return 'S - ρ(1 - ρ^S) / (1 - ρ)';
    case 'serialFillRate':
      return 'P(l’étage 1 a du stock) (PASTA)';
    case 'serialBackorders':
      return 'E[B1]\u00a0: les commandes en attente des clients, en moyenne dans le temps';
    case 'serialOnHand':
      return `E[I${note.stage}], le stock physique moyen dans le temps à l’étage ${note.stage}`;
    case 'serialHolding':
      return 'Σ coût de possession de chaque site × E[stock physique]\u202f; le stock en transit n’est pas compté (le même pour toute politique)';
    case 'serialStockoutCost':
      return 'b E[B1] + p λ (1 - taux de service)\u00a0: le coût des commandes en attente par unité et par jour, et la pénalité par unité manquante';
  }
}

/** what a closed form was computing, its gender and number (for « terminé »), in French */
function tache(task: RangeTask): { texte: string; accord: '' | 'e' | 's' | 'es' } {
  switch (task.id) {
    case 'convolution':
      return { texte: 'une somme de demandes (convolution)', accord: 'e' };
    case 'periodicSSLeadTime':
      return { texte: `un délai de ${lisible(task.periods)}\u00a0période${s(task.periods)}\u00a0: la demande sur ce délai`, accord: 'e' };
    case 'periodicSSFormulas':
      return { texte: 'les formules (s, S)', accord: 'es' };
    case 'rqLevels':
      return { texte: `la formule (r, Q) fait la moyenne sur Q = ${lisible(task.quantity)}\u00a0niveau${s(task.quantity) && 'x'}\u00a0: elle`, accord: 'e' };
    case 'rqSearch':
      return { texte: 'la recherche du (r, Q) optimal', accord: 'e' };
    case 'optimalMakeToStock':
      return { texte: `le stock de base optimal pour un taux d’utilisation de ${nombre(task.utilisation)}`, accord: '' };
    case 'chenZheng':
      return { texte: 'la récurrence de Chen–Zheng pour les niveaux d’échelon optimaux', accord: 'e' };
    case 'perishableChain':
      return { texte: `la chaîne de Markov du stock par durée de vie restante (${lisible(task.states)}\u00a0état${s(task.states)})`, accord: 'e' };
  }
}

/** « ne s’est pas terminée en 100 000 000 étapes » */
const pasTermine = (accord: '' | 'e' | 's' | 'es', limite: number): string =>
  `ne ${accord.endsWith('s') ? 'se sont' : 's’est'} pas terminé${accord} en ${lisible(limite)}\u00a0étape${s(limite)}`;

/** Why a closed form is outside the range, in French (the English is src/theory/range.ts rangeReasonText). */
export function raisonEnFrancais(reason: RangeReason): string {
  switch (reason.kind) {
    case 'steps': {
      const { texte, accord } = tache(reason.task);
      return `${texte} demanderai${accord.endsWith('s') ? 'en' : ''}t environ ${lisible(reason.steps)}\u00a0étape${s(reason.steps)} de calcul (la limite est de ${lisible(reason.limit)})`;
    }
    case 'budget': {
      const { texte, accord } = tache(reason.task);
      return `${texte} ${pasTermine(accord, reason.limit)}`;
    }
    case 'poissonTable':
      return `une demande de Poisson de moyenne ${lisible(reason.mean)} exige une table d’environ ${lisible(reason.length)}\u00a0valeur${s(reason.length)} (la limite est de ${lisible(reason.limit)})`;
    case 'sumTable':
      return `une somme de demandes exige une table de ${lisible(reason.length)}\u00a0valeur${s(reason.length)} (la limite est de ${lisible(reason.limit)})`;
    case 'erlangLoss':
      return `la formule de perte d’Erlang pour ${lisible(reason.servers)}\u00a0serveur${s(reason.servers)} et une charge de ${lisible(reason.load)} ${pasTermine('e', reason.limit)}`;
  }
}

/** « hors du domaine du modèle analytique : … » (the English is src/experiment/theoryNotes.ts outsideRangeMessage) */
export const horsDomaine = (model: string, reason: RangeReason): string =>
  `hors du domaine du modèle analytique\u00a0: ${raisonEnFrancais(reason)}\u202f; les formules ${model} ne sont pas calculées pour cette variante (la simulation n’en est pas affectée)`;

/** our words inside the citations of src/experiment/theory*.ts `source`, in French; the titles stay as written */
const PRECISIONS: ReadonlyArray<[string, string]> = [
  ['(lost sales, zero lead time)', '(ventes perdues, délai nul)'],
  ['(Erlang loss)', '(perte d’Erlang)'],
];

/** the literature of a model, as written, but « chap. » for "ch." */
export function sourceEnFrancais(source: string): string {
  let text = source.replace(/\bch\. /g, 'chap.\u00a0');
  for (const [english, french] of PRECISIONS) text = text.replace(english, french);
  return text;
}
