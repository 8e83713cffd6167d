import type { sensitivity as English } from '../en/sensitivity.ts';
import { nombre, s } from './grammar.ts';

/**
 * The sensitivity panel's and tornado chart's user-facing strings in French (web/i18n/en/sensitivity.ts
 * is the reference: same keys).
 */
const minus = '\u2212';

export const sensitivity: typeof English = {
  inputs: {
    demandMean: 'demande (clients par jour, quantités moyennes, historiques)',
    demandVariability: 'variabilité de la demande (écart-type des quantités)',
    leadTime: 'délais (chaque liaison, temps de traitement des fournisseurs et transport vers les clients en ligne)',
    churn: 'probabilités de départ (après une rupture, une commande en attente, une livraison en retard, un panier abandonné\u202f; et après avoir été prévenu d’un retard)',
    holdingCost: 'coût de possession (par unité et par jour ou taux annuel)',
  },
  title: 'Qu’est-ce qui fait bouger le résultat\u202f? (sensibilité)',
  help: 'Faire varier chaque entrée du scénario à la baisse puis à la hausse du même pourcentage, une à la fois, et voir de combien le KPI choisi change. Chaque simulation utilise une variante de politique, et les réplications et la graine de la barre du haut, de sorte que les changements sont comparés sur les mêmes jours aléatoires.',
  variant: 'Variante de politique',
  kpi: 'KPI',
  percent: 'Variation (%)',
  percentHint: 'un nombre entier de 1 à 90',
  run: 'Lancer l’analyse de sensibilité',
  exportWhat: 'les barres de l’analyse de sensibilité',
  badPercent: 'Saisissez un pourcentage entier de 1 à 90.',
  chartTitle: 'Diagramme en tornade\u00a0: le KPI à \u2212x\u00a0% et à +x\u00a0% de chaque entrée',
  chartHelp:
    'Une barre par entrée, la plus grande amplitude en haut. Chaque barre va du KPI avec l’entrée abaissée (partie hachurée) au KPI avec l’entrée relevée (partie pleine)\u202f; la ligne verticale est la référence. Les moustaches sont des intervalles de confiance à 95\u00a0%\u202f; survolez une barre ou donnez-lui le focus pour voir ses chiffres.',
  caption: (variant, kpi, percent, replications, done, total, complete) =>
    `${variant} · ${kpi} · entrées variées de ${minus}${nombre(percent)}\u00a0% et +${nombre(percent)}\u00a0% · moyenne de ${nombre(replications)} réplication${s(replications)} par simulation${
      complete ? '' : ` (annulée\u00a0: ${nombre(done)} entrée${s(done)} sur ${nombre(total)} terminée${s(done)})`
    }`,
  down: (percent) => `${minus}${nombre(percent)}\u00a0%`,
  up: (percent) => `+${nombre(percent)}\u00a0%`,
  legendDown: (percent) => `Entrée ${minus}${nombre(percent)}\u00a0% (hachurée)`,
  legendUp: (percent) => `Entrée +${nombre(percent)}\u00a0%`,
  legendBaseline: 'Référence',
  legendInterval: 'Intervalle de confiance à 95\u00a0%',
  baselineLabel: (value) => `Référence ${value}`,
  swing: 'Amplitude',
  tooltipEnd: (end, value) => `Entrée ${end}\u00a0: ${value}`,
  notAvailable: (kpi) => `${kpi} n’est pas disponible pour ce scénario\u00a0: choisissez un autre KPI.`,
  barsMissing: (inputs) => `Aucune valeur du KPI pour\u00a0: ${inputs}.`,
  skippedTitle: (count) => `${nombre(count)} entrée${s(count)} non variée${s(count)}\u00a0:`,
  notInScenario: 'le scénario n’en contient pas',
  invalidWhenMoved: (percent, message) => `variée de ${nombre(percent)}\u00a0%, le scénario n’est plus valide (${message})`,
  cancelled: 'non simulée (annulation)',
};
