import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Conflict, NotFound } from '../api/api-errors.js';
import { Tenant } from './tenant.entity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

@Injectable()
export class TenantsService {
  /** Tenants are never deleted, so a positive lookup can be remembered for the process lifetime. */
  private readonly known = new Set<string>();

  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(id: string, name: string): Promise<Tenant> {
    const em = this.orm.em.fork();
    if (await em.findOne(Tenant, { id })) throw new Conflict(`tenant '${id}' already exists`);
    const tenant = em.create(Tenant, { id, name, plugins: null });
    await em.flush();
    this.known.add(id);
    return tenant;
  }

  async get(id: string): Promise<Tenant> {
    const tenant = await this.orm.em.fork().findOne(Tenant, { id });
    if (!tenant) throw new NotFound(`tenant '${id}' not found`);
    this.known.add(id);
    return tenant;
  }

  async list(): Promise<Tenant[]> {
    return this.orm.em.fork().find(Tenant, {}, { orderBy: { id: 'asc' } });
  }

  /** Enabled plugin ids, or null when every installed plugin applies (the default). */
  async enabledPlugins(id: string): Promise<string[] | null> {
    const tenant = await this.orm.em.fork().findOne(Tenant, { id }, { fields: ['plugins'] });
    return tenant?.plugins ?? null;
  }

  async setEnabledPlugins(id: string, plugins: string[] | null): Promise<Tenant> {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const tenant = await em.findOne(Tenant, { id });
      if (!tenant) throw new NotFound(`tenant '${id}' not found`);
      tenant.plugins = plugins;
      return tenant;
    }));
  }

  async assertExists(id: string): Promise<void> {
    if (!this.known.has(id)) await this.get(id);
  }
}
