/**
 * A classroom lesson above the results, under the scenario's story (web/index.html `#scenario-lesson`):
 * the question to ask, what to try (a numbered list), the debrief folded in a <details> until it is
 * asked for, and, for a lesson of the gallery, a button that copies a short link to it
 * (web/classroom/lessonLink.ts). Hidden for a scenario without a lesson. Every show starts folded:
 * opening another lesson never shows its answer first.
 */
import type { Lesson } from '../../src/scenario/schema.ts';
import { galleryStrings } from '../i18n/strings.ts';
import { lessonLink } from './lessonLink.ts';

export function showLesson(element: HTMLElement, shown: { lesson: Lesson; path: string | null } | null): void {
  const text = galleryStrings.lesson;
  element.replaceChildren();
  element.hidden = shown === null;
  if (!shown) return;
  const { lesson, path } = shown;
  element.setAttribute('aria-label', text.label);

  const question = document.createElement('p');
  question.className = 'lesson-question';
  const questionLabel = document.createElement('strong');
  questionLabel.textContent = text.question;
  question.append(questionLabel, ' ', lesson.question);

  const toTryLabel = document.createElement('p');
  toTryLabel.className = 'lesson-to-try-label';
  const toTryStrong = document.createElement('strong');
  toTryStrong.id = 'lesson-to-try-label';
  toTryStrong.textContent = text.toTry;
  toTryLabel.append(toTryStrong);
  const toTry = document.createElement('ol');
  toTry.className = 'lesson-to-try';
  toTry.setAttribute('aria-labelledby', toTryStrong.id);
  for (const item of lesson.toTry) {
    const li = document.createElement('li');
    li.textContent = item;
    toTry.append(li);
  }

  const debrief = document.createElement('details');
  debrief.className = 'lesson-debrief';
  const summary = document.createElement('summary');
  summary.textContent = text.debrief;
  summary.title = text.debriefHint;
  const body = document.createElement('p');
  body.textContent = lesson.debrief;
  debrief.append(summary, body);

  element.append(question, toTryLabel, toTry, debrief);

  if (path !== null) {
    const actions = document.createElement('p');
    actions.className = 'lesson-actions';
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'lesson-copy-link';
    copy.textContent = text.copyLink;
    const status = document.createElement('span');
    status.className = 'lesson-link-status';
    status.setAttribute('aria-live', 'polite');
    copy.addEventListener('click', async () => {
      const link = lessonLink(path, location.href);
      try {
        await navigator.clipboard.writeText(link);
        status.textContent = text.copied;
      } catch {
        status.textContent = text.copyByHand(link);
      }
    });
    actions.append(copy, status);
    element.append(actions);
  }
}
