import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, UuidType, wrap, type EntityManager } from '@mikro-orm/core';
import { Conflict, NotFound, ValidationFailed } from '../api/api-errors.js';
import { isUuid } from '../api/uuid.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { AccountActivity } from '../ingestion/account-activity.js';
import { AccountAttributesValidator } from '../plugin-host/account-attributes.validator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { assertWritable, rowInScope, scopeWhere, type AccountScope } from './crud-access.js';
import { parseListQuery } from './list-query.js';
import { assertReferencesExist } from './reference-checker.js';
import type { ResourceDefinition } from './resource-definition.js';
import { RESOURCES } from './resource-definitions.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

type Row = Record<string, unknown>;

/** Tenant-scoped create/read/update/delete for any ResourceDefinition. */
@Injectable()
export class CrudService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly activity: AccountActivity,
    private readonly attributes: AccountAttributesValidator,
  ) {}

  /** History changed through CRUD rescores its account like an ingested event does (after commit). */
  private touched(tenantId: string, def: ResourceDefinition, row: Row): void {
    const accountId = def.path === 'accounts' ? (row.id as string) : (row.accountId as string | null | undefined);
    if (accountId && def.path !== 'tasks') this.activity.publish(tenantId, [accountId]);
  }

  async list(tenantId: string, def: ResourceDefinition, query: Record<string, unknown>, scope: AccountScope | null = null): Promise<Page<Row>> {
    await this.tenants.assertExists(tenantId);
    const { limit, offset, filters } = parseListQuery(query, def.filters);
    const em = this.orm.em.fork();
    const limitTo = scopeWhere(def, scope);
    const where = { ...this.coerceFilters(em, def, filters), tenantId, ...(limitTo ? { $and: [limitTo] } : {}) };
    const [items, total] = await em.findAndCount(def.entity, where as never, { limit, offset, orderBy: { ...def.orderBy, id: 'asc' } as never });
    return { items: items.map(toPlain), total, limit, offset };
  }

  async get(tenantId: string, def: ResourceDefinition, id: string, scope: AccountScope | null = null): Promise<Row> {
    await this.tenants.assertExists(tenantId);
    return toPlain(await this.load(this.orm.em.fork(), tenantId, def, id, scope));
  }

  async create(tenantId: string, def: ResourceDefinition, body: unknown, scope: AccountScope | null = null): Promise<Row> {
    await this.tenants.assertExists(tenantId);
    const data = this.parse(def, def.create, body);
    assertWritable(def, data, scope);
    const row = await retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      await assertReferencesExist(em, tenantId, def.references, [data], (_, field) => `body.${field}`);
      const entity = em.create(def.entity, { ...data, tenantId } as never);
      await this.flush(em, def);
      return toPlain(entity);
    }));
    this.touched(tenantId, def, row);
    return row;
  }

  async update(tenantId: string, def: ResourceDefinition, id: string, body: unknown, scope: AccountScope | null = null): Promise<Row> {
    await this.tenants.assertExists(tenantId);
    const data = this.parse(def, def.update, body);
    const row = await retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const entity = await this.load(em, tenantId, def, id, scope);
      assertWritable(def, { ...toPlain(entity), ...data }, scope);
      await assertReferencesExist(em, tenantId, def.references, [data], (_, field) => `body.${field}`);
      wrap(entity).assign(data as never);
      await this.flush(em, def);
      return toPlain(entity);
    }));
    this.touched(tenantId, def, row);
    return row;
  }

  /** Deleting an account removes its whole history in the same transaction: no orphans. */
  async remove(tenantId: string, def: ResourceDefinition, id: string, scope: AccountScope | null = null): Promise<void> {
    await this.tenants.assertExists(tenantId);
    await retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const entity = await this.load(em, tenantId, def, id, scope);
      assertWritable(def, toPlain(entity), scope);
      if (def.path === 'accounts') {
        for (const owned of RESOURCES.filter((r) => r.accountScoped)) {
          await em.nativeDelete(owned.entity, { tenantId, accountId: id } as never);
        }
      }
      em.remove(entity);
    }));
  }

  /** The body by the resource's schema; an account's plugin attributes by each plugin's schema. */
  private parse(def: ResourceDefinition, schema: ResourceDefinition['create'], body: unknown): Row {
    const data = parseOrThrow(schema, body, 'body') as Row;
    if (def.path === 'accounts' && 'attributes' in data) data.attributes = this.attributes.parse(data.attributes, 'body.attributes');
    return data;
  }

  private async load(em: EntityManager, tenantId: string, def: ResourceDefinition, id: string, scope: AccountScope | null = null): Promise<object> {
    // Another tenant's id, or an account an account manager does not serve, is indistinguishable from a missing one.
    const entity = isUuid(id) ? await em.findOne(def.entity, { id, tenantId } as never) : null;
    if (!entity || !rowInScope(def, toPlain(entity), scope)) throw new NotFound(`${def.singular} ${id} not found`);
    return entity;
  }

  private async flush(em: EntityManager, def: ResourceDefinition): Promise<void> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new Conflict(`a ${def.singular} with the same unique key (e.g. externalRef) already exists`);
      }
      throw error;
    }
  }

  /** Query strings are text; compare booleans and numbers as their column type. */
  private coerceFilters(em: EntityManager, def: ResourceDefinition, filters: Record<string, string>): Row {
    const meta = em.getMetadata().get(def.entity as never);
    const out: Row = {};
    for (const [key, raw] of Object.entries(filters)) {
      const property = meta.properties[key as never] as { runtimeType?: string; customType?: unknown } | undefined;
      const type = property?.runtimeType;
      // A value the column cannot hold matches nothing; PostgreSQL would refuse it with an error (a 500).
      if (property?.customType instanceof UuidType && !isUuid(raw)) throw new ValidationFailed([{ path: `query.${key}`, code: 'invalid_format', message: 'expected a UUID', expected: 'uuid' }]);
      if (type === 'number' && !Number.isFinite(Number(raw))) throw new ValidationFailed([{ path: `query.${key}`, code: 'invalid_type', message: 'expected a number', expected: 'number' }]);
      out[key] = type === 'boolean' ? raw === 'true' : type === 'number' ? Number(raw) : raw;
    }
    return out;
  }
}

export function toPlain(entity: object): Row {
  return wrap(entity as never).toObject() as Row;
}
