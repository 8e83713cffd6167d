import type { sweep as English } from '../en/sweep.ts';
import { parameterDecimals } from '../../charts/parameterFormat.ts';
import { parameterLabel, policyTypeLabel } from './names.ts';
import { nombre, s } from './grammar.ts';

/**
 * The sweep panel's and sweep charts' user-facing strings in French (web/i18n/en/sweep.ts is the
 * reference: same keys). Parameter values are rounded as the English file rounds them
 * (web/charts/parameterFormat.ts) and written the French way: "1 624", "12,5"; lists of values are
 * separated by ";" since the comma is the decimal mark.
 */

/** a parameter's value as a French planner writes it, with formatParameter's rounding: "1 624", "12,5", "0,25" */
const parametre = (value: number): string => value.toLocaleString('fr-FR', { maximumFractionDigits: parameterDecimals(value) });

export const sweep: typeof English = {
  title: 'Balayer un paramètre de politique',
  help: 'Essayer une grille de valeurs pour un ou deux paramètres de la politique d’un point de stock, à partir de la première variante de politique. Chaque point de la grille est simulé avec les mêmes réplications et la même graine que Lancer (barre du haut), de sorte que les points sont comparés sur les mêmes jours aléatoires.',
  product: 'Produit',
  node: 'Point de stock',
  allNodes: 'tous les points de stock',
  /** a stock point choice: its node and its policy type, "entrepôt · (r, Q)" */
  nodeChoice: (node, policyType) => `${node} · ${policyTypeLabel(policyType)}`,
  parameter: (n) => `Paramètre ${nombre(n)}`,
  values: (n) => `Valeurs du paramètre ${nombre(n)}`,
  valuesPlaceholder: 'DÉBUT:FIN:PAS ou V1\u202f; V2',
  valuesHint: 'DÉBUT:FIN:PAS (p.\u00a0ex. 20:80:10 ou 0,5:2,5:0,5) ou des valeurs séparées par des points-virgules ou des espaces (p.\u00a0ex. 5\u202f; 8\u202f; 13 ou 2,5 7,5 12,5)\u202f; la virgule est la marque décimale',
  badRange: (typed) => `attendu DÉBUT:FIN:PAS avec FIN ≥ DÉBUT et PAS > 0, reçu «\u00a0${typed}\u00a0»`,
  tooManyValues: (typed, count, most) => `«\u00a0${typed}\u00a0» donne ${nombre(count)} valeurs\u202f; ${nombre(most)} au maximum`,
  badValues: (typed) => `attendu DÉBUT:FIN:PAS ou des nombres séparés par des points-virgules ou des espaces, reçu «\u00a0${typed}\u00a0»`,
  none: '— aucun —',
  kpi: 'KPI',
  run: 'Lancer le balayage',
  exportWhat: 'les points de grille du balayage',
  noParameters: 'La politique de ce point de stock n’a aucun paramètre numérique à balayer.',
  noStockPoints: 'Le scénario n’a aucun point de stock à balayer.',
  tooMany: (count, max) => `${nombre(count)} point${s(count)} de grille\u00a0: ${nombre(max)} au maximum. Utilisez moins de valeurs ou un pas plus grand.`,
  sameParameter: 'Choisissez deux paramètres différents.',
  cannotPlan: (message) => `Le balayage ne peut pas être lancé\u00a0: ${message}`,
  heatmapTitle: 'Le KPI sur la grille',
  heatmapHelp:
    'Chaque cellule est un point de la grille, colorée selon la moyenne du KPI choisi sur les réplications et étiquetée avec cette moyenne\u202f; survolez une cellule ou donnez-lui le focus pour voir son intervalle à 95\u00a0%. Une étoile marque les points situés sur la frontière service / coût de possession.',
  lineHelp:
    'Le KPI choisi en fonction du paramètre balayé\u00a0: moyennes avec moustaches de confiance à 95\u00a0%. Une étoile marque les points situés sur la frontière service / coût de possession.',
  frontierTitle: 'Points de grille\u00a0: service face au coût de possession',
  frontierHelp:
    'Le taux de service de chaque point de grille face à son coût de possession, avec des moustaches à 95\u00a0%. La ligne relie la frontière\u00a0: les points qu’aucun autre point ne bat à la fois sur le service et sur le coût. Plus haut et plus à gauche, c’est mieux.',
  skippedTitle: (count) => `${nombre(count)} point${s(count)} de grille écarté${s(count)} (politique non valide)\u00a0:`,
  caption: (replications, complete, where) =>
    `${where} · moyenne de ${nombre(replications)} réplication${s(replications)}${complete ? '' : ' (annulé\u00a0: les réplications terminées)'}`,
  where: (product, node) => `${product} à ${node ?? 'chaque point de stock'}`,
  legendLow: 'bas',
  legendHigh: 'haut',
  onFrontier: 'Sur la frontière',
  frontierLine: 'Frontière',
  otherPoints: 'Autres points de grille',
  frontierYes: 'Sur la frontière service / coût de possession',
  /** under the frontier chart: what its points' labels give, "Étiquettes : Point de commande, Quantité de commande" */
  frontierLabelKey: (parameters) => `Étiquettes des points de la frontière\u00a0: ${parameters.join(', ')}.`,
  /** a grid point by its parameters' ids and values: "Point de commande = 40 ; Quantité de commande = 12,5" (labels from names.ts, values rounded) */
  pointName: (parameters, values) => parameters.map((p, i) => `${parameterLabel(p)} = ${parametre(values[i])}`).join('\u202f; '),
  pointShort: (values) => values.map((value) => value.toLocaleString('fr-FR', { maximumFractionDigits: 20 })).join('\u202f; '),
  missingCell: 'non simulé (politique non valide)',
  notAvailable: (kpi) => `${kpi} n’est pas disponible pour ces points de grille. Choisissez un autre KPI.`,
};
