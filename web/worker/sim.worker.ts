import { expose } from 'comlink';
import { createSimApi } from '../../src/worker/api.ts';

// One engine per worker; the page talks to it only through the SimApi.
expose(createSimApi());
