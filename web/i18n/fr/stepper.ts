import type { Happening } from '../../../src/experiment/stepper.ts';
import type { stepper as English } from '../en/stepper.ts';
import { composeDay, unitsOf, type DayPhrases, type StepNames } from '../dayWords.ts';

/**
 * Le panneau « Pas à pas » en français (web/i18n/en/stepper.ts est la référence : mêmes clés), et une
 * journée en mots (daySentence). Nombres à la française (« 2,5 », « 1 234 »), 0 et 1 au singulier.
 */
const n = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const s = (count: number) => (Math.abs(count) >= 2 ? 's' : '');
const nt = (count: number) => (Math.abs(count) >= 2 ? 'nt' : '');

const phrases: DayPhrases = {
  day: (day, clauses) => `Jour ${n(day)}\u00a0: ${clauses.join('\u00a0; ')}.`,
  quiet: (day) => `Jour ${n(day)}\u00a0: rien ne se passe.`,
  units: n,
  withProduct: unitsOf,
  clause: (place, list) => `${place} ${list.join(', ')}`,
  phrase: {
    sold: (q) => `vend ${q}`,
    short: (q, count, units, leading) =>
      count === null
        ? `manque de ${q}`
        : leading
          ? `voit ${n(count)} client${s(count)} trouver le rayon vide (${q} manquant${s(units)})`
          : `${n(count)} client${s(count)} trouve${nt(count)} le rayon vide (${q} manquant${s(units)})`,
    lost: (q) => `perd la vente de ${q}`,
    backordered: (q) => `met ${q} en reliquat`,
    left: (_, __, units, leading) => (leading ? `voit ${n(units)} client${s(units)} partir pour de bon` : `${n(units)} client${s(units)} part${units >= 2 ? 'ent' : ''} pour de bon`),
    abandoned: (_, __, units, leading) =>
      leading
        ? `voit ${n(units)} client${s(units)} en ligne abandonner ${units >= 2 ? 'leur' : 'son'} panier`
        : `${n(units)} client${s(units)} en ligne abandonne${nt(units)} ${units >= 2 ? 'leur' : 'son'} panier`,
    shipped: (q) => `expédie ${q}`,
    ordered: (q, count) => (count !== null && count > 1 ? `commande ${q} en ${n(count)} commandes` : `commande ${q}`),
    received: (q) => `reçoit ${q}`,
    expired: (q, _, units) => `jette ${q} périmé${s(units)}`,
    damaged: (q, _, units) => `met au rebut ${q} abîmé${s(units)}`,
    obsolete: (q) => `brade ${q} en fin de vie`,
    recalled: (q) => `retire ${q} lors d’un rappel`,
    shrunk: (q) => `perd ${q} sans trace (démarque inconnue)`,
    returned: (q, _, units) => `reprend ${q} rapporté${s(units)} par des clients`,
  },
  sends: (q, to) => `expédie ${q} à ${to}`,
};

/** Une journée en mots : `day` tel que la page numérote les jours (le premier est le jour 1). */
export function daySentence(day: number, happenings: readonly Happening[], names: StepNames): string {
  return composeDay(phrases, day, happenings, names);
}

export const stepper: typeof English = {
  title: 'Pas à pas sur une réplication',
  help:
    'Une réplication d’une variante, jour après jour, telle que l’exécution l’a calculée\u00a0: appuyez sur Jour suivant ou Lecture pour voir bouger les stocks, les commandes et les réceptions, ou allez à un jour. ' +
    'Les chiffres de la fin sont les indicateurs de cette réplication, les mêmes que ceux de l’exécution.',
  variant: 'Variante',
  replication: 'Réplication',
  open: 'Commencer',
  restart: 'Revenir au début',
  step: 'Jour suivant',
  play: 'Lecture',
  pause: 'Pause',
  speed: 'Vitesse',
  speedOption: (daysPerSecond: number) => `${n(daysPerSecond)} jour${s(daysPerSecond)} par seconde`,
  goToDay: 'Jour',
  go: 'Aller au jour',
  toEnd: 'Jusqu’à la fin',
  cancel: 'Annuler',
  controls: 'Commandes du pas à pas',
  notOpen: 'Appuyez sur Commencer pour ouvrir la réplication à son premier jour.',
  beforeStart: (days: number) => `Avant le jour 1 sur ${n(days)}\u00a0: le stock au départ.`,
  dayShown: (day: number, days: number) => `Jour ${n(day)} sur ${n(days)}`,
  warmup: 'mise en régime, non comptée dans les indicateurs',
  over: 'la réplication est terminée',
  running: (day: number, days: number) => `Calcul en cours… jour ${n(day)} sur ${n(days)}`,
  cancelled: 'Arrêté\u00a0: les jours affichés sont ceux calculés avant.',
  failed: (message: string) => `La réplication n’a pas pu tourner\u00a0: ${message}`,
  badDay: (days: number) => `Saisissez un jour de 1 à ${n(days)}.`,
  stale: 'Le scénario a changé depuis l’ouverture de cette réplication\u00a0: appuyez sur Commencer pour la rouvrir.',

  levelsTitle: 'Stock en fin de journée',
  levelsCaption: 'Unités à chaque point de stock à la fin du jour affiché\u00a0; les barres montrent le stock physique et la position de stock sur une même échelle par ligne.',
  point: 'Point de stock',
  onHand: 'Stock physique',
  backorders: 'Reliquats',
  position: 'Position de stock',
  pipeline: 'En transit',
  onOrder: 'En commande',
  activeCustomers: (place: string, count: number) => `${place}\u00a0: ${n(count)} client${s(count)} actif${s(count)}`,

  logTitle: 'Ce qui s’est passé, jour après jour',
  logPoint: 'Point de stock',
  allPoints: 'Tous les points de stock',
  logKind: 'Quoi',
  kindGroups: {
    all: 'Tout',
    sales: 'Ventes et ruptures',
    customers: 'Clients perdus',
    orders: 'Commandes',
    shipments: 'Expéditions et réceptions',
    losses: 'Produits périmés, abîmés, rappelés et autres pertes',
  },
  logEmpty: 'Rien pour l’instant\u00a0: appuyez sur Jour suivant ou Lecture.',
  logNoMatch: 'Rien de ce genre sur les jours calculés jusqu’ici.',
  logShowing: (shown: number, total: number) => `Les ${n(shown)} derniers des ${n(total)} jours concernés, du plus récent au plus ancien.`,
  logWarmup: 'mise en régime',

  networkTitle: 'Commandes et expéditions sur le réseau',
  networkHelp: 'Les liaisons qui ont porté une expédition le jour affiché sont surlignées, avec les unités expédiées (et commandées, dans l’infobulle)\u00a0; un surlignage en tirets est une commande passée ce jour-là sans rien d’expédié encore. Sous un site, les unités qu’il a reçues ce jour-là.',
  networkNeedsRun: 'Le réseau apparaît une fois le scénario exécuté.',
  laneShipped: (units: string) => `${units} expédiés`,
  laneOrdered: (units: string) => `${units} commandés`,
  nodeReceived: (units: string) => `${units} reçus`,
  laneFlow: (shipped: string, ordered: string) => `expédié ${shipped} · commandé ${ordered}`,

  endTitle: 'À la fin de la réplication',
  endKpi: 'Indicateur',
  endStepped: 'Pas à pas',
  endRun: (replication: number) => `L’exécution, réplication ${n(replication)}`,
  endSame: 'Les mêmes chiffres que l’exécution.',
  endDiffers: 'Ces chiffres diffèrent de l’exécution du tableau de bord\u00a0: elle portait sur une autre version du scénario.',
  endNoRun: (replication: number) => `Le tableau de bord garde la réplication 1 de chaque variante en entier\u00a0; la réplication ${n(replication)} est propre à ce pas à pas.`,
};
