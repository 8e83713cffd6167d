import { Virtualizer, elementScroll, measureElement, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { EditorStrings } from '../i18n/strings.ts';
import { convertPolicy, parseNumberInput } from './formModel.ts';
import type { JsonEdit } from './jsonText.ts';
import { cellOptions, filterRows, policyParameters, setFieldEdits, setPolicyEdits, setValueEdits, type BulkField, type TableColumn, type TableRow, type TableSpec } from './tableModel.ts';
import { policyTypes } from './schemaInfo.ts';

/**
 * One table of the forms (stock points, products or nodes; tableModel.ts): a filter above it, one row
 * per item with its main fields as inputs, a checkbox per row and a bar that sets one value (and, for
 * stock points, a policy) on every selected row at once (one edit, one undo step). Only the rows in
 * view are in the document (@tanstack/virtual-core), so 2,000 rows cost what 20 do; a new table (after
 * an edit) updates the rows in view in place, never the input being typed in. A row's edit button
 * chooses the item whose other fields the form under the table shows.
 */
export interface TableView {
  element: HTMLElement;
  /** shows the table (new rows after an edit), keeping the filter, the selection and the scroll */
  show(spec: TableSpec, current: number | null): void;
  /** the problems of each row: at a cell where the column stands for their path, else counted on the row */
  showIssues(byRow: ReadonlyMap<number, RowIssues>): void;
  /**
   * scrolls to a row (clearing a filter that hides it) and focuses a cell's input, or the row's edit
   * button when no column stands for `key` (once the row is drawn); false when there is no such row
   */
  focusCell(index: number, key: string): boolean;
  /** the column id whose cell stands for a problem path of row `index` (or null) */
  columnFor(index: number, path: string): string | null;
  /** forgets the filter, the selection and the scroll (another scenario loaded) */
  reset(): void;
}

export interface RowIssues {
  /** messages by column id */
  cells: Map<string, string[]>;
  /** problems elsewhere in the item (shown in its form once chosen) */
  other: number;
}

export interface TableViewOptions {
  strings: EditorStrings;
  idPrefix: string;
  /** a cell typed in, or chosen from (`structural`: a select, which may change the row's columns) */
  onCellEdit(index: number, key: string, input: string, structural: boolean): void;
  /** a bulk edit: the edits (made against the data as it is when applied), as one undo step */
  onBulkEdit(makeEdits: (data: unknown) => JsonEdit[]): void;
  /** the row whose other fields the form below shows */
  onChoose(index: number): void;
}

/** a row's height in pixels, as editor.css sets it (.se-table-grid .se-row); a row with a message is measured */
const ROW_HEIGHT = 34;

export function createTableView(kind: TableSpec['kind'], options: TableViewOptions): TableView {
  const { strings, idPrefix } = options;
  const t = strings.tables;
  const element = document.createElement('div');
  element.className = 'se-table';
  element.dataset.table = kind;

  let spec: TableSpec = { kind, columns: [], rows: [], columnFields: [], bulkFields: [] };
  let current: number | null = null;
  let visible: number[] = [];
  let issues: ReadonlyMap<number, RowIssues> = new Map();
  const selected = new Set<number>();
  const drawn = new Map<number, HTMLTableRowElement>();
  let columnsShown = '';
  let serial = 0;
  /** a cell to focus once its row is drawn (after scrolling to it) */
  let pendingFocus: { index: number; column: string | null } | null = null;

  // ---- filter
  const tools = document.createElement('div');
  tools.className = 'se-table-tools';
  const filterLabel = document.createElement('label');
  filterLabel.className = 'se-table-filter-label';
  const filterInput = document.createElement('input');
  filterInput.type = 'search';
  filterInput.className = 'se-table-filter';
  filterInput.placeholder = t.filterHint[kind] ?? '';
  filterInput.autocomplete = 'off';
  filterInput.spellcheck = false;
  filterLabel.append(`${t.filter} `, filterInput);
  tools.append(filterLabel);
  const policyFilter = document.createElement('select');
  policyFilter.className = 'se-table-policy-filter';
  policyFilter.setAttribute('aria-label', `${t.filter}: ${t.columns.policy}`);
  if (kind === 'stockPoints') {
    policyFilter.append(option('', t.anyPolicy), ...[...policyTypes.keys()].map((type) => option(type, strings.forms.policies[type] ?? type)));
    tools.append(policyFilter);
  }
  const shownCount = document.createElement('span');
  shownCount.className = 'se-table-shown';
  shownCount.setAttribute('aria-live', 'polite');
  tools.append(shownCount);
  filterInput.addEventListener('input', () => refilter());
  policyFilter.addEventListener('change', () => refilter());

  // ---- bulk edit
  const bulk = document.createElement('div');
  bulk.className = 'se-bulk';
  const selectShown = document.createElement('input');
  selectShown.type = 'checkbox';
  selectShown.className = 'se-select-shown';
  const selectShownLabel = document.createElement('label');
  selectShownLabel.append(selectShown, ` ${t.selectShown}`);
  const selectedCount = document.createElement('span');
  selectedCount.className = 'se-selected-count';
  selectedCount.setAttribute('aria-live', 'polite');
  const clear = button('se-link se-clear-selection', t.clearSelection);
  const bulkHead = document.createElement('div');
  bulkHead.className = 'se-bulk-head';
  bulkHead.append(selectShownLabel, selectedCount, clear);

  const policyBox = document.createElement('fieldset');
  policyBox.className = 'se-bulk-policy';
  const policyLegend = document.createElement('legend');
  policyLegend.textContent = t.setPolicy;
  const bulkType = document.createElement('select');
  bulkType.className = 'se-bulk-type';
  bulkType.setAttribute('aria-label', t.columns.policy);
  bulkType.append(...[...policyTypes.keys()].map((type) => option(type, strings.forms.policies[type] ?? type)));
  const bulkParams = document.createElement('span');
  bulkParams.className = 'se-bulk-params';
  const applyPolicy = button('se-bulk-apply se-bulk-apply-policy', '');
  policyBox.append(policyLegend, bulkType, bulkParams, applyPolicy);

  const valueBox = document.createElement('fieldset');
  valueBox.className = 'se-bulk-value';
  const valueLegend = document.createElement('legend');
  valueLegend.textContent = t.setParameter;
  const valueField = document.createElement('select');
  valueField.className = 'se-bulk-field';
  valueField.setAttribute('aria-label', t.setParameter);
  const valueInput = document.createElement('input');
  valueInput.type = 'text';
  valueInput.inputMode = 'decimal';
  valueInput.className = 'se-bulk-number';
  valueInput.setAttribute('aria-label', t.value);
  // a field with choices (a product's unmet demand) takes one of them instead of a number
  const valueChoice = document.createElement('select');
  valueChoice.className = 'se-bulk-choice';
  valueChoice.setAttribute('aria-label', t.value);
  valueChoice.hidden = true;
  const applyValue = button('se-bulk-apply se-bulk-apply-value', '');
  valueBox.append(valueLegend, valueField, valueInput, valueChoice, applyValue);
  const bulkStatus = document.createElement('p');
  bulkStatus.className = 'se-bulk-status';
  bulkStatus.setAttribute('aria-live', 'polite');
  // a policy is set whole only on stock points; products and nodes take one value at a time
  if (kind === 'stockPoints') bulk.append(bulkHead, policyBox, valueBox, bulkStatus);
  else bulk.append(bulkHead, valueBox, bulkStatus);

  const drawBulkParams = () => {
    const defaults = convertPolicy({}, bulkType.value);
    bulkParams.replaceChildren(
      ...policyParameters(bulkType.value).map((key) => {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'text';
        input.inputMode = 'decimal';
        input.className = 'se-bulk-param';
        input.dataset.param = key;
        const fallback = defaults[key];
        input.value = typeof fallback === 'number' ? String(fallback) : '';
        label.append(`${strings.forms.params[key] ?? key} `, input);
        return label;
      }),
    );
  };
  bulkType.addEventListener('change', drawBulkParams);
  drawBulkParams();

  const bulkField = (): BulkField | undefined => spec.bulkFields.find((f) => f.id === valueField.value);
  const drawValueInput = () => {
    const field = bulkField();
    const choices = field?.kind === 'select' ? (field.options ?? []) : null;
    valueInput.hidden = choices !== null;
    valueChoice.hidden = choices === null;
    const signature = (choices ?? []).map((c) => c.value).join('\n');
    if (choices && valueChoice.dataset.options !== signature) {
      valueChoice.replaceChildren(...choices.map((c) => option(c.value, c.label)));
      valueChoice.dataset.options = signature;
    }
  };
  valueField.addEventListener('change', drawValueInput);

  const updateSelection = () => {
    selectedCount.textContent = t.selected(selected.size);
    clear.hidden = selected.size === 0;
    applyPolicy.textContent = t.setPolicyApply(selected.size);
    applyValue.textContent = t.setParameterApply(selected.size);
    applyPolicy.disabled = selected.size === 0;
    applyValue.disabled = selected.size === 0;
    const all = visible.length > 0 && visible.every((i) => selected.has(i));
    selectShown.checked = all;
    selectShown.indeterminate = !all && visible.some((i) => selected.has(i));
    for (const [index, row] of drawn) {
      const box = row.querySelector<HTMLInputElement>('.se-row-select');
      if (box) box.checked = selected.has(index);
    }
  };
  selectShown.addEventListener('change', () => {
    if (selectShown.checked) for (const i of visible) selected.add(i);
    else for (const i of visible) selected.delete(i);
    updateSelection();
  });
  clear.addEventListener('click', () => {
    selected.clear();
    updateSelection();
  });
  applyPolicy.addEventListener('click', () => {
    const policy: Record<string, unknown> = convertPolicy({}, bulkType.value);
    for (const input of bulkParams.querySelectorAll<HTMLInputElement>('.se-bulk-param')) {
      const key = input.dataset.param ?? '';
      if (input.value.trim() === '') {
        delete policy[key];
        continue;
      }
      const value = parseNumberInput(input.value);
      if (typeof value !== 'number') {
        bulkStatus.textContent = t.bulkBadValue(input.value);
        return;
      }
      policy[key] = value;
    }
    const rows = [...selected].sort((a, b) => a - b);
    options.onBulkEdit(() => setPolicyEdits(rows, policy));
    bulkStatus.textContent = t.bulkDone(rows.length, 0, '');
  });
  applyValue.addEventListener('click', () => {
    const field = bulkField();
    if (!field) return;
    let value: number | string;
    if (field.kind === 'select') value = valueChoice.value;
    else {
      const parsed = parseNumberInput(valueInput.value);
      if (typeof parsed !== 'number') {
        bulkStatus.textContent = t.bulkBadValue(valueInput.value);
        return;
      }
      value = parsed;
    }
    const rows = [...selected].sort((a, b) => a - b);
    let skipped = 0;
    options.onBulkEdit((data) => {
      const made = kind === 'stockPoints' ? setValueEdits(data, rows, field.id, value as number) : setFieldEdits(kind, data, rows, field.id, value);
      skipped = made.skipped;
      return made.edits;
    });
    bulkStatus.textContent = t.bulkDone(rows.length - skipped, skipped, t.bulkSkipped[kind] ?? '');
  });

  // ---- the table, its rows in view only
  const scroller = document.createElement('div');
  scroller.className = 'se-table-scroll';
  const table = document.createElement('table');
  table.className = 'se-table-grid';
  const caption = document.createElement('caption');
  caption.className = 'se-visually-hidden';
  caption.textContent = t.caption[kind] ?? kind;
  const head = document.createElement('thead');
  const body = document.createElement('tbody');
  const topSpacer = spacer();
  const bottomSpacer = spacer();
  body.append(topSpacer, bottomSpacer);
  table.append(caption, head, body);
  scroller.append(table);

  element.append(tools, bulk, scroller);

  const virtualizer = new Virtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: 0,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (position) => visible[position] ?? position,
    overscan: 8,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    measureElement,
    // before the first measure, a panel-sized view, so the first rows show at once
    initialRect: { width: 380, height: 360 },
    onChange: () => draw(),
  });
  virtualizer._didMount();
  let watching = false;
  // taken from the document and put back (the forms drawn again), a scroller forgets its position
  let scrollTop = 0;
  scroller.addEventListener('scroll', () => {
    scrollTop = scroller.scrollTop;
  });

  const drawHead = () => {
    const row = document.createElement('tr');
    const first = document.createElement('th');
    first.scope = 'col';
    first.className = 'se-col-row';
    const name = document.createElement('span');
    name.className = 'se-visually-hidden';
    name.textContent = t.rowColumn;
    first.append(name);
    row.append(first);
    for (const column of spec.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.label;
      th.dataset.column = column.id;
      row.append(th);
    }
    head.replaceChildren(row);
  };

  const fillCell = (td: HTMLTableCellElement, column: TableColumn, row: TableRow) => {
    const cell = row.cells[column.id];
    let control = td.querySelector<HTMLInputElement | HTMLSelectElement>('.se-control');
    if (!control) {
      if (column.kind === 'select') {
        const select = document.createElement('select');
        select.addEventListener('change', () => options.onCellEdit(row.index, select.dataset.key ?? '', select.value, true));
        control = select;
      } else {
        const input = document.createElement('input');
        input.type = 'text';
        input.autocomplete = 'off';
        input.spellcheck = false;
        if (column.kind === 'number') input.inputMode = 'decimal';
        // ids offered while typing: the form's lists of node and product ids (formView.ts)
        const suggest = column.id === 'node' ? 'node-ids' : column.id === 'product' ? 'product-ids' : null;
        if (suggest) input.setAttribute('list', `${idPrefix}-${suggest}`);
        input.addEventListener('input', () => options.onCellEdit(row.index, input.dataset.key ?? '', input.value, false));
        control = input;
      }
      control.className = 'se-control se-cell';
      control.id = `${idPrefix}-${kind}-c${++serial}`;
      td.append(control);
    }
    control.setAttribute('aria-label', `${column.label}, ${row.name}`);
    if (!cell) return;
    control.dataset.key = cell.key;
    control.disabled = cell.disabled === true;
    control.title = cell.disabled ? t.notApplicable : (cell.hint ?? '');
    control.classList.toggle('se-cell-overridden', cell.overridden === true);
    // the input being typed in keeps what is typed ("1,5" stays, though it is stored as 1.5)
    const typing = document.activeElement === control;
    if (control instanceof HTMLSelectElement) {
      const choices = cellOptions(column, cell, strings);
      const signature = choices.map((c) => c.value).join('\n');
      if (control.dataset.options !== signature) {
        control.replaceChildren(...choices.map((c) => option(c.value, c.label)));
        control.dataset.options = signature;
      }
      if (control.value !== cell.display) control.value = cell.display;
    } else {
      if (!typing && control.value !== cell.display) control.value = cell.display;
      control.placeholder = cell.placeholder ?? '';
    }
  };

  const markRow = (tr: HTMLTableRowElement, index: number) => {
    const found = issues.get(index);
    tr.classList.toggle('se-invalid', found !== undefined);
    tr.classList.toggle('se-row-current', index === current);
    for (const td of tr.querySelectorAll<HTMLTableCellElement>('td[data-column]')) {
      const column = td.dataset.column ?? '';
      const messages = found?.cells.get(column);
      const control = td.querySelector<HTMLElement>('.se-control');
      let box = td.querySelector<HTMLElement>('.se-field-error');
      if (!messages) {
        control?.removeAttribute('aria-invalid');
        control?.removeAttribute('aria-describedby');
        box?.remove();
        continue;
      }
      if (!box) {
        box = document.createElement('div');
        box.className = 'se-field-error';
        box.id = `${control?.id ?? idPrefix}-e`;
        td.append(box);
      }
      box.replaceChildren(...messages.map((message) => paragraph(message)));
      control?.setAttribute('aria-invalid', 'true');
      control?.setAttribute('aria-describedby', box.id);
    }
    const badge = tr.querySelector<HTMLButtonElement>('.se-row-problems');
    if (badge) {
      const other = found?.other ?? 0;
      badge.hidden = other === 0;
      badge.textContent = other > 0 ? `⚠ ${other}` : '';
      badge.title = other > 0 ? t.problemsInRow(other) : '';
      badge.setAttribute('aria-label', other > 0 ? t.problemsInRow(other) : '');
    }
  };

  const makeRow = (index: number): HTMLTableRowElement => {
    const row = spec.rows[index];
    const tr = document.createElement('tr');
    tr.className = 'se-row';
    tr.dataset.row = String(index);
    const first = document.createElement('td');
    first.className = 'se-row-head';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'se-row-select';
    box.checked = selected.has(index);
    box.setAttribute('aria-label', t.select(row.name));
    box.addEventListener('change', () => {
      if (box.checked) selected.add(index);
      else selected.delete(index);
      updateSelection();
    });
    first.append(box);
    const edit = button('se-row-edit', '✎');
    edit.setAttribute('aria-label', t.edit(row.name));
    edit.title = t.edit(row.name);
    edit.addEventListener('click', () => options.onChoose(index));
    const problems = button('se-row-problems', '');
    problems.hidden = true;
    problems.addEventListener('click', () => options.onChoose(index));
    first.append(edit, problems);
    tr.append(first);
    for (const column of spec.columns) {
      const td = document.createElement('td');
      td.dataset.column = column.id;
      fillCell(td, column, row);
      tr.append(td);
    }
    markRow(tr, index);
    return tr;
  };

  let drawing = false;
  let drawAgain = false;
  const toMeasure: HTMLTableRowElement[] = [];
  let measuring = false;

  function draw(): void {
    // measuring a row may tell the virtualizer of a new size, which asks for a draw: after this one
    if (drawing) {
      drawAgain = true;
      return;
    }
    drawing = true;
    try {
      do {
        drawAgain = false;
        drawRows();
      } while (drawAgain);
    } finally {
      drawing = false;
    }
  }

  function drawRows(): void {
    const items = virtualizer.getVirtualItems();
    const wanted = new Set(items.map((item) => visible[item.index]));
    for (const [index, tr] of drawn) {
      if (!wanted.has(index) || index >= spec.rows.length) {
        tr.remove();
        drawn.delete(index);
      }
    }
    // rows already drawn stay where they are (moving one would blur the input being typed in)
    let before: ChildNode = topSpacer;
    const added: HTMLTableRowElement[] = [];
    for (const item of items) {
      const index = visible[item.index];
      let tr = drawn.get(index);
      if (!tr) {
        tr = makeRow(index);
        drawn.set(index, tr);
        added.push(tr);
      }
      tr.dataset.index = String(item.index);
      if (before.nextSibling !== tr) before.after(tr);
      before = tr;
    }
    // measured at the next frame, once laid out with everything else (measuring now would lay the
    // whole page out again for it); a row of the usual height (the CSS's) changes nothing
    if (added.length > 0) {
      toMeasure.push(...added);
      if (!measuring) {
        measuring = true;
        requestAnimationFrame(() => {
          measuring = false;
          for (const tr of toMeasure.splice(0)) if (tr.isConnected) virtualizer.measureElement(tr);
        });
      }
    }
    const start = items[0]?.start ?? 0;
    const end = items.length > 0 ? items[items.length - 1].end : 0;
    topSpacer.style.height = `${start}px`;
    bottomSpacer.style.height = `${Math.max(0, virtualizer.getTotalSize() - end)}px`;
    if (pendingFocus && focusDrawn(pendingFocus.index, pendingFocus.column)) pendingFocus = null;
  }

  /** Focuses a drawn row's cell (or its edit button); false when the row is not drawn. */
  function focusDrawn(index: number, column: string | null): boolean {
    const tr = drawn.get(index);
    const control = column !== null ? tr?.querySelector<HTMLElement>(`td[data-column="${CSS.escape(column)}"] .se-control`) : tr?.querySelector<HTMLElement>('.se-row-edit');
    if (!control) return false;
    control.focus({ preventScroll: true });
    return true;
  }

  function refilter(): void {
    visible = filterRows(spec.rows, { text: filterInput.value, policyType: kind === 'stockPoints' ? policyFilter.value : '' });
    shownCount.textContent = t.shown(visible.length, spec.rows.length);
    element.dataset.shown = String(visible.length);
    virtualizer.setOptions({ ...virtualizer.options, count: visible.length });
    // the scroller is watched from the first time it is in the page (that reads its size, a layout);
    // drawn again later, it is the same element, still watched
    if (!watching && scroller.isConnected) {
      virtualizer._willUpdate();
      watching = true;
    }
    for (const tr of drawn.values()) tr.remove();
    drawn.clear();
    draw();
    updateSelection();
  }

  return {
    element,
    show(next, chosen) {
      if (scroller.isConnected && scroller.scrollTop !== scrollTop) scroller.scrollTop = scrollTop;
      const sameRows = next.rows.length === spec.rows.length;
      const columns = next.columns.map((c) => `${c.id}:${c.label}`).join('\n');
      spec = next;
      current = chosen;
      element.dataset.rows = String(spec.rows.length);
      if (!sameRows) selected.clear();
      for (const index of [...selected]) if (index >= spec.rows.length) selected.delete(index);
      // the single values a bulk edit sets (tableModel.ts: for stock points, the policy parameters in
      // the table and the initial stock)
      const fieldSignature = spec.bulkFields.map((f) => f.id).join('\n');
      if (valueField.dataset.fields !== fieldSignature) {
        const keep = valueField.value;
        valueField.replaceChildren(...spec.bulkFields.map((f) => option(f.id, f.label)));
        valueField.dataset.fields = fieldSignature;
        if (keep && [...valueField.options].some((o) => o.value === keep)) valueField.value = keep;
        drawValueInput();
        // nothing to set on a table whose items have no such field (nodes that are all stores): no bar, no ticks
        const none = spec.bulkFields.length === 0;
        bulk.hidden = none;
        element.classList.toggle('se-no-bulk', none);
      }
      if (!sameRows) {
        columnsShown = columns;
        drawHead();
        refilter();
        return;
      }
      if (columns !== columnsShown) {
        // new columns (a policy type new to the table): the rows in view are drawn afresh; the rows shown
        // stay those the filter picked before the edit, so rows it changed do not vanish under the pointer
        columnsShown = columns;
        drawHead();
        for (const tr of drawn.values()) tr.remove();
        drawn.clear();
        draw();
        updateSelection();
        return;
      }
      // the same rows and columns: the rows in view take the new values in place; the filter holds
      // (a row edited out of it stays until the filter changes, so it does not vanish mid-edit)
      element.dataset.shown = String(visible.length);
      for (const [index, tr] of drawn) {
        const row = spec.rows[index];
        for (const td of tr.querySelectorAll<HTMLTableCellElement>('td[data-column]')) {
          const column = spec.columns.find((c) => c.id === td.dataset.column);
          if (column) fillCell(td, column, row);
        }
        markRow(tr, index);
      }
      updateSelection();
    },
    showIssues(byRow) {
      issues = byRow;
      for (const [index, tr] of drawn) markRow(tr, index);
    },
    focusCell(index, key) {
      const row = spec.rows[index];
      if (!row) return false;
      const column = spec.columns.find((c) => row.cells[c.id]?.key === key)?.id ?? null;
      let position = visible.indexOf(index);
      if (position < 0) {
        filterInput.value = '';
        policyFilter.value = '';
        refilter();
        position = visible.indexOf(index);
      }
      scroller.scrollIntoView?.({ block: 'nearest' });
      if (focusDrawn(index, column)) return true;
      // the row is drawn once the scroll reaches it (the virtualizer hears of it on the scroll event)
      pendingFocus = { index, column };
      virtualizer.scrollToIndex(position, { align: 'center' });
      return true;
    },
    reset() {
      filterInput.value = '';
      policyFilter.value = '';
      selected.clear();
      bulkStatus.textContent = '';
      scrollTop = 0;
      scroller.scrollTop = 0;
      // the next show() filters afresh
      columnsShown = '';
    },
    columnFor(index, path) {
      const row = spec.rows[index];
      if (!row) return null;
      for (const column of spec.columns) {
        const key = row.cells[column.id]?.key;
        if (key === undefined) continue;
        if (path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) return column.id;
      }
      // a problem with the whole policy (or holding cost) shows at the cell that chooses its kind
      if (path === `${row.key}.policy` && row.cells['policy.type']) return 'policy.type';
      if (path === `${row.key}.holdingCost` && row.cells.holdingCost) return 'holdingCost';
      return null;
    },
  };
}

function option(value: string, label: string): HTMLOptionElement {
  const item = document.createElement('option');
  item.value = value;
  item.textContent = label;
  return item;
}

function button(className: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  return b;
}

/** The rows' stand-in above and below those in view (a row with no cell may take no height). */
function spacer(): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = 'se-spacer';
  tr.setAttribute('aria-hidden', 'true');
  const td = document.createElement('td');
  td.colSpan = 99;
  tr.append(td);
  return tr;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
