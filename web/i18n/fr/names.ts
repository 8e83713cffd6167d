import type {
  fieldLabels as EnglishFieldLabels,
  humanPath as EnglishHumanPath,
  issueLine as EnglishIssueLine,
  issueLocation as EnglishIssueLocation,
  parameterLabel as EnglishParameterLabel,
  policyParameterLabels as EnglishPolicyParameterLabels,
  policyTypeLabel as EnglishPolicyTypeLabel,
  policyTypeLabels as EnglishPolicyTypeLabels,
} from '../en/names.ts';
import { pathInWords, type PathWords } from '../pathInWords.ts';

/**
 * The names a person meets for the scenario's identifiers, in French (web/i18n/en/names.ts is the
 * reference: same exports, same shapes): policy types and their parameters, the scenario fields people
 * set, and issue paths (`stockPoints[3].policy.orderUpTo` -> "Point de stock 4 (shop · beans) ›
 * Niveau de recomplètement"). The path-reading logic is the English file's, with French words.
 */

/** Policy types, as the forms' selects, the tables and the sweep's stock point choices show them. */
export const policyTypeLabels: typeof EnglishPolicyTypeLabels = {
  sS: '(s, S)',
  rQ: '(r, Q)',
  baseStock: 'Stock de base',
  echelonBaseStock: 'Stock de base par échelon',
  periodicRS: 'Périodique (R, S)',
  periodicRsS: 'Périodique (R, s, S)',
  serviceTarget: 'Objectif de service',
  forecast: 'Pilotée par la prévision',
  fixedQuantity: 'Quantité fixe (T, Q)',
  schedule: 'Calendrier de commandes',
  passThrough: 'Répercussion de la demande (lot pour lot)',
  anchorAndAdjust: 'Ancrage et ajustement (Sterman)',
};

/** Every parameter of every policy type (src/scenario/schema.ts Policy), and of a forecast policy's method. */
export const policyParameterLabels: typeof EnglishPolicyParameterLabels = {
  reorderPoint: 'Point de commande',
  orderUpTo: 'Niveau de recomplètement',
  orderQuantity: 'Quantité de commande',
  level: 'Niveau de stock de base',
  reviewPeriod: 'Révision tous les (jours)',
  firstReview: 'Première révision (jour)',
  target: 'Objectif de service',
  method: 'Prévision',
  periods: 'Périodes moyennées',
  alpha: 'Alpha de lissage (]0\u202f; 1])',
  safetyFactor: 'Coefficient de sécurité',
  allowReturns: 'Autoriser les retours vers l’amont',
  orders: 'Commandes planifiées',
  repeatEveryDays: 'Répéter tous les (jours)',
  estimates: 'Estimations publiées',
  smoothing: 'Lissage des commandes reçues, thêta ([0\u202f; 1])',
  stockAdjustment: 'Ajustement du stock, alpha_S ([0\u202f; 1])',
  supplyLineWeight: 'Poids des commandes en cours, bêta',
  desiredStock: 'Stock désiré, S′',
  initialExpectedOrders: 'Commandes reçues attendues au départ',
};

/** A policy parameter's name on screen ("Point de commande"); an id without one stays as it is. */
export const parameterLabel: typeof EnglishParameterLabel = (id) => (Object.hasOwn(policyParameterLabels, id) ? policyParameterLabels[id] : id);

/** A policy type's name on screen ("Stock de base"); an unknown type stays as it is. */
export const policyTypeLabel: typeof EnglishPolicyTypeLabel = (type) =>
  Object.hasOwn(policyTypeLabels, type) ? policyTypeLabels[type as keyof typeof policyTypeLabels] : type;

/**
 * Scenario fields a person meets, by their key in the schema; a key whose meaning depends on where it
 * sits is qualified by its parent (`churn.onStockout`, `policy.type`), which wins over the bare key.
 */
export const fieldLabels: typeof EnglishFieldLabels = {
  // the scenario
  name: 'Nom',
  description: 'Description',
  headline: 'KPI principaux',
  currency: 'Devise',
  horizonDays: 'Horizon (jours)',
  warmupDays: 'Période de chauffe (jours)',
  bullwhipPeriodDays: 'Effet coup de fouet mesuré par (jours)',
  replications: 'Réplications',
  seed: 'Graine',
  shortageShipping: 'Expédition en cas de manque',
  version: 'Version du format de scénario',
  // products
  id: 'Identifiant',
  unitCost: 'Coût unitaire',
  price: 'Prix',
  holdingCost: 'Coût de possession',
  unmetDemand: 'Demande non satisfaite',
  stockoutPenalty: 'Pénalité par unité manquante',
  backorderCostPerDay: 'Coût de commande en attente par unité et par jour',
  orderingCost: 'Coût par commande',
  shelfLifeDays: 'Durée de conservation (jours)',
  disposalCostPerUnit: 'Coût de destruction par unité',
  // nodes and lanes
  type: 'Type',
  capacityPerDay: 'Capacité (unités par jour)',
  processingTime: 'Temps de traitement (jours)',
  servers: 'Postes de traitement',
  storageClass: 'Classe de stockage',
  from: 'Origine',
  to: 'Destination',
  leadTime: 'Délai d’approvisionnement (jours)',
  costPerUnit: 'Coût de transport par unité',
  costPerShipment: 'Coût de transport par expédition',
  orderDelayDays: 'Commandes reçues par le fournisseur après (jours)',
  // stock points
  node: 'Nœud',
  product: 'Produit',
  policy: 'Politique',
  'policy.type': 'Politique',
  'target.fillRate': 'Objectif de taux de service (0 à 1)',
  'target.cycleServiceLevel': 'Objectif de taux de service par cycle (0 à 1)',
  initialOnHand: 'Stock initial',
  source: 'Commandé auprès de',
  casePack: 'Colisage',
  minOrderQuantity: 'Quantité minimale de commande',
  issuing: 'Ordre de sortie du rayon',
  allocation: 'Répartition en cas de manque',
  visibility: 'Exactitude de l’état du stock',
  orderRounding: 'Arrondi des commandes',
  reviewTiming: 'Révisions',
  backlogCostPerDay: 'Coût du retard par unité et par jour',
  scriptedOrders: 'Commandes imposées',
  'scriptedOrders.untilDay': 'Jusqu’au jour (exclu)',
  'scriptedOrders.quantity': 'Unités commandées à chaque révision',
  initialPipeline: 'En cours au départ',
  'initialPipeline.shipments': 'Livraisons en transit',
  'initialPipeline.orders': 'Commandes en chemin vers le fournisseur',
  'shipments.day': 'Jour',
  'shipments.quantity': 'Quantité',
  'visibility.shrinkagePerDay': 'Démarque inconnue (part du rayon perdue par jour, non enregistrée)',
  'visibility.countEveryDays': 'Inventaire du stock tous les (jours)',
  'visibility.countDelayDays': 'Résultats d’inventaire pris en compte après (jours)',
  'visibility.realTime': 'Visibilité en temps réel',
  // demand
  customersPerDay: 'Clients par jour',
  quantity: 'Quantité',
  segment: 'Segment de clientèle',
  // les commandes de clients (type « orders ») et leur livraison
  ordersPerDay: 'Commandes par jour',
  history: 'Commandes de chaque jour (historique)',
  size: 'Unités par commande',
  delivery: 'Livraison au client',
  'delivery.leadTime': 'Délai de livraison (jours)',
  'delivery.costPerOrder': 'Coût de livraison par commande',
  'delivery.costPerUnit': 'Coût de livraison par unité',
  'delivery.dueDays': 'Échéance après (jours)',
  // les commandes d’un calendrier (policy.orders[i])
  'orders.day': 'Jour',
  'orders.quantity': 'Quantité',
  series: 'Historique quotidien',
  seasonality: 'Saisonnalité',
  'seasonality.weekly': 'Profil hebdomadaire (7 coefficients, lundi en premier)',
  'seasonality.yearly': 'Profil annuel (12 coefficients, janvier en premier)',
  trendPerYear: 'Croissance par an (0,1 = +10\u00a0%)',
  multiplier: 'Demande multipliée par',
  occurrence: 'Quand',
  // customers
  initial: 'Clients au départ',
  churn: 'Départs de clients (attrition)',
  'churn.onStockout': 'Départ après une rupture de stock (probabilité)',
  'churn.onBackorder': 'Départ après une commande en attente (probabilité)',
  'churn.onLate': 'Départ après une livraison en retard (probabilité)',
  'churn.onAbandon': 'Départ après un panier abandonné (probabilité)',
  newPerDay: 'Nouveaux clients par jour',
  lifetimeValue: 'Valeur d’un client',
  // online fulfilment
  zone: 'Zone de vente en ligne',
  rule: 'Quel entrepôt sert une commande',
  pickPackDays: 'Préparation de commande (jours)',
  transitDays: 'Transit jusqu’aux clients (jours)',
  promiseBufferDays: 'Marge ajoutée aux promesses (jours)',
  promiseWindowDays: 'Fenêtre promise (jours)',
  communication: 'Information des clients sur les retards',
  tolerance: 'Attente maximale acceptée par les clients (jours)',
  // recalls and disruptions
  supplier: 'Fournisseur',
  receivedFrom: 'Lots reçus à partir du jour',
  receivedTo: 'Jusqu’au jour (exclu)',
  announcedOn: 'Annoncé le jour',
  fromDay: 'À partir du jour',
  toDay: 'Jusqu’au jour (exclu)',
  ratePerYear: 'Fois par an, en moyenne',
  duration: 'Durée de chacune (jours)',
};

/** What French calls the items of each named list, for issue paths (web/i18n/pathInWords.ts). */
const PATH_WORDS: PathWords = {
  fieldLabels,
  policyParameterLabels,
  items: {
    products: { name: 'Produit', list: 'Produits' },
    nodes: { name: 'Nœud', list: 'Nœuds du réseau' },
    lanes: { name: 'Liaison', list: 'Liaisons' },
    stockPoints: { name: 'Point de stock', list: 'Points de stock' },
    demand: { name: 'Demande', list: 'Demande' },
    customers: { name: 'Base de clients', list: 'Bases de clients' },
    disruptions: { name: 'Perturbation', list: 'Perturbations' },
    recalls: { name: 'Rappel de lot', list: 'Rappels de lot' },
    fulfilment: { name: 'Traitement des commandes en ligne', list: 'Traitement des commandes en ligne' },
    variants: { name: 'Variante', list: 'Variantes de politique' },
    'variants.policies': { name: 'Politique remplacée', list: 'Politiques remplacées' },
    'variants.set': { name: 'Modification', list: 'Autres modifications' },
    'demand.shocks': { name: 'Choc de demande', list: 'Chocs de demande' },
    'fulfilment.from': { name: 'Entrepôt', list: 'Entrepôts' },
  },
  item: (position) => `, élément ${position}`,
};

/**
 * Un chemin de problème en mots : `stockPoints[3].policy.orderUpTo` -> « Point de stock 4 (shop · beans)
 * › Niveau de recomplètement » (la même marche qu'en anglais, web/i18n/pathInWords.ts).
 */
export const humanPath: typeof EnglishHumanPath = (path, scenario) => pathInWords(PATH_WORDS, path, scenario);

/**
 * Where an issue is, as the app lists it: the path in words with the raw path in parentheses, "Point
 * de stock 4 (shop · beans) › Niveau de recomplètement (stockPoints[3].policy.orderUpTo)"; the raw path
 * alone when it has no words.
 */
export const issueLocation: typeof EnglishIssueLocation = (path, scenario) => {
  const human = humanPath(path, scenario);
  return human === path ? path : `${human} (${path})`;
};

/**
 * An issue as one line: "Horizon (jours) (horizonDays) : expected a number > 0". The message itself
 * comes from the engine's checks (src/scenario/), which are in English.
 */
export const issueLine: typeof EnglishIssueLine = (issue, scenario) => `${issueLocation(issue.path, scenario)}\u00a0: ${issue.message}`;
