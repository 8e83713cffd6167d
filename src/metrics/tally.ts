/**
 * Streaming count, mean, variance, min and max of observed values (waiting times, order sizes, one KPI
 * over replications), in constant memory.
 *
 * Mean and sum of squared deviations are updated by Welford's method (B. P. Welford (1962), "Note on a
 * method for calculating corrected sums of squares and products", Technometrics 4(3), 419–420), which
 * does not lose precision the way the sum of squares minus n times the squared mean does. Two tallies
 * combine with the pairwise formula of T. F. Chan, G. H. Golub and R. J. LeVeque (1979), "Updating
 * formulae and a pairwise algorithm for computing sample variances", Stanford report STAN-CS-79-773.
 *
 * Statistics that do not exist yet are NaN: mean, min and max with no values, variance and sd with
 * fewer than two.
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  /** sum of squared deviations from the running mean */
  private squaredDeviations = 0;
  private smallest = Infinity;
  private largest = -Infinity;

  add(x: number): void {
    this.n++;
    const delta = x - this.runningMean;
    this.runningMean += delta / this.n;
    this.squaredDeviations += delta * (x - this.runningMean);
    if (x < this.smallest) this.smallest = x;
    if (x > this.largest) this.largest = x;
  }

  /** Adds the values `other` has seen, as if they had been added here one by one. */
  merge(other: Tally): void {
    if (other.n === 0) return;
    const n = this.n + other.n;
    const delta = other.runningMean - this.runningMean;
    this.squaredDeviations += other.squaredDeviations + (delta * delta * this.n * other.n) / n;
    this.runningMean += (delta * other.n) / n;
    this.n = n;
    this.smallest = Math.min(this.smallest, other.smallest);
    this.largest = Math.max(this.largest, other.largest);
  }

  reset(): void {
    this.n = 0;
    this.runningMean = 0;
    this.squaredDeviations = 0;
    this.smallest = Infinity;
    this.largest = -Infinity;
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n > 0 ? this.runningMean : NaN;
  }

  /** the sample variance (divisor n - 1) */
  get variance(): number {
    return this.n > 1 ? this.squaredDeviations / (this.n - 1) : NaN;
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number {
    return this.n > 0 ? this.smallest : NaN;
  }

  get max(): number {
    return this.n > 0 ? this.largest : NaN;
  }
}
