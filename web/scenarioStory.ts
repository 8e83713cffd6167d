/**
 * A scenario's description on the first screen: its story, then what to look at. Gallery scenarios
 * end their story with "Look at fillRate and at activeCustomers over the year. …" (the numbers the
 * case is about, and what they come to); that part is shown in full, set apart, and the story above
 * it shows its first lines with the rest on request, so neither is folded into one grey line.
 */

export interface ScenarioStory {
  /** what the scenario is: its network, demand and policies */
  story: string;
  /** from the first sentence that starts "Look at" (French: « Regardez ») to the end; "" when the description has none */
  lookAt: string;
}

/**
 * Splits a description at its first sentence starting "Look at", or « Regardez » in the gallery's French
 * texts (web/i18n/fr/scenarios.ts), after a sentence end or at the start.
 */
export function splitStory(description: string): ScenarioStory {
  const text = description.trim();
  const match = /(^|[.!?]\s+)(Look at\b|Regardez\b)/.exec(text);
  if (!match) return { story: text, lookAt: '' };
  const at = match.index + match[1].length;
  return { story: text.slice(0, at).trim(), lookAt: text.slice(at).trim() };
}

/** Stories longer than this show their first lines and a button for the rest. */
const LONG_STORY = 280;

export interface StoryStrings {
  lookAt: string;
  more: string;
  less: string;
}

/** Fills `#scenario-description` (web/index.html) with a description; hidden when there is none. */
export function showScenarioStory(element: HTMLElement, description: string, strings: StoryStrings): void {
  const { story, lookAt } = splitStory(description);
  const storyElement = element.querySelector<HTMLElement>('.scenario-story')!;
  const toggle = element.querySelector<HTMLButtonElement>('.story-toggle')!;
  const lookAtElement = element.querySelector<HTMLElement>('.scenario-look-at')!;
  storyElement.textContent = story;
  storyElement.hidden = story === '';
  lookAtElement.querySelector('.look-at-label')!.textContent = strings.lookAt;
  lookAtElement.querySelector('span')!.textContent = lookAt;
  lookAtElement.hidden = lookAt === '';
  element.classList.remove('expanded');
  // a long story, or (on a phone, where what to look at is cut too) a long pointer
  toggle.hidden = story.length + lookAt.length <= LONG_STORY;
  toggle.setAttribute('aria-expanded', 'false');
  toggle.textContent = strings.more;
  toggle.onclick = () => {
    const expanded = element.classList.toggle('expanded');
    toggle.setAttribute('aria-expanded', String(expanded));
    toggle.textContent = expanded ? strings.less : strings.more;
  };
  element.hidden = story === '' && lookAt === '';
}
