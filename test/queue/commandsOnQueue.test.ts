import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ctrlCOnTerminal, stocklab } from '../cli/stocklab.ts';
import { redisServerPath, startRedisServer, type RedisServer } from '../fixtures/redisServer.ts';
import { jobKeys, onQueue, startCommand, startWorkerProcess, type WorkerProcess } from './queueProcesses.ts';
import { loadScenario } from '../../src/cli/loadScenario.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { runExperimentOnQueue } from '../../src/queue/experimentOnQueue.ts';
import { planJobs } from '../../src/queue/jobPlan.ts';
import { tasksOf } from '../../src/experiment/replicate.ts';

/**
 * Every command that runs experiments takes --redis: its output on the queue, with two `stocklab
 * worker` processes, is the local run's, byte for byte. Reports that print their wall time are read
 * as JSON (no time in it).
 */
const COMMANDS: { name: string; args: string[]; jobs: 'one task each' | 'sized by time' }[] = [
  { name: 'compare', args: ['compare', 'scenarios/04-coffee-brand.json', '--replications', '4', '--days', '120', '--json'], jobs: 'sized by time' },
  { name: 'compare --precision (rounds of tasks)', args: ['compare', 'scenarios/04-coffee-brand.json', '--replications', '3', '--days', '90', '--precision', 'fillRate=0.01', '--max-replications', '9', '--json'], jobs: 'one task each' },
  { name: 'sweep', args: ['sweep', 'scenarios/theory/rq-poisson.json', '--product', 'widget', '--param', 'reorderPoint=4:8:2', '--replications', '3', '--days', '300', '--json'], jobs: 'one task each' },
  { name: 'optimize', args: ['optimize', 'scenarios/theory/rq-poisson.json', '--product', 'widget', '--param', 'reorderPoint=4:8:2', '--param', 'orderQuantity=35:50:5', '--replications', '3', '--days', '300', '--top', '2', '--json'], jobs: 'sized by time' },
  { name: 'sensitivity', args: ['sensitivity', 'scenarios/04-coffee-brand.json', '--replications', '2', '--days', '90', '--json'], jobs: 'one task each' },
  { name: 'recommend', args: ['recommend', 'scenarios/02-base-stock-poisson.json', '--target', 'fillRate>=0.95', '--policy', 'baseStock', '--days', '365', '--replications', '3', '--json'], jobs: 'one task each' },
];

describe.skipIf(redisServerPath() === null)('every command on the queue', () => {
  let redis: RedisServer;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    workers.push(...(await Promise.all([startWorkerProcess(redis.url, '--concurrency', '1'), startWorkerProcess(redis.url, '--concurrency', '1')])));
  }, 60_000);

  const doneCount = () => workers.reduce((sum, worker) => sum + worker.done(), 0);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await redis?.stop();
  });

  for (const command of COMMANDS) {
    it(`${command.name}: the local output, byte for byte (jobs ${command.jobs})`, async () => {
      const doneBefore = doneCount();
      const [local, queued] = await Promise.all([
        stocklab(...command.args, '--workers', '2'),
        stocklab(...command.args, ...(command.jobs === 'one task each' ? onQueue(redis.url) : ['--redis', redis.url])),
      ]);
      expect(local.code, local.stderr).toBe(0);
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stdout).toBe(local.stdout);
      // the runs went through the queue: the workers did jobs
      expect(doneCount()).toBeGreaterThan(doneBefore);
      expect(await jobKeys(redis.url)).toEqual([]);
    }, 120_000);
  }

  it.skipIf(!existsSync('/usr/bin/script'))('Ctrl-C of a command that keeps no partial result (sensitivity): its jobs not started are removed, it prints nothing and exits 130', async () => {
    const stopped = await ctrlCOnTerminal(3, 'sensitivity', 'scenarios/04-coffee-brand.json', '--replications', '60', '--days', '200', ...onQueue(redis.url));
    expect(stopped.doneAtCtrlC, stopped.terminal).not.toBeNull();
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toBe('');
    expect(stopped.terminal).toContain('stocklab: interrupted');
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 120_000);

  it('a run the engine stops (an event storm) fails its job once, not tried again, and the command says why', async () => {
    // every unit sold comes back at once to a shelf its supplier fills by a ten-millionth: events without
    // end within an instant (test/experiment/eventStorm.test.ts)
    const folder = mkdtempSync(join(tmpdir(), 'stocklab-queue-storm-'));
    const file = join(folder, 'storm.json');
    writeFileSync(file, JSON.stringify({
      version: 1, name: 'Returns feeding a backlog within an instant', horizonDays: 30, warmupDays: 0, replications: 1, seed: 1,
      products: [{ id: 'p', unitCost: 1, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder', returns: { fraction: 1, afterDays: { type: 'constant', value: 0 }, restockShare: 1 } }],
      nodes: [{ id: 's', type: 'supplier', capacityPerDay: 1e-7 }, { id: 'shop', type: 'store' }],
      lanes: [{ from: 's', to: 'shop', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'shop', product: 'p', initialOnHand: 0, policy: { type: 'baseStock', level: 5 } }],
      demand: [{ type: 'arrivals', node: 'shop', product: 'p', customersPerDay: 50, quantity: { type: 'constant', value: 1 } }],
    }));
    try {
      const failedBefore = workers.map((worker) => (worker.log().match(/: failed: /g) ?? []).length);
      const run = await stocklab('run', file, '--redis', redis.url);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^stocklab: job [0-9a-f]{16}-0-1 failed: .*event/m);
      const failed = workers.map((worker, i) => (worker.log().match(/: failed: /g) ?? []).length - failedBefore[i]);
      expect(failed.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect(await jobKeys(redis.url)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('says where the runs ran in a table’s header', async () => {
    const queued = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--replications', '2', '--days', '60', '--redis', redis.url);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout.split('\n')[0]).toContain(`on the queue at ${redis.url}`);
  }, 60_000);

  it('one replication of a large network as jobs of its independent parts: merged, the bytes of the local run', async () => {
    const loaded = loadScenario('scenarios/bench/retail-1000.json', { replications: 1, horizonDays: 30 });
    if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
    const scenario = loaded.scenario;
    // jobs of 10 ms: the replication (about 0.1 s estimated) splits into about a dozen part jobs
    const units = planJobs(scenario, tasksOf(scenario), { jobSeconds: 0.01 });
    expect(units.length).toBeGreaterThan(4);
    expect(units.every((unit) => unit.kind === 'parts')).toBe(true);
    const before = workers.map((worker) => (worker.log().match(/part \d+ of \d+ of task 0/g) ?? []).length);
    const queued = await runExperimentOnQueue(redis.url, scenario, { jobSeconds: 0.01 });
    const local = runExperiment(scenario);
    expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
    // each part ran once, and both workers took some
    const ran = workers.map((worker, i) => (worker.log().match(/part \d+ of \d+ of task 0/g) ?? []).length - before[i]);
    expect(ran.reduce((sum, count) => sum + count, 0)).toBe(units.length);
    expect(ran.every((count) => count > 0)).toBe(true);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 120_000);

  it('two identical commands at once share the experiment’s jobs: each gets the whole result, each job runs once, and the last one to finish removes them', async () => {
    const args = ['run', 'scenarios/01-newsvendor.json', '--replications', '6', '--days', '400', '--seed', '23', '--json'];
    const local = await stocklab(...args, '--workers', '2');
    expect(local.code).toBe(0);
    const doneBefore = doneCount();
    // the workers frozen until both commands wait for the experiment, so that they surely overlap
    for (const worker of workers) worker.child.kill('SIGSTOP');
    const first = startCommand(...args, ...onQueue(redis.url));
    const second = startCommand(...args, ...onQueue(redis.url));
    const client = new Redis(redis.url);
    try {
      for (;;) {
        const [holders] = await client.keys('bull:*:holders:*');
        if (holders !== undefined && (await client.zcard(holders)) === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // the second one frozen too while the first finishes: it must find the results still there
      second.command.kill('SIGSTOP');
      for (const worker of workers) worker.child.kill('SIGCONT');
      expect(await first.code).toBe(0);
      expect(doneCount() - doneBefore).toBe(12);
      expect(await jobKeys(redis.url)).not.toEqual([]);
    } finally {
      client.disconnect();
      for (const worker of workers) worker.child.kill('SIGCONT');
      second.command.kill('SIGCONT');
    }
    expect(await second.code).toBe(0);
    expect(first.stdout()).toBe(local.stdout);
    expect(second.stdout()).toBe(local.stdout);
    // 12 jobs (6 replications of 2 variants), each run once for both commands
    expect(doneCount() - doneBefore).toBe(12);
    expect(await jobKeys(redis.url)).toEqual([]);
  }, 120_000);
});
