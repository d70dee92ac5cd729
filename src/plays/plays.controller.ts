import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { NotFound, ValidationFailed } from '../api/api-errors.js';
import { isoDate, shortText, uuid } from '../api/zod-fields.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { TASK_OWNER_ROLES } from '../domain/vocabulary.js';
import { actorSchema } from '../rule-authoring/rule-authoring.schemas.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { cancelPlaySignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import { PlayInstance } from './play-instance.entity.js';
import { PLAY_SIGNALS } from './play-signal-catalog.js';
import { PlayStarter } from './play-starter.service.js';
import { PlayTasksService } from './play-tasks.service.js';
import { PLAY_KINDS } from './play-workflows.js';

const startBody = z.strictObject({
  play: z.enum(PLAY_KINDS as [string, ...string[]]),
  reason: shortText(500),
  scope: z.string().regex(/^[a-zA-Z0-9-]{1,80}$/).optional(),
  anchorDate: isoDate().optional(),
});
const cancelBody = z.strictObject({ reason: shortText(500) });
const completeBody = z.strictObject({ note: z.string().max(2000).optional() });
const reassignBody = z.strictObject({ ownerRole: z.enum(TASK_OWNER_ROLES), ownerPersonId: uuid().nullable().default(null) });

/** Plays of an account: list, state (query), start by hand, cancel, play-specific signals; task actions. */
@Controller()
export class PlaysController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly starter: PlayStarter,
    private readonly tasks: PlayTasksService,
    private readonly temporal: TemporalClientService,
  ) {}

  @Get('accounts/:id/plays')
  async list(@TenantId() tenantId: string, @Param('id') accountId: string) {
    await this.tenants.assertExists(tenantId);
    const items = await this.orm.em.fork().find(PlayInstance, { tenantId, accountId }, { orderBy: { startedAt: 'desc' } });
    return { items };
  }

  @Post('accounts/:id/plays')
  async start(@TenantId() tenantId: string, @Param('id') accountId: string, @Body() body: unknown, @Headers('x-actor') actor?: string) {
    await this.tenants.assertExists(tenantId);
    const request = parseOrThrow(startBody, body, 'body');
    const by = parseOrThrow(actorSchema, actor, 'header x-actor');
    return this.starter.start({ tenantId, accountId, play: request.play as never, reason: `${request.reason} (started by ${by})`, scope: request.scope, anchorDate: request.anchorDate });
  }

  @Get('plays/:id')
  async state(@TenantId() tenantId: string, @Param('id') id: string) {
    const play = await this.find(tenantId, id);
    const client = await this.temporal.client();
    const state = await client.workflow.getHandle(play.workflowId).query(playStateQuery);
    return { play, state };
  }

  @Post('plays/:id/cancel')
  @HttpCode(200)
  async cancel(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Headers('x-actor') actor?: string) {
    const play = await this.find(tenantId, id);
    const { reason } = parseOrThrow(cancelBody, body, 'body');
    if (play.status !== 'running') throw new ValidationFailed([{ path: 'id', message: `play is already ${play.status}` }]);
    const client = await this.temporal.client();
    await client.workflow.getHandle(play.workflowId).signal(cancelPlaySignal, { reason, by: parseOrThrow(actorSchema, actor, 'header x-actor') });
    return { cancelled: true, workflowId: play.workflowId };
  }

  @Post('plays/:id/signals/:name')
  @HttpCode(200)
  async signal(@TenantId() tenantId: string, @Param('id') id: string, @Param('name') name: string, @Body() body: unknown, @Headers('x-actor') actor?: string) {
    const play = await this.find(tenantId, id);
    const entry = PLAY_SIGNALS[name];
    if (!entry || !entry.plays.includes(play.play)) throw new NotFound(`no signal '${name}' for a ${play.play} play; signals: ${Object.entries(PLAY_SIGNALS).filter(([, e]) => e.plays.includes(play.play)).map(([n]) => n).join(', ') || 'none'}`);
    const payload = parseOrThrow(entry.payload, body ?? {}, 'body');
    const client = await this.temporal.client();
    await client.workflow.getHandle(play.workflowId).signal(entry.definition, { ...payload, by: parseOrThrow(actorSchema, actor, 'header x-actor') } as never);
    return { signalled: name, workflowId: play.workflowId };
  }

  @Post('tasks/:id/complete')
  @HttpCode(200)
  async complete(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Headers('x-actor') actor?: string) {
    await this.tenants.assertExists(tenantId);
    const { note } = parseOrThrow(completeBody, body ?? {}, 'body');
    return this.tasks.complete(tenantId, id, parseOrThrow(actorSchema, actor, 'header x-actor'), note);
  }

  @Post('tasks/:id/reassign')
  @HttpCode(200)
  async reassign(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown, @Headers('x-actor') actor?: string) {
    await this.tenants.assertExists(tenantId);
    const { ownerRole, ownerPersonId } = parseOrThrow(reassignBody, body, 'body');
    return this.tasks.reassign(tenantId, id, ownerRole, ownerPersonId, parseOrThrow(actorSchema, actor, 'header x-actor'));
  }

  private async find(tenantId: string, id: string): Promise<PlayInstance> {
    await this.tenants.assertExists(tenantId);
    const play = /^[0-9a-f-]{36}$/i.test(id) ? await this.orm.em.fork().findOne(PlayInstance, { tenantId, id }) : null;
    if (!play) throw new NotFound(`play ${id} not found`);
    return play;
  }
}
