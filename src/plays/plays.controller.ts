import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { NotFound, ValidationFailed } from '../api/api-errors.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { cancelPlaySignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import { PlayInstance } from './play-instance.entity.js';
import { PLAY_SIGNALS } from './play-signal-catalog.js';
import { PlayStarter } from './play-starter.service.js';
import { PlayTasksService } from './play-tasks.service.js';
import { cancelBody, completeBody, reassignBody, startBody } from './plays.schemas.js';
import { Requires } from '../auth/policy.decorators.js';
import { assertAccountExists } from '../accounts/find-account.js';
import { Actor, CurrentPrincipal } from '../auth/request-principal.js';
import type { Principal } from '../auth/principal.js';
import { AuditService } from '../audit/audit.service.js';


/** Plays of an account: list, state (query), start by hand, cancel, play-specific signals; task actions. */
@Controller()
export class PlaysController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly starter: PlayStarter,
    private readonly tasks: PlayTasksService,
    private readonly temporal: TemporalClientService,
    private readonly audit: AuditService,
  ) {}

  @Get('accounts/:id/plays')
  @Requires('accounts.read', { param: 'id', is: 'account' })
  async list(@TenantId() tenantId: string, @Param('id') accountId: string) {
    await this.tenants.assertExists(tenantId);
    const em = this.orm.em.fork();
    await assertAccountExists(em, tenantId, accountId);
    const items = await em.find(PlayInstance, { tenantId, accountId }, { orderBy: { startedAt: 'desc' } });
    return { items };
  }

  @Post('accounts/:id/plays')
  @Requires('plays.act', { param: 'id', is: 'account' })
  async start(@TenantId() tenantId: string, @Param('id') accountId: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const request = parseOrThrow(startBody, body, 'body');
    const by = actor;
    return this.starter.start({ tenantId, accountId, play: request.play as never, reason: `${request.reason} (started by ${by})`, scope: request.scope, anchorDate: request.anchorDate });
  }

  @Get('plays/:id')
  @Requires('accounts.read', { param: 'id', is: 'play' })
  async state(@TenantId() tenantId: string, @Param('id') id: string) {
    const play = await this.find(tenantId, id);
    const client = await this.temporal.client();
    const state = await client.workflow.getHandle(play.workflowId).query(playStateQuery);
    return { play, state };
  }

  @Post('plays/:id/cancel')
  @Requires('plays.act', { param: 'id', is: 'play' })
  @HttpCode(200)
  async cancel(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Actor() actor: string, @CurrentPrincipal() principal: Principal) {
    const play = await this.find(tenantId, id);
    const { reason } = parseOrThrow(cancelBody, body, 'body');
    if (play.status !== 'running') throw new ValidationFailed([{ path: 'id', message: `play is already ${play.status}` }]);
    const client = await this.temporal.client();
    await client.workflow.getHandle(play.workflowId).signal(cancelPlaySignal, { reason, by: actor });
    // The cancellation lives in Temporal, not in a row of ours: record it explicitly.
    await this.audit.record(principal, { action: 'play.cancel', resource: 'plays', resourceId: play.id, before: { status: play.status }, after: { cancelRequested: true, reason, workflowId: play.workflowId } });
    return { cancelled: true, workflowId: play.workflowId };
  }

  @Post('plays/:id/signals/:name')
  @Requires('plays.act', { param: 'id', is: 'play' })
  @HttpCode(200)
  async signal(@TenantId() tenantId: string, @Param('id') id: string, @Param('name') name: string, @Body() body: unknown, @Actor() actor: string) {
    const play = await this.find(tenantId, id);
    const entry = PLAY_SIGNALS[name];
    if (!entry || !entry.plays.includes(play.play)) throw new NotFound(`no signal '${name}' for a ${play.play} play; signals: ${Object.entries(PLAY_SIGNALS).filter(([, e]) => e.plays.includes(play.play)).map(([n]) => n).join(', ') || 'none'}`);
    const payload = parseOrThrow(entry.payload, body ?? {}, 'body');
    const client = await this.temporal.client();
    await client.workflow.getHandle(play.workflowId).signal(entry.definition, { ...payload, by: actor } as never);
    return { signalled: name, workflowId: play.workflowId };
  }

  @Post('tasks/:id/complete')
  @Requires('tasks.act', { param: 'id', is: 'task' })
  @HttpCode(200)
  async complete(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const { note } = parseOrThrow(completeBody, body ?? {}, 'body');
    return this.tasks.complete(tenantId, id, actor, note);
  }

  @Post('tasks/:id/reassign')
  @Requires('tasks.act', { param: 'id', is: 'task' })
  @HttpCode(200)
  async reassign(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Actor() actor: string) {
    await this.tenants.assertExists(tenantId);
    const { ownerRole, ownerPersonId } = parseOrThrow(reassignBody, body, 'body');
    return this.tasks.reassign(tenantId, id, ownerRole, ownerPersonId, actor);
  }

  private async find(tenantId: string, id: string): Promise<PlayInstance> {
    await this.tenants.assertExists(tenantId);
    const play = /^[0-9a-f-]{36}$/i.test(id) ? await this.orm.em.fork().findOne(PlayInstance, { tenantId, id }) : null;
    if (!play) throw new NotFound(`play ${id} not found`);
    return play;
  }
}
