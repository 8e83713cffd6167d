/** A range of an experiment's tasks, [start, end). */
export interface TaskRange {
  start: number;
  end: number;
}

/** Splits `total` tasks into consecutive ranges of `perJob` tasks (the last may be shorter). */
export function rangesOf(total: number, perJob: number): TaskRange[] {
  if (!(Number.isSafeInteger(perJob) && perJob >= 1)) throw new Error(`rangesOf: expected a whole number of tasks per job >= 1, got ${perJob}`);
  const ranges: TaskRange[] = [];
  for (let start = 0; start < total; start += perJob) ranges.push({ start, end: Math.min(total, start + perJob) });
  return ranges;
}
