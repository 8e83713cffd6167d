import type { z } from 'zod';
import { Demand, Disruption, Distribution, ForecastMethod, Node, Occurrence, Policy } from '../../src/scenario/schema.ts';

/**
 * What the forms need to know about the scenario schema's discriminated unions, read from the zod
 * schema itself (the single source of truth): each `type`'s fields, which are required, and the
 * defaults of the others. A field added to the schema appears in the forms without a change here.
 */
export interface FieldInfo {
  key: string;
  required: boolean;
  /** the value the schema fills in when the field is absent (undefined when none) */
  fallback: unknown;
}

export interface VariantInfo {
  type: string;
  /** fields in schema order, `type` excluded */
  fields: FieldInfo[];
}

type ObjectLike = { shape: Record<string, z.ZodType> };

function variants(union: { options: ReadonlyArray<unknown> }): Map<string, VariantInfo> {
  const map = new Map<string, VariantInfo>();
  for (const option of union.options as ReadonlyArray<ObjectLike>) {
    const { type, ...rest } = option.shape;
    const value = (type as unknown as { value: unknown }).value;
    if (typeof value !== 'string') continue;
    const fields = Object.entries(rest).map(([key, schema]) => {
      const empty = schema.safeParse(undefined);
      return { key, required: !empty.success, fallback: empty.success ? empty.data : undefined };
    });
    map.set(value, { type: value, fields });
  }
  return map;
}

export const distributionTypes = variants(Distribution);
export const policyTypes = variants(Policy);
export const nodeTypes = variants(Node);
export const demandTypes = variants(Demand);
export const forecastMethods = variants(ForecastMethod);
export const disruptionTypes = variants(Disruption);
export const occurrenceTypes = variants(Occurrence);

/** Every field any variant of the union knows. */
export function knownKeys(types: Map<string, VariantInfo>): Set<string> {
  const keys = new Set<string>(['type']);
  for (const info of types.values()) for (const field of info.fields) keys.add(field.key);
  return keys;
}
