import { proxy, wrap, type Remote } from 'comlink';
import type { DayLog, SimApi, StepperKpis } from '../../src/worker/api.ts';
import type { StepDay, StepperInfo } from '../../src/experiment/stepper.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { workerStrings } from '../i18n/strings.ts';
import { workerFailure } from './client.ts';

export type { DayLog, StepperKpis } from '../../src/worker/api.ts';
export type { Happening, HappeningKind, PointLevels, StepDay, StepperInfo, StepperPoint } from '../../src/experiment/stepper.ts';
export { HAPPENING_KINDS } from '../../src/experiment/stepper.ts';

/** What a step or a jump gave: the days run (their happenings), the day reached, and the KPIs once over. */
export type StepOutcome =
  | { ok: true; log: DayLog[]; last: StepDay | null; over: boolean; kpis: StepperKpis | null; restarted: boolean }
  | { ok: false; error: string; cancelled: boolean };

export type OpenOutcome = { ok: true; info: StepperInfo } | { ok: false; error: string };

/**
 * One replication stepped through day by day in a Web Worker of its own (SimApi.openStepper and
 * stepTo): the page never runs the engine. One call at a time. A jump is cancelled by terminating the
 * worker at once; the next call starts a fresh worker, opens the same replication and runs it again to
 * the day reached (the same days: the run is deterministic), then goes on. Going back to an earlier day
 * does the same (a run only goes forward).
 */
export interface StepperSession {
  open(scenario: Scenario, variantIndex: number, replication: number): Promise<OpenOutcome>;
  /** to the end of day `day` (Infinity: the last); `onProgress` with the day reached during a long jump */
  stepTo(day: number, onProgress: (day: number) => void, signal: AbortSignal): Promise<StepOutcome>;
  /** the last day run to its end in the worker (-1: none) */
  readonly day: number;
  close(): void;
}

export function createStepperSession(): StepperSession {
  let worker: Worker | null = null;
  let api: Remote<SimApi> | null = null;
  let crashed: Promise<{ ok: false; error: string; cancelled: false }> | null = null;
  let opened: { scenario: Scenario; variant: number; replication: number } | null = null;
  let reached = -1;

  const start = () => {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    api = wrap<SimApi>(worker);
    const current = worker;
    crashed = new Promise((resolve) => {
      current.addEventListener('error', (event) => resolve({ ok: false, error: workerFailure(event.message), cancelled: false }), { once: true });
      current.addEventListener('messageerror', () => resolve({ ok: false, error: workerStrings.unreadable, cancelled: false }), { once: true });
    });
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
    api = null;
    crashed = null;
    reached = -1;
  };
  /** a worker with the replication open, at day -1 (a new one after a cancel or to go back) */
  const reopen = async (): Promise<OpenOutcome> => {
    stop();
    start();
    const call = api!.openStepper(opened!.scenario, opened!.variant, opened!.replication).then(
      (response): OpenOutcome => (response.ok ? response : { ok: false, error: response.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') }),
      (error: unknown): OpenOutcome => ({ ok: false, error: workerFailure(error instanceof Error ? error.message : String(error)) }),
    );
    const outcome = await Promise.race([call, crashed!]);
    if (!outcome.ok) stop();
    return outcome;
  };

  return {
    async open(scenario, variantIndex, replication) {
      opened = { scenario, variant: variantIndex, replication };
      return reopen();
    },
    async stepTo(day, onProgress, signal) {
      if (opened === null) return { ok: false, error: workerStrings.stopped, cancelled: false };
      let restarted = false;
      if (api === null || day < reached) {
        const outcome = await reopen();
        if (!outcome.ok) return { ...outcome, cancelled: false };
        restarted = true;
      }
      const cancelled = new Promise<{ ok: false; error: string; cancelled: true }>((resolve) => {
        const done = () => resolve({ ok: false, error: workerStrings.stopped, cancelled: true });
        if (signal.aborted) done();
        else signal.addEventListener('abort', done, { once: true });
      });
      const call = api!.stepTo(day, proxy(onProgress)).then(
        (response): StepOutcome => (response.ok ? { ...response, restarted } : { ok: false, error: response.error, cancelled: false }),
        (error: unknown): StepOutcome => ({ ok: false, error: workerFailure(error instanceof Error ? error.message : String(error)), cancelled: false }),
      );
      const outcome = await Promise.race([call, cancelled, crashed!]);
      if (!outcome.ok) {
        // a cancel or a failure leaves the worker mid-run: the next call starts again from day 0
        stop();
        return outcome;
      }
      if (outcome.last) reached = outcome.last.day;
      return outcome;
    },
    get day() {
      return reached;
    },
    close() {
      stop();
      opened = null;
    },
  };
}
