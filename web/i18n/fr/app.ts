import type { app as English, formatDuration as EnglishFormatDuration } from '../en/app.ts';
import { nombre, s } from './grammar.ts';

/**
 * The app shell's user-facing strings in French (web/i18n/en/app.ts is the reference: same keys).
 * French typography: a no-break space (U+00A0) before « : » and « % » and inside guillemets, a narrow
 * no-break space (U+202F) before « ; ! ? »; numbers written with toLocaleString('fr-FR'); 0 and 1
 * take the singular.
 */

export const app: typeof English = {
  skipToResults: 'Aller aux résultats',
  sidePanel: 'Scénario',
  resultsRegion: 'Résultats',
  headlineKpis: 'KPI principaux',
  language: 'Langue',
  languageHint:
    'La page se recharge dans la langue choisie, avec le scénario tel qu’il est et, si ses résultats étaient affichés, la même simulation relancée (les mêmes chiffres). Les résultats du balayage, de la sensibilité, de l’optimisation et de la recommandation ne sont pas conservés.',
  noBundledFile: (path) => `aucun fichier «\u00a0${path}\u00a0» n’est fourni avec l’application (seuls ceux de scenarios/data/ le sont)`,
  toggleDrawer: 'Afficher ou masquer le panneau des scénarios',
  closeDrawer: 'Fermer le panneau des scénarios',
  replications: 'Réplications',
  seed: 'Graine',
  run: 'Lancer',
  cancel: 'Annuler',
  precisionMode: 'Précision',
  precisionModeHint:
    'Laisser Lancer choisir le nombre de réplications\u00a0: il en ajoute par tours jusqu’à ce que le KPI choisi soit connu avec la précision demandée (la demi-largeur de son intervalle à 95\u00a0%, pour chaque variante de politique), ou jusqu’au plafond. Réplications donne le premier tour\u202f; après la simulation, le champ affiche le nombre utilisé, de sorte que le lien, le scénario enregistré et une simulation simple donnent le même résultat. Les balayages, la sensibilité et l’optimisation utilisent Réplications tel quel.',
  precisionRow: 'Objectif de précision',
  precisionUntil: 'Ajouter des réplications jusqu’à ce que',
  precisionKpi: 'KPI à connaître précisément',
  precisionWithin: 'soit connu à ±',
  precisionTarget: 'Demi-largeur visée de l’intervalle à 95\u00a0%',
  precisionAtMost: 'au plus',
  precisionCap: 'Nombre maximal de réplications',
  precisionReplications: 'réplications',
  precisionBadTarget: (unit, example) => `Saisissez une demi-largeur supérieure à 0, en ${unit} (p.\u00a0ex. ${example}).`,
  precisionBadCap: (most) => `Saisissez un nombre entier de réplications de 2 à ${nombre(most)}.`,
  gallery: 'Scénarios',
  editor: 'Modifier',
  openFile: 'Ouvrir…',
  saveFile: 'Enregistrer',
  share: 'Lien de partage',
  exportCsv: 'Résultats en CSV',
  exportJson: 'Résultats en JSON',
  exportHtml: 'Toute la vue (HTML)',
  exportPanel: (format, what) => `Télécharger ${what} en ${format}`,
  present: 'Présenter',
  presentHint:
    'Afficher les résultats en diapositives pour un vidéoprojecteur ou une réunion client\u00a0: l’essentiel, le service face au coût de possession, les variantes comparées et un graphique de votre choix (← → pour avancer ou reculer, Échap pour quitter)\u202f; chaque diapositive se télécharge en image 16:9, et l’ensemble en une page HTML qui imprime une diapositive par page.',
  comparisonTitle: 'Variantes de politique comparées',
  comparisonHelp: (baseline, windowDays) =>
    `Chaque variante face à ${baseline}, réplication par réplication sur les mêmes jours aléatoires\u00a0: la différence appariée moyenne avec son intervalle à 95\u00a0%. «\u00a0Significatif\u00a0»\u00a0: l’intervalle exclut 0. Les montants portent sur la fenêtre mesurée de ${windowDays.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0jour${s(windowDays)} (hors période de chauffe), comme sur les cartes de KPI.`,
  comparisonDifference: 'Différence (moyenne ± 95\u00a0%)',
  comparisonSignificant: 'Significatif',
  viewExported: (scenario, seed, replications, when, version) =>
    `${scenario} — graine ${seed}, ${nombre(replications)} réplication${s(replications)} — exporté le ${when} depuis Stocklab ${version}`,
  exportSvg: 'SVG',
  exportPng: 'PNG',
  exportChart: (format, chart) => `Télécharger le graphique «\u00a0${chart}\u00a0» en ${format}`,

  progress: (done, total, secondsLeft) =>
    `${nombre(done)} / ${nombre(total)} simulation${s(total)}${secondsLeft === null ? '' : ` · encore ${formatDuration(secondsLeft)}`}`,
  /** a precision run's progress bar: the round, and replications done of the round's planned total */
  precisionProgress: (round, done, total) => `Tour ${nombre(round)}\u00a0: ${nombre(done)} / ${nombre(total)} réplication${s(total)}`,
  running: 'Simulation en cours…',
  /** what a sweep, a sensitivity analysis and an optimisation are running, and what they ran */
  analysis: {
    sweep: (parameters, points, replications) =>
      `Balayage de ${parameters}\u00a0: ${nombre(points)} point${s(points)} de grille × ${nombre(replications)} réplication${s(replications)}…`,
    sweepDone: (parameters, points, replications, seconds) =>
      `Terminé\u00a0: ${nombre(replications)} réplication${s(replications)} ${points >= 2 ? `de chacun des ${nombre(points)} points` : `de ${nombre(points)} point`} de grille (balayage de ${parameters}) en ${formatDuration(seconds)}`,
    sensitivity: (variant, percent) =>
      `Sensibilité de ${variant}\u00a0: la référence, puis chaque entrée à −${nombre(percent)}\u00a0% et à +${nombre(percent)}\u00a0%…`,
    sensitivityDone: (variant, inputs, percent, replications, seconds) =>
      `Terminé\u00a0: ${nombre(replications)} réplication${s(replications)} de chaque simulation (sensibilité de ${variant}\u00a0: la référence et ${nombre(inputs)} entrée${s(inputs)} à ±${nombre(percent)}\u00a0%) en ${formatDuration(seconds)}`,
    screening: (parameters, points, replications) =>
      `Optimisation de ${parameters}\u00a0: présélection de ${nombre(points)} point${s(points)} de grille sur ${nombre(replications)} réplication${s(replications)} chacun…`,
    confirming: (parameters, candidates, replications) =>
      `Optimisation de ${parameters}\u00a0: confirmation ${candidates >= 2 ? `des ${nombre(candidates)} meilleurs` : 'du meilleur'} sur ${nombre(replications)} nouvelle${s(replications)} réplication${s(replications)} chacun…`,
    optimizeDone: (parameters, points, screen, candidates, confirm, seconds) =>
      `Terminé\u00a0: ${nombre(screen)} réplication${s(screen)} ${points >= 2 ? `de chacun des ${nombre(points)} points` : `de ${nombre(points)} point`} de grille en présélection, ${
        candidates === 0
          ? 'aucun confirmé (aucun n’atteignait le plancher)'
          : `${nombre(confirm)} ${candidates >= 2 ? `de chacun des ${nombre(candidates)} meilleurs` : 'du meilleur'} en confirmation`
      } (optimisation de ${parameters}) en ${formatDuration(seconds)}`,
  },
  /** a precision run's status (the bar has no room for the time left) */
  runningRound: (round, secondsLeft) =>
    `Simulation jusqu’à la précision visée, tour ${nombre(round)}${secondsLeft === null ? '' : ` · encore ${formatDuration(secondsLeft)} pour ce tour`}…`,
  precisionMet: (kpi, halfWidth, variants, replications, target, rounds, seconds) =>
    `Terminé\u00a0: ${kpi} ±\u00a0${halfWidth}${variants > 1 ? ` (la plus large des ${nombre(variants)} variantes)` : ''} après ${nombre(replications)} réplication${s(replications)} (objectif ±\u00a0${target}) · ${nombre(rounds)} tour${s(rounds)} en ${formatDuration(seconds)}`,
  precisionCapped: (kpi, halfWidth, variants, replications, target, rounds, seconds) =>
    `Terminé\u00a0: arrêt au plafond de ${nombre(replications)} réplication${s(replications)} avec ${kpi} ±\u00a0${halfWidth}${variants > 1 ? ` (la plus large des ${nombre(variants)} variantes)` : ''}\u00a0: l’objectif ±\u00a0${target} n’a pas été atteint · ${nombre(rounds)} tour${s(rounds)} en ${formatDuration(seconds)}`,
  precisionNoInterval: (kpi, replications, seconds) =>
    `Terminé\u00a0: ${nombre(replications)} réplication${s(replications)} en ${formatDuration(seconds)}\u202f; ${kpi} n’a pas d’intervalle à 95\u00a0% dans ce scénario (il ne s’applique pas à toutes les variantes), aucune précision ne peut donc être atteinte\u00a0: choisissez un autre KPI.`,
  precisionExported: (kpi, target, cap, met, halfWidth) =>
    `Réplications choisies pour ${kpi} ±\u00a0${target} (au plus ${nombre(cap)})\u00a0: ${met ? 'objectif atteint' : 'objectif non atteint'}${halfWidth === null ? '' : `, ±\u00a0${halfWidth}`}`,
  done: (replications, seconds) => `Terminé\u00a0: ${nombre(replications)} réplication${s(replications)} en ${formatDuration(seconds)}`,
  cancelled: (replications) =>
    `Annulé\u00a0: ${nombre(replications)} réplication${s(replications)} complète${s(replications)} conservée${s(replications)}`,
  /** a Run cancelled part way: the results hold fewer replications than asked, and Replications follows them */
  cancelledKept: (kept, asked) =>
    `Annulé\u00a0: les résultats comptent ${nombre(kept)} des ${nombre(asked)} réplication${s(asked)} demandée${s(asked)}, et Réplications vaut maintenant ${nombre(kept)}, pour que le lien de partage et l’enregistrement les reproduisent (annuler la modification dans l’éditeur remet ${nombre(asked)}).`,
  /** the scenario's description on the first screen (web/scenarioStory.ts) */
  story: { lookAt: 'À regarder\u00a0:', more: 'Plus', less: 'Moins' },
  /** results on screen that no longer belong to the scenario shown (web/staleResults.ts) */
  stale: {
    invalid: 'Ces résultats viennent d’une version antérieure du scénario, qui comporte maintenant des problèmes (voir l’éditeur).',
    other: (name) => `Ces résultats sont ceux de «\u00a0${name}\u00a0», pas du scénario affiché.`,
    replications: (ran, now) => `Ces résultats comptent ${nombre(ran)} réplication${s(ran)}\u202f; le scénario en demande maintenant ${nombre(now)}.`,
    seed: (ran, now) => `Ces résultats sont ceux de la graine ${ran}\u202f; le scénario a maintenant la graine ${now}.`,
    edited: 'Le scénario a changé depuis le calcul de ces résultats.',
    panel: 'Calculé sur une version antérieure du scénario\u00a0: relancez-le pour le scénario affiché.',
    runAgain: 'Relancer',
    share:
      'Lien copié. Il ouvre le scénario dans son état actuel, dont les résultats ne sont pas ceux affichés (ils viennent d’une version antérieure)\u00a0: relancez avant de partager pour montrer les mêmes chiffres.',
    shareInAddressBar:
      'Le lien est dans la barre d’adresse. Il ouvre le scénario dans son état actuel, dont les résultats ne sont pas ceux affichés (ils viennent d’une version antérieure)\u00a0: relancez avant de partager pour montrer les mêmes chiffres.',
    exported:
      'Le fichier contient les résultats affichés, ceux de la version antérieure du scénario qu’il nomme (avec sa graine et ses réplications), pas ceux du scénario dans son état actuel.',
    save: 'Scénario enregistré dans son état actuel\u202f; les résultats affichés viennent d’une version antérieure et ne sont pas dans le fichier (relancez pour voir les siens).',
  },
  cancelledNone: 'Annulé avant la fin de la première réplication',
  failed: (message) => `La simulation s’est arrêtée sur une erreur\u00a0: ${message}. Rien n’a été conservé\u202f; vous pouvez relancer.`,
  invalid: (count) => `${nombre(count)} problème${s(count)} dans le scénario\u00a0: corrigez-${count >= 2 ? 'les' : 'le'} pour lancer (voir l’éditeur)`,
  invalidRun: 'Le scénario comporte des problèmes\u202f; Lancer reste désactivé tant qu’ils ne sont pas corrigés.',
  badLink: (message) =>
    `Le lien partagé n’a pas pu être ouvert. ${message} Rien n’a été lancé à sa place\u202f; choisissez un scénario dans la liste pour commencer.`,
  offline: {
    ready: 'Stocklab fonctionne maintenant hors ligne\u00a0: cet appareil garde une copie de l’application, qui s’ouvre et simule sans réseau.',
    update: 'Une nouvelle version de Stocklab est disponible.',
    reload: 'Recharger',
    reloadHint: 'La page se recharge dans la nouvelle version, avec le scénario tel qu’il est et, si ses résultats étaient affichés, la même simulation relancée.',
    later: 'Plus tard',
    laterHint: 'Garder cette version pour l’instant\u00a0: la nouvelle démarrera une fois tous les onglets de Stocklab fermés.',
  },
  linkCopied: 'Lien copié\u00a0: il contient tout le scénario, la graine et les réplications.',
  linkInAddressBar: 'Le lien est dans la barre d’adresse\u00a0: il contient tout le scénario, la graine et les réplications.',
  openFailed: (message) => `Le fichier n’a pas pu être lu\u00a0: ${message}`,
  warnings: 'Avertissements de modélisation',

  frontierTitle: 'Service face au coût de possession',
  frontierHelp:
    'Chaque point est une variante de politique\u00a0: le taux de service (unités servies immédiatement depuis le rayon) face au coût de possession du stock sur la fenêtre mesurée, avec des moustaches de confiance à 95\u00a0% sur les deux axes. Plus haut et plus à gauche, c’est mieux.',
  inventoryTitle: 'Évolution du stock',
  inventoryHelp:
    'Stock physique et position de stock (stock physique + en commande − commandes en attente) à la fin de chaque jour, en un point de stock\u202f; les lignes en tirets sont le point de commande et le niveau de recomplètement de la politique\u202f; les jours ombrés ont eu une demande qui n’a pas pu être servie immédiatement\u202f; les marqueurs indiquent les commandes passées et les réceptions.',
  customersTitle: 'Clients',
  customersHelp:
    'Ce que vivent les clients sous chaque variante de politique\u00a0: combien continuent d’acheter, pourquoi les autres sont partis et, pour les commandes en ligne, si les promesses ont été tenues.',
  activeCustomersTitle: 'Clients actifs',
  activeCustomersHelp:
    'Clients qui achètent encore, par variante de politique, en moyenne sur les réplications avec une bande à 95\u00a0%\u00a0: les ruptures de stock et les promesses non tenues en font partir certains.',
  churnTitle: 'Clients perdus, par cause',
  churnHelp:
    'Combien de clients sont partis pour de bon pendant la fenêtre mesurée, et pourquoi\u00a0: le produit était en rupture de stock, on les a fait attendre (commande en attente), une livraison en ligne est arrivée après la date promise, ou ils ont abandonné leur panier parce que la date promise était trop lointaine. Une barre par variante de politique\u202f; la moustache est l’intervalle de confiance à 95\u00a0%.',
  onTimeTitle: 'Évolution des livraisons à temps',
  onTimeHelp:
    'La part des commandes en ligne livrées au plus tard à la date promise lors de la commande. Chaque point couvre les commandes livrées pendant les 7\u00a0jours qui précèdent ce jour, celui-ci compris (un seul jour compte trop peu de commandes pour être lisible)\u202f; la légende donne le chiffre de toute la fenêtre avec son intervalle à 95\u00a0%.',
  abandonedTitle: 'Évolution des paniers abandonnés',
  abandonedHelp:
    'Commandes en ligne abandonnées au paiement parce que la date de livraison promise dépassait ce que le client acceptait d’attendre, par jour, en moyenne sur les 7\u00a0jours jusqu’à chaque jour compris, avec une bande à 95\u00a0%.',
  zonesTitle: 'Commandes en ligne par zone',
  zonesHelp:
    'Les commandes de chaque zone de vente en ligne pendant la fenêtre mesurée, par variante de politique\u00a0: passées, abandonnées au paiement parce que la date promise était trop lointaine, livrées, à temps ou en retard par rapport à la promesse, clients prévenus d’un retard avant qu’il ne survienne, et commandes express. Moyenne ± demi-largeur à 95\u00a0% sur les réplications.',
  recallsTitle: 'Rappels de lot',
  recallsHelp:
    'Ce que chaque rappel de lot a touché, par variante de politique\u00a0: unités des lots rappelés retirées des rayons, des expéditions en transit et des retours\u202f; unités de ces lots vendues avant l’annonce\u202f; et les achats de clients qui en contenaient. Moyenne ± demi-largeur à 95\u00a0% sur les réplications.',
  histogramTitle: 'Distribution sur les réplications',
  histogramHelp: 'Comment un KPI varie d’une réplication (un avenir possible) à l’autre, par variante de politique.',
  networkTitle: 'Réseau',
  networkHelp:
    'Fournisseurs, entrepôts et magasins, avec les liaisons étiquetées par leur délai d’approvisionnement moyen\u202f; les points de stock sont colorés selon leur taux de service. Les zones de vente en ligne (clients qui commandent en ligne) sont à droite, reliées par des tirets aux entrepôts qui les livrent.',
  tableTitle: 'Tous les KPI',
  tableHelp:
    'Moyenne ± demi-largeur de confiance à 95\u00a0% sur les réplications\u202f; une ★ marque une valeur significativement meilleure que celle de toutes les autres variantes (pas seulement celle qui paraît la meilleure). Définitions\u00a0: docs/KPIS.md.',
  stockPoint: 'Point de stock',
  variant: 'Variante de politique',
  kpi: 'KPI',
  oneReplication: 'Une réplication',
  meanOfReplications: 'Moyenne des réplications',
  noResults: 'Lancez le scénario pour voir les résultats.',
  theoryTitle: (model) => `Simulation et théorie côte à côte (${model})`,
  theoryHelp: (source) =>
    `La valeur analytique (formule fermée) de chaque KPI que prédit le modèle, calculée à partir des paramètres de ce scénario (${source}). «\u00a0Concorde\u00a0»\u00a0: la valeur théorique se trouve dans l’intervalle simulé, au niveau où toutes les comparaisons tiennent ensemble avec une confiance de 95\u00a0%. Survolez un KPI pour voir ce qui est comparé.`,
  theorySimulated: 'Simulé (moyenne ± 95\u00a0%)',
  theoryValue: 'Théorie',
  theoryAgrees: 'Concorde',
  /** a variant whose closed form was not computed: its name, and why (outside the analytic model's range...) */
  theoryOutside: (variant, message) => `${variant}\u00a0: ${message}.`,
  /** said after a run refused as too large for the page (src/experiment/runBudget.ts) */
  budgetBeyond: 'lancez-le en ligne de commande avec --allow-large (stocklab run) si votre machine le permet',
  /** the top bar's settings (replications, a precision cap) make the run too large: the problems, by field */
  refused: (problems) => `Non lancé, trop volumineux pour cette page\u00a0: ${problems}.`,
  per: (unit) => `par ${unit}`,
  yes: 'oui',
  no: 'non',
  /** the slide deck ("Present", web/presentMode.ts and web/present/) */
  deck: {
    label: 'Présentation',
    roleDescription: 'diaporama',
    slideRole: 'diapositive',
    counter: (index, count) => `${nombre(index)} / ${nombre(count)}`,
    /** said by screen readers as a slide is shown */
    announce: (index, count, title) => `Diapositive ${nombre(index)} sur ${nombre(count)}\u00a0: ${title}`,
    previous: 'Précédente',
    previousLabel: 'Diapositive précédente',
    next: 'Suivante',
    nextLabel: 'Diapositive suivante',
    leave: 'Quitter',
    leaveLabel: 'Quitter la présentation (Échap)',
    keys: '← → pour parcourir les diapositives, Échap pour quitter',
    html: 'Diapositives en HTML',
    htmlLabel: 'Diapositives en HTML\u00a0: une page à télécharger, qui imprime une diapositive par page',
    png: 'Diapositive en PNG',
    pngLabel: (title) => `Diapositive en PNG\u00a0: télécharger «\u00a0${title}\u00a0» en image de 1920\u00a0×\u00a01080`,
    pngFailed: (message) => `La diapositive n’a pas pu être dessinée en PNG\u00a0: ${message}.`,
    headlineTitle: 'En bref',
    chartChoice: 'Graphique affiché',
    noChart: 'Aucun graphique à afficher\u00a0: lancez d’abord le scénario.',
    /** the footer of an exported slide: what reproduces it */
    footer: (scenario, seed, replications, version) =>
      `${scenario} — graine ${seed}, ${nombre(replications)} réplication${s(replications)} — Stocklab ${version}`,
  },
};

/** 75 -> "1 min 15 s", 3.2 -> "3,2 s" (no-break space before the unit) */
export const formatDuration: typeof EnglishFormatDuration = (seconds) => {
  if (seconds < 10) return `${seconds.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0s`;
  if (seconds < 60) return `${Math.round(seconds)}\u00a0s`;
  const minutes = Math.floor(seconds / 60);
  return `${nombre(minutes)}\u00a0min ${Math.round(seconds - minutes * 60)}\u00a0s`;
};
