import type { galleryStrings as English } from '../en/gallery.ts';
import { nombre, s } from './grammar.ts';

/** The scenario gallery's user-facing strings in French (web/i18n/en/gallery.ts is the reference: same keys). */

export const galleryStrings: typeof English = {
  searchLabel: 'Rechercher des scénarios',
  searchPlaceholder: 'Nom, description ou fichier',
  groups: {
    business: 'Cas d’entreprise',
    classroom: 'En classe',
    theory: 'Théorie (modèles de manuel)',
  },
  /** the live count under the search box */
  count: (shown, total) => (shown === total ? `${nombre(total)} scénario${s(total)}` : `${nombre(shown)} sur ${nombre(total)} scénario${s(total)}`),
  noMatch: (query, total) => `Aucun scénario ne correspond à «\u00a0${query}\u00a0» (0 sur ${nombre(total)} scénario${s(total)}).`,
  /** a classroom lesson above the results (web/classroom/lessonPanel.ts) */
  lesson: {
    label: 'Leçon',
    question: 'La question\u00a0:',
    toTry: 'À essayer\u00a0:',
    debrief: 'Débriefing',
    debriefHint: 'La réponse et les chiffres\u00a0: à déplier une fois que la classe a essayé.',
    copyLink: 'Copier le lien de cette leçon',
    copied: 'Lien copié\u00a0: il ouvre cette leçon.',
    copyByHand: (link) => `Copiez ce lien\u00a0: ${link}`,
    unknown: (name, lessons) => `La galerie n’a ni leçon ni scénario nommé «\u00a0${name}\u00a0». Leçons\u00a0: ${lessons.join(', ')}.`,
  },
};
