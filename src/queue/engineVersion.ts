import { readFileSync } from 'node:fs';

/**
 * The Stocklab version of this engine, from package.json (two folders up, from src/queue/ in a checkout
 * and from dist/queue/ in the installed package). It travels with each queued job, and a worker of
 * another version refuses the job: the same scenario and seed give other numbers across versions.
 */
export const ENGINE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
