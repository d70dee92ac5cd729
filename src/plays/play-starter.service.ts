import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import { Account } from '../accounts/account.entity.js';
import { NotFound } from '../api/api-errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { PlayInput, PlayKind } from '../../workflows/shared/play-types.js';
import { PlayInstance } from './play-instance.entity.js';
import { PlayTemplateCatalog } from './play-template-catalog.js';
import { playSearchAttributes } from './play-search-attributes.js';
import { PLAY_WORKFLOW_TYPES, playWorkflowId } from './play-workflows.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

export interface StartPlayRequest {
  tenantId: string;
  accountId: string;
  play: PlayKind;
  reason: string;
  /** Makes the id unique per contract/person where an account can have several (renewals, successions). */
  scope?: string;
  anchorDate?: string;
  context?: PlayInput['context'];
  /** Extra input fields some plays take (e.g. cadence requirements). */
  extra?: Record<string, unknown>;
}

export interface StartedPlay {
  workflowId: string;
  runId: string;
  started: boolean;
  templateVersion: number;
}

/**
 * Starts plays idempotently: a deterministic workflow id and USE_EXISTING, so asking twice
 * (a retried command, a double click) yields one running play. The template's current version
 * is pinned into the input.
 */
@Injectable()
export class PlayStarter {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly temporal: TemporalClientService,
    private readonly templates: PlayTemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsService,
  ) {}

  async start(request: StartPlayRequest): Promise<StartedPlay> {
    const em = this.orm.em.fork();
    const account = await em.findOne(Account, { tenantId: request.tenantId, id: request.accountId });
    if (!account) throw new NotFound(`account ${request.accountId} not found`);
    const health = await em.findOne(AccountHealth, { tenantId: request.tenantId, accountId: request.accountId });
    // An enabled plugin serving the account's industry may bring its own template for the play.
    const template = this.templates.latest(request.play, { industry: account.industry, enabledPlugins: await this.tenants.enabledPlugins(request.tenantId) });
    const workflowId = playWorkflowId(request.tenantId, request.accountId, request.play, request.scope);
    const running = await em.findOne(PlayInstance, { tenantId: request.tenantId, workflowId, status: 'running' });
    const input: PlayInput & Record<string, unknown> = {
      tenantId: request.tenantId, accountId: request.accountId, accountName: account.name, template,
      ...(request.anchorDate ? { anchorDate: request.anchorDate } : {}),
      context: request.context ?? {}, reason: request.reason, indexed: this.config.TEMPORAL_SEARCH_ATTRIBUTES, ...request.extra,
    };
    const client = await this.temporal.client();
    const handle = await client.workflow.start(PLAY_WORKFLOW_TYPES[request.play], {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      ...(this.config.TEMPORAL_SEARCH_ATTRIBUTES ? { typedSearchAttributes: playSearchAttributes(request.tenantId, request.accountId, request.play, health?.tier ?? 1) } : {}),
    });
    if (!running) {
      await retryOnBusy(() => em.fork().transactional(async (tx) => {
        const row = await tx.findOne(PlayInstance, { tenantId: request.tenantId, workflowId });
        const fields = { play: request.play, templateId: template.id, templateVersion: template.version, status: 'running' as const, reason: request.reason, startedAt: new Date(), closedAt: null, outcome: null, attention: 'normal' };
        if (row) Object.assign(row, fields);
        else tx.create(PlayInstance, { tenantId: request.tenantId, accountId: request.accountId, workflowId, ...fields });
      }));
    }
    return { workflowId, runId: handle.firstExecutionRunId, started: !running, templateVersion: template.version };
  }
}
