/**
 * The numbers of many entities of one kind (stock points, demand streams) in one Float64Array, one
 * row per entity. Each entity works on its row through a view (`row(i)`), as if it were its own
 * array; the customer-arrival fast path indexes `data` directly. Why: an arrival at a point not
 * touched for a while otherwise fetches the entity object, then its array object, then the array's
 * storage, each a likely cache miss; rows side by side in one block are one fetch, and the
 * prefetcher sees them.
 */
export class RowTable {
  readonly data: Float64Array;

  constructor(
    readonly rows: number,
    /** numbers per row */
    readonly width: number,
  ) {
    this.data = new Float64Array(rows * width);
  }

  /** Row `index` as a view over the table (writes go to the table). */
  row(index: number): Float64Array {
    return this.data.subarray(index * this.width, (index + 1) * this.width);
  }
}
