// Composes every activity the worker registers. Activities are the only place workflows
// reach side effects, so their dependencies (services, repositories) are injected here.
import type { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { ScoringService } from '../scoring/scoring.service.js';
import { INSTALLED_PLUGINS, type InstalledPlugins } from '../plugin-host/installed-plugins.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { createPluginActivities } from './plugin.activities.js';
import { createPlayActivities } from './play.activities.js';
import { createPlayFollowUpActivities } from './play-follow-up.activities.js';
import { createRenewalSchedulerActivities } from './renewal-scheduler.activities.js';
import { createWinBackActivities } from './win-back.activities.js';
import { PlayStarter } from '../plays/play-starter.service.js';
import { PlayTemplateCatalog } from '../plays/play-template-catalog.js';
import { PlayTriggers } from '../plays/play-triggers.js';
import { createScoringActivities } from './scoring.activities.js';
import { createWiringCheckActivities } from './wiring-check.activities.js';

/** Services activities need, taken from the worker's Nest application context. */
export interface ActivityDeps {
  scoring: ScoringService;
  orm: MikroORM;
  starter: PlayStarter;
  templates: PlayTemplateCatalog;
  triggers: PlayTriggers;
  tenants: TenantsService;
  plugins: InstalledPlugins;
  log: Logger;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createWiringCheckActivities(),
    ...createScoringActivities(deps.scoring),
    ...createPlayActivities(deps.orm),
    ...createPlayFollowUpActivities(deps.orm),
    ...createWinBackActivities(deps.orm),
    ...createRenewalSchedulerActivities(deps.orm, deps.starter, deps.templates, deps.triggers, deps.tenants),
    ...createPluginActivities(deps.plugins, { orm: deps.orm, log: deps.log }),
  };
}

export type Activities = ReturnType<typeof createActivities>;

/** The activities, with their dependencies taken from a Nest application (the worker's, or a test app). */
export function createActivitiesFrom(context: Pick<INestApplicationContext, 'get'>, orm: MikroORM, log: Logger) {
  return createActivities({
    scoring: context.get(ScoringService), orm, starter: context.get(PlayStarter), templates: context.get(PlayTemplateCatalog),
    triggers: context.get(PlayTriggers), tenants: context.get(TenantsService), plugins: context.get<InstalledPlugins>(INSTALLED_PLUGINS), log,
  });
}
