import { z } from 'zod';

/**
 * PATCH body from a create body: every field optional, defaults removed (zod's partial() would
 * re-apply defaults and silently reset fields the client did not send), immutable keys dropped.
 */
export function patchSchemaOf(create: z.ZodObject, immutable: readonly string[] = []): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape as Record<string, z.ZodType>)) {
    if (immutable.includes(key)) continue;
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    shape[key] = bare.optional();
  }
  return z.strictObject(shape).refine((value) => Object.keys(value).length > 0, { message: 'expected at least one field to change' });
}
