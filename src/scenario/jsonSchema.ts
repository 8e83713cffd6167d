import { z } from 'zod';
import * as schemas from './schema.ts';

/** Where the package ships the scenario format's JSON Schema, and where gallery files point (`"$schema"`). */
export const JSON_SCHEMA_PATH = 'schema/scenario.schema.json';

/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema (schema.ts), the
 * one source of truth: `npm run schema` writes it to schema/scenario.schema.json with the fields'
 * descriptions (scripts/schemaFile.ts), and a test checks that the committed file is what it writes.
 * Code editors use it to complete and check scenario files.
 *
 * It describes a scenario as written (zod's input shape: a field with a default may be left out),
 * and holds what JSON Schema can say: types, required and unknown fields, allowed values, bounds and
 * patterns. The rules across fields (a maximum above its minimum, references between ids, a
 * variant's changes) are not in it: `stocklab validate` (parseScenario) checks those. Each schema
 * schema.ts exports is a named definition (`$defs`), so the file stays small and readable.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(schemas)) {
    if (value instanceof z.ZodType && value !== schemas.Scenario) registry.add(value, { id: name });
  }
  const generated = z.toJSONSchema(schemas.Scenario, { io: 'input', target: 'draft-2020-12', metadata: registry });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Stocklab scenario',
    description:
      'A Stocklab scenario file (docs/SCENARIO.md). Generated from the zod schema by `npm run schema`; ' +
      'the rules across fields (references between ids, a maximum above its minimum) are checked by `stocklab validate`.',
    ...rest,
  };
}

