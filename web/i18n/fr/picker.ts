import type { picker as English } from '../en/picker.ts';
import { sTexte as s } from './grammar.ts';

/**
 * The stock-point picker's user-facing strings in French (web/i18n/en/picker.ts is the reference: same
 * keys). Counts arrive already written out ("1", "1 234"): 0 and 1 take the singular.
 */

export const picker: typeof English = {
  placeholder: 'Saisissez un site ou un produit',
  /** the button that opens the whole list */
  showAll: 'Afficher les points de stock',
  groupBy: 'Grouper par',
  groupByLocation: 'Site',
  groupByProduct: 'Produit',
  /** the live count of an open list */
  matches: (matched, total) => `${matched} point${s(matched)} de stock sur ${total} correspond${s(matched) === '' ? '' : 'ent'}`,
  all: (total) => `${total} point${s(total)} de stock`,
  more: (count) => `et ${count} autre${s(count)} — affinez la recherche`,
  none: 'Aucun point de stock ne correspond\u00a0: essayez une partie de l’identifiant ou du nom d’un site ou d’un produit.',
  /** an option's full text, on hover: names then ids */
  full: (name, ids) => (name === ids ? name : `${name} (${ids})`),
  help: 'Tapez pour rechercher\u202f; ↑ ↓ pour vous déplacer, Entrée pour choisir, Échap pour fermer.',
};
