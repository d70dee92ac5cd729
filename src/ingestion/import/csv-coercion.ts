import { z } from 'zod';

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; properties?: Record<string, JsonSchema> };

/**
 * CSV cells are text. Convert each cell to the type the resource schema expects (number,
 * boolean, JSON array/object) so the same zod schema validates CSV and JSON imports.
 */
export function csvCoercerFor(schema: z.ZodType): (values: Record<string, unknown>) => Record<string, unknown> {
  const types = fieldTypes(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  return (values) => {
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(values)) out[key] = typeof raw === 'string' ? coerce(raw, types.get(key)) : raw;
    return out;
  };
}

function coerce(raw: string, types: Set<string> | undefined): unknown {
  if (!types) return raw;
  if ((types.has('number') || types.has('integer')) && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (types.has('boolean') && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if ((types.has('array') || types.has('object')) && /^[[{]/.test(raw.trim())) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw; // left as text: validation reports the expected type with the field path
    }
  }
  if (types.has('null') && raw.toLowerCase() === 'null') return null;
  return raw;
}

/** Field name → JSON types it accepts, merged over unions (e.g. the NPS/CSAT survey variants). */
function fieldTypes(schema: JsonSchema): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visitObject = (object: JsonSchema) => {
    for (const option of [...(object.anyOf ?? []), ...(object.oneOf ?? [])]) visitObject(option);
    for (const [key, property] of Object.entries(object.properties ?? {})) {
      const set = out.get(key) ?? new Set<string>();
      collectTypes(property, set);
      out.set(key, set);
    }
  };
  visitObject(schema);
  return out;
}

function collectTypes(schema: JsonSchema, into: Set<string>): void {
  if (typeof schema.type === 'string') into.add(schema.type);
  if (Array.isArray(schema.type)) schema.type.forEach((t) => into.add(t));
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) collectTypes(option, into);
}
