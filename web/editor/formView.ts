import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import { sentences, type EditorStrings } from '../i18n/strings.ts';
import { describeForm, findField, type FieldSpec, type FormAction, type FormModel, type FormSpec, type GroupSpec, type SectionSpec } from './formModel.ts';
import { fieldForIssue } from './issueFields.ts';
import { parseJsonPath } from './jsonPath.ts';
import type { JsonEdit } from './jsonText.ts';
import { TABLE_KINDS, type TableKind } from './tableModel.ts';
import { createTableView, type RowIssues, type TableView } from './tableView.ts';

/**
 * Draws the forms described by formModel.ts and shows each problem at its field: the control gets
 * aria-invalid and the message under it (linked by aria-describedby); a problem on a whole card or
 * list shows at the top of it; problems the forms have no place for are listed above the forms.
 */
export interface FormView {
  element: HTMLElement;
  /**
   * draws the form afresh (keeping focus, scroll and folded sections), or says why it cannot; the
   * same fields as drawn (an undo of a value) only take their values
   */
  render(model: FormModel | { syntax: string } | { notice: string }): void;
  /** refreshes card titles, id suggestions and notes after an edit, without touching any input */
  update(model: FormModel): void;
  /** marks the problems; returns those the forms have no place for */
  showIssues(issues: ReadonlyArray<ScenarioIssue>): ScenarioIssue[];
  /** whether the forms have a place for a problem path */
  canShow(path: string): boolean;
  /** opens, scrolls to and focuses the place of a problem path; false when there is none */
  focusIssue(path: string): boolean;
  /** forgets the tables' filters, selections and scroll positions (another scenario loaded) */
  resetTables(): void;
}

export interface EditInfo {
  /** edits with the same group typed quickly join one undo step */
  group?: string;
  /** the edit changes what the form shows: draw it again */
  structural: boolean;
  /**
   * check at once rather than after typing stops (a choice in a table, a bulk edit): the tables and
   * the chosen row's form follow through `update`, without drawing the forms again
   */
  checkNow?: boolean;
}

export interface FormViewOptions {
  strings: EditorStrings;
  idPrefix: string;
  /** an edit: one change, or several made as one (a bulk edit of a table) */
  onEdit(makeEdit: (data: unknown) => JsonEdit | JsonEdit[], info: EditInfo): void;
  onShowJson(issue?: ScenarioIssue): void;
  /** a table's row chosen: the forms are to be drawn again with that item's form under the table */
  onChoose(kind: TableKind, index: number): void;
  /** a problem's path as listed: in words with the raw path (strings.editor.issueWhere over the data shown); the raw path when absent */
  describePath?(path: string): string;
}

interface Anchor {
  /** the control itself, for a field */
  control?: HTMLElement;
  /** the element to focus for a card or section */
  container: HTMLElement;
  errors: HTMLElement;
  section: HTMLDetailsElement | null;
}

export function createFormView(options: FormViewOptions): FormView {
  const { strings, idPrefix } = options;
  const s = strings.forms;
  const isTable = (key: string): key is TableKind => (TABLE_KINDS as ReadonlyArray<string>).includes(key);

  /**
   * The tables (tableView.ts) live as long as the forms, so their filter, selection and scroll outlive
   * a drawing; a cell's edit is the edit of the form field it stands for, described for its item only.
   */
  const tables = new Map<TableKind, TableView>();
  const tableFor = (kind: TableKind): TableView => {
    let table = tables.get(kind);
    if (!table) {
      table = createTableView(kind, {
        strings,
        idPrefix,
        onCellEdit: (index, key, input, structural) =>
          options.onEdit((data) => {
            const form = describeForm(data, strings, { only: { [kind]: index } });
            const field = form.ok ? findField(form.form, key) : undefined;
            return field ? field.edit(input, data) : [];
          }, structural ? { structural: false, checkNow: true } : { group: `field:${key}`, structural: false }),
        onBulkEdit: (makeEdits) => options.onEdit(makeEdits, { structural: false, checkNow: true }),
        onChoose: (index) => options.onChoose(kind, index),
      });
      tables.set(kind, table);
    }
    return table;
  };
  /** the tables in the last drawing, with their item shown below (null: none) */
  let shownTables = new Map<TableKind, { section: SectionSpec; current: number | null; item: HTMLElement; fields: string }>();
  const element = document.createElement('div');
  element.className = 'se-forms';
  // holds focus when the control that had it is gone (an undone add), so shortcuts keep working
  element.tabIndex = -1;

  let anchors = new Map<string, Anchor>();
  let anchorKeys = new Set<string>();
  let marked: HTMLElement[] = [];
  let unplacedBox: HTMLElement | null = null;
  let lastUnplaced: ScenarioIssue[] = [];
  const folded = new Set<string>();
  let serial = 0;
  const nextId = (what: string) => `${idPrefix}-${what}-${++serial}`;

  const datalists = { nodes: document.createElement('datalist'), products: document.createElement('datalist') };
  datalists.nodes.id = `${idPrefix}-node-ids`;
  datalists.products.id = `${idPrefix}-product-ids`;
  const fillDatalist = (list: HTMLDataListElement, ids: string[]) => {
    const current = [...list.options].map((o) => o.value).join('\n');
    if (current === ids.join('\n')) return;
    list.replaceChildren(
      ...ids.map((id) => {
        const option = document.createElement('option');
        option.value = id;
        return option;
      }),
    );
  };

  const errorBox = (id: string) => {
    const box = document.createElement('div');
    box.className = 'se-field-error';
    box.id = id;
    box.hidden = true;
    return box;
  };

  /** where focus goes when the form is drawn again after an add or a remove */
  let focusAfterRender: (() => HTMLElement | null) | null = null;

  const actionButton = (action: FormAction, className: string, text: string, focusAfter: () => HTMLElement | null) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = text;
    if (text !== action.label) button.setAttribute('aria-label', action.label);
    button.addEventListener('click', () => {
      focusAfterRender = focusAfter;
      options.onEdit(action.edit, { structural: true });
      focusAfterRender = null;
    });
    return button;
  };
  const sectionBody = (key: string) => element.querySelector<HTMLElement>(`.se-section[data-key="${CSS.escape(key)}"] > .se-section-body`);

  const jsonButton = (issue?: ScenarioIssue, text = s.openJson) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'se-link';
    button.textContent = text;
    button.addEventListener('click', () => options.onShowJson(issue));
    return button;
  };

  const drawField = (field: FieldSpec, section: HTMLDetailsElement): HTMLElement => {
    const row = document.createElement('div');
    row.className = `se-field${field.level === 1 ? ' se-field-param' : ''}${field.kind === 'checkbox' ? ' se-field-check' : ''}`;
    const id = nextId('f');
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = field.label;
    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (field.kind === 'select') {
      const select = document.createElement('select');
      for (const option of field.options ?? []) {
        const item = document.createElement('option');
        item.value = option.value;
        item.textContent = option.label;
        select.append(item);
      }
      select.value = field.display;
      select.addEventListener('change', () =>
        options.onEdit((data) => field.edit(select.value, data), field.structural ? { structural: true } : { structural: false }),
      );
      control = select;
    } else if (field.kind === 'textarea') {
      const area = document.createElement('textarea');
      area.rows = 3;
      area.value = field.display;
      area.addEventListener('input', () => options.onEdit((data) => field.edit(area.value, data), { group: `field:${field.key}`, structural: false }));
      control = area;
    } else if (field.kind === 'checkbox') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = field.display === 'true';
      box.addEventListener('change', () => options.onEdit((data) => field.edit(box.checked ? 'true' : '', data), { structural: field.structural }));
      control = box;
    } else {
      const input = document.createElement('input');
      input.type = 'text';
      input.value = field.display;
      input.autocomplete = 'off';
      input.spellcheck = false;
      if (field.kind === 'number') input.inputMode = 'decimal';
      if (field.suggest) input.setAttribute('list', datalists[field.suggest].id);
      input.addEventListener('input', () => options.onEdit((data) => field.edit(input.value, data), { group: `field:${field.key}`, structural: false }));
      control = input;
    }
    control.id = id;
    control.className = 'se-control';
    control.dataset.key = field.key;
    if (field.placeholder !== undefined && !(control instanceof HTMLSelectElement)) control.placeholder = field.placeholder;
    const errors = errorBox(nextId('e'));
    control.setAttribute('aria-describedby', errors.id);
    row.append(label, control);
    if (field.help !== undefined) {
      // what the field is for, under it and read with it; a problem's message comes first
      const help = paragraph('se-field-help', field.help);
      help.id = nextId('h');
      control.setAttribute('aria-describedby', `${errors.id} ${help.id}`);
      row.append(errors, help);
    } else row.append(errors);
    if (field.overriddenBy) {
      // said at the field, and read with it: an edit here would change no result
      const note = paragraph('se-field-overridden', s.overriddenBy(field.overriddenBy));
      note.id = nextId('o');
      control.setAttribute('aria-describedby', `${note.id} ${control.getAttribute('aria-describedby') ?? errors.id}`);
      row.classList.add('se-field-is-overridden');
      row.append(note);
    }
    const anchor: Anchor = { control, container: row, errors, section };
    anchors.set(field.key, anchor);
    for (const alias of field.aliases) if (!anchors.has(alias)) anchors.set(alias, anchor);
    return row;
  };

  const drawGroup = (group: GroupSpec, section: HTMLDetailsElement): HTMLElement => {
    const box = document.createElement(group.title === '' ? 'div' : 'fieldset');
    box.className = 'se-group';
    box.dataset.key = group.key;
    box.tabIndex = -1;
    if (group.title !== '') {
      const legend = document.createElement('legend');
      legend.className = 'se-group-title';
      legend.textContent = group.title;
      box.append(legend);
    }
    if (group.remove) {
      // after a remove: the add button of the list
      const listKey = group.key.replace(/\[\d+\]$/, '');
      box.append(actionButton(group.remove, 'se-remove', s.remove, () => sectionBody(listKey)?.querySelector<HTMLElement>(':scope > .se-add') ?? sectionBody(listKey)));
    }
    const errors = errorBox(nextId('e'));
    errors.classList.add('se-group-error');
    box.setAttribute('aria-describedby', errors.id);
    box.append(errors);
    anchors.set(group.key, { container: box, errors, section });
    for (const note of group.notes) box.append(paragraph('se-note', note));
    if (group.jsonLink) box.append(jsonButton());
    for (const field of group.fields) box.append(drawField(field, section));
    if (group.actions && group.actions.length > 0) {
      const actions = document.createElement('div');
      actions.className = 'se-actions';
      // after an add: the first field of what was added; after a remove: the card's add button
      const card = () => element.querySelector<HTMLElement>(`.se-group[data-key="${CSS.escape(group.key)}"]`);
      for (const action of group.actions) {
        const focus = () =>
          action.focusKey !== undefined
            ? (element.querySelector<HTMLElement>(`.se-control[data-key="${CSS.escape(action.focusKey)}"]`) ?? card())
            : (card()?.querySelector<HTMLElement>(':scope > .se-actions > .se-action') ?? card());
        actions.append(actionButton(action, 'se-action', action.text ?? action.label, focus));
      }
      box.append(actions);
    }
    const more = paragraph('se-more', group.more.length > 0 ? s.more(group.more) : '');
    more.hidden = group.more.length === 0;
    box.append(more);
    return box;
  };

  const drawSection = (spec: SectionSpec): HTMLElement => {
    const section = document.createElement('details');
    section.className = 'se-section';
    section.dataset.key = spec.key;
    section.open = !folded.has(spec.key);
    section.addEventListener('toggle', () => {
      if (section.open) folded.delete(spec.key);
      else folded.add(spec.key);
    });
    const summary = document.createElement('summary');
    summary.className = 'se-section-title';
    summary.textContent = spec.title;
    if (spec.key !== '(settings)') {
      const count = document.createElement('span');
      count.className = 'se-count';
      count.textContent = String(spec.size ?? spec.groups.length);
      summary.append(' ', count);
    }
    section.append(summary);
    const body = document.createElement('div');
    body.className = 'se-section-body';
    body.tabIndex = -1;
    const errors = errorBox(nextId('e'));
    errors.classList.add('se-group-error');
    body.append(errors);
    anchors.set(spec.key, { container: body, errors, section });
    for (const note of spec.notes) body.append(paragraph('se-note', note));
    if (spec.table && isTable(spec.key)) body.append(...drawTableSection(spec.key, spec, section));
    else for (const group of spec.groups) body.append(drawGroup(group, section));
    if (spec.add) {
      // after an add: the first field of the new item
      const count = spec.size ?? spec.groups.length;
      const newKey = `${spec.key}[${count}]`;
      const add = actionButton(spec.add, 'se-add', spec.add.label, () => element.querySelector<HTMLElement>(`.se-group[data-key="${CSS.escape(newKey)}"] .se-control`));
      // in a table, the new row is the one chosen (its form under the table), and focus goes to its first cell
      const kind = spec.key;
      if (spec.table && isTable(kind)) {
        add.addEventListener('click', () => {
          options.onChoose(kind, count);
          const first = spec.table?.columns[0]?.id;
          if (first !== undefined) tableFor(kind).focusCell(count, `${newKey}.${first}`);
        });
      }
      body.append(add);
    }
    section.append(body);
    return section;
  };

  /**
   * A list as a table, and under it the form of the chosen row for the fields the table does not
   * show (its card, without the columns' fields).
   */
  const drawTableSection = (kind: TableKind, spec: SectionSpec, section: HTMLDetailsElement): HTMLElement[] => {
    const table = tableFor(kind);
    const group = spec.groups[0];
    const current = group ? Number(/\[(\d+)\]$/.exec(group.key)?.[1]) : null;
    const item = document.createElement('div');
    item.className = 'se-table-item';
    shownTables.set(kind, { section: spec, current, item, fields: drawItem(item, spec, section) });
    return [table.element, item];
  };

  /** Draws the chosen row's form into `item`; returns the keys of its fields (to see when they change). */
  const drawItem = (item: HTMLElement, spec: SectionSpec, section: HTMLDetailsElement): string => {
    const group = spec.groups[0];
    if (!group || !spec.table) {
      item.replaceChildren(paragraph('se-note', strings.tables.itemNone));
      return '';
    }
    const columns = new Set(spec.table.columnFields.map((field) => `${group.key}.${field}`));
    const fields = group.fields.filter((field) => !columns.has(field.key));
    const heading = paragraph('se-table-item-heading', strings.tables.itemHeading(group.title));
    item.replaceChildren(heading, drawGroup({ ...group, fields }, section));
    return fields.map((field) => field.key).join('\n');
  };

  const drawNotice = (text: string): HTMLElement => {
    const box = document.createElement('div');
    box.className = 'se-notice';
    box.append(paragraph('', text), jsonButton());
    return box;
  };

  /** The table row a problem path is in (`stockPoints[12].policy.orderUpTo`), if its list is drawn as a table. */
  const tableRow = (path: string): { kind: TableKind; index: number; cellKey(column: string): string | null } | null => {
    const segments = parseJsonPath(path);
    if (!segments || segments.length < 2 || typeof segments[0] !== 'string' || typeof segments[1] !== 'number') return null;
    const kind = segments[0];
    const index = segments[1];
    if (!isTable(kind)) return null;
    const shown = shownTables.get(kind);
    const table = shown?.section.table;
    if (!table || index >= table.rows.length) return null;
    return { kind, index, cellKey: (column) => table.rows[index].cells[column]?.key ?? null };
  };

  /** what the drawn forms consist of: any difference in it (a field more or less, a label) draws them afresh */
  let drawnShape: string | null = null;
  const shapeOf = (form: FormSpec): string => {
    const parts: string[] = [];
    for (const section of form.sections) {
      parts.push(`S ${section.key} ${section.size ?? ''} ${section.notes.join('|')} ${section.add ? 'add' : ''}`);
      if (section.table) parts.push(`T ${section.table.columns.map((c) => c.id).join(',')}`);
      for (const group of section.groups) {
        parts.push(`G ${group.key} ${group.notes.join('|')} ${group.jsonLink ? 'json' : ''} ${group.remove ? 'remove' : ''} ${(group.actions ?? []).map((a) => a.text ?? a.label).join('|')}`);
        for (const field of group.fields) {
          parts.push(`F ${field.key} ${field.kind} ${field.level} ${field.label} ${field.placeholder ?? ''} ${field.help ?? ''} ${field.aliases.join(',')} ${(field.options ?? []).map((o) => `${o.value}=${o.label}`).join('|')} ${field.overriddenBy?.join('|') ?? ''}`);
        }
      }
    }
    return parts.join('\n');
  };

  /** Puts each field's value in its control (not the one being typed in). */
  const refill = (form: FormSpec): void => {
    for (const section of form.sections) {
      for (const group of section.groups) {
        for (const field of group.fields) {
          const control = anchors.get(field.key)?.control;
          if (!control || control === document.activeElement) continue;
          if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = field.display === 'true';
          else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) {
            if (control.value !== field.display) control.value = field.display;
          }
        }
      }
    }
  };

  const focusedKey = (): string | undefined => {
    const active = document.activeElement;
    return active instanceof HTMLElement && element.contains(active) ? active.dataset.key : undefined;
  };

  const view: FormView = {
    element,
    render(model) {
      // the same fields as drawn (an undo, a redo of a value): the inputs take their values in place
      const signature = 'ok' in model && model.ok ? shapeOf(model.form) : null;
      if (signature !== null && signature === drawnShape && 'ok' in model && model.ok && focusAfterRender === null) {
        refill(model.form);
        view.update(model);
        return;
      }
      drawnShape = signature;
      const keep = focusedKey();
      const hadFocus = element.contains(document.activeElement);
      anchors = new Map();
      marked = [];
      serial = 0;
      shownTables = new Map();
      const parts: HTMLElement[] = [];
      unplacedBox = document.createElement('div');
      unplacedBox.className = 'se-unplaced';
      unplacedBox.hidden = true;
      parts.push(unplacedBox);
      if ('syntax' in model) {
        parts.push(drawNotice(`${s.syntax} ${model.syntax}`));
      } else if ('notice' in model) {
        parts.push(drawNotice(model.notice));
      } else if (!model.ok) {
        parts.push(drawNotice(model.reason));
      } else {
        fillDatalist(datalists.nodes, model.form.nodeIds);
        fillDatalist(datalists.products, model.form.productIds);
        for (const section of model.form.sections) parts.push(drawSection(section));
      }
      // the places drawn: a table's rows other than the chosen one have theirs in the table
      anchorKeys = new Set(anchors.keys());
      element.replaceChildren(datalists.nodes, datalists.products, ...parts);
      for (const [kind, { section, current }] of shownTables) if (section.table) tableFor(kind).show(section.table, current);
      const next = focusAfterRender?.();
      if (next) {
        next.scrollIntoView?.({ block: 'nearest' });
        next.focus({ preventScroll: true });
      } else if (hadFocus) {
        const control = keep === undefined ? null : element.querySelector<HTMLElement>(`[data-key="${CSS.escape(keep)}"]`);
        (control ?? element).focus({ preventScroll: true });
      }
    },
    update(model) {
      if (!model.ok) return;
      const form: FormSpec = model.form;
      fillDatalist(datalists.nodes, form.nodeIds);
      fillDatalist(datalists.products, form.productIds);
      for (const section of form.sections) {
        const shown = isTable(section.key) ? shownTables.get(section.key) : undefined;
        if (shown && section.table && isTable(section.key)) {
          shown.section = section;
          tableFor(section.key).show(section.table, shown.current);
          // the chosen row's form changes its fields (a policy of another type chosen in the table): draw it alone
          const group = section.groups[0];
          const columns = new Set(section.table.columnFields.map((field) => `${group?.key}.${field}`));
          const fields = group ? group.fields.filter((field) => !columns.has(field.key)).map((field) => field.key).join('\n') : '';
          if (fields !== shown.fields) {
            const details = shown.item.closest<HTMLDetailsElement>('details');
            for (const key of [...anchors.keys()]) if (group && key.startsWith(`${group.key}.`)) anchors.delete(key);
            if (details) shown.fields = drawItem(shown.item, section, details);
            anchorKeys = new Set(anchors.keys());
          }
        }
        for (const group of section.groups) {
          const box = anchors.get(group.key)?.container;
          if (!box) continue;
          const legend = box.querySelector(':scope > legend');
          if (legend && legend.textContent !== group.title) legend.textContent = group.title;
          const remove = box.querySelector(':scope > .se-remove');
          if (remove && group.remove) remove.setAttribute('aria-label', group.remove.label);
          // the card's actions name it too ("Add a demand shock to beans at shop")
          const actions = box.querySelectorAll(':scope > .se-actions > .se-action');
          group.actions?.forEach((action, i) => {
            if (actions[i] && action.text !== undefined && action.text !== action.label) actions[i].setAttribute('aria-label', action.label);
          });
          const more = box.querySelector<HTMLElement>(':scope > .se-more');
          if (more) {
            more.textContent = group.more.length > 0 ? s.more(group.more) : '';
            more.hidden = group.more.length === 0;
          }
        }
      }
    },
    showIssues(issues) {
      for (const el of marked) {
        if (el.classList.contains('se-field-error')) {
          el.replaceChildren();
          el.hidden = true;
        } else {
          el.removeAttribute('aria-invalid');
          el.classList.remove('se-invalid');
        }
      }
      marked = [];
      const unplaced: ScenarioIssue[] = [];
      const byTable = new Map<TableKind, Map<number, RowIssues>>();
      for (const kind of shownTables.keys()) byTable.set(kind, new Map());
      for (const issue of issues) {
        const row = tableRow(issue.path);
        if (row) {
          const table = tableFor(row.kind);
          const column = table.columnFor(row.index, issue.path);
          const rows = byTable.get(row.kind)!;
          const found = rows.get(row.index) ?? { cells: new Map<string, string[]>(), other: 0 };
          rows.set(row.index, found);
          if (column !== null) {
            const key = row.cellKey(column);
            const rest = key !== null && issue.path !== key && issue.path.startsWith(key) ? issue.path.slice(key.length).replace(/^\./, '') : '';
            const message = sentences.scenarioIssue(issue);
            found.cells.set(column, [...(found.cells.get(column) ?? []), rest === '' ? message : `${rest}: ${message}`]);
            continue;
          }
          // elsewhere in the row's item: in its form if it is the one shown, else counted on the row
          if (row.index !== shownTables.get(row.kind)?.current) {
            found.other++;
            continue;
          }
        }
        const place = fieldForIssue(issue.path, anchorKeys);
        const anchor = place ? anchors.get(place.anchor) : undefined;
        if (!place || !anchor) {
          unplaced.push(issue);
          continue;
        }
        const line = document.createElement('p');
        line.textContent = place.rest === '' ? sentences.scenarioIssue(issue) : `${place.rest}: ${sentences.scenarioIssue(issue)}`;
        anchor.errors.append(line);
        anchor.errors.hidden = false;
        marked.push(anchor.errors);
        anchor.container.classList.add('se-invalid');
        marked.push(anchor.container);
        if (anchor.control) {
          anchor.control.setAttribute('aria-invalid', 'true');
          marked.push(anchor.control);
        }
      }
      for (const [kind, rows] of byTable) tableFor(kind).showIssues(rows);
      lastUnplaced = unplaced;
      if (unplacedBox) {
        unplacedBox.replaceChildren();
        unplacedBox.hidden = unplaced.length === 0;
        if (unplaced.length > 0) {
          unplacedBox.append(paragraph('se-unplaced-heading', s.unplacedHeading));
          const list = document.createElement('ul');
          list.className = 'se-issue-list';
          for (const issue of unplaced) {
            const item = document.createElement('li');
            const path = document.createElement('span');
            path.className = 'se-issue-path';
            path.textContent = options.describePath?.(issue.path) ?? issue.path;
            item.append(path, `: ${sentences.scenarioIssue(issue)} `, jsonButton(issue, s.showInJson));
            list.append(item);
          }
          unplacedBox.append(list);
        }
      }
      return lastUnplaced;
    },
    resetTables() {
      for (const table of tables.values()) table.reset();
    },
    canShow(path) {
      const place = fieldForIssue(path, anchorKeys);
      return place !== null && anchors.has(place.anchor);
    },
    focusIssue(path) {
      const row = tableRow(path);
      if (row) {
        const table = tableFor(row.kind);
        const column = table.columnFor(row.index, path);
        if (column !== null) {
          const shown = shownTables.get(row.kind);
          const section = shown ? element.querySelector<HTMLDetailsElement>(`.se-section[data-key="${row.kind}"]`) : null;
          if (section && !section.open) section.open = true;
          return table.focusCell(row.index, row.cellKey(column) ?? '');
        }
        // a field of the row's form: that row's form is drawn first
        if (row.index !== shownTables.get(row.kind)?.current) options.onChoose(row.kind, row.index);
      }
      const place = fieldForIssue(path, anchorKeys);
      const anchor = place ? anchors.get(place.anchor) : undefined;
      if (!anchor) return false;
      if (anchor.section && !anchor.section.open) anchor.section.open = true;
      const target = anchor.control ?? anchor.container;
      target.scrollIntoView?.({ block: 'center' });
      target.focus({ preventScroll: true });
      return true;
    },
  };
  return view;
}

function paragraph(className: string, text: string): HTMLElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}
