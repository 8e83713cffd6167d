import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stocklab } from '../cli/stocklab.ts';
import { redisServerPath, startRedisServer, type RedisServer } from '../fixtures/redisServer.ts';
import { jobKeys, onQueue, startCommand, startWorkerProcess, type WorkerProcess } from './queueProcesses.ts';
import { ENGINE_VERSION } from '../../src/queue/engineVersion.ts';
import { encode, sha256 } from '../../src/queue/codec.ts';
import { QUEUE_NAME, type QueueJob } from '../../src/queue/queueJob.ts';

/**
 * `stocklab run --redis` against a real Redis (Debian's redis-server on a port of the test's own) and
 * real `stocklab worker` processes: the same JSON, byte for byte, as the local run.
 */
const RUN = ['run', 'scenarios/01-newsvendor.json', '--replications', '6', '--days', '60', '--seed', '7', '--json'];

describe.skipIf(redisServerPath() === null)('experiments on the queue (BullMQ on Redis)', () => {
  let redis: RedisServer;
  let local: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    const run = await stocklab(...RUN, '--workers', '2');
    expect(run.code).toBe(0);
    local = run.stdout;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await redis?.stop();
  });

  it('says when no worker takes the jobs, and goes on once one does', async () => {
    const command = startCommand(...RUN, ...onQueue(redis.url));
    const notice = `stocklab: no worker is taking jobs from the queue at ${redis.url}; start one on any machine with: stocklab worker --redis ${redis.url} (waiting; Ctrl-C to stop)\n`;
    while (!command.stderr().includes(notice) && command.command.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(command.stderr()).toContain(notice);
    workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    expect(await command.code).toBe(0);
    expect(command.stdout()).toBe(local);
  }, 60_000);

  it('gives the local run’s JSON with 1 worker process, then 2, then 3, and leaves no job in Redis', async () => {
    if (workers.length === 0) workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const one = await stocklab(...RUN, ...onQueue(redis.url));
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(local);

    workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const two = await stocklab(...RUN, ...onQueue(redis.url));
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(local);
    // both workers took jobs
    expect(workers.every((worker) => /job \S+ \(tasks .*\): done/.test(worker.log()))).toBe(true);

    workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const three = await stocklab(...RUN, ...onQueue(redis.url));
    expect(three.code).toBe(0);
    expect(three.stdout).toBe(local);

    expect(await jobKeys(redis.url)).toEqual([]);
    const client = new Redis(redis.url);
    expect(await client.xlen(`bull:${QUEUE_NAME}:events`)).toBe(0);
    client.disconnect();
  }, 180_000);

  it('refuses a job of another Stocklab version, saying both versions', async () => {
    if (workers.length === 0) workers.push(await startWorkerProcess(redis.url, '--concurrency', '1'));
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue<QueueJob>(QUEUE_NAME, { connection });
    try {
      const scenario = encode({ not: 'run' });
      const job = await queue.add('replications', { experimentId: '0123456789abcdef', scenarioKey: 'nowhere', scenarioHash: sha256(scenario), engineVersion: '0.0.1', work: { kind: 'tasks', start: 0, end: 1, tasks: [{ variant: 0, replication: 0 }] } }, { jobId: '0123456789abcdef-0-1' });
      // the job's state read until it fails (what the commands read too), not the event stream
      for (let waited = 0; (await queue.getJobState(job.id!)) !== 'failed'; waited += 50) {
        if (waited > 30_000) throw new Error(`job ${job.id} not failed after 30 s: ${await queue.getJobState(job.id!)}; workers said:\n${workers.map((worker) => worker.log()).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const message = `refused by a worker of another Stocklab version: the job needs Stocklab 0.0.1, this worker runs ${ENGINE_VERSION} (scenario sha256 ${sha256(scenario).slice(0, 12)}); run workers of the command's version`;
      expect((await queue.getJob(job.id!))?.failedReason).toBe(message);
      // tried once (a refusal is not retried), and the worker said why
      expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
      expect(workers.some((worker) => worker.log().includes(`job ${job.id}: ${message}`))).toBe(true);
      await queue.remove(job.id!);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }, 60_000);

  it('says in one line when Redis does not answer, rather than waiting', async () => {
    const run = await stocklab('run', 'scenarios/01-newsvendor.json', '--redis', 'redis://127.0.0.1:1');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('stocklab: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n');
  }, 60_000);

  it('rejects a bad scenario before anything is enqueued', async () => {
    const client = new Redis(redis.url);
    const before = (await client.keys('*')).sort();
    const run = await stocklab('run', 'test/fixtures/invalid/lane-to-unknown-node.json', ...onQueue(redis.url));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lane-to-unknown-node.json');
    expect((await client.keys('*')).sort()).toEqual(before);
    client.disconnect();
  }, 60_000);
});
