/**
 * The scenario gallery in the left panel: a search box (with a live count of the scenarios shown) over
 * the scenarios grouped as business cases, classroom lessons and theory models. The search filters as one types, on the
 * name, the description and the file path; every word typed must appear (case and accents ignored).
 * Each scenario is a button (`.gallery-item`, `data-path`), so Tab reaches it and Enter opens it; from
 * the search box, ↓ goes to the first match, and ↑/↓ move between the matches. The scenario shown is
 * marked `aria-current="true"` and kept in view inside the list (not the page).
 */
import { GALLERY_GROUPS, type GalleryEntry } from '../gallery.ts';
import { galleryStrings } from '../i18n/strings.ts';

export interface GalleryList {
  /** marks the scenario at `path` as the one shown (null: none of the gallery's, e.g. a file opened) */
  setCurrent(path: string | null): void;
}

/** Lower case, without accents, so "equilibre" finds "Équilibre". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The description's first sentence, the one a list item has room for. */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

export function createGalleryList(container: HTMLElement, entries: readonly GalleryEntry[], onPick: (entry: GalleryEntry) => void): GalleryList {
  const text = galleryStrings;
  container.replaceChildren();

  // ---- search
  const search = document.createElement('div');
  search.className = 'gallery-search';
  const label = document.createElement('label');
  label.htmlFor = 'gallery-search';
  label.textContent = text.searchLabel;
  const input = document.createElement('input');
  input.id = 'gallery-search';
  input.type = 'search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = text.searchPlaceholder;
  input.setAttribute('aria-controls', 'gallery-list');
  input.setAttribute('aria-describedby', 'gallery-count');
  const count = document.createElement('p');
  count.id = 'gallery-count';
  count.className = 'gallery-count';
  count.setAttribute('aria-live', 'polite');
  search.append(label, input, count);

  // ---- the list, in its groups (business cases, classroom, theory)
  const list = document.createElement('div');
  list.id = 'gallery-list';
  list.className = 'gallery-list';
  const items: { entry: GalleryEntry; button: HTMLButtonElement; haystack: string }[] = [];
  const groups: { section: HTMLElement; members: HTMLButtonElement[] }[] = [];
  for (const group of GALLERY_GROUPS) {
    const members = entries.filter((entry) => entry.group === group);
    if (members.length === 0) continue;
    const section = document.createElement('section');
    section.className = `gallery-group${group === 'business' ? '' : ` ${group}`}`;
    const heading = document.createElement('h3');
    heading.id = `gallery-group-${group}`;
    heading.textContent = text.groups[group];
    section.setAttribute('aria-labelledby', heading.id);
    const ul = document.createElement('ul');
    ul.className = 'gallery-items';
    const buttons: HTMLButtonElement[] = [];
    for (const entry of members) {
      const button = itemButton(entry);
      button.addEventListener('click', () => onPick(entry));
      const li = document.createElement('li');
      li.append(button);
      ul.append(li);
      buttons.push(button);
      items.push({ entry, button, haystack: fold(`${entry.name}\n${entry.description}\n${entry.path}`) });
    }
    section.append(heading, ul);
    list.append(section);
    groups.push({ section, members: buttons });
  }
  container.append(search, list);

  // ---- filtering
  const visibleItems = () => items.filter((item) => !item.button.hidden).map((item) => item.button);
  const filter = () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const match = words.every((word) => item.haystack.includes(word));
      item.button.hidden = !match;
      item.button.parentElement!.hidden = !match;
      if (match) shown++;
    }
    for (const group of groups) group.section.hidden = group.members.every((button) => button.hidden);
    count.textContent = shown === 0 ? text.noMatch(input.value.trim(), items.length) : text.count(shown, items.length);
  };
  input.addEventListener('input', filter);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value !== '') {
      // clear the search first; a second Escape is the panel's (it closes the drawer)
      event.preventDefault();
      event.stopPropagation();
      input.value = '';
      filter();
    } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && visibleItems().length === 1)) {
      const first = visibleItems()[0];
      if (!first) return;
      event.preventDefault();
      if (event.key === 'Enter') first.click();
      else first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const shown = visibleItems();
    const at = shown.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') shown[Math.min(at + 1, shown.length - 1)].focus();
    else if (at === 0) input.focus();
    else shown[at - 1].focus();
  });
  filter();

  return {
    setCurrent(path) {
      for (const item of items) {
        const current = item.entry.path === path;
        item.button.setAttribute('aria-current', String(current));
        // keep the chosen scenario in view inside the list (not the page), moving the list no more than needed
        if (current && !item.button.hidden) {
          const box = item.button.getBoundingClientRect();
          const view = list.getBoundingClientRect();
          if (box.top < view.top) list.scrollTop -= view.top - box.top + 6;
          else if (box.bottom > view.bottom) list.scrollTop += box.bottom - view.bottom + 6;
        }
      }
    },
  };
}

function itemButton(entry: GalleryEntry): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `gallery-item${entry.group === 'business' ? '' : ` ${entry.group}`}`;
  button.dataset.path = entry.path;
  button.title = entry.description;
  const name = document.createElement('span');
  name.className = 'gallery-name';
  name.textContent = entry.name;
  const path = document.createElement('span');
  path.className = 'gallery-path';
  path.textContent = entry.path.replace('scenarios/', '');
  const summary = document.createElement('span');
  summary.className = 'gallery-summary';
  summary.textContent = firstSentence(entry.description);
  button.append(name, summary, path);
  return button;
}
