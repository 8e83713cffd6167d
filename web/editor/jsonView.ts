import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import type { EditorStrings } from '../i18n/en/editor.ts';
import { issueRange, lineColumnAt, parseJsonTree } from './jsonText.ts';

/**
 * The JSON view: the whole scenario in a monospace textarea with line numbers; under it, every
 * problem as `path: message` (a button that selects the offending text); the lines with problems
 * are marked behind the text and in the gutter.
 */
export interface JsonView {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  /** replaces the text, keeping the scroll position; the caret goes where the texts first differ */
  setText(text: string): void;
  /** lists the problems of `text` (the text shown) and marks their lines */
  showIssues(issues: ReadonlyArray<ScenarioIssue>): void;
  /** selects and scrolls to a problem's text, and focuses the textarea */
  reveal(issue: ScenarioIssue): void;
}

export interface JsonViewOptions {
  strings: EditorStrings;
  idPrefix: string;
  onInput(text: string): void;
}

interface Located {
  issue: ScenarioIssue;
  start: number;
  end: number;
  line: number;
  column: number;
}

export function createJsonView(options: JsonViewOptions): JsonView {
  const { strings } = options;
  const element = document.createElement('div');
  element.className = 'se-json';

  const code = document.createElement('div');
  code.className = 'se-code';
  const backdrop = document.createElement('div');
  backdrop.className = 'se-code-backdrop';
  backdrop.setAttribute('aria-hidden', 'true');
  const bands = document.createElement('div');
  bands.className = 'se-code-bands';
  backdrop.append(bands);
  const gutter = document.createElement('div');
  gutter.className = 'se-gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const gutterLines = document.createElement('pre');
  gutterLines.className = 'se-gutter-lines';
  gutter.append(gutterLines);
  const textarea = document.createElement('textarea');
  textarea.className = 'se-textarea';
  textarea.id = `${options.idPrefix}-json`;
  textarea.spellcheck = false;
  textarea.wrap = 'off';
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('aria-label', strings.json.label);
  textarea.setAttribute('aria-describedby', `${options.idPrefix}-json-issues`);
  code.append(backdrop, gutter, textarea);

  const issuesBox = document.createElement('div');
  issuesBox.className = 'se-json-issues';
  issuesBox.id = `${options.idPrefix}-json-issues`;
  element.append(code, issuesBox);

  let lineCount = 0;
  let located: Located[] = [];
  let active: Located | null = null;

  const metrics = () => {
    const style = getComputedStyle(textarea);
    const lineHeight = parseFloat(style.lineHeight) || 20;
    return { lineHeight, paddingTop: parseFloat(style.paddingTop) || 0 };
  };

  const syncScroll = () => {
    gutterLines.style.transform = `translateY(${-textarea.scrollTop}px)`;
    bands.style.transform = `translateY(${-textarea.scrollTop}px)`;
  };

  const updateGutter = () => {
    const count = textarea.value.split('\n').length;
    if (count === lineCount) return;
    lineCount = count;
    let numbers = '';
    for (let i = 1; i <= count; i++) numbers += `${i}\n`;
    gutterLines.textContent = numbers;
    gutter.style.setProperty('--se-gutter-digits', String(String(count).length));
  };

  const drawBands = () => {
    bands.replaceChildren();
    const { lineHeight, paddingTop } = metrics();
    const lines = new Map<number, boolean>();
    for (const place of located) lines.set(place.line, lines.get(place.line) === true || place === active);
    for (const [line, isActive] of lines) {
      const band = document.createElement('div');
      band.className = isActive ? 'se-band se-band-active' : 'se-band';
      band.style.top = `${paddingTop + (line - 1) * lineHeight}px`;
      band.style.height = `${lineHeight}px`;
      bands.append(band);
    }
    syncScroll();
  };

  textarea.addEventListener('scroll', syncScroll);
  textarea.addEventListener('input', () => {
    const before = lineCount;
    updateGutter();
    // marks below an added or removed line no longer sit on their text: drop them until the next check
    if (lineCount !== before) {
      located = [];
      active = null;
      drawBands();
    }
    options.onInput(textarea.value);
  });

  const select = (place: Located) => {
    active = place;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(place.start, place.end);
    const { lineHeight } = metrics();
    const top = (place.line - 1) * lineHeight;
    if (top < textarea.scrollTop || top > textarea.scrollTop + textarea.clientHeight - 2 * lineHeight) {
      textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
    }
    const left = place.column * 8;
    if (left < textarea.scrollLeft || left > textarea.scrollLeft + textarea.clientWidth - 40) textarea.scrollLeft = Math.max(0, left - 40);
    drawBands();
    code.scrollIntoView?.({ block: 'nearest' });
  };

  const locate = (issues: ReadonlyArray<ScenarioIssue>): Located[] => {
    const text = textarea.value;
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

  return {
    element,
    textarea,
    setText(text) {
      const old = textarea.value;
      if (old === text) return;
      const scrollTop = textarea.scrollTop;
      const scrollLeft = textarea.scrollLeft;
      const hadFocus = document.activeElement === textarea;
      let first = 0;
      while (first < old.length && first < text.length && old[first] === text[first]) first++;
      textarea.value = text;
      updateGutter();
      if (hadFocus) textarea.setSelectionRange(first, first);
      textarea.scrollTop = scrollTop;
      textarea.scrollLeft = scrollLeft;
      located = [];
      active = null;
      drawBands();
    },
    showIssues(issues) {
      updateGutter();
      located = locate(issues);
      if (active) active = located.find((place) => place.issue.path === active?.issue.path && place.issue.message === active.issue.message) ?? null;
      drawBands();
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
        path.textContent = issue.path;
        button.append(path, `: ${issue.message}`);
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
    },
    reveal(issue) {
      const place = located.find((p) => p.issue.path === issue.path && p.issue.message === issue.message) ?? locate([issue])[0];
      if (place) select(place);
      else textarea.focus();
    },
  };
}
