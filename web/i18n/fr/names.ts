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
import { parseJsonPath } from '../../editor/jsonPath.ts';

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
  'visibility.shrinkagePerDay': 'Démarque inconnue (part du rayon perdue par jour, non enregistrée)',
  'visibility.countEveryDays': 'Inventaire du stock tous les (jours)',
  'visibility.countDelayDays': 'Résultats d’inventaire pris en compte après (jours)',
  'visibility.realTime': 'Visibilité en temps réel',
  // demand
  customersPerDay: 'Clients par jour',
  quantity: 'Quantité',
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

/** Containers a path passes through without naming them when a field inside follows ("Point de stock 4 › Point de commande"). */
const SILENT = new Set(['policy', 'churn', 'visibility', 'method', 'communication']);

type Item = Record<string, unknown>;

const text = (value: unknown): string | null => {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== null);
    if (parts.length === 0) return null;
    return parts.length <= 3 ? parts.join(', ') : `${parts.slice(0, 3).join(', ')}…`;
  }
  return null;
};
const joined = (...parts: unknown[]): string | null => {
  const shown = parts.map(text).filter((part): part is string => part !== null);
  return shown.length === 0 ? null : shown.join(' · ');
};

/** The items of a list a person meets by name, and what of an item tells it apart. */
const ITEMS: Record<string, { name: string; list: string; detail: (item: Item) => string | null }> = {
  products: { name: 'Produit', list: 'Produits', detail: (p) => text(p.id) },
  nodes: { name: 'Nœud', list: 'Nœuds du réseau', detail: (n) => text(n.id) },
  lanes: { name: 'Liaison', list: 'Liaisons', detail: (l) => (text(l.from) === null && text(l.to) === null ? text(l.id) : `${text(l.from) ?? '?'} → ${text(l.to) ?? '?'}`) },
  stockPoints: { name: 'Point de stock', list: 'Points de stock', detail: (s) => joined(s.node, s.product) },
  demand: { name: 'Demande', list: 'Demande', detail: (d) => joined(d.node, d.product) },
  customers: { name: 'Base de clients', list: 'Bases de clients', detail: (c) => text(c.node) },
  disruptions: { name: 'Perturbation', list: 'Perturbations', detail: (d) => text(d.name) ?? text(d.node) ?? text(d.zone) },
  recalls: { name: 'Rappel de lot', list: 'Rappels de lot', detail: (r) => text(r.name) ?? joined(r.supplier, r.product) },
  fulfilment: { name: 'Traitement des commandes en ligne', list: 'Traitement des commandes en ligne', detail: (f) => text(f.zone) },
  variants: { name: 'Variante', list: 'Variantes de politique', detail: (v) => text(v.name) ?? text(v.id) },
  'variants.policies': { name: 'Politique remplacée', list: 'Politiques remplacées', detail: (o) => joined(o.node, o.product) },
  'variants.set': { name: 'Modification', list: 'Autres modifications', detail: (c) => text(c.path) },
  'demand.shocks': { name: 'Choc de demande', list: 'Chocs de demande', detail: (s) => text(s.name) },
  'fulfilment.from': { name: 'Entrepôt', list: 'Entrepôts', detail: (w) => text(w.node) },
};

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldLabel(parent: string | null, key: string): string | null {
  if (parent !== null) {
    const qualified = `${parent}.${key}`;
    if (Object.hasOwn(fieldLabels, qualified)) return fieldLabels[qualified];
  }
  if ((parent === 'policy' || parent === 'method') && Object.hasOwn(policyParameterLabels, key)) return policyParameterLabels[key];
  return Object.hasOwn(fieldLabels, key) ? fieldLabels[key] : null;
}

/**
 * An issue path in words, given the scenario's data (any JSON: it may be the invalid data the issue
 * is about): `stockPoints[3].policy.orderUpTo` -> "Point de stock 4 (shop · beans) › Niveau de
 * recomplètement". Keys without a name stay as they are; a path with no known part at all (or no path
 * into the data, such as `(file)`) comes back unchanged.
 */
export const humanPath: typeof EnglishHumanPath = (path, scenario) => {
  const segments = parseJsonPath(path);
  if (segments === null || segments.length === 0) return path;
  const parts: string[] = [];
  let known = false;
  let data: unknown = scenario;
  /** the last key, and the list key (qualified by its parent list: `variants.policies`) */
  let parent: string | null = null;
  let listKey: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (typeof segment === 'number') {
      const items = listKey !== null ? ITEMS[listKey] : undefined;
      const item = Array.isArray(data) ? data[segment] : undefined;
      if (items) {
        const detail = isItem(item) ? items.detail(item) : null;
        parts.push(`${items.name} ${segment + 1}${detail === null ? '' : ` (${detail})`}`);
      } else if (parts.length > 0) parts[parts.length - 1] += `, élément ${segment + 1}`;
      else parts.push(`[${segment}]`);
      data = item;
      continue;
    }
    const qualifiedList: string | null = listKey !== null && Object.hasOwn(ITEMS, `${listKey}.${segment}`) ? `${listKey}.${segment}` : null;
    const isList = Array.isArray(isItem(data) ? data[segment] : undefined) || typeof next === 'number';
    if (isList && (qualifiedList !== null || (parent === null && Object.hasOwn(ITEMS, segment)))) {
      // a list of named items: its item names it ("Point de stock 4"), not the list
      const list: string = qualifiedList ?? segment;
      listKey = list;
      known = true;
      if (typeof next !== 'number') parts.push(ITEMS[list].list);
    } else {
      listKey = null;
      const label = fieldLabel(parent, segment);
      if (label !== null) known = true;
      if (!(SILENT.has(segment) && next !== undefined)) parts.push(label ?? segment);
    }
    parent = segment;
    data = isItem(data) ? data[segment] : undefined;
  }
  return known ? parts.join(' › ') : path;
};

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
