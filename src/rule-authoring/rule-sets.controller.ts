import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'express';
import { parseOrThrow } from '../api/zod-issues.js';
import { RuleAuditEntry } from '../rules/registry/rule-audit-entry.entity.js';
import { RuleSetRegistry, type AnyRuleDocument, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { BacktestService } from './backtest.service.js';
import { PublicationService } from './publication.service.js';
import { auditQuery, backtestBody, candidateBody, draftBody, kindOrThrow, publishBody, rollbackBody, validateBody, versionParam } from './rule-authoring.schemas.js';
import { RuleValidationService } from './rule-validation.service.js';
import { RuleVersionsService } from './rule-versions.service.js';
import { SimulationService } from './simulation.service.js';
import { Requires } from '../auth/policy.decorators.js';
import { Actor } from '../auth/request-principal.js';

const DAY = 86_400_000;

/** Authoring for retention program owners: validate, draft, simulate, backtest, publish, roll back, audit. */
@Controller('rule-sets')
export class RuleSetsController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly registry: RuleSetRegistry,
    private readonly versions: RuleVersionsService,
    private readonly validation: RuleValidationService,
    private readonly simulation: SimulationService,
    private readonly backtests: BacktestService,
    private readonly publication: PublicationService,
  ) {}

  @Get()
  @Requires('rules.read')
  async overview(@TenantId() tenantId: string) {
    await this.tenants.assertExists(tenantId);
    return { ruleSets: await this.versions.overview(tenantId) };
  }

  @Get('audit')
  @Requires('rules.read')
  async audit(@TenantId() tenantId: string, @Query() query: unknown) {
    await this.tenants.assertExists(tenantId);
    const { kind, limit } = parseOrThrow(auditQuery, query, 'query');
    if (kind) this.kind(kind);
    const items = await this.orm.em.fork().find(RuleAuditEntry, { tenantId, ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
    return { items };
  }

  @Get(':kind')
  @Requires('rules.read')
  async active(@TenantId() tenantId: string, @Param('kind') rawKind: string) {
    await this.tenants.assertExists(tenantId);
    const kind = this.kind(rawKind);
    const active = (await this.registry.active(tenantId))[kind];
    return { kind, version: active.version, hash: active.hash, revision: active.revision, document: active.document };
  }

  @Get(':kind/versions')
  @Requires('rules.read')
  async list(@TenantId() tenantId: string, @Param('kind') kind: string) {
    await this.tenants.assertExists(tenantId);
    return this.versions.list(tenantId, this.kind(kind));
  }

  @Get(':kind/versions/:version')
  @Requires('rules.read')
  async version(@TenantId() tenantId: string, @Param('kind') kind: string, @Param('version') version: string) {
    await this.tenants.assertExists(tenantId);
    const v = versionParam(version);
    return { kind, version: v, ...(await this.registry.document(tenantId, this.kind(kind), v)) };
  }

  /** The version as a rules/<kind>.json file, for firms that keep rules in git. */
  @Get(':kind/versions/:version/export')
  @Requires('rules.read')
  async export(@TenantId() tenantId: string, @Param('kind') kind: string, @Param('version') version: string, @Res() res: Response) {
    await this.tenants.assertExists(tenantId);
    const k = this.kind(kind);
    const { document } = await this.registry.document(tenantId, k, versionParam(version));
    res.setHeader('content-disposition', `attachment; filename="${k}.json"`);
    res.type('application/json').send(`${JSON.stringify(document, null, 2)}\n`);
  }

  @Post(':kind/validate')
  @Requires('rules.author')
  @HttpCode(200)
  async validate(@TenantId() tenantId: string, @Param('kind') kind: string, @Body() document: unknown) {
    await this.tenants.assertExists(tenantId);
    const { valid, issues } = await this.validation.validate(tenantId, this.kind(kind), parseOrThrow(validateBody, document, 'body'));
    return { valid, issues };
  }

  @Post(':kind/drafts')
  @Requires('rules.author')
  async draft(@TenantId() tenantId: string, @Param('kind') kind: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const { document, basedOnVersion } = parseOrThrow(draftBody, body, 'body');
    return this.versions.submitDraft(tenantId, this.kind(kind), document, basedOnVersion, actor);
  }

  @Post(':kind/simulate')
  @Requires('rules.author')
  @HttpCode(200)
  async simulate(@TenantId() tenantId: string, @Param('kind') rawKind: string, @Body() body: unknown) {
    await this.tenants.assertExists(tenantId);
    const kind = this.kind(rawKind);
    const { document, version } = await this.candidate(tenantId, kind, parseOrThrow(candidateBody, body, 'body'));
    return this.simulation.simulate(tenantId, kind, document, version);
  }

  @Post(':kind/backtest')
  @Requires('rules.author')
  @HttpCode(200)
  async backtest(@TenantId() tenantId: string, @Param('kind') rawKind: string, @Body() body: unknown) {
    await this.tenants.assertExists(tenantId);
    const kind = this.kind(rawKind);
    const parsed = parseOrThrow(backtestBody, body, 'body');
    const { document, version } = await this.candidate(tenantId, kind, parsed);
    const to = parsed.to ? new Date(parsed.to) : new Date();
    const from = parsed.from ? new Date(parsed.from) : new Date(to.getTime() - 90 * DAY);
    return this.backtests.backtest(tenantId, kind, document, version, from, to);
  }

  @Post(':kind/versions/:version/publish')
  @Requires('rules.publish')
  @HttpCode(200)
  async publish(@TenantId() tenantId: string, @Param('kind') kind: string, @Param('version') version: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const { reason, expectedActiveVersion } = parseOrThrow(publishBody, body, 'body');
    return this.publication.publish(tenantId, this.kind(kind), versionParam(version), reason, actor, expectedActiveVersion);
  }

  @Post(':kind/rollback')
  @Requires('rules.publish')
  @HttpCode(200)
  async rollback(@TenantId() tenantId: string, @Param('kind') kind: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const { toVersion, reason, expectedActiveVersion } = parseOrThrow(rollbackBody, body, 'body');
    return this.publication.rollback(tenantId, this.kind(kind), toVersion, reason, actor, expectedActiveVersion);
  }

  private kind(raw: string): RuleSetId {
    return kindOrThrow(raw, this.registry.ids());
  }

  /** A candidate is an inline document (validated like a draft) or a stored version. */
  private async candidate(tenantId: string, kind: RuleSetId, body: { document?: unknown; version?: number }): Promise<{ document: AnyRuleDocument; version: number }> {
    if ('version' in body && body.version !== undefined) return { document: (await this.registry.document(tenantId, kind, body.version)).document, version: body.version };
    return { document: await this.validation.validOrThrow(tenantId, kind, body.document), version: -1 };
  }
}
