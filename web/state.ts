import type { ExperimentResult } from '../src/experiment/replicate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { ScenarioIssue } from '../src/scenario/issues.ts';
import type { TheoryView } from './worker/client.ts';
import type { VariantComparison } from '../src/experiment/compare.ts';
import type { SweepView } from './worker/sweep.ts';
import type { SensitivityView } from './worker/sensitivity.ts';
import type { OptimizeView } from './worker/optimize.ts';
import type { RecommendView } from './worker/recommend.ts';
import type { PrecisionSummary } from './worker/precision.ts';
import type { ModelWarning } from '../src/model/warnings.ts';

/** What the page shows, in one place: the scenario being edited, the run under way, the last result. */
export interface AppState {
  /** the scenario's JSON text as edited */
  text: string;
  /** the last valid parse of `text`, or null while it has problems */
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  run: RunState;
  /**
   * the last result, with the scenario it was run on (the editor may have moved on since; a precision
   * run's with the replications it used), its modelling warnings as facts (those of the scenario
   * that ran) and, for a precision run, how it ended
   */
  result: { value: ExperimentResult; scenario: Scenario; theory: TheoryView | null; comparisons: VariantComparison[]; warnings: ModelWarning[]; precision: PrecisionSummary | null } | null;
  /** the last parameter sweep's results (web/sweepPanel.ts), until another scenario is loaded */
  sweep: SweepView | null;
  /** the last sensitivity analysis (web/sensitivityPanel.ts), until another scenario is loaded */
  sensitivity: SensitivityView | null;
  /** the last optimisation (web/optimizePanel.ts), until another scenario is loaded */
  optimize: OptimizeView | null;
  /** the last recommendation (web/recommendPanel.ts), until another scenario is loaded */
  recommend: RecommendView | null;
  /**
   * the scenario (with the settings used) each panel's results were computed on, to mark them when
   * the scenario shown has moved on (web/staleResults.ts)
   */
  panelsRanOn: { sweep?: Scenario; sensitivity?: Scenario; optimize?: Scenario; recommend?: Scenario };
  /**
   * why the shared link the page was opened with could not be opened; shown until another scenario
   * is loaded (nothing else is loaded or run in its place, so no result can pass for the link's)
   */
  linkProblem: string | null;
}

export type RunState =
  | { status: 'idle' }
  /** `round`: a precision run's round, counting replications (else runs) */
  /** `what`: the analysis under way, in words (a sweep's grid, an optimisation's or a recommendation's phase); a plain Run has none */
  | { status: 'running'; done: number; total: number; startedAt: number; round?: number; what?: string }
  /** `precision`: how a precision run ended */
  /** `summary`: what an analysis ran, in one sentence starting "Done:" (a plain Run's is built from the counts) */
  | { status: 'done'; replications: number; seconds: number; precision?: PrecisionSummary; summary?: string }
  /** `asked`: the replications a cancelled Run was asked for (it kept `replications` of them) */
  | { status: 'cancelled'; replications: number; asked?: number }
  | { status: 'failed'; message: string }
  /** not started: the run, with the top bar's settings, is too large for the page (its problems, in words) */
  | { status: 'refused'; message: string };

type Listener = (state: AppState, previous: AppState) => void;

/** A minimal observable store: components read `state`, change it with `update`, and subscribe. */
export class Store {
  private current: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.current = initial;
  }

  get state(): AppState {
    return this.current;
  }

  update(patch: Partial<AppState>): void {
    const previous = this.current;
    this.current = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.current, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
