import { availableParallelism } from 'node:os';
import { parseArgs, wholeNumberAtLeast, type OptionSpec } from '../args.ts';
import { argumentError, err, EXIT, out } from '../output.ts';
import { USAGE } from '../usage.ts';
import { ENGINE_VERSION } from '../../queue/engineVersion.ts';
import { reachRedis } from '../../queue/reachRedis.ts';
import { redisUrl } from '../../queue/redisUrl.ts';
import { startQueueWorker } from '../../queue/queueWorker.ts';

const WORKER_OPTIONS: Record<string, OptionSpec> = {
  redis: { read: redisUrl, placeholder: 'URL' },
  concurrency: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  memory: { read: wholeNumberAtLeast(64), placeholder: 'MB' },
  'lock-seconds': { read: wholeNumberAtLeast(1), placeholder: 'S' },
  help: { boolean: true },
};

/**
 * `stocklab worker --redis URL [--concurrency N]`: takes replication jobs from the queue on Redis and
 * runs them on N worker threads until Ctrl-C (or SIGTERM), which lets the jobs under way finish; a
 * second one quits at once (those jobs run again elsewhere once their locks expire).
 */
export async function workerCommand(argv: ReadonlyArray<string>): Promise<number> {
  const parsed = parseArgs(argv, WORKER_OPTIONS);
  if (!parsed.ok) return argumentError(`worker: ${parsed.error}`);
  if (parsed.options.get('help')) {
    out(USAGE);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) return argumentError(`worker: expected no scenario file (the jobs carry theirs), got ${parsed.positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  const url = parsed.options.get('redis') as string | undefined;
  if (url === undefined) return argumentError('worker: expected --redis URL, the Redis the commands enqueue on (e.g. redis://10.0.0.5:6379)');
  const concurrency = (parsed.options.get('concurrency') as number | undefined) ?? availableParallelism();
  const unreachable = await reachRedis(url);
  if (unreachable !== null) {
    err(`stocklab: cannot reach Redis at ${url}: ${unreachable}\n`);
    return EXIT.internal;
  }
  const lockSeconds = parsed.options.get('lock-seconds') as number | undefined;
  const worker = await startQueueWorker(url, {
    concurrency,
    memoryMb: parsed.options.get('memory') as number | undefined,
    lockDurationMs: lockSeconds === undefined ? undefined : lockSeconds * 1000,
    // looked for as often as the lock lasts, so a dead worker's job runs again within two locks
    stalledIntervalMs: lockSeconds === undefined ? undefined : lockSeconds * 1000,
    onLog: (line) => err(`stocklab worker: ${line}\n`),
  });
  err(`stocklab worker: Stocklab ${ENGINE_VERSION}, taking jobs from ${url} on ${concurrency} worker thread${concurrency === 1 ? '' : 's'} (Ctrl-C to stop)\n`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        err('stocklab worker: quitting now; the jobs under way run again elsewhere\n');
        void worker.close(true).finally(() => resolve(EXIT.interrupted));
        return;
      }
      stopping = true;
      err(`stocklab worker: ${signal}: finishing the jobs under way (Ctrl-C again to quit now)\n`);
      void worker.close().then(() => resolve(signal === 'SIGINT' ? EXIT.interrupted : EXIT.ok));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    worker.failure.catch((error: unknown) => {
      err(`stocklab worker: ${error instanceof Error ? error.message : String(error)}\n`);
      void worker.close(true).finally(() => resolve(EXIT.internal));
    });
  });
}
