import type { EntityManager } from '@mikro-orm/core';
import { ValidationFailed, type FieldIssue } from '../api/api-errors.js';
import type { ReferenceCheck } from './resource-definition.js';

export interface MissingReference {
  rowIndex: number;
  field: string;
  issue: FieldIssue;
}

/**
 * Every id a body mentions must name a row of the same tenant. One query per reference field
 * for a whole batch of rows, never one per row.
 */
export async function findMissingReferences(
  em: EntityManager,
  tenantId: string,
  references: ReferenceCheck[],
  rows: Record<string, unknown>[],
  pathOf: (rowIndex: number, field: string) => string,
): Promise<MissingReference[]> {
  const missing: MissingReference[] = [];
  for (const ref of references) {
    const ids = [...new Set(rows.map((row) => row[ref.field]).filter((v): v is string => typeof v === 'string'))];
    if (ids.length === 0) continue;
    const found = await em.find(ref.entity, { tenantId, id: { $in: ids } } as never, { fields: ['id'] as never });
    const known = new Set(found.map((row) => (row as { id: string }).id));
    rows.forEach((row, rowIndex) => {
      const id = row[ref.field];
      if (typeof id === 'string' && !known.has(id)) {
        missing.push({
          rowIndex,
          field: ref.field,
          issue: { path: pathOf(rowIndex, ref.field), code: 'unknown_reference', message: `no ${ref.label} with id ${id} in this tenant`, expected: `id of an existing ${ref.label}` },
        });
      }
    });
  }
  return missing;
}

export async function assertReferencesExist(...args: Parameters<typeof findMissingReferences>): Promise<void> {
  const missing = await findMissingReferences(...args);
  if (missing.length) throw new ValidationFailed(missing.map((m) => m.issue));
}
