// Worker threads do not inherit the parent's tsx loader: register it here, then load the
// TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
