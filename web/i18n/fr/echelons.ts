import type { echelons as English } from '../en/echelons.ts';

/** Le graphique des commandes face à la demande, échelon par échelon, en français (web/i18n/en/echelons.ts est la référence). */
export const echelons: typeof English = {
  title: 'Commandes face à la demande, échelon par échelon',
  help:
    'Les commandes de chaque échelon (trait plein) et la demande qu’il a reçue (tirets)\u00a0: la demande des clients dans les magasins, les commandes de l’échelon inférieur plus haut. ' +
    'Les commandes d’un échelon sont la demande de l’échelon supérieur\u00a0: ces deux lignes se confondent. Des commandes qui varient plus que la demande, et d’autant plus qu’on remonte la chaîne, sont l’effet coup de fouet.',
  period: 'Par',
  perDay: 'jour',
  perWeek: 'semaine',
  xDay: 'Jour',
  xWeek: 'Semaine',
  yAxis: (period: string) => `Unités par ${period}`,
  caption: (replications: number) => `Moyenne sur ${replications <= 1 ? `${replications} réplication` : `${replications.toLocaleString('fr-FR')} réplications`}, mise en régime comprise.`,
  orders: (echelon: string) => `${echelon}\u00a0: commandes passées`,
  demand: (echelon: string) => `${echelon}\u00a0: demande reçue`,
  group: (nodes: number, first: string) => `${first} et ${nodes - 1} autre${nodes - 1 >= 2 ? 's' : ''}`,
  noSeries: 'L’exécution n’a pas gardé de série journalière par point de stock (output.series)\u00a0: impossible de tracer commandes et demande par échelon.',
  cursor: 'Commandes et demande d’un jour',
};
