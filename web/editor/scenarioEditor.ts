import { parseScenario, parseScenarioText, type ParseOptions, type ParseResult } from '../../src/scenario/parse.ts';
import { checkInputShape } from '../../src/scenario/inputLimits.ts';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { editorStrings, sentences, type EditorStrings } from '../i18n/strings.ts';
import { describeForm } from './formModel.ts';
import { createFormView, type EditInfo } from './formView.ts';
import { createJsonView } from './jsonView.ts';
import { applyEditsToText, jsonErrorOffset, lineColumnAt, type JsonEdit } from './jsonText.ts';
import type { TableKind } from './tableModel.ts';
import { createUndoHistory } from './undoHistory.ts';

export type { ParseResult } from '../../src/scenario/parse.ts';

/**
 * The scenario editor: forms for the common parameters (stock points, products and nodes as tables,
 * with the chosen row's other fields in a form under each) and the whole scenario as JSON in a code
 * editor, one text behind both. Every edit is checked (debounced) by the engine's own parser, and each problem is
 * shown at its field; the shell hears of each result through `onChange`, so it can disable Run
 * while the scenario is invalid. Undo and redo cover both views (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z,
 * Ctrl+Y inside the editor).
 */
export interface ScenarioEditorOptions {
  /** called with the text and its check after each (debounced) edit, undo, redo and setText */
  onChange(text: string, parsed: ParseResult): void;
  /** reads a file a scenario refers to (a CSV demand history), as parseScenario's option */
  readFile?: ParseOptions['readFile'];
  /**
   * further checks of a valid scenario, shown at their fields like the parser's (the app's: a run too
   * large for the page); must be cheap, it runs after every (debounced) edit
   */
  check?: (scenario: Scenario) => ScenarioIssue[];
  /** user-facing strings (default English) */
  strings?: EditorStrings;
  /** delay after the last keystroke before checking, in ms (default 200) */
  delayMs?: number;
  /** the view shown first (default forms) */
  view?: EditorView;
}

export type EditorView = 'forms' | 'json';

export interface ScenarioEditor {
  /**
   * Loads a scenario's text. With `record` (the default) the load is one undoable step; with
   * `record: false` the history starts afresh from it (a programmatic load nobody should undo).
   * Checks at once and calls onChange before returning.
   */
  setText(text: string, options?: { record?: boolean }): void;
  getText(): string;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** shows the first problem: at its field in the forms, or selected in the JSON text */
  focusFirstError(): void;
  /** checks now if an edit is waiting for its check, and returns the current result */
  flush(): ParseResult;
  /** switches between the forms and the JSON view */
  showView(view: EditorView): void;
  /** removes the editor's elements and listeners */
  destroy(): void;
}

let instances = 0;
const MAX_BANNER_LINKS = 6;

export function createScenarioEditor(container: HTMLElement, options: ScenarioEditorOptions): ScenarioEditor {
  const strings = options.strings ?? editorStrings;
  const delayMs = options.delayMs ?? 200;
  const idPrefix = `se${++instances}`;
  // details: each issue's facts, so the page can word it in its language (web/editor/issueText.ts)
  const parseOptions: ParseOptions = options.readFile ? { readFile: options.readFile, details: true } : { details: true };

  let text = '';
  let loaded = false;
  let view: EditorView = options.view ?? 'forms';
  let result: ParseResult = check(text);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** the app's further check of a valid text, waiting for its own task (see validate) */
  let further: ReturnType<typeof setTimeout> | null = null;
  /** the text each view currently shows (null: not drawn yet) */
  let formsShow: string | null = null;
  let jsonShows: string | null = null;
  const history = createUndoHistory(text);
  /** the row of each table whose form shows under it (see describeForm's `only`) */
  const chosen: Record<TableKind, number | null> = { stockPoints: 0, products: 0, nodes: 0 };
  const describe = (data: unknown) => describeForm(data, strings, { only: chosen });

  // ---- elements
  const root = document.createElement('div');
  root.className = 'se-editor';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', strings.editor.label);

  const head = document.createElement('div');
  head.className = 'se-head';
  const tabs = document.createElement('div');
  tabs.className = 'se-tabs';
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', strings.editor.tabList);
  const makeTab = (which: EditorView, label: string) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'se-tab';
    tab.id = `${idPrefix}-tab-${which}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', `${idPrefix}-panel-${which}`);
    tab.textContent = label;
    tab.addEventListener('click', () => showView(which));
    return tab;
  };
  const tabForms = makeTab('forms', strings.editor.tabForms);
  const tabJson = makeTab('json', strings.editor.tabJson);
  tabs.append(tabForms, tabJson);
  tabs.addEventListener('keydown', (event) => {
    const keys: Record<string, EditorView> = { ArrowLeft: 'forms', ArrowRight: 'json', Home: 'forms', End: 'json' };
    const target = keys[event.key];
    if (!target) return;
    event.preventDefault();
    showView(target);
    (target === 'forms' ? tabForms : tabJson).focus();
  });

  const history_ = document.createElement('div');
  history_.className = 'se-history';
  const undoButton = document.createElement('button');
  undoButton.type = 'button';
  undoButton.className = 'se-undo';
  undoButton.textContent = '↶';
  undoButton.title = `${strings.editor.undo} (Ctrl+Z)`;
  undoButton.setAttribute('aria-label', strings.editor.undo);
  undoButton.addEventListener('click', () => undo());
  const redoButton = document.createElement('button');
  redoButton.type = 'button';
  redoButton.className = 'se-redo';
  redoButton.textContent = '↷';
  redoButton.title = `${strings.editor.redo} (Ctrl+Shift+Z)`;
  redoButton.setAttribute('aria-label', strings.editor.redo);
  redoButton.addEventListener('click', () => redo());
  history_.append(undoButton, redoButton);

  const banner = document.createElement('div');
  banner.className = 'se-banner';
  const live = document.createElement('span');
  live.className = 'se-visually-hidden';
  live.setAttribute('aria-live', 'polite');
  head.append(tabs, history_, banner, live);

  const formsPanel = document.createElement('div');
  formsPanel.className = 'se-panel';
  formsPanel.id = `${idPrefix}-panel-forms`;
  formsPanel.setAttribute('role', 'tabpanel');
  formsPanel.setAttribute('aria-labelledby', tabForms.id);
  const jsonPanel = document.createElement('div');
  jsonPanel.className = 'se-panel';
  jsonPanel.id = `${idPrefix}-panel-json`;
  jsonPanel.setAttribute('role', 'tabpanel');
  jsonPanel.setAttribute('aria-labelledby', tabJson.id);

  const forms = createFormView({
    strings,
    idPrefix,
    onEdit: (makeEdit, info) => editFromForm(makeEdit, info),
    onChoose: (kind, index) => {
      chosen[kind] = index;
      formsShow = null;
      refreshViews();
      // on to the chosen row's form
      formsPanel.querySelector<HTMLElement>(`.se-section[data-key="${kind}"] .se-table-item .se-control`)?.focus();
    },
    onShowJson: (issue) => {
      showView('json');
      if (issue) json.reveal(issue);
      else json.focus();
    },
    describePath: (path) => issueWhere(path),
  });
  const json = createJsonView({ strings, idPrefix, onInput: (value) => editFromJson(value), describePath: (path) => issueWhere(path) });
  formsPanel.append(forms.element);
  jsonPanel.append(json.element);
  root.append(head, formsPanel, jsonPanel);
  container.append(root);

  // undo and redo anywhere inside the editor, instead of each input's own
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z') {
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    } else if (key === 'y' && !event.shiftKey) {
      event.preventDefault();
      redo();
    }
  };
  const onBeforeInput = (event: InputEvent) => {
    if (event.inputType === 'historyUndo') {
      event.preventDefault();
      undo();
    } else if (event.inputType === 'historyRedo') {
      event.preventDefault();
      redo();
    }
  };
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('beforeinput', onBeforeInput);

  // ---- checking

  function check(value: string): ParseResult {
    const parsed = parse(value);
    if (!parsed.ok || !options.check) return parsed;
    const issues = options.check(parsed.scenario);
    return issues.length > 0 ? { ok: false, issues } : parsed;
  }

  function parse(value: string): ParseResult {
    let data: unknown;
    try {
      data = JSON.parse(value);
    } catch {
      const parsed = parseScenarioText(value, parseOptions);
      if (parsed.ok) return parsed;
      // every browser words JSON errors its own way; make sure the line and column are there
      return {
        ok: false,
        issues: parsed.issues.map((issue) => {
          if (issue.path !== '(file)' || /line \d+/.test(issue.message)) return issue;
          const offset = jsonErrorOffset(value);
          if (offset === null) return issue;
          const { line, column } = lineColumnAt(value, offset);
          return { path: issue.path, message: strings.json.syntaxAt(line, column, issue.message.replace(/^not valid JSON: /, '')) };
        }),
      };
    }
    return parseScenario(data, parseOptions);
  }

  const issues = (): ScenarioIssue[] => (result.ok ? [] : result.issues);

  /** the data a problem's path is named from (its stock point's node and product...): the text's, parsed once per text */
  let namedText: string | null = null;
  let namedData: unknown;
  function issueWhere(path: string): string {
    if (namedText !== text) {
      namedText = text;
      try {
        namedData = JSON.parse(text);
      } catch {
        namedData = undefined;
      }
    }
    return strings.editor.issueWhere(path, namedData);
  }

  /**
   * Checks the text: the parser's problems are shown at once; the app's further check of a valid
   * scenario (a run too large for the page, which takes several times the parse with 2,000 stock
   * points) runs in a task of its own, so the page answers between the two. The shell hears of the
   * result once both are done (flush() completes a check still waiting).
   */
  function validate(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (further !== null) clearTimeout(further);
    further = null;
    result = parse(text);
    refreshViews();
    if (result.ok && options.check) {
      drawBanner();
      banner.dataset.state = 'checking';
      further = setTimeout(checkFurther, 0);
      return;
    }
    drawBanner();
    options.onChange(text, result);
  }

  function checkFurther(): void {
    if (further !== null) clearTimeout(further);
    further = null;
    if (result.ok && options.check) {
      const found = options.check(result.scenario);
      if (found.length > 0) {
        result = { ok: false, issues: found };
        refreshViews();
      }
    }
    drawBanner();
    options.onChange(text, result);
  }

  /** Completes any check under way (typed, or waiting for its further part). */
  function settle(): void {
    if (timer !== null) validate();
    if (further !== null) checkFurther();
  }

  function schedule(delay = delayMs): void {
    if (timer !== null) clearTimeout(timer);
    // a further check of the text before this edit is moot: the next check covers this text
    if (further !== null) clearTimeout(further);
    further = null;
    banner.dataset.state = 'checking';
    timer = setTimeout(validate, delay);
  }

  /**
   * The data the forms show, or why they cannot: a syntax error, or data the input check refuses
   * (nested thousands deep, a reserved field name...), which the forms' recursive code must not meet
   * and which a form edit could not write back faithfully; the JSON view still shows it.
   */
  function formData(value: string): { data: unknown } | { syntax: string } | { notice: string } {
    let data: unknown;
    try {
      data = JSON.parse(value);
    } catch {
      const first = issues().find((issue) => issue.path === '(file)');
      return { syntax: first?.message ?? '' };
    }
    const [refused] = checkInputShape(data);
    return refused ? { notice: strings.editor.formsCannotShow(refused.path, refused.message) } : { data };
  }

  /** Brings the visible view up to the text, and its problem marks up to the last check. */
  function refreshViews(): void {
    undoButton.disabled = !history.canUndo();
    redoButton.disabled = !history.canRedo();
    // nothing to show before the first scenario arrives
    if (!loaded) return;
    if (view === 'forms') {
      const parsed = formData(text);
      if (formsShow !== text) {
        forms.render('data' in parsed ? describe(parsed.data) : parsed);
        formsShow = text;
      } else if ('data' in parsed) forms.update(describe(parsed.data));
      forms.showIssues(issues());
    } else {
      if (jsonShows !== text) {
        json.setText(text);
        jsonShows = text;
      }
      json.showIssues(issues());
    }
  }

  function drawBanner(): void {
    const list = issues();
    banner.replaceChildren();
    delete banner.dataset.state;
    banner.classList.toggle('se-banner-ok', list.length === 0);
    const announce = list.length === 0 ? strings.editor.valid : strings.editor.problems(list.length);
    if (live.textContent !== announce) live.textContent = announce;
    if (!loaded) {
      banner.hidden = true;
      return;
    }
    banner.hidden = false;
    if (list.length === 0) {
      banner.textContent = strings.editor.valid;
      return;
    }
    const title = document.createElement('strong');
    title.textContent = strings.editor.problems(list.length);
    banner.append(title, ' ');
    list.slice(0, MAX_BANNER_LINKS).forEach((issue, i) => {
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'se-link';
      const where = issueWhere(issue.path);
      link.textContent = where;
      link.title = strings.editor.goTo(where, sentences.scenarioIssue(issue));
      link.addEventListener('click', () => focusIssue(issue));
      banner.append(link);
      if (i < Math.min(list.length, MAX_BANNER_LINKS) - 1) banner.append(', ');
    });
    if (list.length > MAX_BANNER_LINKS) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'se-link';
      more.textContent = strings.editor.moreProblems(list.length - MAX_BANNER_LINKS);
      more.addEventListener('click', () => {
        showView('json');
        json.reveal(list[MAX_BANNER_LINKS]);
      });
      banner.append(' ', more);
    }
  }

  // ---- edits

  function editFromForm(makeEdit: (data: unknown) => JsonEdit | JsonEdit[], info: EditInfo): void {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return;
    }
    const edit = makeEdit(data);
    const next = applyEditsToText(text, Array.isArray(edit) ? edit : [edit]);
    if (next === text) return;
    text = next;
    loaded = true;
    history.record(text, info.group !== undefined ? { group: info.group } : {});
    if (info.structural) {
      validate();
      return;
    }
    // the inputs already show this text: no need to draw the form again
    formsShow = text;
    undoButton.disabled = !history.canUndo();
    redoButton.disabled = true;
    if (info.checkNow) {
      // the tables and the chosen row's form show the edit now; its check follows in a task of its own
      refreshViews();
      schedule(0);
      return;
    }
    schedule();
  }

  function editFromJson(value: string): void {
    if (value === text) return;
    text = value;
    loaded = true;
    jsonShows = text;
    history.record(text, { group: 'json' });
    undoButton.disabled = !history.canUndo();
    redoButton.disabled = true;
    schedule();
  }

  function goTo(value: string | null): void {
    if (value === null) return;
    text = value;
    validate();
  }

  function undo(): void {
    goTo(history.undo());
  }

  function redo(): void {
    goTo(history.redo());
  }

  // ---- views

  function showView(next: EditorView): void {
    view = next;
    const forms_ = next === 'forms';
    tabForms.setAttribute('aria-selected', String(forms_));
    tabJson.setAttribute('aria-selected', String(!forms_));
    tabForms.tabIndex = forms_ ? 0 : -1;
    tabJson.tabIndex = forms_ ? -1 : 0;
    formsPanel.hidden = !forms_;
    jsonPanel.hidden = forms_;
    root.dataset.view = next;
    if (timer !== null) validate();
    else refreshViews();
  }

  function focusIssue(issue: ScenarioIssue): void {
    if (view === 'forms' && forms.focusIssue(issue.path)) return;
    if (view === 'forms') showView('json');
    json.reveal(issue);
  }

  showView(view);
  drawBanner();

  return {
    setText(value, setOptions = {}) {
      if (setOptions.record === false || !loaded) history.reset(value);
      else history.record(value);
      loaded = true;
      text = value;
      // another scenario: the tables start from their first rows, unfiltered, nothing selected
      chosen.stockPoints = 0;
      chosen.products = 0;
      chosen.nodes = 0;
      forms.resetTables();
      formsShow = null;
      validate();
      settle();
    },
    getText: () => text,
    undo,
    redo,
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    focusFirstError() {
      settle();
      const first = issues()[0];
      if (first) focusIssue(first);
    },
    flush() {
      settle();
      return result;
    },
    showView,
    destroy() {
      if (timer !== null) clearTimeout(timer);
      if (further !== null) clearTimeout(further);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('beforeinput', onBeforeInput);
      root.remove();
    },
  };
}
