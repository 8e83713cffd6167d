import { importStrings as text } from '../i18n/strings.ts';

/**
 * A table shown a page at a time: a file may have thousands of rejected rows or SKUs, and a page of
 * 50 rows with Previous / Next (and the range shown) keeps the dialog light and its rows readable at
 * 390 px. `cells` gives a row's cells as nodes or text; `onRow`, when given, makes each row's first
 * cell a button (keyboard-operable) that selects the row.
 */
export interface PagedTable<T> {
  element: HTMLElement;
  show(rows: readonly T[]): void;
}

export const PAGE_SIZE = 50;

export function createPagedTable<T>(options: {
  className: string;
  caption: string;
  columns: string[];
  cells: (row: T) => (string | Node)[];
  onRow?: (row: T, index: number) => void;
  rowLabel?: (row: T) => string;
}): PagedTable<T> {
  const element = document.createElement('div');
  element.className = `import-paged ${options.className}`;
  const scroller = document.createElement('div');
  scroller.className = 'import-table-scroll';
  const table = document.createElement('table');
  table.className = 'import-table';
  const caption = document.createElement('caption');
  caption.textContent = options.caption;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const column of options.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  table.append(caption, head, body);
  scroller.append(table);

  const nav = document.createElement('div');
  nav.className = 'import-pager';
  const previous = button(text.previousPage);
  const next = button(text.nextPage);
  const range = document.createElement('span');
  range.className = 'import-pager-range';
  range.setAttribute('aria-live', 'polite');
  nav.append(previous, range, next);
  element.append(scroller, nav);

  let rows: readonly T[] = [];
  let page = 0;
  const draw = () => {
    const start = page * PAGE_SIZE;
    const shown = rows.slice(start, start + PAGE_SIZE);
    body.replaceChildren(
      ...shown.map((row, i) => {
        const tr = document.createElement('tr');
        options.cells(row).forEach((cell, c) => {
          const td = document.createElement('td');
          if (c === 0 && options.onRow) {
            const select = button(typeof cell === 'string' ? cell : (cell.textContent ?? ''));
            select.className = 'import-row-button';
            if (options.rowLabel) select.setAttribute('aria-label', options.rowLabel(row));
            select.addEventListener('click', () => {
              for (const other of body.querySelectorAll('tr[aria-selected="true"]')) other.setAttribute('aria-selected', 'false');
              tr.setAttribute('aria-selected', 'true');
              options.onRow!(row, start + i);
            });
            td.append(select);
          } else if (typeof cell === 'string') td.textContent = cell;
          else td.append(cell);
          tr.append(td);
        });
        return tr;
      }),
    );
    nav.hidden = rows.length <= PAGE_SIZE;
    range.textContent = text.pageRange(start + 1, start + shown.length, rows.length);
    previous.disabled = page === 0;
    next.disabled = start + PAGE_SIZE >= rows.length;
  };
  previous.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    draw();
  });
  next.addEventListener('click', () => {
    page += 1;
    draw();
  });
  return {
    element,
    show(list) {
      rows = list;
      page = 0;
      element.hidden = list.length === 0;
      draw();
    },
  };
}

function button(label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  return b;
}
