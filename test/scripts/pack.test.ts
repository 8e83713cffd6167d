import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/scenario.ts';

/**
 * The package as npm publishes it (issue 19): `npm pack` on a copy of this checkout (its files as
 * git sees them, committed or not, so the checkout's own dist/ is never touched), which builds dist/
 * (prepack: npm run build:lib), then the tarball installed in an empty folder, where the `stocklab`
 * command, the library and docs/examples/run-scenario.mjs run with no TypeScript loader installed.
 * npm takes the dependencies from its cache when it has them (--prefer-offline), else the registry.
 */
const work = mkdtempSync(join(tmpdir(), 'stocklab-pack-'));
const checkout = join(work, 'checkout');
const app = join(work, 'app');
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' } });
const npm = (args: string[], cwd: string) => run('npm', args, cwd);
const stocklab = (...args: string[]) => run(join(app, 'node_modules', '.bin', 'stocklab'), args, app);

let files: string[] = [];

beforeAll(() => {
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0');
  for (const file of tracked.filter((name) => name !== '' && existsSync(join(repoRoot, name)))) {
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(checkout, file));
  }
  symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(checkout, 'node_modules'));
  // a web build lying in dist/web/ must stay out of the package
  mkdirSync(join(checkout, 'dist', 'web'), { recursive: true });
  writeFileSync(join(checkout, 'dist', 'web', 'index.html'), '<!doctype html>');

  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], checkout)) as { filename: string; files: { path: string }[] }[];
  files = packed.files.map((file) => file.path);

  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  npm(['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the compiled engine, CLI and worker pool with their types, the schema, the gallery and the notices; no sources, tests or web build', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/stocklab.mjs', 'schema/scenario.schema.json', 'scenarios/04-coffee-brand.json', 'scenarios/theory/eoq.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/worker/index.d.ts', 'dist/worker/node/index.js', 'dist/worker/node/thread.js']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /^(src|test|web|scripts|docs)\//.test(file) || file.startsWith('dist/web/') || file === 'dist/.built')).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs without TypeScript or tsx', () => {
    const installed = join(app, 'node_modules');
    expect(existsSync(join(installed, 'stocklab', 'dist', 'index.js'))).toBe(true);
    for (const tool of ['tsx', 'typescript', 'vite', 'd3']) expect(existsSync(join(installed, tool)), tool).toBe(false);
  });

  it('runs `stocklab --help` and `stocklab run` on a gallery scenario it ships, worker threads included', () => {
    expect(stocklab('--help')).toMatch(/^Usage: stocklab <command>/);
    const text = stocklab('run', 'node_modules/stocklab/scenarios/01-newsvendor.json', '--replications', '4', '--days', '60', '--workers', '2');
    expect(text).toMatch(/^Newsvendor as a one-period base-stock \| 4 replications/);
    expect(text).toContain('on 2 worker threads');
    const json = JSON.parse(stocklab('run', 'node_modules/stocklab/scenarios/01-newsvendor.json', '--replications', '4', '--days', '60', '--json'));
    expect(json.replications).toBe(4);
    expect(json.variants[0].network.fillRate.mean).toBeGreaterThan(0.5);
  });

  it('validates a scenario with `stocklab validate`; its JSON Schema and gallery are exported', () => {
    expect(stocklab('validate', 'node_modules/stocklab/scenarios/theory/eoq.json')).toMatch(/eoq.json: valid/);
    const resolved = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('stocklab/schema/scenario.schema.json'))"], app);
    expect(resolved.trim()).toMatch(/node_modules\/stocklab\/schema\/scenario\.schema\.json$/);
    const gallery = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('stocklab/scenarios/04-coffee-brand.json'))"], app);
    expect(gallery.trim()).toMatch(/node_modules\/stocklab\/scenarios\/04-coffee-brand\.json$/);
  });

  it("runs the README's example (docs/examples/run-scenario.mjs) against the installed package", () => {
    cpSync(join(repoRoot, 'docs', 'examples', 'run-scenario.mjs'), join(app, 'run-scenario.mjs'));
    const output = run(process.execPath, ['run-scenario.mjs'], app);
    expect(output).toMatch(/^Lean \(s, S\): fill rate \d+\.\d% ± \d+\.\d, total cost \d+ EUR$/m);
    expect(output).toMatch(/^Compared with Lean \(s, S\), Generous \(s, S\) raises fill rate by/m);
  });

  it('gives TypeScript the types of `stocklab` and `stocklab/worker` (Node resolution)', () => {
    writeFileSync(
      join(app, 'check.ts'),
      [
        "import { parseScenario, runExperiment, compareVariants, type ExperimentResult, type Scenario } from 'stocklab';",
        "import { startThreadPool, runExperimentOnThreads, runOnPool, createSimApi, type ThreadPool } from 'stocklab/worker';",
        'const parsed = parseScenario({});',
        'const scenario: Scenario | null = parsed.ok ? parsed.scenario : null;',
        'const result: ExperimentResult | null = scenario && runExperiment(scenario, { replications: 2 });',
        'const pool: ThreadPool = startThreadPool(1);',
        'export const used = [result, compareVariants, runExperimentOnThreads, runOnPool, createSimApi, pool];',
        '',
      ].join('\n'),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--typeRoots', join(repoRoot, 'node_modules', '@types'), '--types', 'node'];
    expect(run(process.execPath, [tsc, ...options, 'check.ts'], app)).toBe('');
  });
});

describe('the package metadata', () => {
  it('names its entry points and keeps tsx among the development tools only', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.exports)).toEqual(['.', './worker', './schema/scenario.schema.json', './scenarios/*', './package.json']);
    expect(manifest.dependencies.tsx).toBeUndefined();
    expect(manifest.devDependencies.tsx).toBeDefined();
  });
});
