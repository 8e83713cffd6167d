/**
 * Turns off zod's compiled parsers for this JavaScript realm. zod builds them with `new Function`
 * (eval), which the web app's Content-Security-Policy refuses; zod then falls back, but its probe for
 * eval is itself reported as a policy violation. Import this module before the schema (zod decides
 * when a schema object is built), as the web app's entry points do: web/main.ts and
 * web/worker/sim.worker.ts. The command line keeps the compiled parsers (faster on large scenarios).
 */
import { z } from 'zod';

z.config({ jitless: true });
