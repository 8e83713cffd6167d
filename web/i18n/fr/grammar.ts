/**
 * The French files' grammar of counts, in one place: a count written as French writes it, and the
 * plural mark French gives it (0 and 1 take the singular: « 0 réplication », « 1 réplication »,
 * « 2 réplications »).
 */

/** a count in a sentence, as French writes it: 1 234 */
export const nombre = (n: number): string => n.toLocaleString('fr-FR');

/** the plural mark of a count */
export const s = (n: number): string => (Math.abs(n) >= 2 ? 's' : '');

/** the same for a count already written out ("1", "1 234") */
export const sTexte = (count: string): string => (count === '0' || count === '1' ? '' : 's');
