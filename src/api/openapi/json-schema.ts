import { z } from 'zod';

/** A request-body JSON Schema (what clients send, before transforms) for OpenAPI 3.1. */
export function inputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
