/** `stocklab worker` processes for the queue tests, started from the repository root as the CLI. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** what it wrote on stderr so far */
  log(): string;
  /** jobs it has finished so far (its "done in" lines) */
  done(): number;
  /** it has not exited, nor been killed */
  alive(): boolean;
  /** SIGTERM (finishes its jobs) or any signal; resolves once it has exited */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** Starts `stocklab worker --redis URL ...args` and resolves once it says it takes jobs. */
export function startWorkerProcess(url: string, ...args: string[]): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['bin/stocklab.mjs', 'worker', '--redis', url, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  started.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      started.delete(child);
      resolve();
    }),
  );
  const handle: WorkerProcess = {
    child,
    log: () => stderr,
    done: () => (stderr.match(/: done in/g) ?? []).length,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async (signal = 'SIGTERM') => {
      if (handle.alive()) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stocklab worker did not start within 30 s:\n${stderr}`)), 30_000);
    const onData = () => {
      if (!stderr.includes('taking jobs')) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      resolve(handle);
    };
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`stocklab worker exited before taking jobs (code ${child.exitCode}):\n${stderr}`));
    });
  });
}

/** A command's queue options in these tests: one task per job, so that a small experiment makes many jobs. */
export function onQueue(url: string): string[] {
  return ['--redis', url, '--tasks-per-job', '1'];
}

/** Keys the experiments left in Redis: their jobs (named by the experiment's id, 16 hex digits), holders, scenarios and results. */
export async function jobKeys(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    return (await client.keys('*')).filter((key) => /^bull:[^:]+:(holders:|scenario:|result:)?[0-9a-f]{16}/.test(key));
  } finally {
    client.disconnect();
  }
}

/** `stocklab ...args` as a child process: its stdout, stderr and exit status, and the process to signal. */
export function startCommand(...args: string[]) {
  const command = spawn(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  command.stdout.on('data', (chunk) => (stdout += chunk));
  command.stderr.on('data', (chunk) => (stderr += chunk));
  const code = new Promise<number | null>((resolve) => command.on('close', resolve));
  return { command, code, stdout: () => stdout, stderr: () => stderr };
}
