import { z } from 'zod';

/** A request-body JSON Schema (what clients send, before transforms) for OpenAPI 3.1. */
export function inputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** OpenAPI query parameters from a zod object schema (one parameter per field, with its JSON Schema). */
export function queryParameters(schema: z.ZodObject): Record<string, unknown>[] {
  const json = inputSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
}
