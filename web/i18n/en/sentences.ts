import { clauseOf, comparisonSentence, differenceText } from '../../../src/experiment/compare.ts';
import { optimizeSentence, type OptimizeStory } from '../../../src/experiment/optimize.ts';
import type { PairedDifference } from '../../../src/experiment/compare.ts';
import type { KpiName } from '../../../src/metrics/kpis.ts';
import type { ScenarioIssue } from '../../../src/scenario/issues.ts';
import type { LineDetail, RowNote } from '../../../src/import/importReport.ts';
import type { SeriesSummary } from '../../../src/import/buildScenario.ts';
import type { ImportFailureFacts } from '../../../src/worker/api.ts';
import type { TheoryComparison } from '../../../src/experiment/theory.ts';
import { outsideRangeMessage, theoryNoteText } from '../../../src/experiment/theoryNotes.ts';
import { rangeReasonText, type RangeReason } from '../../../src/theory/range.ts';

export type { ImportFailureFacts };

/**
 * The sentences the engine writes (src/), in English, from the facts it returns: the web words every
 * one of them through here, French through web/i18n/fr/sentences.ts (same keys). English is the
 * engine's own wording, called rather than restated, so the app and the CLI cannot drift apart.
 */

/** a paired difference as the engine returns it (src/experiment/compare.ts) */
export type DifferenceFacts = Pick<PairedDifference, 'kpi' | 'mean' | 'halfWidth' | 'significant'>;

/** a comparison of two variants: their names, the differences, the measured window's length */
export interface ComparisonFacts {
  baseline: { name: string };
  variant: { name: string };
  differences: ReadonlyArray<DifferenceFacts>;
  windowDays: number;
  /** the KPIs its sentence names (src/experiment/compare.ts `headlineFor`; default HEADLINE) */
  headline?: readonly KpiName[];
}

/** "raises fill rate by 7.43 points (±0.12)" */
const clause = (difference: DifferenceFacts, currency: string, windowDays: number): string =>
  clauseOf(difference.kpi, difference.mean, difference.halfWidth, difference.significant, currency, windowDays);

export const sentences = {
  /** a KPI's difference in a sentence: "leaves holding cost unchanged within the noise (+4.1 EUR ±5.1 over the 351-day window)" */
  comparisonClause: clause,
  /** a KPI's difference in a table: "+7.43 points ± 0.12", "−22,515 EUR ± 940 over the 351-day window" */
  comparisonDifference: (difference: DifferenceFacts, currency: string, windowDays: number): string =>
    differenceText(difference.kpi, difference.mean, difference.halfWidth, currency, windowDays),
  /** "Compared with Lean, Generous raises fill rate by 7.43 points (±0.12), … and lowers total cost by …." */
  comparison: (comparison: ComparisonFacts, currency: string): string =>
    comparisonSentence(
      comparison.baseline.name,
      comparison.variant.name,
      comparison.differences.map((difference) => ({ kpi: difference.kpi, clause: clause(difference, currency, comparison.windowDays) })),
      comparison.headline,
    ),
  /** a problem with a scenario: its message (src/scenario/issues.ts), English as the engine words it */
  scenarioIssue: (issue: Pick<ScenarioIssue, 'message' | 'detail'>): string => issue.message,
  /** an import's remark on a row (src/import/importReport.ts): its reason, English as the engine words it */
  importNote: (note: Pick<RowNote, 'reason' | 'detail'>): string => note.reason,
  /** a summary line of an import's report (src/import/importReport.ts `lines`), with its facts (`lineDetails`), English as the engine words it */
  importLine: (line: string, _detail: LineDetail | null | undefined): string => line,
  /** why a file cannot be imported at all (src/import/table.ts ImportError: "file: reason"), English as the engine words it */
  importError: (error: string, _facts?: ImportFailureFacts): string => error,
  /** why a SKU-location's demand is modelled as it is (src/import/buildScenario.ts SeriesSummary `reason`) */
  importReason: (summary: Pick<SeriesSummary, 'reason' | 'reasonDetail'>): string => summary.reason,
  /** why a sweep's grid point was left out (src/experiment/sweep.ts SweepPlan `skipped`), English as the engine words it */
  sweepSkipped: (point: { reason: string; issues?: ReadonlyArray<Pick<ScenarioIssue, 'path' | 'message' | 'detail'>> }): string => point.reason,
  /** an optimisation's verdict (src/experiment/optimize.ts OptimizeStory) */
  optimizeVerdict: (story: OptimizeStory, currency: string, windowDays: number): string =>
    optimizeSentence(story, story.kind === 'better' || story.kind === 'tie' ? clause(story.margin, currency, windowDays) : undefined),
  /** what a theory comparison compares (src/experiment/theoryNotes.ts), from its facts when it has them, English as the engine words it */
  theoryNote: (comparison: Pick<TheoryComparison, 'note' | 'noteFacts'>): string => (comparison.noteFacts === undefined ? comparison.note : theoryNoteText(comparison.noteFacts)),
  /**
   * why a variant's closed form was not computed (src/experiment/theory.ts outsideRangeMessage): "outside the
   * analytic model's range: …", from the reason's facts (src/theory/range.ts) when there are any
   */
  theoryOutsideRange: (model: string, message: string, reason: RangeReason | null | undefined): string =>
    reason === null || reason === undefined ? message : outsideRangeMessage(model, rangeReasonText(reason)),
  /** the literature a theory model's formulas come from (src/experiment/theory*.ts `source`), as written */
  theorySource: (source: string): string => source,
};
