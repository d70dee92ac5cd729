import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { z } from 'zod';
import { Conflict, NotFound } from '../api/api-errors.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';
import type { apiKeyCreateBody, userCreateBody, userUpdateBody } from './access.schemas.js';
import { ApiKey } from './api-key.entity.js';
import { hashPassword, newApiKeySecret } from './secrets.js';
import { User } from './user.entity.js';

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, personId: u.personId ?? null, disabled: !!u.disabledAt, createdAt: u.createdAt });
const publicKey = (k: ApiKey) => ({ id: k.id, name: k.name, role: k.role, rateLimitPerMinute: k.rateLimitPerMinute ?? null, createdBy: k.createdBy, createdAt: k.createdAt, revokedAt: k.revokedAt ?? null });

/** A firm's users and API keys. Secrets are hashed; an API key's secret is returned once, at creation. */
@Injectable()
export class AccessService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async users(tenantId: string) {
    return (await this.orm.em.fork().find(User, { tenantId }, { orderBy: { email: 'asc' } })).map(publicUser);
  }

  async createUser(tenantId: string, input: z.output<typeof userCreateBody>) {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    try {
      return await retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
        const user = em.create(User, { tenantId, email: input.email.toLowerCase(), name: input.name, passwordHash, roles: input.roles, personId: input.personId ?? null, disabledAt: null });
        await em.flush();
        return publicUser(user);
      }));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new Conflict(`a user with email ${input.email} exists`);
      throw error;
    }
  }

  async updateUser(tenantId: string, id: string, input: z.output<typeof userUpdateBody>) {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const user = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(User, { tenantId, id }) : null;
      if (!user) throw new NotFound(`user ${id} not found`);
      const staysAdmin = (input.roles ?? user.roles).includes('admin') && !(input.disabled ?? !!user.disabledAt);
      if (user.roles.includes('admin') && !user.disabledAt && !staysAdmin) await this.assertAnotherAdmin(em, tenantId, user.id);
      if (input.name !== undefined) user.name = input.name;
      if (input.roles !== undefined) user.roles = input.roles;
      if (input.personId !== undefined) user.personId = input.personId;
      if (passwordHash) user.passwordHash = passwordHash;
      if (input.disabled !== undefined) user.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
      await em.flush();
      return publicUser(user);
    }));
  }

  /** A firm must keep one active admin, or nobody could manage its access any more. */
  private async assertAnotherAdmin(em: EntityManager, tenantId: string, exceptId: string): Promise<void> {
    const admins = await em.find(User, { tenantId, disabledAt: null, id: { $ne: exceptId } }, { fields: ['roles'] });
    if (!admins.some((u) => u.roles.includes('admin'))) throw new Conflict('this is the last active admin of the firm: make someone else admin first');
  }

  async apiKeys(tenantId: string) {
    return (await this.orm.em.fork().find(ApiKey, { tenantId }, { orderBy: { createdAt: 'desc', id: 'asc' } })).map(publicKey);
  }

  async createApiKey(tenantId: string, input: z.output<typeof apiKeyCreateBody>, createdBy: string) {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const key = em.create(ApiKey, { tenantId, name: input.name, role: input.role, rateLimitPerMinute: input.rateLimitPerMinute ?? null, createdBy, secretHash: '', revokedAt: null });
      const { token, secretHash } = newApiKeySecret(key.id);
      key.secretHash = secretHash;
      await em.flush();
      return { ...publicKey(key), token };
    }));
  }

  async revokeApiKey(tenantId: string, id: string) {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const key = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(ApiKey, { tenantId, id }) : null;
      if (!key) throw new NotFound(`API key ${id} not found`);
      key.revokedAt ??= new Date();
      await em.flush();
      return publicKey(key);
    }));
  }
}
