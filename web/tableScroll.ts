/**
 * A wide table's own scrolling box: on a narrow screen the table scrolls in it, not the page. The box
 * may hold no control, so it takes the focus itself (tabindex 0) for the keyboard to scroll it, and is
 * a region named `label` for screen readers (axe's scrollable-region-focusable rule). Without `table`,
 * the caller renders into the box.
 */
export function tableScroll(label: string, table?: HTMLElement): HTMLDivElement {
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', label);
  if (table) scroll.append(table);
  return scroll;
}
