import { picker as text } from '../i18n/strings.ts';
import { numberLocale } from '../charts/kpiMeta.ts';
import { OPTION_LIMIT, pickerList, pointIds, pointName, type GroupBy, type IndexedPoint, type PickerPoint } from './stockPointOptions.ts';

export interface StockPointPicker {
  /**
   * The stock points to choose from (a variant's, with the scenario's names). The choice stays on the
   * same location and product when the new list has it, else on the same index (the last at most).
   */
  setPoints(points: IndexedPoint[]): void;
  /** the index of the chosen stock point; setting it changes the choice without calling onChange */
  value: number;
  focus(options?: FocusOptions): void;
}

export interface PickerOptions {
  /** the combobox's id (its list is `${id}-list`, the grouping's select `${id}-group`) */
  id: string;
  label: string;
  onChange(index: number): void;
}

const format = numberLocale.format(',');
/** rows the list moves by on PageUp / PageDown */
const PAGE = 10;

/**
 * The inventory chart's stock-point picker (issue 14): a combobox in the ARIA 1.2 pattern (an input
 * with a listbox popup) in place of a select of every stock point, so 4,000 stock points are usable.
 * Typing filters by location or product, id or name; the options are grouped by location or by
 * product (the select beside it); only the first OPTION_LIMIT matches are drawn, with how many more
 * there are. ↑ ↓ (and PageUp / PageDown) move through the options, Enter chooses, Escape closes and
 * keeps the choice; focus stays in the input throughout (aria-activedescendant). Closed, the input
 * shows the chosen stock point's names, its `title` the full names and ids, however narrow it is.
 */
export function createStockPointPicker(parent: HTMLElement, options: PickerOptions): StockPointPicker {
  const { id } = options;
  let points: IndexedPoint[] = [];
  let chosen = 0;
  let groupBy: GroupBy = 'location';
  /** the options drawn, top to bottom, and the one the arrows are on (-1: none) */
  let drawn: { point: PickerPoint; element: HTMLElement }[] = [];
  let active = -1;
  /** what the open list is filtered by */
  let query = '';

  const root = document.createElement('div');
  root.className = 'sp-picker';
  const label = document.createElement('label');
  label.id = `${id}-label`;
  label.htmlFor = id;
  label.className = 'sp-picker-label';
  label.textContent = options.label;

  const field = document.createElement('div');
  field.className = 'sp-picker-field';
  const input = document.createElement('input');
  input.id = id;
  input.type = 'text';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${id}-list`);
  input.setAttribute('aria-describedby', `${id}-help`);
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = text.placeholder;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'sp-picker-toggle';
  // the input is the one tab stop; the button is for the pointer
  toggle.tabIndex = -1;
  toggle.setAttribute('aria-label', text.showAll);
  toggle.setAttribute('aria-controls', `${id}-list`);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.textContent = '▾';

  const popup = document.createElement('div');
  popup.className = 'sp-picker-popup';
  popup.hidden = true;
  const count = document.createElement('p');
  count.className = 'sp-picker-count';
  count.id = `${id}-count`;
  count.setAttribute('role', 'status');
  const list = document.createElement('div');
  list.id = `${id}-list`;
  list.className = 'sp-picker-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-labelledby', label.id);
  const more = document.createElement('p');
  more.className = 'sp-picker-more';
  more.hidden = true;
  popup.append(count, list, more);
  field.append(input, toggle, popup);

  const help = document.createElement('span');
  help.id = `${id}-help`;
  help.hidden = true;
  help.textContent = text.help;

  const groupLabel = document.createElement('label');
  groupLabel.className = 'sp-picker-grouping';
  const groupText = document.createElement('span');
  groupText.textContent = text.groupBy;
  const groupSelect = document.createElement('select');
  groupSelect.id = `${id}-group`;
  for (const [value, name] of [
    ['location', text.groupByLocation],
    ['product', text.groupByProduct],
  ] as const) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = name;
    groupSelect.append(option);
  }
  groupLabel.append(groupText, groupSelect);
  root.append(label, field, help);
  parent.append(root, groupLabel);

  const isOpen = () => !popup.hidden;

  function showChoice(): void {
    const point = points[chosen];
    input.value = point ? pointName(point) : '';
    input.title = point ? text.full(pointName(point), pointIds(point)) : '';
  }

  function open(search: string): void {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    toggle.setAttribute('aria-expanded', 'true');
    render(search);
  }

  function close(): void {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren();
    drawn = [];
    active = -1;
  }

  /** Draws the options for a search; the arrows start on the choice when it is drawn, else on the first. */
  function render(search: string): void {
    query = search;
    const { groups, shown, matched } = pickerList(points, query, groupBy, OPTION_LIMIT);
    const fragment = document.createDocumentFragment();
    drawn = [];
    groups.forEach((group, g) => {
      const box = document.createElement('div');
      box.setAttribute('role', 'group');
      box.className = 'sp-picker-group';
      const head = document.createElement('div');
      head.id = `${id}-group-${g}`;
      head.className = 'sp-picker-group-head';
      head.setAttribute('role', 'presentation');
      head.textContent = group.name === group.key ? group.name : `${group.name} · ${group.key}`;
      head.title = head.textContent;
      box.setAttribute('aria-labelledby', head.id);
      box.append(head);
      for (const point of group.points) {
        const option = document.createElement('div');
        option.id = `${id}-option-${point.index}`;
        option.className = 'sp-picker-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(point.index === chosen));
        option.dataset.index = String(point.index);
        option.dataset.ids = pointIds(point);
        // under its location's heading an option is its product, under a product's its location
        const [name, key] = groupBy === 'location' ? [point.productName, point.product] : [point.nodeName, point.node];
        const nameText = document.createElement('span');
        nameText.className = 'sp-picker-name';
        nameText.textContent = name;
        option.append(nameText);
        if (key !== name) {
          const idText = document.createElement('span');
          idText.className = 'sp-picker-id';
          idText.textContent = key;
          option.append(idText);
        }
        option.setAttribute('aria-label', pointName(point));
        option.title = text.full(pointName(point), pointIds(point));
        box.append(option);
        drawn.push({ point, element: option });
      }
      fragment.append(box);
    });
    list.replaceChildren(fragment);
    const total = format(points.length);
    count.textContent = matched === 0 ? text.none : query.trim() === '' ? text.all(total) : text.matches(format(matched), total);
    more.hidden = matched <= shown;
    more.textContent = matched > shown ? text.more(format(matched - shown)) : '';
    // typing puts the arrows on the first match, so Enter takes it; opening puts them on the choice
    const current = query.trim() === '' ? drawn.findIndex((option) => option.point.index === chosen) : -1;
    setActive(current >= 0 ? current : drawn.length > 0 ? 0 : -1);
  }

  function setActive(position: number): void {
    drawn[active]?.element.classList.remove('active');
    active = position;
    const option = drawn[active];
    if (!option) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    option.element.classList.add('active');
    input.setAttribute('aria-activedescendant', option.element.id);
    scrollIntoList(option.element);
  }

  /** Scrolls the list (never the page) so the option is in view. */
  function scrollIntoList(element: HTMLElement): void {
    const top = element.offsetTop;
    const bottom = top + element.offsetHeight;
    if (top < list.scrollTop + headHeight(element)) list.scrollTop = top - headHeight(element);
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }
  /** the sticky group heading that covers the list's top */
  const headHeight = (element: HTMLElement) => element.parentElement?.querySelector<HTMLElement>('.sp-picker-group-head')?.offsetHeight ?? 0;

  function choose(point: PickerPoint): void {
    chosen = point.index;
    close();
    showChoice();
    options.onChange(chosen);
  }

  input.addEventListener('input', () => open(input.value));
  input.addEventListener('focus', () => input.select());
  // a click on the closed picker opens the whole list with the text selected, so what is typed next
  // replaces it; the mouseup's default action would put the caret back where the pointer is
  let openOnClick = false;
  input.addEventListener('mousedown', () => (openOnClick = !isOpen()));
  input.addEventListener('mouseup', (event) => {
    if (openOnClick) event.preventDefault();
  });
  input.addEventListener('click', () => {
    if (!openOnClick) return;
    openOnClick = false;
    open('');
    input.select();
  });
  input.addEventListener('keydown', (event) => {
    const move = (to: number) => setActive(Math.max(0, Math.min(drawn.length - 1, to)));
    switch (event.key) {
      case 'ArrowDown':
        if (!isOpen()) open('');
        else if (!event.altKey) move(active + 1);
        break;
      case 'ArrowUp':
        if (!isOpen()) open('');
        else move(active - 1);
        break;
      case 'PageDown':
        if (!isOpen()) return;
        move(active + PAGE);
        break;
      case 'PageUp':
        if (!isOpen()) return;
        move(active - PAGE);
        break;
      case 'Enter':
        if (!isOpen()) return;
        if (drawn[active]) choose(drawn[active].point);
        input.select();
        break;
      case 'Escape':
        if (!isOpen() && input.value === pointNameOf(chosen)) return;
        // closing the list is all this Escape does (not also closing the drawer around it)
        event.stopPropagation();
        close();
        showChoice();
        input.select();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  const pointNameOf = (index: number) => (points[index] ? pointName(points[index]) : '');

  // a press on an option or the button must not take the focus from the input (which would close the list)
  popup.addEventListener('pointerdown', (event) => event.preventDefault());
  toggle.addEventListener('pointerdown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const option = element ? drawn.find((entry) => entry.element === element) : undefined;
    if (option) choose(option.point);
  });
  toggle.addEventListener('click', () => {
    if (isOpen()) close();
    else {
      input.focus();
      open('');
    }
  });
  input.addEventListener('blur', () => {
    close();
    showChoice();
  });
  groupSelect.addEventListener('change', () => {
    groupBy = groupSelect.value === 'product' ? 'product' : 'location';
    if (isOpen()) render(query);
  });

  return {
    setPoints(next) {
      const before = points[chosen];
      points = next;
      const same = before ? next.findIndex((point) => point.node === before.node && point.product === before.product) : -1;
      chosen = same >= 0 ? same : Math.min(chosen, Math.max(0, next.length - 1));
      if (isOpen()) render(query);
      showChoice();
    },
    get value() {
      return chosen;
    },
    set value(index: number) {
      chosen = index;
      showChoice();
    },
    focus(focusOptions) {
      input.focus(focusOptions);
    },
  };
}
