import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { CountsResponse, ImportRequestOptions, ImportResponse, PreviewResponse, SimApi } from '../../src/worker/api.ts';
import type { Role } from '../../src/import/columnRoles.ts';
import { importStrings } from '../i18n/strings.ts';
import { workerFailure } from './client.ts';
import { MAX_BYTES } from '../../src/import/table.ts';
import { reportCsv as engineReportCsv, type ImportReport } from '../../src/import/importReport.ts';
import { fitsCsv as engineFitsCsv } from '../../src/import/fitReport.ts';
import type { SeriesSummary } from '../../src/import/buildScenario.ts';
import { pageCsvDialect, type CsvDialect } from '../charts/csvDialect.ts';

// the report's and the fits' CSV, as `stocklab import --report/--fits` writes them (plain text
// functions of the engine's import, reached by the page through this bridge like the rest of it),
// in the page language's dialect: ";" and decimal commas in French (web/charts/csvDialect.ts)
export function reportCsv(report: ImportReport, dialect: CsvDialect = pageCsvDialect): string {
  return engineReportCsv(report, dialect);
}

export function fitsCsv(summaries: readonly SeriesSummary[], dialect: CsvDialect = pageCsvDialect): string {
  return engineFitsCsv(summaries, dialect);
}

/**
 * The import wizard's bridge to the engine: one Web Worker per wizard, started on the first call,
 * so reading a 100 MB file never blocks the page. Files cross as ArrayBuffers, transferred (read
 * anew from the picked File for every call: a File is a handle, reading it is cheap). Cancel
 * terminates the worker at once, as for runs; the next call starts a fresh one. A worker that
 * crashes (out of memory on a huge file) answers its call with the reason in words.
 */
export interface ImportSession {
  preview(file: File, mapping: Partial<Record<Role, string>>, sheet?: string): Promise<PreviewResponse | Cancelled>;
  /** the import of the demand file with the optional SKU master and locations file */
  run(demand: File, master: File | undefined, options: ImportRequestOptions, onStep: (step: string) => void, locations?: File): Promise<ImportResponse | Cancelled>;
  /** the day counts of the last run's demand file (for the fit charts) */
  counts(): Promise<CountsResponse | Cancelled>;
  /** stops whatever is under way (its call answers `{ cancelled: true }`) */
  cancel(): void;
  /** ends the session: the worker is terminated */
  close(): void;
}

export interface Cancelled {
  ok: false;
  cancelled: true;
}

interface Live {
  worker: Worker;
  api: Remote<SimApi>;
  /** settles the call under way when the worker is stopped or crashes */
  stopped: Promise<Cancelled | { ok: false; error: string }>;
  stop: () => void;
}

export function openImportSession(): ImportSession {
  let live: Live | null = null;

  const start = (): Live => {
    if (live) return live;
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    let stop = () => {};
    const stopped = new Promise<Cancelled | { ok: false; error: string }>((resolve) => {
      stop = () => resolve({ ok: false, cancelled: true });
      worker.addEventListener('error', (event) => resolve({ ok: false, error: workerFailure(event.message) }), { once: true });
      worker.addEventListener('messageerror', () => resolve({ ok: false, error: importStrings.unreadable }), { once: true });
    });
    live = { worker, api: wrap<SimApi>(worker), stopped, stop };
    return live;
  };

  const end = () => {
    if (!live) return;
    live.worker.terminate();
    live.stop();
    live = null;
  };

  /** A call on the worker, answered by the worker or by its end (Cancel, crash), whichever comes first. */
  async function call<T>(work: (api: Remote<SimApi>) => Promise<unknown>): Promise<T | Cancelled | { ok: false; error: string }> {
    const session = start();
    try {
      // comlink's Remote type spreads a union answer into a union of promises: the answer is a T
      return await Promise.race([work(session.api) as Promise<T>, session.stopped]);
    } catch (error) {
      return { ok: false, error: workerFailure(error instanceof Error ? error.message : String(error)) };
    }
  }

  /** A file over the import's limit is refused before the page reads it into memory (the worker would refuse it too). */
  const tooLarge = (...files: (File | undefined)[]): { ok: false; error: string } | null => {
    const file = files.find((f) => f !== undefined && f.size > MAX_BYTES);
    return file ? { ok: false, error: importStrings.tooLarge(file.name, file.size, MAX_BYTES) } : null;
  };

  const data = async (file: File) => {
    const bytes = await file.arrayBuffer();
    return transfer({ name: file.name, bytes }, [bytes]);
  };

  return {
    async preview(file, mapping, sheet) {
      const refused = tooLarge(file);
      if (refused) return refused;
      const payload = await data(file);
      return call<PreviewResponse>((api) => api.previewImport(payload, mapping, sheet));
    },
    async run(demand, master, options, onStep, locations) {
      const refused = tooLarge(demand, master, locations);
      if (refused) return refused;
      const demandData = await data(demand);
      const masterData = master ? await data(master) : undefined;
      const locationsData = locations ? await data(locations) : undefined;
      // several transfers in one message: comlink merges the transfer lists of its arguments
      return call<ImportResponse>((api) => api.importData(demandData, masterData, options, proxy(onStep), locationsData));
    },
    counts() {
      return call<CountsResponse>((api) => api.importCounts());
    },
    cancel: end,
    close: end,
  };
}
