/** The scenario gallery's user-facing strings in English (web/gallery/galleryList.ts). */
export const galleryStrings = {
  searchLabel: 'Search scenarios',
  searchPlaceholder: 'Name, description or file',
  groups: {
    business: 'Business cases',
    theory: 'Theory (textbook models)',
  },
  /** the live count under the search box */
  count: (shown: number, total: number) => (shown === total ? `${total} scenarios` : `${shown} of ${total} scenarios`),
  noMatch: (query: string, total: number) => `No scenario matches “${query}” (0 of ${total} scenarios).`,
};
