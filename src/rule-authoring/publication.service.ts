import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Conflict, NotFound } from '../api/api-errors.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { ActiveRuleSet } from '../rules/registry/active-rule-set.entity.js';
import { jsonDiff } from '../rules/registry/json-diff.js';
import { RuleAuditEntry } from '../rules/registry/rule-audit-entry.entity.js';
import { RuleSetRegistry, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { RuleSetVersion } from '../rules/registry/rule-set-version.entity.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { RuleValidationService } from './rule-validation.service.js';

export interface SwitchResult {
  kind: RuleSetId;
  activeVersion: number;
  previousVersion: number;
  revision: number;
  rescoring: 'started';
}

/**
 * Publish and roll back: an atomic switch of the active version guarded by a revision number.
 * Of two concurrent switches one wins; the other gets 409 (and is audited). The portfolio is
 * rescored with the new version right after. Nothing inside the transaction reads through
 * another EntityManager (on SQLite's single connection that would wait on itself).
 */
@Injectable()
export class PublicationService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly registry: RuleSetRegistry,
    private readonly validation: RuleValidationService,
    private readonly scoring: ScoringService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  async publish(tenantId: string, kind: RuleSetId, version: number, reason: string, actor: string, expectedActiveVersion?: number): Promise<SwitchResult> {
    const stored = await this.orm.em.fork().findOne(RuleSetVersion, { tenantId, kind, version });
    if (!stored) throw new NotFound(`${kind} rule set version ${version} not found`);
    if (stored.status !== 'draft') throw new Conflict(`version ${version} is already published; use rollback to make it active again`);
    // Validated before the transaction (it reads the portfolio); the catalog may have changed since the draft was stored.
    await this.validation.validOrThrow(tenantId, kind, stored.document, `versions[${version}].document`);
    return this.guarded(tenantId, kind, version, reason, actor, 'published', async (em) => {
      const draft = await em.findOneOrFail(RuleSetVersion, { tenantId, kind, version });
      if (draft.status !== 'draft') throw new Conflict(`version ${version} was published meanwhile`);
      const fromDraftBase = expectedActiveVersion === undefined && draft.basedOnVersion !== null;
      const switched = await this.switchActive(em, tenantId, kind, version, actor, expectedActiveVersion ?? draft.basedOnVersion ?? undefined, fromDraftBase);
      draft.status = 'published';
      draft.publishedAt = new Date();
      draft.publishedBy = actor;
      draft.publishReason = reason;
      return switched;
    });
  }

  async rollback(tenantId: string, kind: RuleSetId, toVersion: number, reason: string, actor: string, expectedActiveVersion?: number): Promise<SwitchResult> {
    const target = await this.registry.document(tenantId, kind, toVersion);
    if (target.status !== 'published') throw new Conflict(`version ${toVersion} was never published; publish it instead`);
    await this.validation.validOrThrow(tenantId, kind, target.document, `versions[${toVersion}].document`);
    return this.guarded(tenantId, kind, toVersion, reason, actor, 'rolled_back', (em) => this.switchActive(em, tenantId, kind, toVersion, actor, expectedActiveVersion, false));
  }

  private async guarded(
    tenantId: string, kind: RuleSetId, version: number, reason: string, actor: string, action: 'published' | 'rolled_back',
    body: (em: EntityManager) => Promise<{ previousVersion: number; revision: number; beforeDoc: unknown; afterDoc: unknown }>,
  ): Promise<SwitchResult> {
    try {
      const result = await this.orm.em.fork().transactional(async (em) => {
        const switched = await body(em);
        em.create(RuleAuditEntry, { tenantId, kind, action, version, fromVersion: switched.previousVersion, actor, reason, changes: jsonDiff(switched.beforeDoc, switched.afterDoc) });
        return switched;
      });
      void this.scoring.rescore(tenantId, 'all', 'publish').catch((error: unknown) => this.log.error({ err: error, tenantId, kind }, 'rescoring after publish failed'));
      return { kind, activeVersion: version, previousVersion: result.previousVersion, revision: result.revision, rescoring: 'started' };
    } catch (error) {
      const conflict = error instanceof UniqueConstraintViolationException ? new Conflict(`another change to the ${kind} rule set was published at the same time; reload and retry`) : error;
      if (conflict instanceof Conflict) {
        await this.orm.em.fork().transactional(async (em) => {
          em.create(RuleAuditEntry, { tenantId, kind, action: 'publish_rejected', version, fromVersion: null, actor, reason: `${reason} — rejected: ${conflict.message}`, changes: [] });
        });
      }
      throw conflict;
    }
  }

  /** Compare-and-swap on the active pointer. */
  private async switchActive(em: EntityManager, tenantId: string, kind: RuleSetId, version: number, actor: string, expected: number | undefined, expectedFromDraftBase: boolean) {
    const active = await em.findOne(ActiveRuleSet, { tenantId, kind });
    const current = active?.version ?? 0;
    if (expected !== undefined && expected !== current) {
      throw new Conflict(
        expectedFromDraftBase
          ? `this draft was based on version ${expected}, but version ${current} is active now; submit a new draft based on it`
          : `expected version ${expected} to be active, but version ${current} is`,
        { activeVersion: current },
      );
    }
    if (current === version) throw new Conflict(`version ${version} is already active`);
    const beforeDoc = (await this.registry.document(tenantId, kind, current, em)).document;
    const afterDoc = (await this.registry.document(tenantId, kind, version, em)).document;
    const now = new Date();
    if (active) {
      const updated = await em.nativeUpdate(ActiveRuleSet, { tenantId, kind, revision: active.revision }, { version, revision: active.revision + 1, activatedAt: now, activatedBy: actor });
      if (updated !== 1) throw new Conflict(`another change to the ${kind} rule set was published at the same time; reload and retry`);
      em.getUnitOfWork().unsetIdentity(active);
      return { previousVersion: current, revision: active.revision + 1, beforeDoc, afterDoc };
    }
    await em.insert(ActiveRuleSet, { tenantId, kind, version, revision: 1, activatedAt: now, activatedBy: actor });
    return { previousVersion: current, revision: 1, beforeDoc, afterDoc };
  }
}
