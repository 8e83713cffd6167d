import { formatSeconds } from './format.ts';

/** A line on a terminal, rewritten in place (`\r`), at most ten times a second. */
export interface ProgressLine {
  update(done: number, total: number): void;
  /** erases the line */
  clear(): void;
}

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * `runs 12/40 | elapsed 3.2 s | ETA 7.5 s` on the given stream (stderr), or nothing at all when the
 * stream is not a terminal (so logs and pipes stay clean).
 */
export function createProgressLine(stream: Terminal, unit: string, now: () => number = () => performance.now()): ProgressLine {
  if (!stream.isTTY) return { update() {}, clear() {} };
  const start = now();
  let lastWrite = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - lastWrite < 100) return;
      lastWrite = t;
      const elapsed = (t - start) / 1000;
      const eta = done > 0 && done < total ? ` | ETA ${formatSeconds((elapsed / done) * (total - done))}` : '';
      stream.write(`\r\x1b[K${unit} ${Number.isInteger(done) ? done : done.toFixed(1)}/${total} | elapsed ${formatSeconds(elapsed)}${eta}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
