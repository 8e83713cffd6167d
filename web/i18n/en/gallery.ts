/** The scenario gallery's user-facing strings in English (web/gallery/galleryList.ts, web/classroom/lessonPanel.ts). */
export const galleryStrings = {
  searchLabel: 'Search scenarios',
  searchPlaceholder: 'Name, description or file',
  groups: {
    business: 'Business cases',
    classroom: 'Classroom',
    theory: 'Theory (textbook models)',
  },
  /** the live count under the search box */
  count: (shown: number, total: number) => (shown === total ? `${total} scenarios` : `${shown} of ${total} scenarios`),
  noMatch: (query: string, total: number) => `No scenario matches “${query}” (0 of ${total} scenarios).`,
  /** a classroom lesson above the results (web/classroom/lessonPanel.ts) */
  lesson: {
    label: 'Lesson',
    question: 'The question:',
    toTry: 'What to try:',
    debrief: 'Debrief',
    debriefHint: 'The answer and the figures: open it once the class has tried.',
    copyLink: 'Copy link to this lesson',
    copied: 'Link copied: it opens this lesson.',
    /** the clipboard refused: the link, to copy by hand */
    copyByHand: (link: string) => `Copy this link: ${link}`,
    /** `?open=` names no file of the gallery (web/classroom/lessonLink.ts) */
    unknown: (name: string, lessons: string[]) => `The gallery has no lesson or scenario called “${name}”. Lessons: ${lessons.join(', ')}.`,
  },
};
