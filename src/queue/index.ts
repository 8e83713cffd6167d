/**
 * Experiments on a distributed queue (BullMQ on Redis): the command side enqueues ranges of
 * replications and merges their results as a local run does; `stocklab worker` processes on any number
 * of machines run them on their worker threads. Node only.
 */
export { runExperimentOnQueue, experimentIdOf, QueueJobFailed, type QueueRunOptions } from './experimentOnQueue.ts';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './queueWorker.ts';
export { QUEUE_NAME, jobIdOf, type QueueJob } from './queueJob.ts';
export { rangesOf, DEFAULT_MAX_JOBS, type TaskRange } from './ranges.ts';
export { ENGINE_VERSION } from './engineVersion.ts';
