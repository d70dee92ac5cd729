import type { EntitySchema } from '@mikro-orm/core';
import type { z } from 'zod';

/** A reference field in a body that must point at a row of the same tenant. */
export interface ReferenceCheck {
  field: string;
  entity: EntitySchema<any, any>;
  label: string;
}

/**
 * Everything the generic CRUD layer and the OpenAPI document need to know about one resource.
 * One definition per entity; controllers, validation and docs are derived from it.
 */
export interface ResourceDefinition {
  /** URL segment, e.g. 'touchpoints'. */
  path: string;
  /** Human name for messages and docs, e.g. 'touchpoint'. */
  singular: string;
  entity: EntitySchema<any, any>;
  create: z.ZodType;
  update: z.ZodType;
  references: ReferenceCheck[];
  /** Equality filters accepted on the list endpoint. */
  filters: readonly string[];
  /** Default list order, newest first for history. */
  orderBy: Record<string, 'asc' | 'desc'>;
  /** Rows owned by an account (deleted with it). */
  accountScoped: boolean;
}
