/**
 * schema/scenario.schema.json as `npm run schema` writes it: the JSON Schema generated from the zod
 * schema (src/scenario/jsonSchema.ts), with each field's description taken from the comment above it
 * in src/scenario/schema.ts, so that an editor shows it on hover. The comments stay where they are,
 * in the schema's source, one source of truth for both; this reads them with the TypeScript parser.
 *
 * A field's comment sits in an object literal (a `z.strictObject({...})` shape): it describes the
 * property of that name in a JSON Schema object whose properties include every key of that literal
 * (the largest such literal wins, so `id` in a lane does not take a product's comment). A comment
 * above a literal (a union's member) describes the object of exactly its keys (and its `type`); one
 * above an exported schema describes its definition (`$defs`).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { scenarioJsonSchema } from '../src/scenario/jsonSchema.ts';

interface Literal {
  keys: Set<string>;
  comments: Map<string, string>;
  /** the comment above the literal itself */
  own?: string;
  /** its `type: z.literal('...')`, a union member's discriminator */
  type?: string;
}

const SCHEMA_SOURCE = new URL('../src/scenario/schema.ts', import.meta.url);

/** The text of the last JSDoc comment before `node`, on one line; undefined when there is none. */
function docOf(node: ts.Node, text: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const doc = ranges.filter((range) => text.startsWith('/**', range.pos)).at(-1);
  if (!doc) return undefined;
  return text
    .slice(doc.pos + 3, doc.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every object literal's keys and field comments in schema.ts, and the comments of its constants. */
export function schemaComments(text = readFileSync(SCHEMA_SOURCE, 'utf8')): { literals: Literal[]; constants: Map<string, string> } {
  const source = ts.createSourceFile('schema.ts', text, ts.ScriptTarget.Latest, true);
  const literals: Literal[] = [];
  const constants = new Map<string, string>();
  // the keys of shapes spread into others (`...demandShape`)
  const shapes = new Map<string, Set<string>>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableStatement(node)) {
      const doc = docOf(node, text);
      for (const declaration of node.declarationList.declarations) {
        if (doc && ts.isIdentifier(declaration.name)) constants.set(declaration.name.text, doc);
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const literal: Literal = { keys: new Set(), comments: new Map() };
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) for (const key of shapes.get(property.expression.text) ?? []) literal.keys.add(key);
        if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
        const key = property.name.text;
        literal.keys.add(key);
        if (key === 'type' && ts.isPropertyAssignment(property) && ts.isCallExpression(property.initializer) && property.initializer.arguments.length > 0) {
          const [value] = property.initializer.arguments;
          if (ts.isStringLiteral(value) && property.initializer.expression.getText(source).endsWith('.literal')) literal.type = value.text;
        }
        // a shorthand (`storageClass,`) takes the comment of the constant it names
        const doc = docOf(property, text) ?? (ts.isShorthandPropertyAssignment(property) ? constants.get(key) : undefined);
        if (doc) literal.comments.set(key, doc);
      }
      // a literal's own comment: above it, or above the z.strictObject(...) call holding it
      const holder = ts.isCallExpression(node.parent) ? node.parent : node;
      const own = docOf(holder, text);
      if (own && !(ts.isPropertyAssignment(holder.parent) || ts.isVariableDeclaration(holder.parent))) literal.own = own;
      literals.push(literal);
      if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) shapes.set(node.parent.name.text, literal.keys);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, constants };
}

/** Adds descriptions to `schema` (in place) from schema.ts's comments. */
export function withDescriptions(schema: Record<string, unknown>, comments = schemaComments()): Record<string, unknown> {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
    if (properties && typeof properties === 'object') {
      const keys = new Set(Object.keys(properties));
      // a union's members: the literal of the same `type` only
      const type = properties.type?.const;
      const within = comments.literals.filter((literal) => [...literal.keys].every((key) => keys.has(key)) && (literal.type === undefined || type === undefined || literal.type === type));
      for (const [key, property] of Object.entries(properties)) {
        const candidates = within.filter((literal) => literal.comments.has(key));
        const most = Math.max(...candidates.map((literal) => literal.keys.size));
        const texts = new Set(candidates.filter((literal) => literal.keys.size === most).map((literal) => literal.comments.get(key)!));
        if (texts.size === 1 && property.description === undefined) property.description = [...texts][0];
      }
      const own = new Set(within.filter((literal) => literal.own !== undefined && literal.keys.size === keys.size).map((literal) => literal.own!));
      if (own.size === 1 && record.description === undefined) record.description = [...own][0];
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(schema);
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, definition] of Object.entries(defs)) {
    const doc = comments.constants.get(name);
    if (doc && definition.description === undefined) definition.description = doc;
  }
  return schema;
}

/** The file's text: the generated schema with its descriptions, two-space indents, a final new line. */
export function schemaFileText(): string {
  return `${JSON.stringify(withDescriptions(scenarioJsonSchema()), null, 2)}\n`;
}
