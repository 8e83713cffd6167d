/**
 * The time average of a level that changes at events (stock on hand, backorders, units in transit):
 * the area under its step function divided by the time elapsed. The level is held from one change to
 * the next (step-after), so only the changes need recording.
 *
 * `restart` ends a warm-up period: the level carries over, the area accumulated so far is dropped.
 * Times must never go backwards; a change in the past is a bug in the caller and throws.
 */
export class TimeWeighted {
  private currentLevel: number;
  private lastChange: number;
  private startTime: number;
  /** area from startTime up to lastChange */
  private accumulated = 0;

  constructor(startTime: number, initialLevel: number) {
    this.startTime = startTime;
    this.lastChange = startTime;
    this.currentLevel = initialLevel;
  }

  get level(): number {
    return this.currentLevel;
  }

  /** The level becomes `newLevel` at time `now`. */
  update(now: number, newLevel: number): void {
    this.accumulated = this.area(now);
    this.lastChange = now;
    this.currentLevel = newLevel;
  }

  /** The level changes by `delta` at time `now`. */
  add(now: number, delta: number): void {
    this.update(now, this.currentLevel + delta);
  }

  /** The integral of the level from the start (or the last restart) to `now`. */
  area(now: number): number {
    if (now < this.lastChange) {
      throw new Error(`time went backwards: asked for time ${now} after a change at time ${this.lastChange}`);
    }
    return this.accumulated + this.currentLevel * (now - this.lastChange);
  }

  /** The time-average level from the start (or the last restart) to `now`; the level itself if no time has passed. */
  average(now: number): number {
    const elapsed = now - this.startTime;
    const area = this.area(now);
    return elapsed > 0 ? area / elapsed : this.currentLevel;
  }

  /** Starts averaging afresh at `now` (end of warm-up): keeps the level, drops the area so far. */
  restart(now: number): void {
    this.area(now); // checks time order
    this.startTime = now;
    this.lastChange = now;
    this.accumulated = 0;
  }
}
