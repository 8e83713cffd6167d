/**
 * Experiments on a distributed queue (BullMQ on Redis): the command side enqueues the experiment's
 * tasks as jobs and merges their results as a local run does; `stocklab worker` processes on any
 * number of machines run them on their worker threads. Node only.
 */
export { runExperimentOnQueue, type QueueRunOptions } from './experimentOnQueue.ts';
export { openQueueClient, experimentIdOf, QueueJobFailed, type QueueClient, type QueueClientOptions, type QueueTaskOptions, type QueueTasksOutcome } from './queueClient.ts';
export { planJobs, DEFAULT_JOB_SECONDS, type JobPlanOptions } from './jobPlan.ts';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './queueWorker.ts';
export { QUEUE_NAME, jobIdOf, type QueueJob, type JobWork, type JobUnit } from './queueJob.ts';
export { rangesOf, type TaskRange } from './ranges.ts';
export { ENGINE_VERSION } from './engineVersion.ts';
