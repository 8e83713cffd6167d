/** What the app says when a Web Worker fails (web/worker/client.ts): words, never a raw engine message alone. */
export const workerStrings = {
  /** a worker ran out of memory; `detail` is the browser's own words */
  outOfMemory: (detail: string) =>
    `the run needs more memory than the browser gives a worker (${detail}): try fewer replications, a shorter horizon, fewer stock points, or "output": { "series": "none" }`,
  /** a worker stopped without saying why */
  stopped: 'a worker stopped unexpectedly (the browser may have run out of memory)',
  /** a worker's message could not be read (structured clone failed) */
  unreadable: "a worker's result could not be read (it may be too large for the browser)",
};
