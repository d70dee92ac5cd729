import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Conflict } from '../api/api-errors.js';
import { assertReferencesExist } from '../resources/reference-checker.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { canonicalJson, deterministicUuid, sha256 } from './deterministic-id.js';
import { parseEventBatch, type ParsedEvent } from './event-batch.schema.js';
import { IngestedEvent } from './ingested-event.entity.js';
import { AccountActivity } from './account-activity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

export interface EventResult {
  id: string;
  type: string;
  status: 'applied' | 'duplicate';
  entityId: string | null;
  accountId: string | null;
}

export interface BatchResult {
  applied: number;
  duplicates: number;
  results: EventResult[];
}

/**
 * Applies a batch of events all-or-nothing. Each event id is recorded in the same transaction
 * as its effect, so a retried or duplicated delivery is recognised and changes nothing.
 */
@Injectable()
export class EventIngestionService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly activity: AccountActivity,
  ) {}

  async ingest(tenantId: string, body: unknown): Promise<BatchResult> {
    await this.tenants.assertExists(tenantId);
    const events = parseEventBatch(body);
    let result: BatchResult;
    try {
      result = await this.applyOnce(tenantId, events);
    } catch (error) {
      // A concurrent delivery of the same ids committed first: run again, now they are duplicates.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      result = await this.applyOnce(tenantId, events);
    }
    const touched = new Set(result.results.filter((r) => r.status === 'applied' && r.accountId).map((r) => r.accountId as string));
    if (touched.size) this.activity.publish(tenantId, [...touched]);
    return result;
  }

  private applyOnce(tenantId: string, events: ParsedEvent[]): Promise<BatchResult> {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const hashes = new Map(events.map((e) => [e.id, sha256(canonicalJson(e.raw))]));
      const previous = await em.find(IngestedEvent, { tenantId, eventId: { $in: events.map((e) => e.id) } });
      const byId = new Map(previous.map((p) => [p.eventId, p]));
      const conflicts = events.filter((e) => byId.has(e.id) && byId.get(e.id)!.payloadHash !== hashes.get(e.id));
      if (conflicts.length) {
        throw new Conflict('event ids were already used with a different payload; nothing was changed', {
          events: conflicts.map((e) => ({ path: `body.events[${e.index}].id`, id: e.id })),
        });
      }
      const fresh = events.filter((e) => !byId.has(e.id));
      await this.checkReferences(em, tenantId, fresh);

      const results: EventResult[] = [];
      const receivedAt = new Date();
      for (const event of events) {
        const prior = byId.get(event.id);
        if (prior) {
          results.push({ id: event.id, type: event.type.type, status: 'duplicate', entityId: prior.entityId ?? null, accountId: prior.accountId ?? null });
          continue;
        }
        // An event without occurredAt happened when it arrived (later than anything before it).
        const source = { eventId: event.id, occurredAt: event.occurredAt ?? receivedAt };
        const applied = await event.type.apply(em, tenantId, event.data, deterministicUuid(tenantId, 'event', event.id), source);
        em.create(IngestedEvent, { tenantId, eventId: event.id, type: event.type.type, payloadHash: hashes.get(event.id)!, accountId: applied.accountId, entityId: applied.entityId });
        // Flush per event so later events in the batch can see the rows earlier ones created.
        await em.flush();
        results.push({ id: event.id, type: event.type.type, status: 'applied', ...applied });
      }
      return { applied: fresh.length, duplicates: events.length - fresh.length, results };
    }));
  }

  /** Reference checks grouped by event type: one query per type and field for the whole batch. */
  private async checkReferences(em: EntityManager, tenantId: string, events: ParsedEvent[]): Promise<void> {
    const createdInBatch = new Set(events.map((e) => deterministicUuid(tenantId, 'event', e.id)));
    const byType = Map.groupBy(events, (e) => e.type);
    for (const [type, group] of byType) {
      // Rows created earlier in the same batch count as existing.
      const rows = group.map((e) => Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, typeof v === 'string' && createdInBatch.has(v) ? undefined : v])));
      await assertReferencesExist(em, tenantId, type.references, rows, (i, field) => `body.events[${group[i].index}].data.${field}`);
    }
  }
}
