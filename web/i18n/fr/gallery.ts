import type { galleryStrings as English } from '../en/gallery.ts';
import { nombre, s } from './grammar.ts';

/** The scenario gallery's user-facing strings in French (web/i18n/en/gallery.ts is the reference: same keys). */

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
