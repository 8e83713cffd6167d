import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/loadScenario.ts';
import { tasksOf } from '../../src/experiment/replicate.ts';
import { estimateRun } from '../../src/experiment/runBudget.ts';
import { variantsOf } from '../../src/model/build.ts';
import { MAX_CHUNKS, MIN_JOBS, MIN_JOB_SECONDS, PARTS_BELOW_TASKS, planJobs } from '../../src/queue/jobPlan.ts';
import type { JobUnit } from '../../src/queue/queueJob.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

function load(file: string, replications: number, horizonDays?: number): Scenario {
  const loaded = loadScenario(file, { replications, horizonDays });
  if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
  return loaded.scenario;
}

/** The tasks each job covers, in order (a task run as parts counted once, by its first part). */
function covered(units: JobUnit[]): number[] {
  return units.flatMap((unit) => (unit.kind === 'tasks' ? Array.from({ length: unit.end - unit.start }, (_, i) => unit.start + i) : unit.parts[0] === 0 ? [unit.task] : []));
}

const secondsPerTask = (scenario: Scenario) => estimateRun(scenario, { replications: 1 }).seconds / variantsOf(scenario).length;

describe('planJobs: the jobs of an experiment on the queue', () => {
  it('covers every task once, in order, in ranges of about 5 s each by the run budget’s estimate', () => {
    const scenario = load('scenarios/04-coffee-brand.json', 2000);
    const tasks = tasksOf(scenario);
    const units = planJobs(scenario, tasks);
    expect(covered(units)).toEqual(tasks.map((_, i) => i));
    const each = secondsPerTask(scenario);
    for (const unit of units) {
      if (unit.kind !== 'tasks') throw new Error('expected ranges of tasks');
      // no job over the 5 s aimed at; all but the last at least half of it
      expect((unit.end - unit.start) * each).toBeLessThanOrEqual(5);
      if (unit !== units[units.length - 1]) expect((unit.end - unit.start) * each).toBeGreaterThan(2.5);
    }
  });

  it('cuts a shorter experiment into at least 16 jobs while each still lasts 0.5 s, and a tiny one into fewer', () => {
    const medium = load('scenarios/04-coffee-brand.json', 400);
    const mediumUnits = planJobs(medium, tasksOf(medium));
    expect(mediumUnits.length).toBeGreaterThanOrEqual(MIN_JOBS);
    const tiny = load('scenarios/01-newsvendor.json', 6, 60);
    const tinyUnits = planJobs(tiny, tasksOf(tiny));
    expect(tinyUnits).toEqual([{ kind: 'tasks', start: 0, end: 12 }]);
    expect(12 * secondsPerTask(tiny)).toBeLessThan(MIN_JOB_SECONDS);
  });

  it('takes a fixed number of tasks per job when told, never parts', () => {
    const scenario = load('scenarios/bench/retail-1000.json', 1);
    expect(planJobs(scenario, tasksOf(scenario), { tasksPerJob: 1, jobSeconds: 0.01 })).toEqual([{ kind: 'tasks', start: 0, end: 1 }]);
    const small = load('scenarios/01-newsvendor.json', 3, 60);
    expect(planJobs(small, tasksOf(small), { tasksPerJob: 4 })).toEqual([
      { kind: 'tasks', start: 0, end: 4 },
      { kind: 'tasks', start: 4, end: 6 },
    ]);
  });

  it('splits few long replications into jobs of their independent parts, as many as their time asks, at most 64', () => {
    const scenario = load('scenarios/bench/retail-1000.json', 2, 60);
    const tasks = tasksOf(scenario);
    const each = secondsPerTask(scenario);
    const units = planJobs(scenario, tasks, { jobSeconds: each / 10 });
    expect(covered(units)).toEqual([0, 1]);
    expect(units.every((unit) => unit.kind === 'parts' && unit.chunks === 10)).toBe(true);
    expect(units.filter((unit) => unit.kind === 'parts' && unit.task === 1).map((unit) => (unit.kind === 'parts' ? unit.parts : []))).toEqual(Array.from({ length: 10 }, (_, i) => [i]));
    expect(planJobs(scenario, tasks, { jobSeconds: each / 1000 }).length).toBe(2 * MAX_CHUNKS);
    // a replication shorter than two jobs stays whole
    expect(planJobs(scenario, tasks, { jobSeconds: each / 1.9 })).toEqual([{ kind: 'tasks', start: 0, end: 1 }, { kind: 'tasks', start: 1, end: 2 }]);
  });

  it('keeps whole replications when there are enough of them, or when the network does not fall apart', () => {
    const many = load('scenarios/bench/retail-1000.json', PARTS_BELOW_TASKS, 60);
    expect(planJobs(many, tasksOf(many), { jobSeconds: 0.001 }).every((unit) => unit.kind === 'tasks')).toBe(true);
    const single = load('scenarios/01-newsvendor.json', 1, 4000);
    expect(planJobs(single, tasksOf(single), { jobSeconds: 0.00001 }).every((unit) => unit.kind === 'tasks')).toBe(true);
  });
});
