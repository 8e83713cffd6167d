/** A range of an experiment's tasks, [start, end). */
export interface TaskRange {
  start: number;
  end: number;
}

/** At most this many jobs per experiment by default: fewer, longer jobs keep the queue's share small. */
export const DEFAULT_MAX_JOBS = 64;

/**
 * Splits `total` tasks into consecutive ranges of `perJob` tasks (the last may be shorter); by default
 * as few tasks per job as keep the experiment within DEFAULT_MAX_JOBS jobs. Depends on nothing but its
 * arguments, never on the workers, so the job ids of an experiment are the same at every start.
 */
export function rangesOf(total: number, perJob = Math.max(1, Math.ceil(total / DEFAULT_MAX_JOBS))): TaskRange[] {
  if (!(Number.isSafeInteger(perJob) && perJob >= 1)) throw new Error(`rangesOf: expected a whole number of tasks per job >= 1, got ${perJob}`);
  const ranges: TaskRange[] = [];
  for (let start = 0; start < total; start += perJob) ranges.push({ start, end: Math.min(total, start + perJob) });
  return ranges;
}
