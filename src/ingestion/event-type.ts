import type { EntityManager } from '@mikro-orm/core';
import type { z } from 'zod';
import type { ReferenceCheck } from '../resources/resource-definition.js';
import type { EventSource } from './field-versions.js';

export interface AppliedEvent {
  accountId: string | null;
  entityId: string | null;
}

/**
 * One kind of ingestion event: its payload schema, the ids it references (checked per batch)
 * and how it changes the domain. `entityId` is derived from the event id, so replays address
 * the same row. `source` says which event this is and when it happened (updates use it to ignore
 * a late, older event).
 */
export interface EventType<T = any> {
  type: string;
  description: string;
  data: z.ZodType<T>;
  references: ReferenceCheck[];
  apply(em: EntityManager, tenantId: string, data: T, entityId: string, source: EventSource): Promise<AppliedEvent>;
}
