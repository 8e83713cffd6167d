/**
 * The queue's side of the commands (--redis URL): the progress line and Ctrl-C as on the worker
 * threads (commandKit.ts onThreadPool), with the experiment run as jobs of the queue on Redis.
 */
import { createProgressLine, type ProgressLine } from './progress.ts';
import { err, EXIT, failureExit } from './output.ts';

/** A command that keeps no partial results was interrupted once its jobs not started were removed. */
export class QueueInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'QueueInterrupted';
  }
}

/**
 * Runs `body` with a progress line on stderr once Redis answers at `url` (otherwise one line and
 * exit 1). The first Ctrl-C turns `isCancelled` true: the jobs not started are removed, those under way
 * finish, and the body reports what finished; a second one quits at once (the jobs left in Redis are
 * collected by the same command run again, or expire with their locks). A job that failed for good (a
 * worker of another version refused it) is one line and exit 1.
 */
export async function onQueue(url: string, unit: string, body: (progress: ProgressLine, isCancelled: () => boolean) => Promise<number>): Promise<number> {
  const { reachRedis } = await import('../queue/reachRedis.ts');
  const unreachable = await reachRedis(url);
  if (unreachable !== null) {
    err(`stocklab: cannot reach Redis at ${url}: ${unreachable}\n`);
    return EXIT.internal;
  }
  const progress = createProgressLine(process.stderr, unit);
  let cancelled = false;
  const interrupt = () => {
    progress.clear();
    if (cancelled) {
      err('stocklab: interrupted\n');
      process.exit(EXIT.interrupted);
    }
    cancelled = true;
    err('stocklab: removing the jobs not started and waiting for those under way (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', interrupt);
  try {
    return await body(progress, () => cancelled);
  } catch (error) {
    progress.clear();
    if (error instanceof QueueInterrupted) {
      err('stocklab: interrupted\n');
      return EXIT.interrupted;
    }
    // QueueJobFailed (src/queue/queueClient.ts), known by name: the queue loads only with --redis
    return failureExit(error, ['QueueJobFailed']);
  } finally {
    process.off('SIGINT', interrupt);
  }
}
