// first: zod without eval, before any schema is built (a Content-Security-Policy header reaches workers)
import '../../src/scenario/jitless.ts';
import { expose } from 'comlink';
import { createSimApi } from '../../src/worker/index.ts';

// One engine per worker; the page talks to it only through the SimApi.
expose(createSimApi());
