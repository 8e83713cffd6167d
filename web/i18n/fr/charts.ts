import type { charts as English } from '../en/charts.ts';
import { nombre, s, sTexte } from './grammar.ts';

/**
 * The charts' user-facing strings in French (web/i18n/en/charts.ts is the reference: same keys). KPI
 * labels follow French planners' usage (taux de service, rupture de stock, coût de possession...).
 * `numberLocale` is d3-format's locale definition for French: "1 234,5", "95 %".
 */

/** the KPI table's star rule (web/charts/kpiTable.ts starRule), short in the caption, whole in the stars' tooltip */
const STAR_RULE_SHORT = '★\u00a0: significativement meilleure que toutes les autres variantes (95\u00a0%, appariement par réplication)\u202f; jamais sur un coût réduit en vendant moins.';
const STAR_RULE =
  'Significativement meilleure que toutes les autres variantes\u00a0: l’intervalle à 95\u00a0% de la différence, réplication par réplication sur les mêmes jours aléatoires, exclut 0 (lorsque les valeurs ne s’apparient pas, les deux intervalles à 95\u00a0% ne se chevauchent pas). Un coût n’est jamais étoilé lorsque le taux de service ou le chiffre d’affaires de cette variante est significativement inférieur à celui d’une autre\u00a0: elle a moins coûté parce qu’elle a moins vendu.';

export const charts: typeof English = {
  starRule: STAR_RULE,
  starRuleShort: STAR_RULE_SHORT,
  numberLocale: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', ''], percent: '\u00a0%', minus: '−' },

  kpiLabels: {
    fillRate: 'Taux de service (quantités)',
    cycleServiceLevel: 'Taux de service par cycle',
    readyRate: 'Part du temps en stock',
    onTimeDelivery: 'Livraison à temps',
    promiseAccuracy: 'Fiabilité des promesses',
    abandonedCarts: 'Paniers abandonnés',
    avgCustomerWait: 'Attente moyenne des clients',
    lostSalesUnits: 'Ventes perdues',
    avgBackorders: 'Commandes en attente (moyenne)',
    noBackorderRate: 'Part du temps sans commande en attente',
    waitingDemandShare: 'Part de la demande qui a attendu',
    customerOrders: 'Commandes clients',
    orderFillRate: 'Commandes livrées complètes et à temps',
    avgDeliveryDays: 'Délai de livraison moyen',
    deliveriesReceived: 'Livraisons reçues',
    queueWait: 'Attente d’un poste (production)',
    queueLength: 'Commandes en attente d’un poste',
    waitProbability: 'Part des commandes qui ont attendu un poste',
    utilisation: 'Taux d’occupation des postes',
    avgOnHand: 'Stock physique moyen',
    avgInventoryPosition: 'Position de stock moyenne',
    avgPipeline: 'Stock en transit moyen',
    inventoryTurns: 'Rotation des stocks',
    daysOfSupply: 'Couverture de stock',
    ordersPlaced: 'Commandes passées',
    ordersReceived: 'Commandes reçues',
    unitsReceived: 'Unités reçues',
    expiredUnits: 'Unités périmées',
    damagedUnits: 'Unités endommagées',
    obsoleteUnits: 'Unités obsolètes soldées',
    recalledUnits: 'Unités rappelées',
    returnedUnits: 'Unités retournées par les clients',
    markdownUnits: 'Unités vendues à prix réduit',
    shrinkageUnits: 'Unités perdues sans enregistrement (démarque inconnue)',
    bullwhipRatio: 'Ratio d’effet coup de fouet',
    endOfPeriodOnHand: 'Stock physique en fin de période',
    endOfPeriodBackorders: 'Commandes en attente en fin de période',
    costPerPeriod: 'Coût par période de révision',
    outdatedPerPeriod: 'Unités périmées par période',
    endOfPeriodOnHandBeforeOutdating: 'Stock physique en fin de période avant péremption',
    holdingCost: 'Coût de possession',
    orderingCost: 'Coût de passation des commandes',
    purchaseCost: 'Coût d’achat',
    transportCost: 'Coût de transport',
    stockoutCost: 'Coût de rupture',
    expiryCost: 'Coût de péremption',
    damageCost: 'Coût des avaries',
    obsolescenceCost: 'Coût d’obsolescence',
    recallCost: 'Coût des rappels de lot',
    returnsCost: 'Coût des retours',
    shrinkageCost: 'Coût de la démarque inconnue',
    voucherCost: 'Bons d’achat pour retard',
    churnCost: 'Coût des clients perdus',
    totalCost: 'Coût total',
    revenue: 'Chiffre d’affaires',
    profit: 'Bénéfice',
    activeCustomers: 'Clients actifs',
    customersChurned: 'Clients perdus',
    demandLostToChurn: 'Demande perdue avec les clients',
  },
  units: {
    percent: '%',
    days: 'jours',
    perYear: 'par an',
    units: 'unités',
    orders: 'commandes',
    customers: 'clients',
    times: '×',
    /** money when the scenario's currency is not known */
    money: 'unités monétaires',
    /** half-widths of percentages are in percentage points */
    points: 'points',
  },

  notAvailable: 'Non disponible pour ce scénario.',
  noResults: 'Aucune réplication n’est encore terminée.',
  oneReplicationNoInterval: 'une réplication\u00a0: pas d’intervalle',
  oneReplicationNote: 'Une réplication\u00a0: pas d’intervalle de confiance (lancez-en 2 ou plus pour en voir un).',
  plusMinus: '±',
  /** under the headline cards: the window their money (and every KPI) covers */
  measuredWindow: (days) => `montants et tous les KPI sur la fenêtre mesurée de ${days.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0jour${s(days)}`,
  meanCi: (replications) => `Moyenne ± intervalle de confiance à 95\u00a0% sur ${nombre(replications)} réplication${s(replications)}`,
  replicationsCount: (n) => `${nombre(n)} réplication${s(n)}`,
  day: 'Jour',
  dayAxis: 'Jour de la simulation',
  warmUp: 'Période de chauffe (hors KPI)',
  best: 'meilleure, significativement',
  // the English function's inferred return type is its two English sentences (a literal union), so the
  // French sentences need a cast; a later change may annotate the English one `: string`
  bestHint: (better) => (better === 'higher' ? 'Plus haut, c’est mieux' : 'Plus bas, c’est mieux'),

  // cards
  cardsLabel: 'KPI principaux par variante de politique',

  // frontier
  frontierAxisX: 'Coût de possession',
  frontierAxisY: 'Taux de service',
  frontierBetter: '↖ mieux\u00a0: plus de service pour moins de stock',
  frontierMissing: (names) => `Non affichées (pas de taux de service ou de coût de possession)\u00a0: ${names}`,

  // inventory
  onHand: 'Stock physique',
  position: 'Position de stock',
  band: 'Bande à 95\u00a0% du stock physique',
  reorderPoint: 'Point de commande',
  orderUpTo: 'Niveau de recomplètement',
  shortDays: 'Jours avec des unités manquantes',
  shortDaysMean: 'Unités manquantes (plus foncé\u00a0: davantage)',
  ordered: 'Commandé',
  received: 'Reçu',
  short: 'Manquant',
  backorders: 'Commandes en attente',
  inventoryAxisY: 'Stock (unités)',
  inventoryCaption: (point, variant, single) =>
    `${point} · ${variant} · ${single ? 'une réplication (réplication 1)' : 'moyenne des réplications avec une bande à 95\u00a0%'}`,
  networkFallback:
    'Ce scénario n’enregistre que les totaux du réseau (trop de points de stock pour tenir une série quotidienne par point)\u00a0: affichage du réseau entier.',
  networkScope: 'Réseau entier',
  noSeries: 'Les séries quotidiennes n’ont pas été enregistrées pour ce scénario.',
  noPolicyLevels: 'Cette politique n’a ni point de commande ni niveau de recomplètement à tracer.',

  // customers
  customersAxisY: 'Clients actifs',
  noCustomerBase: 'Ce scénario n’a pas de base de clients\u00a0: chaque client continue d’acheter quoi qu’il arrive.',
  customersCaption: (replications) => `Moyenne sur ${nombre(replications)} réplication${s(replications)}, bande à 95\u00a0%`,

  // customers lost, by cause
  churnCauses: {
    stockout: 'Rupture de stock',
    backorder: 'Mis en attente',
    late: 'Livraison en retard',
    abandoned: 'Panier abandonné',
  },
  churnTitle: 'Clients perdus, par cause',
  churnAxisX: 'Ce qui les a fait partir',
  churnAxisY: 'Clients perdus (clients)',
  churnCaption: (replications) =>
    `Moyenne sur ${nombre(replications)} réplication${s(replications)} avec moustaches à 95\u00a0%\u202f; fenêtre mesurée uniquement (après la période de chauffe)`,
  churnBar: (variant, cause) => `${variant} · ${cause}`,
  churnValue: (value) => `Clients perdus\u00a0: ${value}`,

  // online orders over time
  onTimeTitle: 'Évolution des livraisons à temps',
  onTimeAxisY: 'Livraisons à temps (%)',
  onTimeCaption: (replications) =>
    `Part des commandes en ligne livrées au plus tard à leur date promise, sur les 7\u00a0jours jusqu’à chaque jour compris\u202f; moyenne sur ${nombre(replications)} réplication${s(replications)}, avec une bande à 95\u00a0%`,
  onTimeWindow: (variant, value) => `${variant}\u00a0: ${value} sur la fenêtre mesurée`,
  noDeliveries: 'aucune livraison pendant ces 7\u00a0jours',
  abandonedWindow: (variant, value) => `${variant}\u00a0: ${value} paniers sur la fenêtre mesurée`,
  abandonedTitle: 'Évolution des paniers abandonnés',
  abandonedAxisY: 'Paniers abandonnés (par jour)',
  abandonedCaption: (replications) =>
    `Paniers abandonnés par jour, en moyenne sur les 7\u00a0jours jusqu’à chaque jour compris et sur ${nombre(replications)} réplication${s(replications)}, avec une bande à 95\u00a0%`,

  // online orders by zone, recalls
  figure: 'Indicateur',
  zoneTableCaption: (replications) =>
    `Commandes en ligne pendant la fenêtre mesurée, par zone\u00a0: moyenne ± demi-largeur à 95\u00a0% sur ${nombre(replications)} réplication${s(replications)}`,
  zoneRows: {
    orders: 'Commandes passées',
    abandoned: 'Abandonnées à la promesse',
    delivered: 'Livrées',
    onTime: 'À temps',
    late: 'En retard',
    notified: 'Retard annoncé à l’avance',
    express: 'Commandes express',
  },
  recallTableCaption: (replications) =>
    `Ce que chaque rappel de lot a touché\u00a0: moyenne ± demi-largeur à 95\u00a0% sur ${nombre(replications)} réplication${s(replications)}`,
  recallTitle: (name) => `Rappel de lot\u00a0: ${name}`,
  recallTitleNth: (name, nth) => `Rappel de lot\u00a0: ${name} (${nth === 1 ? 'premier' : nth === 2 ? 'deuxième' : `n°\u00a0${nombre(nth)}`} de ce nom)`,
  recallRows: {
    unitsRemoved: 'Unités retirées',
    unitsSold: 'Unités vendues avant l’annonce',
    customersReached: 'Achats de clients touchés',
  },

  // histogram
  histogramAxisY: 'Réplications',
  histogramBin: (variant, count, from, to) => `${variant}\u00a0: ${nombre(count)} réplication${s(count)} entre ${from} et ${to}`,
  histogramMean: 'Moyenne (ligne) et son intervalle à 95\u00a0% (moustache)',

  // sweep heatmap and frontier (web/charts/heatmap.ts, sweepFrontier.ts)
  /** a grid point, its values already rounded: "Point de commande = 1 624 ; Quantité de commande = 250" (";" since the comma is the decimal mark) */
  parameterPoint: (parameters, values) => parameters.map((p, i) => `${p} = ${values[i]}`).join('\u202f; '),
  withinNoiseOfFrontier: 'Hors de la frontière, mais dans le bruit\u00a0: aucun point n’est meilleur sur les deux axes au-delà des intervalles à 95\u00a0%',
  heatColorsSteps: (span, noise) =>
    `Les couleurs couvrent ${span} par paliers de ${noise}, la demi-largeur à 95\u00a0% typique des cellules, à partir de la meilleure cellule\u00a0: les différences inférieures à ${noise} relèvent du bruit, et les cellules à moins d’un palier de la meilleure partagent sa couleur.`,
  heatColorsContinuous: (span, noise) =>
    `Les couleurs couvrent ${span}\u202f; les différences inférieures à ${noise} (la demi-largeur à 95\u00a0% typique des cellules) relèvent du bruit.`,
  heatColorsNoInterval: (span) =>
    `Les couleurs couvrent ${span}\u202f; une réplication\u00a0: pas d’intervalle, aucune différence ne peut donc être distinguée du bruit.`,

  // table
  tableCaption: (replications, variants) =>
    `KPI du réseau\u00a0: moyenne ± demi-largeur à 95\u00a0% sur ${nombre(replications)} réplication${s(replications)}.${
      variants < 2 ? '' : replications < 2 ? ' Pas de ★\u00a0: une seule réplication ne peut pas montrer qu’une variante est meilleure.' : ` ${STAR_RULE_SHORT}`
    }`,
  tableKpi: 'KPI',
  sortBy: (name) => `Trier les lignes par ${name}`,
  sortDefault: 'Revenir à l’ordre habituel des KPI',
  notApplicable: 'sans objet',
  tableCell: (n, sd) => `${nombre(n)} réplication${s(n)}, écart type ${sd}`,

  // network
  networkLegend: 'Taux de service au point de stock',
  noStockPoint: 'Pas de stock détenu / pas de taux de service',
  leadTime: (days) => `${days}\u00a0j`,
  leadTimeFull: (from, to, days) => `${from} → ${to}\u00a0: délai d’approvisionnement moyen de ${days}\u00a0jour${sTexte(days)}`,
  nodeTypes: { supplier: 'Fournisseur', warehouse: 'Entrepôt', store: 'Magasin', zone: 'Zone de vente en ligne' },
  networkCaption: (variant) => `Variante de politique\u00a0: ${variant}`,
  /** a dashed link: a warehouse shipping a zone's online orders */
  fulfilmentKey:
    'Flèches en tirets\u00a0: commandes en ligne expédiées d’un entrepôt aux clients d’une zone, étiquetées avec le nombre moyen de jours de préparation et de transit',
  transitFull: (from, to, days, rule) =>
    `${from} → ${to}\u00a0: commandes en ligne, ${days}\u00a0jour${sTexte(days)} de préparation et de transit en moyenne (règle\u00a0: ${rule})`,
  fulfilmentRules: {
    nearest: 'entrepôt le plus proche ayant du stock',
    nearestOnly: 'entrepôt le plus proche uniquement',
    cheapest: 'livraison la moins chère',
    split: 'expéditions fractionnées',
  },
  zoneOnTime: (value) => `À temps ${value}`,
  zoneOnTimeFull: (zone, value, orders) => `${zone}\u00a0: ${value} de ${orders} commande${sTexte(orders)} livrée${sTexte(orders)} à temps (moyenne par réplication)`,

  // network, summarised (many locations or stock points: web/charts/networkAggregate.ts)
  networkSummaryKey: (locations, points) =>
    `${locations} site${sTexte(locations)} et ${points} point${sTexte(points)} de stock\u00a0: une boîte par site ou groupe de sites, avec le nombre de points de stock qu’elle contient et leurs taux de service (moyenne et minimum)\u202f; une flèche représente toutes les liaisons entre deux boîtes`,
  nodeTypesPlural: { supplier: 'fournisseurs', warehouse: 'entrepôts', store: 'magasins', zone: 'zones de vente en ligne' },
  /** a box standing for several nodes: "48 magasins approvisionnés par Entrepôt central" */
  groupName: (count, types, suppliedBy) =>
    suppliedBy.length === 0
      ? `${count} ${types}`
      : `${count} ${types} ${types.startsWith('zone') ? 'approvisionnées' : 'approvisionnés'} par ${suppliedBy.join(' et ')}`,
  boxPoints: (points) => `${points} point${sTexte(points)} de stock`,
  boxProducts: (products) => `${products} produit${sTexte(products)}`,
  boxNoStock: 'Pas de stock détenu',
  /** beside a swatch of the mean's colour, under the counts: the caption says they are fill rates */
  boxMeanFill: (mean) => `moyenne ${mean}`,
  boxLowestFill: (lowest) => `minimum ${lowest}`,
  boxFillRates: (mean, lowest) => `Taux de service\u00a0: moyenne ${mean}, minimum ${lowest}`,
  boxNoFillRate: 'Pas de taux de service',
  boxMembers: (names, more) => (more === null ? `Sites\u00a0: ${names}` : `Sites\u00a0: ${names} et ${more} autre${sTexte(more)}`),
  /** the range of the lead times of a summarised arrow's lanes */
  daysSpan: (min, max) => `${min}–${max}`,
  boxLinkFull: (from, to, count, days) =>
    `${from} → ${to}\u00a0: ${count} liaison${sTexte(count)}, délai d’approvisionnement moyen de ${days}\u00a0jour${sTexte(days)}`,
  boxDeliveryFull: (from, to, count, days) =>
    `${from} → ${to}\u00a0: ${count} entrepôt${sTexte(count)} expédiant des commandes en ligne, ${days}\u00a0jour${sTexte(days)} de préparation et de transit en moyenne`,
  networkSearch: 'Trouver un site',
  networkSearchPlaceholder: 'Identifiant ou nom',
  networkFound: (name, box, matches) =>
    `${name}${box === null ? '' : `, dans «\u00a0${box}\u00a0»`}\u00a0: mis en évidence avec ses liaisons${matches === '1' ? '' : ` (premier des ${matches} résultats)`}`,
  networkNotFound: 'Aucun site ne correspond.',

  // inventory over time: the replication shown, the days shown (issue 16)
  inventoryCaptionReplication: (point, variant, replication, of) =>
    `${point} · ${variant} · réplication ${nombre(replication)} sur ${nombre(of)}, telle qu’elle s’est déroulée`,
  shortUnitsNetworkDay: 'Unités manquantes ce jour-là sur l’ensemble du réseau (plus foncé\u00a0: davantage)',
  shortUnitsMeanDay: (replications) =>
    `Unités manquantes ce jour-là, en moyenne sur ${nombre(replications)} réplication${s(replications)} (plus foncé\u00a0: davantage\u202f; toute nuance\u00a0: au moins une réplication a manqué d’unités)`,
  shortMean: 'Manquant (moyenne)',
  overviewLabel: 'Simulation entière',
  overviewHelp:
    'Toute la simulation\u00a0: faites glisser le pointeur dessus pour choisir les jours affichés au-dessus, faites glisser la sélection pour la déplacer, cliquez en dehors pour réafficher toute la simulation.',
  replicationPick: 'Réplication',
  replicationPickHelp: (of) => `Quelle réplication afficher, de 1 à ${nombre(of)}\u00a0: chacune est relancée avec sa propre graine, comme dans l’expérience`,
  replicationRunning: (replication) => `Nouvelle simulation de la réplication ${nombre(replication)} pour afficher ses jours…`,
  replicationFailed: (replication, reason) => `La réplication ${nombre(replication)} n’a pas pu être relancée\u00a0: ${reason}`,
  windowPick: 'Jours affichés',
  windowWhole: 'Simulation entière',
  windowDays: (days) => `${nombre(days)}\u00a0jour${s(days)}`,
  windowCustom: 'Selon la sélection',
  windowEarlier: '◀ Plus tôt',
  windowLater: 'Plus tard ▶',
  windowEarlierLabel: 'Afficher les jours précédents',
  windowLaterLabel: 'Afficher les jours suivants',
  windowStatus: (from, to) => `Jours ${from} à ${to}`,
};
