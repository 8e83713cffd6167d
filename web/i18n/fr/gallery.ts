import type { galleryStrings as English } from '../en/gallery.ts';

/** The scenario gallery's user-facing strings in French (web/i18n/en/gallery.ts is the reference: same keys). */

/** a count in a sentence, as French writes it: 1 234 */
const nombre = (n: number): string => n.toLocaleString('fr-FR');
/** the plural mark of a count: French puts 0 and 1 in the singular */
const s = (n: number): string => (Math.abs(n) >= 2 ? 's' : '');

export const galleryStrings: typeof English = {
  searchLabel: 'Rechercher des scénarios',
  searchPlaceholder: 'Nom, description ou fichier',
  groups: {
    business: 'Cas d’entreprise',
    theory: 'Théorie (modèles de manuel)',
  },
  /** the live count under the search box */
  count: (shown, total) => (shown === total ? `${nombre(total)} scénario${s(total)}` : `${nombre(shown)} sur ${nombre(total)} scénario${s(total)}`),
  noMatch: (query, total) => `Aucun scénario ne correspond à «\u00a0${query}\u00a0» (0 sur ${nombre(total)} scénario${s(total)}).`,
};
