#!/usr/bin/env node
// npm run bench: registers tsx so Node can load the TypeScript sources, then runs scripts/bench.ts.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/bench.ts');
