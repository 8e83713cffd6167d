import type { importStrings as English } from '../en/import.ts';
import type { Policy } from '../../../src/scenario/schema.ts';
import type { DemandClass } from '../../../src/import/classifyDemand.ts';
import type { FilePreview } from '../../../src/import/preview.ts';

/**
 * The Import data wizard's user-facing strings in French (web/import/):
 * web/i18n/en/import.ts is the reference (same keys, same types), and test/web/i18nParityEditor.test.ts
 * checks that both stay in step. The import's own report lines, row notes, reasons and refusals are
 * worded from the engine's facts by web/i18n/fr/sentences.ts; the progress steps by `stepName`.
 */
const number = (x: number) => x.toLocaleString('fr-FR');
const decimals = (x: number, digits: number) => x.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${decimals(bytes / 1024 / 1024, 1)}\u00a0Mo` : `${number(Math.max(1, Math.round(bytes / 1024)))}\u00a0Ko`;
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** French plural: 0 and 1 take the singular. */
const many = (n: number) => Math.abs(n) >= 2;

export const importStrings: typeof English = {
  openButton: 'Importer des données…',
  openButtonHint:
    'Créer un scénario à partir de votre historique des ventes (CSV ou XLSX) et, si vous le souhaitez, d\u2019un référentiel articles et d\u2019un fichier des sites',
  title: 'Importer des données',
  close: 'Fermer l\u2019import',
  privacy: 'Vos fichiers sont lus dans ce navigateur uniquement\u00a0: rien n\u2019est envoyé.',

  filesTitle: '1. Fichiers',
  demandLabel: 'Historique des ventes (CSV ou XLSX)',
  demandHint:
    'Une ligne par date et par référence (avec un site et les unités vendues), ou une colonne de dates et une colonne par référence. Choisissez un fichier ou déposez-le ici.',
  masterLabel: 'Référentiel articles (facultatif)',
  masterHint:
    'Une ligne par référence\u00a0: nom, coût unitaire, prix, délai d\u2019approvisionnement, fournisseur, politique… Là où il ne dit rien, les valeurs par défaut ci-dessous s\u2019appliquent.',
  locationsLabel: 'Sites (facultatif)',
  locationsHint:
    'Une ligne par site\u00a0: son identifiant, sa nature (magasin ou entrepôt), l\u2019entrepôt qui l\u2019approvisionne (vide\u00a0: le fournisseur de la référence) et, si vous le souhaitez, le délai d\u2019approvisionnement en jours depuis cet entrepôt.',
  chosen: (name: string, bytes: number) => `${name} (${size(bytes)})`,
  cannotRead: (error: string) => `Ce fichier ne peut pas être importé\u00a0: ${error}`,

  mappingTitle: '2. Colonnes et options',
  mappingHelp: 'Vérifiez ce que contient chaque colonne (le rôle au-dessus d\u2019elle)\u202f; l\u2019import ne lit que les colonnes qui ont un rôle.',
  sheetLabel: 'Feuille',
  sheetHint: (count: number) => `Ce classeur contient ${number(count)} feuilles\u00a0: choisissez celle qui contient les ventes.`,
  cannotReadSheet: (error: string) => `Cette feuille ne peut pas être importée\u00a0: ${error}. Choisissez une autre feuille.`,
  roleOf: (column: string) => `Contenu de la colonne «\u00a0${column}\u00a0»`,
  roleNone: '(non utilisée)',
  roles: {
    date: 'Date',
    sku: 'Référence (SKU)',
    location: 'Site',
    units: 'Unités vendues',
    price: 'Prix',
    stock: 'Stock ou rupture',
    name: 'Nom du produit',
    invoice: 'Facture ou ticket de caisse',
  },
  previewCaption: (shown: number, total: number) =>
    `${many(shown) ? `Les ${number(shown)} premières lignes` : `La première ligne`} sur ${number(total)}`,
  layout: (layout: FilePreview['layout'], rows: number, sheet?: string) =>
    `${sheet ? `Feuille «\u00a0${sheet}\u00a0», ` : ''}${number(rows)} ${many(rows) ? 'lignes' : 'ligne'}. ` +
    (layout === 'long'
      ? 'Format long\u00a0: une ligne par date et par référence, les unités dans une colonne.'
      : layout === 'wide'
        ? 'Format large\u00a0: une colonne de dates et une colonne d\u2019unités quotidiennes par référence (ou référence@site)\u202f; toute colonne sans rôle est lue comme une référence.'
        : 'Pas de colonne de dates\u00a0: choisissez la colonne qui contient les dates.'),
  dateQuestion: (example: string) =>
    `Tous les jours de ce fichier sont inférieurs ou égaux à 12, ses dates peuvent donc se lire de deux façons. ${example} signifie\u00a0:`,
  dateReading: (date: Date) => `${date.getUTCDate() === 1 ? '1er' : date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
  datesMixed:
    'La colonne des dates mélange les formats (jour en premier dans certaines lignes, mois en premier dans d\u2019autres)\u00a0: corrigez le fichier, puis choisissez-le à nouveau.',
  decimalQuestion: (example: string) =>
    `Ce fichier écrit les décimales tantôt avec une virgule, tantôt avec un point. Dans ${example}, la virgule est-elle le séparateur décimal\u202f?`,
  decimalComma: (example: string) =>
    `Oui\u00a0: la virgule est le séparateur décimal, et un point ne sépare que les milliers (les cellules comme ${example.replace(',', '.')} sont alors mises de côté, chacune dans le rapport)`,
  decimalPoint: (example: string) =>
    `Non\u00a0: le séparateur décimal est un point, et une virgule ne sépare que les milliers (les cellules comme ${example} sont alors mises de côté, chacune dans le rapport)`,

  optionsTitle: 'Options (comme stocklab import)',
  options: {
    negatives: 'Quantités négatives',
    negativesChoices: { ignore: 'exclues de la demande (par défaut)', net: 'soustraites de leur journée', returns: 'comptées comme des retours' },
    demand: 'Demande',
    demandChoices: { fit: 'ajuster un modèle à chaque historique (par défaut)', replay: 'rejouer les historiques tels quels' },
    unmet: 'La demande qui ne peut pas être servie',
    unmetChoices: { lost: 'est perdue (par défaut)', backorder: 'attend (commande en attente)' },
    rows: 'Lignes du fichier',
    rowsChoices: {
      auto: 'selon le fichier (des heures ou une colonne de factures\u00a0: des transactions)',
      daily: 'une par jour et par référence (une deuxième est signalée)',
      transactions: 'des transactions, additionnées par jour',
    },
    location: 'Site quand le fichier n\u2019en indique pas',
    leadTime: 'Délai d\u2019approvisionnement quand le référentiel n\u2019en indique pas',
    days: 'jours',
    service: 'Objectif de taux de service par cycle',
    holdingRate: 'Taux de possession annuel',
    costShare: 'Coût unitaire en part du prix',
    name: 'Nom du scénario',
    namePlaceholder: 'Importé du fichier',
    keepDuplicates: 'Garder les lignes répétées à l\u2019identique (par défaut\u00a0: signalées et écartées)',
    warehouse: 'Entrepôt qui approvisionne chaque magasin',
    warehousePlaceholder: 'aucun\u00a0: le fournisseur',
    warehouseHint:
      'Un fichier des sites indique quel entrepôt approvisionne chaque magasin\u202f; celui-ci approvisionne les magasins que ce fichier laisse au fournisseur.',
    transferDays: 'Jours d\u2019un entrepôt à un magasin',
    scenarioTitle: 'Le scénario',
    currency: 'Devise',
    horizonDays: 'Horizon de simulation',
    replications: 'Réplications',
    seed: 'Graine',
    defaultsNote: 'Un champ vide prend la valeur par défaut qui y est affichée.',
  },
  optionProblems: {
    positive: 'Attendu\u00a0: un nombre de jours supérieur à 0, par exemple 7.',
    percent: 'Attendu\u00a0: un pourcentage entre 0 et 100, par exemple 95.',
    rate: 'Attendu\u00a0: un taux annuel entre 0 et 10, par exemple 0,25.',
    share: 'Attendu\u00a0: une part entre 0 et 1, par exemple 0,6.',
    id: 'Attendu\u00a0: un nom fait de lettres ou de chiffres, par exemple magasin.',
    currency: 'Attendu\u00a0: une devise d\u2019au plus 12 caractères, par exemple EUR ou €.',
    horizon: `Attendu\u00a0: un nombre entier de jours de 1 à ${number(36500)}, par exemple 365.`,
    replications: `Attendu\u00a0: un nombre entier de réplications de 1 à ${number(100000)}, par exemple 20.`,
    seed: 'Attendu\u00a0: une graine, soit un nombre entier, soit un texte d\u2019au plus 200 caractères.',
  },
  fixOptions: 'Certaines options sont à corriger (voir ci-dessus).',
  importButton: 'Importer',
  cannotImport: (error: string) => `L\u2019import s\u2019est arrêté\u00a0: ${error}`,

  progressLabel: 'Avancement de l\u2019import',
  cancel: 'Annuler',
  cancelled: 'Annulé\u00a0: rien n\u2019a été importé. Modifiez ce qu\u2019il faut et recommencez.',
  stepPreview: (file: string) => `Lecture de ${file}…`,
  stepPreparing: 'Démarrage…',
  /** a step of the import as the engine names it (src/import/importFiles.ts, buildScenario.ts), in French */
  stepName: (step: string) => {
    if (step === 'fitting demand') return 'ajustement d\u2019un modèle de demande à chaque référence et chaque site';
    if (step === 'checking the scenario') return 'vérification du scénario';
    const fitting = /^fitting demand: (\d+) of (\d+) SKU-locations$/.exec(step);
    if (fitting) return `ajustement de la demande\u00a0: ${number(Number(fitting[1]))} couples référence-site sur ${number(Number(fitting[2]))}`;
    const share = /^reading (.+): (\d+)%$/.exec(step);
    if (share) return `lecture de ${share[1]}\u00a0: ${share[2]}\u00a0%`;
    const reading = /^reading (.+)$/.exec(step);
    if (reading) return `lecture de ${reading[1]}`;
    return step;
  },
  step: (index: number, total: number, name: string, seconds: number) =>
    `Étape ${number(index)} sur ${number(total)}\u00a0: ${name} (${decimals(seconds, 0)}\u00a0s)`,
  imported: (seconds: number) => `Importé en ${decimals(seconds, 1)}\u00a0s.`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `${file}\u00a0: le fichier fait ${decimals(bytes / 2 ** 20, 1)}\u00a0Mo\u202f; Stocklab lit des fichiers d\u2019au plus ${number(limit / 2 ** 20)}\u00a0Mo\u00a0: découpez-le par année ou par plage de références`,
  unreadable: 'le résultat de l\u2019import n\u2019a pas pu être relu depuis son worker (il est peut-être trop volumineux pour le navigateur)',

  reportTitle: '3. Rapport',
  noteCounts: (rejected: number, kept: number) =>
    rejected + kept === 0
      ? 'Toutes les lignes ont été utilisées.'
      : `${number(rejected)} ${many(rejected) ? 'lignes rejetées' : 'ligne rejetée'}, ${number(kept)} ${many(kept) ? 'utilisées' : 'utilisée'} avec une remarque.`,
  downloadReport: 'Télécharger le rapport (CSV)',
  downloadFits: 'Télécharger les ajustements (CSV)',
  reportFileName: (file: string) => `${file.replace(/\.[^.]+$/, '')}-rapport-import.csv`,
  fitsFileName: (file: string) => `${file.replace(/\.[^.]+$/, '')}-ajustements.csv`,
  notesCaption: 'Lignes mises de côté ou utilisées avec une remarque',
  noteColumns: { file: 'Fichier', row: 'Ligne', column: 'Colonne', status: 'Statut', reason: 'Motif' },
  noteStatus: { rejected: 'rejetée', kept: 'utilisée' },
  skusCaption: 'Par référence et par site\u00a0: choisissez une référence pour voir son ajustement',
  skuColumns: {
    sku: 'Référence (SKU)',
    location: 'Site',
    class: 'Profil de demande',
    model: 'Modèle',
    why: 'Pourquoi',
    policy: 'Politique',
    replay: 'Rejouer',
  },
  replayOf: (sku: string) => `Rejouer l\u2019historique de ${sku} (sur tous les sites) au lieu de son modèle ajusté`,
  replayedMark: 'rejoué',
  replayAllNote: 'Tous les historiques sont rejoués (l\u2019option Demande)\u00a0: il n\u2019y a aucun ajustement à remplacer.',
  replayHelp:
    'Cochez Rejouer pour qu\u2019une référence rejoue son historique tel quel au lieu de son modèle ajusté, sur tous les sites, puis cliquez sur Réimporter.',
  replayPending: (count: number) =>
    count === 0
      ? 'Plus aucune référence n\u2019est à rejouer\u00a0: réimportez pour toutes les ajuster.'
      : `${number(count)} ${many(count) ? 'références marquées' : 'référence marquée'} pour être rejouée${many(count) ? 's' : ''}\u00a0: réimportez pour l\u2019appliquer.`,
  replayApply: 'Réimporter',
  showFitOf: (sku: string, location: string) => `Afficher l\u2019ajustement de ${sku} à ${location}`,
  classes: { smooth: 'régulière', erratic: 'erratique', intermittent: 'intermittente', lumpy: 'sporadique' } satisfies Record<DemandClass, string>,
  models: {
    poisson: 'Poisson',
    negativeBinomial: 'binomiale négative',
    normal: 'normale (arrondie)',
    intermittent: 'intermittente (Croston)',
    empirical: 'empirique',
    constant: 'constante',
    replay: 'historique rejoué',
    none: 'aucun (jamais vendu)',
    warehouse: 'entrepôt (approvisionne des magasins)',
  } as Record<string, string>,
  /** a model's name; one the import learns later shows as its id until named here */
  modelName(model: string): string {
    return importStrings.models[model] ?? model;
  },
  policy: (policy: Policy | null, source: 'master' | 'textbook' | null) => {
    if (!policy) return '–';
    const words =
      policy.type === 'sS'
        ? `(s, S) = (${number(policy.reorderPoint)}\u202f; ${number(policy.orderUpTo)})`
        : policy.type === 'rQ'
          ? `(r, Q) = (${number(policy.reorderPoint)}\u202f; ${number(policy.orderQuantity)})`
          : policy.type === 'baseStock'
            ? `stock de base ${number(policy.level)}`
            : policy.type;
    return `${words}${source === 'textbook' ? ', règle des manuels' : source === 'master' ? ', d\u2019après le référentiel' : ''}`;
  },
  previousPage: 'Précédent',
  nextPage: 'Suivant',
  pageRange: (from: number, to: number, total: number) => `${number(from)}–${number(to)} sur ${number(total)}`,

  readingHistory: 'Lecture de l\u2019historique pour le graphique…',
  noHistory: 'L\u2019historique de cette référence n\u2019a pas pu être lu pour le graphique.',
  replayedNote: 'Cet historique est rejoué tel quel dans le scénario\u00a0: il n\u2019y a pas de modèle ajusté à comparer.',
  patternNote:
    'Le modèle a été ajusté après avoir retiré le profil hebdomadaire ou annuel, que le scénario réapplique jour après jour\u00a0: il est plus resserré que l\u2019historique brut.',
  chartTitle: (sku: string, location: string) => `Demande quotidienne de ${sku} à ${location}\u00a0: historique et modèle ajusté`,
  chartCaption: (sku: string, location: string, days: number) =>
    `${sku} à ${location} · ${number(days)} ${many(days) ? 'jours d\u2019ouverture' : 'jour d\u2019ouverture'} à demande connue`,
  legendHistory: 'Historique\u00a0: part des jours',
  legendModel: (model: string) => `Modèle\u00a0: ${model}`,
  axisShare: 'Part des jours',
  axisUnits: 'Unités demandées en une journée',
  binRange: (from: number, to: number) => `${number(from)} à ${number(to)}`,
  binTooltip: (units: string, share: string, days: number, model: string | null) => [
    `${units} unités`,
    `Historique\u00a0: ${share} des jours (${number(days)} ${many(days) ? 'jours' : 'jour'})`,
    ...(model === null ? [] : [`Modèle\u00a0: ${model}`]),
  ],

  openScenario: 'Ouvrir le scénario',
  optionsChanged:
    'Les fichiers ou les options ont changé depuis cet import\u00a0: réimportez pour les appliquer (Ouvrir charge le scénario du rapport affiché).',
  nothingUsable:
    'Il ne reste rien d\u2019utilisable\u00a0: aucune référence avec une demande n\u2019a pu être lue. Consultez le rapport ci-dessus, modifiez les colonnes ou les options, puis importez à nouveau.',
  opened: (name: string) => `«\u00a0${name}\u00a0» ouvert.`,
};
