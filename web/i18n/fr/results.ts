import type { results as English } from '../en/results.ts';
import { policyTypeLabels } from './names.ts';
import { nombre, s } from './grammar.ts';

/**
 * The per-SKU results table's user-facing strings in French (web/i18n/en/results.ts is the reference:
 * same keys). KPI labels and units are the charts' (web/i18n/fr/charts.ts).
 */

export const results: typeof English = {
  title: 'Résultats par point de stock',
  help: 'Chaque point de stock (un produit sur un site) dans chaque variante de politique, avec ses KPI en moyenne ± demi-largeur de confiance à 95\u00a0% sur les réplications\u00a0: triez par une colonne pour trouver ceux qui sont à la traîne, et cliquez sur une ligne pour voir l’évolution de son stock.',

  columns: {
    node: 'Site',
    product: 'Produit',
    variant: 'Variante',
    policy: 'Politique',
    abc: 'ABC',
    xyz: 'XYZ',
  },
  columnHints: {
    node: 'Le site du point de stock (nœud)',
    product: 'Le produit qui y est stocké',
    variant: 'La variante de politique',
    policy: 'La politique de réapprovisionnement du point de stock dans cette variante',
    abc: 'Classe ABC selon le chiffre d’affaires attendu (demande quotidienne moyenne × prix)\u00a0: A, les points de stock qui font les premiers 80\u00a0% du chiffre d’affaires\u202f; B, les 15\u00a0% suivants\u202f; C, le reste\u202f; –, pas de prix ou pas de clients propres',
    xyz: 'Classe XYZ selon la variabilité de la demande quotidienne (coefficient de variation, tiré du modèle de demande du scénario)\u00a0: X en dessous de 0,5, Y de 0,5 à 1,0, Z au-dessus de 1,0\u202f; –, pas de clients propres',
  },
  /** a KPI header's tooltip: what it is, its id, and what a click does */
  kpiHint: (label, id, better) =>
    `${label} (${id}). Cliquez pour trier ${better === null ? 'à partir de la valeur la plus basse' : 'du pire au meilleur'}, une seconde fois pour l’ordre inverse.`,
  textHint: (label) => `${label}. Cliquez pour trier de A à Z, une seconde fois de Z à A.`,

  /** the policy types' names: the dictionary's (web/i18n/fr/names.ts) */
  policies: policyTypeLabels,
  policyLevels: (reorderPoint, orderUpTo) =>
    [reorderPoint === null ? null : `point de commande ${reorderPoint}`, orderUpTo === null ? null : `niveau de recomplètement ${orderUpTo}`]
      .filter((part) => part !== null)
      .join(', '),

  abcClasses: { A: 'A', B: 'B', C: 'C', '–': '–' },
  xyzClasses: { X: 'X', Y: 'Y', Z: 'Z', '–': '–' },
  classHint: (revenue, cv) =>
    [
      revenue === null ? 'pas de chiffre d’affaires propre' : `chiffre d’affaires attendu de ${revenue} par jour`,
      cv === null ? 'pas de demande client propre' : `coefficient de variation de la demande quotidienne ${cv}`,
    ].join('\u202f; '),

  // filters
  search: 'Rechercher',
  searchPlaceholder: 'Site ou produit',
  all: 'Tous',
  filterNode: 'Site',
  filterProduct: 'Produit',
  filterVariant: 'Variante',
  filterAbc: 'Classe ABC',
  filterXyz: 'Classe XYZ',
  belowTarget: 'Taux de service inférieur à',
  belowTargetUnit: '%',
  belowTargetHint: 'N’afficher que les points de stock dont le taux de service moyen est inférieur à cet objectif',
  badTarget: 'Pourcentage attendu, de 0 à 100.',
  rowCount: (shown, total) =>
    shown === total ? `${nombre(total)} ligne${s(total)}` : `${nombre(shown)} sur ${nombre(total)} ligne${s(total)}`,
  noRows: 'Aucun point de stock ne correspond à ces filtres.',
  caption: (replications) =>
    `Moyenne ± demi-largeur à 95\u00a0% sur ${nombre(replications)} réplication${s(replications)}\u202f; taux en\u00a0%, leurs demi-largeurs en points de pourcentage.`,

  // export
  exportCsv: 'Lignes affichées en CSV',
  exportHint: (shown) =>
    `Télécharge ${shown >= 2 ? `les ${nombre(shown)} lignes affichées` : `${shown === 1 ? 'la' : nombre(shown)} ligne affichée`} (après les filtres, dans cet ordre) au format qu’écrit stocklab run --by stock-point --csv, avec le scénario, la graine, les réplications et la version de Stocklab`,

  // a row's inventory chart
  rowHint: (point, variant) => `${point} · ${variant}\u00a0: cliquez pour voir l’évolution de son stock`,
  showingChart: (point, variant) => `Le graphique «\u00a0Évolution du stock\u00a0» affiche ${point} dans ${variant}.`,
  // "auto" records each stock point's series up to 50 stock points (src/model/build.ts AUTO_SERIES_LIMIT)
  noSeries: (point) =>
    `Pas de graphique de stock pour ${point}\u00a0: les séries quotidiennes ne sont enregistrées par point de stock que jusqu’à 50\u00a0points de stock (output.series «\u00a0auto\u00a0»), cette simulation n’a donc gardé que les totaux du réseau. Réglez output.series sur «\u00a0all\u00a0» pour enregistrer chaque point de stock.`,
  noSeriesAtAll: (point) =>
    `Pas de graphique de stock pour ${point}\u00a0: ce scénario n’enregistre aucune série quotidienne par point de stock (output.series «\u00a0network\u00a0» ou «\u00a0none\u00a0»).`,
};
