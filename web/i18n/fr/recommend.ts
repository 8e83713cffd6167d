import type { recommend as English } from '../en/recommend.ts';
import { formatDuration } from './app.ts';
import { charts } from './charts.ts';
import { nombre, s } from './grammar.ts';
import type { KpiName } from '../../../src/metrics/kpis.ts';
import type { CannotMeetFacts, RewardsNotSelling, TargetLimit } from '../../../src/experiment/recommend.ts';

/** The Recommend panel's user-facing strings in French (web/i18n/en/recommend.ts is the reference: same keys). */

/** a KPI's label inside a sentence, by its id: "fillRate" -> "taux de service (quantités)"; an unknown id stays as it is */
const kpiWords = (kpi: string): string => {
  const label = (charts.kpiLabels as Record<string, string>)[kpi as KpiName];
  return label === undefined ? kpi : label.charAt(0).toLowerCase() + label.slice(1);
};

/** a number in French: decimal comma, up to `digits` decimals */
const frenchNumber = (value: number, digits = 2): string => value.toLocaleString('fr-FR', { maximumFractionDigits: digits });

/** what limits the stock point, in French (src/experiment/recommend.ts TargetLimit) */
const limitWords = (limit: TargetLimit): string => {
  switch (limit.kind) {
    case 'sourceCapacity':
      return `${limit.source} ne peut expédier que ${frenchNumber(limit.capacityPerDay)} par jour pour tout ce qu’il fournit, moins que la seule demande de ce point de stock (${frenchNumber(limit.demandPerDay)} par jour)\u00a0: aucun niveau de stock ne le compense`;
    case 'leadTime':
      return `le délai (${frenchNumber(limit.leadTimeDays, 1)}\u00a0jours) est aussi long que la fenêtre mesurée (${frenchNumber(limit.windowDays, 0)}\u00a0jours)\u00a0: ce qui est commandé arrive trop tard pour compter`;
    case 'customersLeave':
      return 'les clients qui partent après une rupture emportent leur demande, et les délais et la capacité de la source limitent ce qu’un niveau peut garder en rayon';
    case 'policyReach':
      return 'les délais, la capacité de la source ou des clients partagés limitent ce qu’un niveau peut garder en rayon, ou la cible dépasse ce que cette politique donne ici';
  }
};

/** why a target cannot be met, in French, from the engine's facts */
const cannotMeetWhy = (facts: CannotMeetFacts): string => {
  const reached =
    facts.reached === null || facts.reached.mean === null
      ? '(non mesuré)'
      : `${frenchNumber(facts.reached.mean, 3)}${facts.reached.halfWidth === null ? '' : ` ± ${frenchNumber(facts.reached.halfWidth, 3)}`}`;
  return `le niveau le plus haut essayé, ${nombre(facts.bestLevel)}, atteint ${kpiWords(facts.kpi)} ${reached}\u00a0; ${limitWords(facts.limit)}`;
};

/** an objective that rewards not selling, in French, from the engine's facts */
const warning = (facts: RewardsNotSelling): string => {
  const products = facts.products;
  const named = products.length <= 3 ? products.join(', ') : `${products.slice(0, 3).join(', ')} et ${nombre(products.length - 3)} autres`;
  return (
    `Attention\u00a0: l’objectif ${kpiWords(facts.objective)} récompense le fait de ne pas vendre pour ${named}\u00a0: la demande non servie est perdue et ne coûte rien (pas de stockoutPenalty), si bien que stocker moins paraît toujours moins cher. ` +
    'Donnez aux produits une pénalité de rupture (stockoutPenalty, la marge perdue par unité manquante), ou ne comparez les coûts qu’entre paramètres qui atteignent une cible de service.'
  );
};

export const recommend: typeof English = {
  title: 'Recommander les paramètres des politiques',
  help: 'Pour chaque point de stock où les clients achètent, les paramètres les moins coûteux d’une politique qui atteignent une cible de service avec 95\u00a0% de confiance, tels que les trouve la commande stocklab recommend\u00a0: un point de départ tiré des formules classiques, une échelle de niveaux explorée sur nombres aléatoires communs avec les réplications de la barre du haut (au moins 2), puis les politiques actuelles et la recommandation confirmées côte à côte sur de nouveaux jours aléatoires, avec deux fois plus de réplications (au moins 10).',
  targetKpi: 'Cible',
  level: 'au moins (%)',
  levelHint: 'La part que la cible doit atteindre avec 95\u00a0% de confiance, en pourcentage (95) ou en fraction (0,95).',
  levelInvalid: 'Le niveau visé doit être un pourcentage strictement compris entre 0 et 100, par exemple 95.',
  policy: 'Politique',
  by: 'Un choix par',
  byStockPoint: 'point de stock',
  byProduct: 'produit (tous ses emplacements)',
  objective: 'Minimiser',
  run: 'Lancer la recommandation',
  exportWhat: 'la recommandation, une ligne par point de stock',
  exportMaster: 'Paramètres en CSV du référentiel articles',
  exportMasterHint:
    'Les paramètres recommandés dans les colonnes du référentiel articles (l’article, l’emplacement, la politique et ses paramètres), à charger dans un outil de planification ou dans «\u00a0Importer des données…\u00a0»\u00a0; les points de stock qui ne peuvent pas atteindre la cible en sont absents.',
  cannotRun: (message) => `La recommandation ne peut pas être lancée\u00a0: ${message}`,
  cancelled: 'Recommandation annulée\u00a0: elle a besoin de toutes ses phases (recherche, recherche fine, confirmation), il n’y a donc rien à afficher.',
  phase: (kind, step, of, replications) =>
    kind === 'search'
      ? `Recommandation\u00a0: recherche ${nombre(step)}/${nombre(of)}, chaque point de stock à son propre niveau, sur ${nombre(replications)} réplication${s(replications)}…`
      : kind === 'refine'
        ? `Recommandation\u00a0: recherche fine ${nombre(step)}/${nombre(of)} entre les niveaux trouvés, sur ${nombre(replications)} réplication${s(replications)}…`
        : `Recommandation\u00a0: confirmation des politiques actuelles et de la recommandation sur ${nombre(replications)} nouvelle${s(replications)} réplication${s(replications)} chacune…`,
  done: (points, rungs, search, confirm, seconds) =>
    `Terminé\u00a0: recommandation pour ${nombre(points)} point${s(points)} de stock (${nombre(rungs)} niveau${rungs >= 2 ? 'x' : ''} essayé${s(rungs)} sur ${nombre(search)} réplication${s(search)} chacun, confirmation sur ${nombre(confirm)}) en ${formatDuration(seconds)}`,
  caption: (rungs, finer, search, confirm, raised) =>
    `Recherche\u00a0: ${nombre(rungs)} échelon${s(rungs)} + ${nombre(finer)} plus fin${s(finer)} × ${nombre(search)} réplication${s(search)} (nombres aléatoires communs)\u00a0; confirmation\u00a0: les politiques actuelles face à la recommandation, ${nombre(confirm)} réplication${s(confirm)} sur de nouveaux jours aléatoires${
      raised > 0 ? `\u00a0; ${nombre(raised)} choix en deçà de la cible y ${raised >= 2 ? 'ont été relevés' : 'a été relevé'} d’un cran, et tout a été confirmé de nouveau sur d’autres jours aléatoires (les chiffres affichés)` : ''
    }.`,
  summary: (met, total, target, short, cannot) => {
    const who = met === 0 ? `aucun point de stock sur ${nombre(total)} n’atteint` : `${nombre(met)} point${s(met)} de stock sur ${nombre(total)} ${met >= 2 ? 'atteignent' : 'atteint'}`;
    const rest = short + cannot > 0 ? ` (${nombre(short)} en deçà sur de nouveaux jours aléatoires, ${nombre(cannot)} ne ${cannot >= 2 ? 'peuvent' : 'peut'} pas l’atteindre)` : '';
    return `Avec la recommandation, ${who} la cible ${target} avec 95\u00a0% de confiance${rest}.`;
  },
  change: (clause, significant) =>
    `La recommandation ${clause}\u00a0: ${significant ? 'l’intervalle à 95\u00a0% exclut 0, le changement est donc réel' : 'l’intervalle à 95\u00a0% contient 0, aucun changement ne peut donc être affirmé'}.`,
  noChange: 'Le changement de l’objectif n’a pas pu être mesuré (il ne s’applique à aucune réplication des deux).',
  stockPoint: 'Point de stock',
  today: 'Aujourd’hui',
  recommended: 'Recommandé',
  kpiToday: (label) => `${label}, aujourd’hui`,
  kpiRecommended: (label) => `${label}, recommandé`,
  status: 'Statut',
  tableCaption: (confirm, windowDays) =>
    `Chaque point de stock sur les ${nombre(confirm)} nouvelles réplications de la confirmation (moyenne ± demi-largeur à 95\u00a0%)\u00a0; montants sur la fenêtre mesurée de ${windowDays.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0jours.`,
  met: 'Atteinte',
  notConfirmed: 'En deçà sur de nouveaux jours aléatoires',
  notConfirmedHint: 'Choisi pendant la recherche, mais sous la borne à 95\u00a0% de la cible sur les nouveaux jours aléatoires de la confirmation.',
  cannotMeet: 'Inatteignable',
  statusWhy: (status, why) => `${status}\u00a0: ${why}`,
  cannotMeetWhy,
  warning,
  policyWithParameters: (policy, parameters) => `${policy}\u00a0: ${parameters}`,
  reorderAndOrderUpTo: (sLevel, S) => `s\u00a0${sLevel}, S\u00a0${S}`,
  reorderAndQuantity: (r, Q) => `r\u00a0${r}, Q\u00a0${Q}`,
  baseStockLevel: (S) => `S\u00a0${S}`,
  reviewAndOrderUpTo: (R, S) => `R ${nombre(R)}\u00a0jour${s(R)}, S\u00a0${S}`,
  addVariant: 'Ajouter la variante recommandée',
  addVariantHint:
    'Met la recommandation dans le scénario sous forme d’une variante d’identifiant «\u00a0recommended\u00a0» (qui remplace la précédente), après les politiques actuelles\u00a0: «\u00a0Lancer\u00a0» les compare alors sur nombres aléatoires communs, point de stock par point de stock. Annuler dans l’éditeur la retire.',
  variantAdded: 'La variante recommandée est dans le scénario (Annuler dans l’éditeur la retire)\u00a0: lancez la simulation pour la comparer aux politiques actuelles.',
  variantNotAdded: 'La variante n’a pas pu être ajoutée\u00a0: le texte du scénario n’est pas un JSON valide pour le moment.',
  variantName: 'Recommandée',
  todayName: 'Aujourd’hui',
  variantDescription: (policy, target) => `Les paramètres ${policy} les moins coûteux qui atteignent ${target} avec 95\u00a0% de confiance (panneau Recommander)`,
};
