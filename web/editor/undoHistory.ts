/**
 * Undo and redo over whole texts. Quick successive edits of the same kind (keystrokes in one field,
 * typing in the JSON text) within `coalesceMs` of each other make one step, as in a code editor; any
 * new edit clears what could be redone.
 */
export interface UndoHistoryOptions {
  /** edits of one group closer than this (ms) to the previous one join its step (default 500) */
  coalesceMs?: number;
  /** most steps kept; the oldest are dropped (default 200) */
  limit?: number;
  /** clock in ms (default performance.now); tests pass their own */
  now?: () => number;
}

export interface RecordOptions {
  /**
   * edits with the same group join one step when close in time ("json", "field:lanes[0].from");
   * without a group, the edit is a step of its own (a type switch, a loaded file)
   */
  group?: string;
}

export interface UndoHistory {
  /** the text as it stands */
  current(): string;
  /** a new state after an edit; no-op when the text is unchanged */
  record(text: string, options?: RecordOptions): void;
  /** back one step; returns the text to show, or null when there is nothing to undo */
  undo(): string | null;
  /** forward one step; returns the text to show, or null when there is nothing to redo */
  redo(): string | null;
  canUndo(): boolean;
  canRedo(): boolean;
  /** forget every step: `text` becomes the only state (a scenario loaded afresh) */
  reset(text: string): void;
  /** the next edit starts a step of its own, even if it comes quickly */
  seal(): void;
}

export function createUndoHistory(initial: string, options: UndoHistoryOptions = {}): UndoHistory {
  const coalesceMs = options.coalesceMs ?? 500;
  const limit = Math.max(1, options.limit ?? 200);
  const now = options.now ?? (() => performance.now());

  let states: string[] = [initial];
  let index = 0;
  /** the group and time of the last recorded edit, when the top state may still absorb the next one */
  let open: { group: string; at: number } | null = null;

  return {
    current: () => states[index],
    record(text, recordOptions = {}) {
      if (text === states[index]) return;
      const at = now();
      const group = recordOptions.group;
      if (group !== undefined && open !== null && open.group === group && at - open.at <= coalesceMs && index === states.length - 1 && index > 0) {
        states[index] = text;
        open.at = at;
        return;
      }
      states = states.slice(0, index + 1);
      states.push(text);
      if (states.length > limit + 1) states = states.slice(states.length - limit - 1);
      index = states.length - 1;
      open = group === undefined ? null : { group, at };
    },
    undo() {
      open = null;
      if (index === 0) return null;
      index--;
      return states[index];
    },
    redo() {
      open = null;
      if (index >= states.length - 1) return null;
      index++;
      return states[index];
    },
    canUndo: () => index > 0,
    canRedo: () => index < states.length - 1,
    reset(text) {
      states = [text];
      index = 0;
      open = null;
    },
    seal() {
      open = null;
    },
  };
}
