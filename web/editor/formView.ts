import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import type { EditorStrings } from '../i18n/en/editor.ts';
import type { FieldSpec, FormAction, FormModel, FormSpec, GroupSpec, SectionSpec } from './formModel.ts';
import { fieldForIssue, formAnchors } from './issueFields.ts';
import type { JsonEdit } from './jsonText.ts';

/**
 * Draws the forms described by formModel.ts and shows each problem at its field: the control gets
 * aria-invalid and the message under it (linked by aria-describedby); a problem on a whole card or
 * list shows at the top of it; problems the forms have no place for are listed above the forms.
 */
export interface FormView {
  element: HTMLElement;
  /** draws the form afresh (keeping focus, scroll and folded sections), or says why it cannot */
  render(model: FormModel | { syntax: string } | { notice: string }): void;
  /** refreshes card titles, id suggestions and notes after an edit, without touching any input */
  update(model: FormModel): void;
  /** marks the problems; returns those the forms have no place for */
  showIssues(issues: ReadonlyArray<ScenarioIssue>): ScenarioIssue[];
  /** whether the forms have a place for a problem path */
  canShow(path: string): boolean;
  /** opens, scrolls to and focuses the place of a problem path; false when there is none */
  focusIssue(path: string): boolean;
}

export interface EditInfo {
  /** edits with the same group typed quickly join one undo step */
  group?: string;
  /** the edit changes what the form shows: draw it again */
  structural: boolean;
}

export interface FormViewOptions {
  strings: EditorStrings;
  idPrefix: string;
  onEdit(makeEdit: (data: unknown) => JsonEdit, info: EditInfo): void;
  onShowJson(issue?: ScenarioIssue): void;
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
    row.append(label, control, errors);
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
      count.textContent = String(spec.groups.length);
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
    for (const group of spec.groups) body.append(drawGroup(group, section));
    if (spec.add) {
      // after an add: the first field of the new item
      const count = spec.groups.length;
      const newKey = `${spec.key}[${count}]`;
      body.append(actionButton(spec.add, 'se-add', spec.add.label, () => element.querySelector<HTMLElement>(`.se-group[data-key="${CSS.escape(newKey)}"] .se-control`)));
    }
    section.append(body);
    return section;
  };

  const drawNotice = (text: string): HTMLElement => {
    const box = document.createElement('div');
    box.className = 'se-notice';
    box.append(paragraph('', text), jsonButton());
    return box;
  };

  const focusedKey = (): string | undefined => {
    const active = document.activeElement;
    return active instanceof HTMLElement && element.contains(active) ? active.dataset.key : undefined;
  };

  const view: FormView = {
    element,
    render(model) {
      const keep = focusedKey();
      const hadFocus = element.contains(document.activeElement);
      anchors = new Map();
      marked = [];
      serial = 0;
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
      anchorKeys = 'ok' in model && model.ok ? formAnchors(model.form) : new Set();
      element.replaceChildren(datalists.nodes, datalists.products, ...parts);
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
      for (const issue of issues) {
        const place = fieldForIssue(issue.path, anchorKeys);
        const anchor = place ? anchors.get(place.anchor) : undefined;
        if (!place || !anchor) {
          unplaced.push(issue);
          continue;
        }
        const line = document.createElement('p');
        line.textContent = place.rest === '' ? issue.message : `${place.rest}: ${issue.message}`;
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
            path.textContent = issue.path;
            item.append(path, `: ${issue.message} `, jsonButton(issue, s.showInJson));
            list.append(item);
          }
          unplacedBox.append(list);
        }
      }
      return lastUnplaced;
    },
    canShow(path) {
      const place = fieldForIssue(path, anchorKeys);
      return place !== null && anchors.has(place.anchor);
    },
    focusIssue(path) {
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
