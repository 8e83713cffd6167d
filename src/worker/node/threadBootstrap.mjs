// Worker threads do not inherit the parent's tsx loader: register it here, then load the
// TypeScript entry. Used only when the pool runs from the sources (a checkout without a build, the
// tests); compiled, the pool starts thread.js itself and needs no TypeScript loader.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
