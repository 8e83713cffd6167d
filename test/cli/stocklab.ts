import { execFile, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node bin/stocklab.mjs ...args` from the repository root: its exit status and output (up to 256 MB). */
export function stocklab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT, maxBuffer: 256 * 2 ** 20 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** Starts `node bin/stocklab.mjs ...args`, sends it Ctrl-C (SIGINT) after `ms`, and resolves to its exit status and output. */
export function interruptAfter(ms: number, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `node bin/stocklab.mjs ...args` with its stdout written to `path` (e.g. /dev/full): its exit status and stderr. */
export function stocklabInto(path: string, ...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    let output: number;
    try {
      output = openSync(path, 'w');
    } catch (error) {
      reject(error);
      return;
    }
    const child = spawn(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT, stdio: ['ignore', output, 'pipe'] });
    closeSync(output);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * Runs `node bin/stocklab.mjs ...args` on a terminal (a pseudo-terminal made by util-linux `script`),
 * so its progress line shows, with stdout written to a file; presses Ctrl-C on that terminal once the
 * progress line counts at least `after` runs done. Resolves to the exit status, the stdout file's
 * text, what the terminal showed (stderr), and the runs done when Ctrl-C was pressed (null if never).
 */
export function ctrlCOnTerminal(after: number, ...args: string[]): Promise<{ code: number | null; stdout: string; terminal: string; doneAtCtrlC: number | null }> {
  const folder = mkdtempSync(join(tmpdir(), 'stocklab-tty-'));
  const outFile = join(folder, 'stdout.txt');
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, 'bin/stocklab.mjs', ...args].map(quote).join(' ') + ` > ${quote(outFile)}`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let terminal = '';
    let doneAtCtrlC: number | null = null;
    child.stdout.on('data', (chunk) => {
      terminal += chunk;
      const progress = /(?:replications|runs) (\d+)\/\d+ \| elapsed[^\r]*$/.exec(terminal);
      if (doneAtCtrlC === null && progress && Number(progress[1]) >= after) {
        doneAtCtrlC = Number(progress[1]);
        child.stdin.write('\x03');
      }
    });
    child.on('close', (code) => {
      let stdout = '';
      try {
        stdout = readFileSync(outFile, 'utf8');
      } catch {
        // the command never started
      }
      rmSync(folder, { recursive: true, force: true });
      resolve({ code, stdout, terminal, doneAtCtrlC });
    });
  });
}
