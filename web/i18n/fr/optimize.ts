import type { optimize as English } from '../en/optimize.ts';
import { nombre, s } from './grammar.ts';

/** The optimise panel's user-facing strings in French (web/i18n/en/optimize.ts is the reference: same keys). */

/** a label inside a sentence: "Point de commande" -> "point de commande" */
const lower = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

export const optimize: typeof English = {
  title: 'Trouver les meilleurs paramètres (optimiser)',
  help: 'Essayer une grille de valeurs pour un ou deux paramètres de la politique d’un point de stock et trouver celle qui donne l’objectif le plus bas. Chaque point de la grille est présélectionné avec les réplications de la barre du haut\u202f; les 3 meilleurs sont confirmés avec 4 fois plus de réplications (au moins 10) sur de nouveaux jours aléatoires, et le gagnant est comparé au deuxième.',
  objective: 'Minimiser',
  floorKpi: 'Plancher sur',
  floorValue: 'au moins',
  floorPlaceholder: 'aucun',
  floorHint: 'Laissez vide pour ne fixer aucun plancher. Un taux en fraction (0,95) ou en pourcentage (95).',
  floorInvalid: 'Le plancher doit être un nombre entre 0 et 1 (ou un pourcentage jusqu’à 100), ou rester vide.',
  run: 'Lancer l’optimisation',
  exportWhat: 'les points de grille et les candidats de l’optimisation',
  cannotRun: (message) => `L’optimisation ne peut pas être lancée\u00a0: ${message}`,
  cancelled: 'Optimisation annulée avant que chaque point de grille ait eu une réplication\u00a0: rien de nouveau à afficher.',
  cancelledPartial: 'Optimisation annulée\u00a0: voici ce qui s’est terminé, pas un gagnant confirmé (la phrase indique jusqu’où elle est allée).',
  caption: (screen, confirm, where, finished) =>
    `${where} · présélection sur ${nombre(screen)} réplication${s(screen)} par point de grille, confirmation sur ${nombre(confirm)} par candidat${
      finished
        ? ` (annulée\u00a0: ${nombre(finished.screen)} réplication${s(finished.screen)} de présélection sur ${nombre(screen)} et ${nombre(finished.confirm)} de confirmation sur ${nombre(confirm)} terminée${s(finished.screen + finished.confirm)})`
        : ''
    }`,
  tableCaption: 'Les candidats confirmés, du meilleur au moins bon',
  tableCaptionScreening: 'Les points de grille en tête de la présélection, du meilleur au moins bon (non confirmés)',
  candidate: 'Candidat',
  floorMet: 'Plancher atteint',
  yes: 'oui',
  no: 'non',
  winner: 'Gagnant',
  winnerMark: '★ gagnant',
  /** no grid point met the floor: which way to widen the grid (src/experiment/widenGrid.ts); `parameter` is its label (names.ts) */
  widen: (closest, floor, parameter, direction, values) =>
    `Le point de grille le plus proche, ${closest} (${floor}), est à la ${direction === 'up' ? 'plus grande' : 'plus petite'} valeur de «\u00a0${lower(parameter)}\u00a0» de la grille\u00a0: le plancher a plus de chances d’être atteint ${direction === 'up' ? 'au-dessus' : 'en dessous'}. Essayez «\u00a0${lower(parameter)}\u00a0» ${values}.`,
  widenButton: (parameter) => `Essayer ces valeurs de «\u00a0${lower(parameter)}\u00a0»`,
  inside: (closest, floor) =>
    `Le point de grille le plus proche, ${closest} (${floor}), est à l’intérieur de la grille\u00a0: pousser ces paramètres plus loin ne rapproche pas du plancher. Essayez un autre paramètre, une autre politique ou un plancher plus bas.`,
  skippedTitle: (count) => `${nombre(count)} point${s(count)} de grille écarté${s(count)} (politique non valide)\u00a0:`,
};
