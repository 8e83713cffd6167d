import { describe, expect, it } from 'vitest';
import { defaultWorkerMemoryMb } from '../../../src/worker/node/threadPool.ts';

describe("a worker thread's memory limit", () => {
  it('is three quarters of the memory, shared by the workers and the main thread, between 256 MB and 4 GB', () => {
    expect(defaultWorkerMemoryMb(2, 8192)).toBe(2048);
    expect(defaultWorkerMemoryMb(1, 8192)).toBe(3072);
    expect(defaultWorkerMemoryMb(3, 4096)).toBe(768);
    expect(defaultWorkerMemoryMb(2, 65536)).toBe(4096);
    expect(defaultWorkerMemoryMb(16, 2048)).toBe(256);
  });
});
