/**
 * npm run schema: writes schema/scenario.schema.json, the scenario format as a JSON Schema, from the
 * zod schema (src/scenario/jsonSchema.ts) and its comments (scripts/schemaFile.ts).
 * test/scenario/jsonSchema.test.ts fails when the committed file differs from what this writes: run
 * it after any change to src/scenario/schema.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMA_PATH } from '../src/scenario/jsonSchema.ts';
import { schemaFileText } from './schemaFile.ts';

const target = new URL(`../${JSON_SCHEMA_PATH}`, import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, schemaFileText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
