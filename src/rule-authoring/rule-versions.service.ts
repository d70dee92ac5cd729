import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { retryOnBusy } from '../persistence/retry-on-busy.js';
import { canonicalHash } from '../rules/defaults/canonical-hash.js';
import { jsonDiff } from '../rules/registry/json-diff.js';
import { RuleAuditEntry } from '../rules/registry/rule-audit-entry.entity.js';
import { RuleSetRegistry, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { RuleSetVersion } from '../rules/registry/rule-set-version.entity.js';
import { RuleValidationService } from './rule-validation.service.js';

/** Drafts and the version list. A draft is stored only when it validates; versions are immutable. */
@Injectable()
export class RuleVersionsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly registry: RuleSetRegistry,
    private readonly validation: RuleValidationService,
  ) {}

  async overview(tenantId: string) {
    const active = await this.registry.active(tenantId);
    const latest = await this.orm.em.fork().find(RuleSetVersion, { tenantId }, { fields: ['kind', 'version', 'status'], orderBy: { version: 'desc' } });
    return this.registry.ids().map((kind) => ({
      kind,
      plugin: this.registry.packOf(kind)?.plugin ?? null,
      name: (active[kind].document as { name: string }).name,
      activeVersion: active[kind].version,
      hash: active[kind].hash,
      revision: active[kind].revision,
      latestVersion: latest.find((v) => v.kind === kind)?.version ?? 0,
      drafts: latest.filter((v) => v.kind === kind && v.status === 'draft').map((v) => v.version),
    }));
  }

  async list(tenantId: string, kind: RuleSetId) {
    const active = await this.registry.active(tenantId);
    const rows = await this.orm.em.fork().find(RuleSetVersion, { tenantId, kind }, { orderBy: { version: 'desc' }, fields: ['version', 'status', 'hash', 'basedOnVersion', 'createdBy', 'createdAt', 'publishedAt', 'publishedBy', 'publishReason'] });
    const shipped = this.registry.defaultOf(kind)!;
    const pack = this.registry.packOf(kind);
    return {
      kind,
      activeVersion: active[kind].version,
      versions: [...rows.map(({ id: _, ...rest }) => rest), { version: 0, status: 'published', hash: shipped.hash, basedOnVersion: null, createdBy: pack ? `plugin ${pack.plugin}` : 'rules/ files', createdAt: null, publishedAt: null, publishedBy: null, publishReason: pack ? `rule pack shipped with plugin ${pack.plugin} (${pack.file})` : 'default rule set shipped in rules/' }],
    };
  }

  async submitDraft(tenantId: string, kind: RuleSetId, document: unknown, basedOnVersion: number | undefined, actor: string) {
    const valid = await this.validation.validOrThrow(tenantId, kind, document);
    // Two drafts submitted at once may both pick the next version number: the loser takes the one after.
    for (let attempt = 1; ; attempt++) {
      try {
        return await retryOnBusy(() => this.saveDraft(tenantId, kind, valid, basedOnVersion, actor));
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 5) throw error;
      }
    }
  }

  private saveDraft(tenantId: string, kind: RuleSetId, valid: unknown, basedOnVersion: number | undefined, actor: string) {
    return this.orm.em.fork().transactional(async (em) => {
      const active = await this.registry.active(tenantId, em);
      const base = basedOnVersion ?? active[kind].version;
      const baseDoc = (await this.registry.document(tenantId, kind, base, em)).document;
      const [last] = await em.find(RuleSetVersion, { tenantId, kind }, { orderBy: { version: 'desc' }, limit: 1, fields: ['version'] });
      const version = (last?.version ?? 0) + 1;
      const row = em.create(RuleSetVersion, { tenantId, kind, version, status: 'draft', document: valid as Record<string, unknown>, hash: canonicalHash(valid), basedOnVersion: base, createdBy: actor });
      em.create(RuleAuditEntry, { tenantId, kind, action: 'draft_submitted', version, fromVersion: base, actor, reason: null, changes: jsonDiff(baseDoc, valid) });
      return { kind, version: row.version, status: row.status, hash: row.hash, basedOnVersion: base, changes: jsonDiff(baseDoc, valid) };
    });
  }
}
