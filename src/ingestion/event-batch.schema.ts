import { z } from 'zod';
import { ValidationFailed, type FieldIssue } from '../api/api-errors.js';
import { isoDateTime } from '../api/zod-fields.js';
import { zodIssuesToFieldIssues } from '../api/zod-issues.js';
import type { EventType } from './event-type.js';
import { EVENT_TYPES, EVENT_TYPES_BY_NAME } from './event-types.js';

export const MAX_EVENTS_PER_BATCH = 1000;

export const eventEnvelopeSchema = z.strictObject({
  /** Client-supplied idempotency key, unique per tenant. */
  id: z.string().min(1).max(200),
  type: z.enum(EVENT_TYPES.map((t) => t.type) as [string, ...string[]]),
  /** When it happened at the source (default: on receipt). Orders update events: an older one arriving late never overwrites a newer one. */
  occurredAt: isoDateTime().optional(),
  data: z.record(z.string(), z.unknown()),
});

export const eventBatchSchema = z.strictObject({
  events: z.array(eventEnvelopeSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export interface ParsedEvent {
  index: number;
  id: string;
  type: EventType;
  data: Record<string, unknown>;
  /** When it happened at the source, if the sender said. */
  occurredAt?: Date;
  raw: unknown;
}

/** Validates envelope and payload of every event; reports all problems at once, addressed as events[i].… */
export function parseEventBatch(body: unknown): ParsedEvent[] {
  const batch = eventBatchSchema.safeParse(body);
  if (!batch.success) throw new ValidationFailed(zodIssuesToFieldIssues(batch.error, 'body'));
  const issues: FieldIssue[] = [];
  const parsed: ParsedEvent[] = [];
  const seen = new Map<string, number>();
  batch.data.events.forEach((event, index) => {
    const type = EVENT_TYPES_BY_NAME.get(event.type) as EventType;
    const data = type.data.safeParse(event.data);
    if (!data.success) issues.push(...zodIssuesToFieldIssues(data.error, `body.events[${index}].data`));
    const first = seen.get(event.id);
    if (first !== undefined) {
      issues.push({ path: `body.events[${index}].id`, code: 'duplicate_id', message: `event id '${event.id}' already used by events[${first}] in this batch` });
    }
    seen.set(event.id, index);
    if (data.success) parsed.push({ index, id: event.id, type, data: data.data as Record<string, unknown>, occurredAt: event.occurredAt, raw: (body as { events: unknown[] }).events[index] });
  });
  if (issues.length) throw new ValidationFailed(issues);
  return parsed;
}
