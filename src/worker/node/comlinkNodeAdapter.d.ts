// comlink ships `node-adapter.d.ts` next to `node-adapter.mjs`, but TypeScript looks for
// `node-adapter.d.mts` when a specifier ends in `.mjs`. Point it at the shipped declarations.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
  export type { NodeEndpoint } from 'comlink/dist/esm/node-adapter';
}
