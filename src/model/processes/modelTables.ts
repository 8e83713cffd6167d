import type { Environment } from '../../kernel/environment.ts';
import type { DemandStream } from '../demandStream.ts';
import type { StockPoint } from '../stockPoint.ts';

/**
 * What every process of the model shares: the event kernel, the stock points (objects, and their hot
 * numbers as rows of one table), the demand streams (likewise), the run's horizon and its measured
 * window. Each process owns its own state; these are the tables they all read and write.
 */
export class ModelTables {
  /** where the measured window starts: 0, then the warm-up's end (dayBoundary.ts `onWarmupEnd`) */
  windowStart = 0;

  constructor(
    readonly env: Environment,
    readonly horizon: number,
    readonly stockPoints: StockPoint[],
    /** the stock points' rows (POINT_ROW_WIDTH numbers each, in index order) */
    readonly pointTable: Float64Array,
    readonly demandStreams: DemandStream[],
    /** the demand streams' rows (STREAM_ROW_WIDTH numbers each, in index order) */
    readonly streamTable: Float64Array,
  ) {}
}
