import { KPI_NAMES, type KpiName } from '../metrics/kpis.ts';
import type { KpiSummary } from './replicate.ts';
import type { SweepAxis, SweepPlan, SweepRow } from './sweep.ts';
import type { OptimizeOutcome, OptimizeSpec } from './optimize.ts';
import type { TornadoBar } from './sensitivity.ts';
import { csvFile, ENGLISH_CSV, type CsvCell, type CsvDialect } from './csv.ts';

/**
 * The CSV and JSON shapes of the analyses (sweep, sensitivity, optimisation), shared by the CLI's
 * --csv / --json output and the web app's "Results as CSV / JSON" of its panels. Pure: the callers
 * write the text where they like. The CSV files are in the dialect asked (./csv.ts): English, the
 * CLI's, unless told otherwise; the French app asks for ";" and decimal commas.
 */

/**
 * What reproduces an analysis, leading every row of the web app's CSV files (a row read alone still
 * says where it came from): the scenario's name, the seed, the replications per run (the top bar's),
 * whether every run finished (false: a cancelled analysis, the figures of what finished) and the
 * version of Stocklab that made it.
 */
export interface ExportContext {
  scenario: string;
  seed: string | number;
  replications: number;
  complete: boolean;
  stocklabVersion: string;
}

export const CONTEXT_COLUMNS = ['scenario', 'seed', 'replications', 'complete', 'stocklabVersion'] as const;

// ------------------------------------------------------------------------------------------------
// sweep

/**
 * Every grid point's network KPIs as CSV: the parameters, whether the point is on the service /
 * holding cost frontier, then mean and 95% half-width of each KPI (empty where it does not apply).
 * With a context, the columns of CONTEXT_COLUMNS come first.
 */
export function sweepCsv(axes: SweepAxis[], rows: SweepRow[], context?: ExportContext, dialect: CsvDialect = ENGLISH_CSV): string {
  const head = [...contextHead(context), ...axes.map((axis) => axis.parameter), 'frontier', ...KPI_NAMES.flatMap((name) => [name, `${name}HalfWidth`])];
  const cells = rows.map((row): CsvCell[] => [...contextCells(context), ...row.values, row.frontier, ...KPI_NAMES.flatMap((name) => [row.kpis[name].mean, row.kpis[name].halfWidth])]);
  return csvFile(head, cells, dialect);
}

/** A sweep as JSON (`stocklab sweep --json`): the run, the grid, the KPI shown, every point's KPIs and the points left out. */
export interface SweepJson {
  scenario: string;
  seed: string | number;
  replications: number;
  axes: SweepAxis[];
  kpi: KpiName;
  rows: SweepRow[];
  skipped: SweepPlan['skipped'];
  complete: boolean;
}

export function sweepJson(run: Pick<ExportContext, 'scenario' | 'seed' | 'replications' | 'complete'>, axes: SweepAxis[], kpi: KpiName, rows: SweepRow[], skipped: SweepPlan['skipped']): SweepJson {
  // the points left out as the CLI gives them (the web's plan also carries their problems' facts)
  return { scenario: run.scenario, seed: run.seed, replications: run.replications, axes, kpi, rows, skipped: skipped.map(({ values, reason }) => ({ values, reason })), complete: run.complete };
}

// ------------------------------------------------------------------------------------------------
// sensitivity (tornado)

export const TORNADO_COLUMNS = ['variantId', 'variant', 'kpi', 'percent', 'input', 'baseline', 'baselineHalfWidth', 'low', 'lowHalfWidth', 'high', 'highHalfWidth', 'swing'] as const;

/**
 * A tornado as CSV: one row per input moved, largest swing first (the chart's order): the variant
 * (id and name), the KPI, how far each input moved, then the KPI at the baseline, with the input
 * lowered by `percent`% (low) and raised (high), each with its 95% half-width, and the swing
 * |high − low|. With a context, the columns of CONTEXT_COLUMNS come first.
 */
export function tornadoCsv(variant: { id: string; name: string }, kpi: KpiName, percent: number, baseline: KpiSummary, bars: TornadoBar[], context?: ExportContext, dialect: CsvDialect = ENGLISH_CSV): string {
  const cells = bars.map((bar): CsvCell[] => [
    ...contextCells(context),
    variant.id,
    variant.name,
    kpi,
    percent,
    bar.input,
    baseline.mean,
    baseline.halfWidth,
    bar.low.mean,
    bar.low.halfWidth,
    bar.high.mean,
    bar.high.halfWidth,
    bar.swing,
  ]);
  return csvFile([...contextHead(context), ...TORNADO_COLUMNS], cells, dialect);
}

/** A tornado as JSON (`stocklab sensitivity --json`); `skipped` says, per input not moved, why. */
export interface TornadoJson {
  scenario: string;
  variant: string;
  kpi: KpiName;
  percent: number;
  baseline: KpiSummary;
  bars: TornadoBar[];
  skipped: string[];
}

export function tornadoJson(scenario: string, variant: string, kpi: KpiName, percent: number, baseline: KpiSummary, bars: TornadoBar[], skipped: string[]): TornadoJson {
  return { scenario, variant, kpi, percent, baseline, bars, skipped };
}

// ------------------------------------------------------------------------------------------------
// optimisation

/**
 * An optimisation as CSV (`stocklab optimize --csv`): one row per screened grid point, then one per
 * confirmed candidate (when the confirmation reached 2 replications), each with its objective (and
 * floor) as mean, 95% half-width and replications; `winner` marks the winner's confirmation row.
 * With a context, its columns come first, but for `replications`: each row has its own.
 */
export function optimizationCsv(spec: Pick<OptimizeSpec, 'axes' | 'objective' | 'constraint'>, outcome: Pick<OptimizeOutcome, 'screened' | 'confirmed' | 'winner' | 'replications'>, context?: ExportContext, dialect: CsvDialect = ENGLISH_CSV): string {
  const floor = spec.constraint;
  const head = [...contextHead(context, false), 'phase', ...spec.axes.map((axis) => axis.parameter), spec.objective, `${spec.objective}HalfWidth`, 'replications', ...(floor ? [floor.kpi, `${floor.kpi}HalfWidth`, 'meetsFloor'] : []), 'winner'];
  const lead = contextCells(context, false);
  const row = (phase: string, values: number[], objective: KpiSummary, constraint: KpiSummary | null, winner: boolean): CsvCell[] => [
    ...lead,
    phase,
    ...values,
    objective.mean,
    objective.halfWidth,
    objective.n,
    ...(floor && constraint ? [constraint.mean, constraint.halfWidth, constraint.mean !== null && constraint.mean >= floor.atLeast] : []),
    winner,
  ];
  const rows = [
    ...outcome.screened.map((point) => row('screen', point.values, point.kpis[spec.objective], floor ? point.kpis[floor.kpi] : null, false)),
    ...(outcome.replications.confirm >= 2 ? outcome.confirmed.map((candidate) => row('confirm', candidate.values, candidate.objective, candidate.constraint, candidate.id === outcome.winner?.id)) : []),
  ];
  return csvFile(head, rows, dialect);
}

/**
 * An optimisation as JSON (`stocklab optimize --json`): the run, the spec, the outcome (verdict,
 * sentence, confirmed candidates, winner, margin), every screened grid point with its objective and
 * floor KPI, and the analytic optimum's facts when the scenario has a theory model (left out when
 * `theory` is not given).
 */
export function optimizationJson(scenario: string, seed: string | number, spec: OptimizeSpec, outcome: OptimizeOutcome, theory?: { label: string; value: number | string }[]) {
  return {
    scenario,
    seed,
    spec,
    ...outcome,
    screened: outcome.screened.map(({ id, values, frontier, kpis }) => ({ id, values, frontier, objective: kpis[spec.objective], constraint: spec.constraint ? kpis[spec.constraint.kpi] : null })),
    // the points left out as the CLI gives them (the web's plan also carries their problems' facts)
    skipped: outcome.skipped.map(({ values, reason }) => ({ values, reason })),
    theory,
  };
}

// ------------------------------------------------------------------------------------------------
// cells

/** The context's columns; without `replications` for a table that has its own per row. */
function contextHead(context: ExportContext | undefined, replications = true): string[] {
  return context ? CONTEXT_COLUMNS.filter((name) => replications || name !== 'replications') : [];
}

function contextCells(context: ExportContext | undefined, replications = true): CsvCell[] {
  if (!context) return [];
  // the seed is a name even when it is a number: never written with a decimal mark
  return [context.scenario, String(context.seed), ...(replications ? [context.replications] : []), context.complete, context.stocklabVersion];
}
