import { Annotation, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import { sentences, type EditorStrings } from '../i18n/strings.ts';
import { issueRange, lineColumnAt, parseJsonTree } from './jsonText.ts';

/**
 * The JSON view: the whole scenario in a CodeMirror 6 editor (line numbers, wrapping, search with
 * Ctrl-F, JSON highlighting); every problem of the last check is a lint diagnostic on its text (the
 * value at its path, or where reading stopped for a syntax error), marked in the gutter, and listed
 * under the editor as `path: message (line, column)`, a button that selects the offending text.
 *
 * CodeMirror injects its styles at run time. In a document it would add a <style> element, which the
 * app's Content-Security-Policy (`style-src 'self'`) refuses; inside a shadow root it uses a
 * constructed style sheet (adoptedStyleSheets), which the policy does not govern. So the editor lives
 * in a shadow root and the policy stays as it is. The app's stylesheet does not reach inside: the
 * editor's own look is the theme below, with the app's colour variables (they inherit through).
 *
 * Undo and redo are the scenario editor's (one history for both views), so CodeMirror's own history
 * is left out: Ctrl+Z reaches the scenario editor's handler.
 */
export interface JsonView {
  element: HTMLElement;
  /** replaces the text, keeping the scroll position; only the part that differs is changed */
  setText(text: string): void;
  /** marks the problems of `text` (the text shown) as diagnostics and lists them */
  showIssues(issues: ReadonlyArray<ScenarioIssue>): void;
  /** selects and scrolls to a problem's text, and focuses the editor */
  reveal(issue: ScenarioIssue): void;
  focus(): void;
  /** the text the editor holds */
  getText(): string;
}

export interface JsonViewOptions {
  strings: EditorStrings;
  idPrefix: string;
  onInput(text: string): void;
  /** a problem's path as listed: in words with the raw path (strings.editor.issueWhere over the data shown); the raw path when absent */
  describePath?(path: string): string;
}

interface Located {
  issue: ScenarioIssue;
  start: number;
  end: number;
  line: number;
  column: number;
}

/** characters of new text above which setText starts a new state rather than a change (see there) */
const LARGE_CHANGE = 20_000;

/** marks a change the view makes itself (a new text from the forms, undo), not the user's typing */
const fromOutside = Annotation.define<boolean>();

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--se-bg, #fff)', color: 'var(--ink, #1b1f24)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace", lineHeight: '20px' },
  '.cm-gutters': { backgroundColor: '#f6f8fa', color: '#6e7781', borderRight: '1px solid var(--se-line, #d0d7de)' },
  '.cm-activeLine': { backgroundColor: 'rgba(10, 88, 202, 0.05)' },
  '.cm-activeLineGutter': { backgroundColor: 'rgba(10, 88, 202, 0.1)' },
  '.cm-lintRange-error': { backgroundColor: 'rgba(179, 38, 30, 0.12)' },
  '.cm-panels': { backgroundColor: '#f6f8fa', color: 'var(--ink, #1b1f24)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '13px' },
  '.cm-tooltip-lint': { maxWidth: '22rem', whiteSpace: 'normal' },
});

export function createJsonView(options: JsonViewOptions): JsonView {
  const { strings } = options;
  const element = document.createElement('div');
  element.className = 'se-json';

  // the host of the shadow root that holds the editor (see above: styles under the CSP)
  const code = document.createElement('div');
  code.className = 'se-code';
  const shadow = code.attachShadow({ mode: 'open' });

  const issuesBox = document.createElement('div');
  issuesBox.className = 'se-json-issues';
  issuesBox.id = `${options.idPrefix}-json-issues`;
  element.append(code, issuesBox);

  let located: Located[] = [];

  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    json(),
    EditorView.lineWrapping,
    search({ top: true }),
    highlightSelectionMatches(),
    lintGutter(),
    keymap.of([...searchKeymap, ...defaultKeymap]),
    EditorState.phrases.of(strings.json.phrases),
    theme,
    EditorView.contentAttributes.of({
      'aria-label': strings.json.label,
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromOutside))) return;
      options.onInput(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ root: shadow, parent: shadow, state: EditorState.create({ doc: '', extensions }) });
  // the problem list describes the editor; an id reference cannot leave the shadow root, an element
  // reference (ARIA reflection) can reach the page around it
  view.contentDOM.ariaDescribedByElements = [issuesBox];

  const select = (place: Located) => {
    const length = view.state.doc.length;
    view.dispatch({
      selection: EditorSelection.range(Math.min(place.start, length), Math.min(place.end, length)),
      effects: EditorView.scrollIntoView(Math.min(place.start, length), { y: 'center' }),
    });
    view.focus();
    code.scrollIntoView?.({ block: 'nearest' });
  };

  const locate = (issues: ReadonlyArray<ScenarioIssue>): Located[] => {
    // no problems, nothing to read (the text may be large)
    if (issues.length === 0) return [];
    const text = view.state.doc.toString();
    const root = parseJsonTree(text);
    const out: Located[] = [];
    for (const issue of issues) {
      const range = issueRange(text, root, issue);
      if (!range) continue;
      const { line, column } = lineColumnAt(text, range.start);
      out.push({ issue, ...range, line, column });
    }
    return out;
  };

  const drawList = (issues: ReadonlyArray<ScenarioIssue>) => {
    issuesBox.replaceChildren();
    if (issues.length === 0) {
      const ok = document.createElement('p');
      ok.className = 'se-json-ok';
      ok.textContent = strings.json.none;
      issuesBox.append(ok);
      return;
    }
    const heading = document.createElement('p');
    heading.className = 'se-json-issues-heading';
    heading.textContent = strings.json.problemsHeading;
    const list = document.createElement('ul');
    list.className = 'se-issue-list';
    for (const issue of issues) {
      const place = located.find((p) => p.issue === issue);
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'se-issue-link';
      const path = document.createElement('span');
      path.className = 'se-issue-path';
      path.textContent = options.describePath?.(issue.path) ?? issue.path;
      button.append(path, `: ${sentences.scenarioIssue(issue)}`);
      if (place) {
        const where = document.createElement('span');
        where.className = 'se-issue-where';
        where.textContent = ` (${strings.json.lineColumn(place.line, place.column)})`;
        button.append(where);
        button.addEventListener('click', () => select(place));
      } else button.disabled = true;
      item.append(button);
      list.append(item);
    }
    issuesBox.append(heading, list);
  };

  return {
    element,
    setText(text) {
      const old = view.state.doc.toString();
      if (old === text) return;
      // only the part between the common start and end changes: the scroll position, the caret
      // before the change and the diagnostics elsewhere stay where they were
      let first = 0;
      const shorter = Math.min(old.length, text.length);
      while (first < shorter && old.charCodeAt(first) === text.charCodeAt(first)) first++;
      let last = 0;
      while (last < shorter - first && old.charCodeAt(old.length - 1 - last) === text.charCodeAt(text.length - 1 - last)) last++;
      const insert = text.slice(first, text.length - last);
      if (insert.length > LARGE_CHANGE) {
        // a large new part (a file opened, a bulk edit over the whole text): a change spanning the
        // lines in view would have CodeMirror draw all of it once (80,000 elements for 2,000 stock
        // points); a new state draws only the lines in view. The caret and the scroll position stay.
        const scrollTop = view.scrollDOM.scrollTop;
        const head = Math.min(view.state.selection.main.head, text.length);
        view.setState(EditorState.create({ doc: text, extensions, selection: { anchor: head } }));
        view.scrollDOM.scrollTop = scrollTop;
        return;
      }
      view.dispatch({ changes: { from: first, to: old.length - last, insert }, annotations: fromOutside.of(true) });
    },
    showIssues(issues) {
      located = locate(issues);
      const diagnostics: Diagnostic[] = located.map((place) => ({
        from: place.start,
        to: place.end,
        severity: 'error',
        message: `${options.describePath?.(place.issue.path) ?? place.issue.path}: ${sentences.scenarioIssue(place.issue)}`,
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
      drawList(issues);
    },
    reveal(issue) {
      const place = located.find((p) => p.issue.path === issue.path && p.issue.message === issue.message) ?? locate([issue])[0];
      if (place) select(place);
      else view.focus();
    },
    focus: () => view.focus(),
    getText: () => view.state.doc.toString(),
  };
}
