import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctrlCOnTerminal, stocklab } from '../cli/stocklab.ts';
import { redisServerPath, startRedisServer, type RedisServer } from '../fixtures/redisServer.ts';
import { jobKeys, onQueue, startCommand, startWorkerProcess, type WorkerProcess } from './queueProcesses.ts';
import { QUEUE_NAME } from '../../src/queue/queueJob.ts';

/** jobs long enough (a few hundred ms each) to kill a worker in the middle of one */
const SLOW = ['run', 'scenarios/01-newsvendor.json', '--replications', '8', '--days', '2000', '--seed', '11', '--json'];


const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe.skipIf(redisServerPath() === null)('faults on the queue', () => {
  let redis: RedisServer;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await redis?.stop();
  });

  it('a worker killed by SIGKILL in the middle of a job: its job runs again on the other, and the result is the local run’s', async () => {
    const local = await stocklab(...SLOW, '--workers', '2');
    expect(local.code).toBe(0);
    const doomed = await startWorkerProcess(redis.url, '--concurrency', '1', '--lock-seconds', '2');
    const survivor = await startWorkerProcess(redis.url, '--concurrency', '1', '--lock-seconds', '2');
    workers.push(doomed, survivor);

    const { code, stdout } = startCommand(...SLOW, ...onQueue(redis.url));
    // once the doomed worker has finished a job it has taken the next: kill it then
    await until(() => doomed.done() > 0);
    await doomed.stop('SIGKILL');
    const doneByDoomed = doomed.done();

    expect(await code).toBe(0);
    expect(stdout()).toBe(local.stdout);
    // 16 jobs (8 replications of 2 variants): the survivor ran all but those the doomed one finished
    // (one more if the doomed one died between its log line and telling Redis)
    expect(survivor.done() + doneByDoomed).toBeGreaterThanOrEqual(16);
    expect(survivor.done() + doneByDoomed).toBeLessThanOrEqual(17);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 180_000);

  it.skipIf(!existsSync('/usr/bin/script'))('Ctrl-C of the command: the jobs not started are removed, what finished is reported as a plain run of it', async () => {
    if (!workers.some((worker) => worker.alive())) workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const stopped = await ctrlCOnTerminal(4, ...SLOW.slice(0, 2), '--replications', '40', ...SLOW.slice(4), ...onQueue(redis.url));
    expect(stopped.doneAtCtrlC, stopped.terminal).not.toBeNull();
    expect(stopped.code).toBe(130);
    const interrupted = JSON.parse(stopped.stdout);
    expect(interrupted.complete).toBe(false);
    const kept: number = interrupted.replications;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(40);
    const plain = await stocklab(...SLOW.slice(0, 2), '--replications', String(kept), ...SLOW.slice(4), '--workers', '2');
    expect(plain.code).toBe(0);
    expect(interrupted.variants).toEqual(JSON.parse(plain.stdout).variants);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 180_000);

  it('a worker frozen past its lock (SIGSTOP): its job runs again elsewhere; thawed, it adds nothing', async () => {
    const args = [...SLOW.slice(0, 6), '--seed', '13', '--json'];
    const local = await stocklab(...args, '--workers', '2');
    expect(local.code).toBe(0);
    // the worker to freeze alone at first, so that the job under way is surely its own
    const live = workers.filter((worker) => worker.alive());
    await Promise.all(live.map((worker) => worker.stop('SIGKILL')));
    const frozen = await startWorkerProcess(redis.url, '--concurrency', '1', '--lock-seconds', '2');
    workers.push(frozen);
    const run = startCommand(...args, ...onQueue(redis.url));
    const client = new Redis(redis.url);
    const active = () => client.llen(`bull:${QUEUE_NAME}:active`);
    try {
      // frozen in the middle of a job: after one done, while it holds the next and has not finished it
      for (;;) {
        await until(() => frozen.done() > 0);
        const done = frozen.done();
        if ((await active()) === 1) {
          frozen.child.kill('SIGSTOP');
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (frozen.done() === done && (await active()) === 1) break;
          frozen.child.kill('SIGCONT');
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      client.disconnect();
    }
    const other = await startWorkerProcess(redis.url, '--concurrency', '1', '--lock-seconds', '2');
    workers.push(other);
    expect(await run.code).toBe(0);
    expect(run.stdout()).toBe(local.stdout);
    frozen.child.kill('SIGCONT');
    // thawed, it finds its lock gone: its results are dropped, not stored after the experiment ended
    await until(() => /lost its lock|could not renew lock for job|Missing key for job|Missing lock for job/.test(frozen.log()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 180_000);

  it('a command killed and run again adds no duplicate: each job runs once, and the result is the local run’s', async () => {
    const args = [...SLOW.slice(0, 6), '--seed', '17', '--json'];
    const local = await stocklab(...args, '--workers', '2');
    expect(local.code).toBe(0);
    const live = workers.filter((worker) => worker.alive());
    await Promise.all(live.map((worker) => worker.stop('SIGKILL')));
    const worker = await startWorkerProcess(redis.url, '--concurrency', '1');
    workers.push(worker);
    const first = startCommand(...args, ...onQueue(redis.url));
    await until(() => worker.done() >= 3);
    first.command.kill('SIGKILL');
    await first.code;
    const again = await stocklab(...args, ...onQueue(redis.url));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(local.stdout);
    // 16 jobs (8 replications of 2 variants), each run once over both commands
    expect(worker.done()).toBe(16);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 180_000);

  it('Redis restarted mid-experiment (its data lost): the command adds the lost jobs again, and the result is the local run’s', async () => {
    const args = [...SLOW.slice(0, 6), '--seed', '19', '--json'];
    const local = await stocklab(...args, '--workers', '2');
    expect(local.code).toBe(0);
    const live = workers.filter((worker) => worker.alive());
    if (live.length === 0) workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const watched = workers[workers.length - 1];
    const before = watched.done();
    const run = startCommand(...args, ...onQueue(redis.url));
    await until(() => watched.done() >= before + 3);
    await redis.restart();
    expect(await run.code).toBe(0);
    expect(run.stdout()).toBe(local.stdout);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 180_000);
});
