import { describe, expect, it } from 'vitest';
import { createUndoHistory } from '../../web/editor/undoHistory.ts';

/** A history on a clock the test moves by hand. */
function historyAt(initial: string) {
  let time = 0;
  const history = createUndoHistory(initial, { coalesceMs: 500, now: () => time });
  return { history, wait: (ms: number) => void (time += ms) };
}

describe('undo history', () => {
  it('starts with nothing to undo or redo', () => {
    const { history } = historyAt('a');
    expect(history.current()).toBe('a');
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBeNull();
  });

  it('joins quick keystrokes of one group into one step', () => {
    const { history, wait } = historyAt('');
    for (const text of ['1', '12', '120']) {
      history.record(text, { group: 'field:horizonDays' });
      wait(100);
    }
    expect(history.undo()).toBe('');
    expect(history.canUndo()).toBe(false);
    expect(history.redo()).toBe('120');
  });

  it('starts a new step after a pause longer than the coalescing window', () => {
    const { history, wait } = historyAt('');
    history.record('1', { group: 'json' });
    wait(100);
    history.record('12', { group: 'json' });
    wait(600);
    history.record('123', { group: 'json' });
    expect(history.undo()).toBe('12');
    expect(history.undo()).toBe('');
  });

  it('measures the window from the previous keystroke, so steady typing stays one step', () => {
    const { history, wait } = historyAt('');
    let text = '';
    for (let i = 0; i < 10; i++) {
      text += 'x';
      history.record(text, { group: 'json' });
      wait(400);
    }
    expect(history.undo()).toBe('');
  });

  it('does not join edits of different groups, nor edits without a group', () => {
    const { history } = historyAt('a');
    history.record('ab', { group: 'field:name' });
    history.record('abc', { group: 'field:seed' });
    history.record('abcd');
    history.record('abcde');
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual(['abcd', 'abc', 'ab', 'a']);
  });

  it('clears what could be redone when a new edit is made', () => {
    const { history, wait } = historyAt('a');
    history.record('ab');
    history.record('abc');
    expect(history.undo()).toBe('ab');
    expect(history.canRedo()).toBe(true);
    wait(1000);
    history.record('abX', { group: 'json' });
    expect(history.canRedo()).toBe(false);
    expect(history.redo()).toBeNull();
    expect(history.undo()).toBe('ab');
    expect(history.undo()).toBe('a');
  });

  it('never joins an edit into a step that was undone to', () => {
    const { history } = historyAt('a');
    history.record('ab', { group: 'json' });
    history.undo();
    history.record('ac', { group: 'json' });
    expect(history.undo()).toBe('a');
  });

  it('ignores a record of the text as it stands', () => {
    const { history } = historyAt('a');
    history.record('a');
    expect(history.canUndo()).toBe(false);
  });

  it('reset forgets every step', () => {
    const { history } = historyAt('a');
    history.record('b');
    history.reset('z');
    expect(history.current()).toBe('z');
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const history = createUndoHistory('0', { limit: 3, now: () => 0 });
    for (const text of ['1', '2', '3', '4', '5']) history.record(text);
    const undone: Array<string | null> = [];
    while (history.canUndo()) undone.push(history.undo());
    expect(undone).toEqual(['4', '3', '2']);
  });
});
