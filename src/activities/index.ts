// Composes every activity the worker registers. Activities are the only place workflows
// reach side effects, so their dependencies (services, repositories) are injected here.
import type { MikroORM } from '@mikro-orm/core';
import type { ScoringService } from '../scoring/scoring.service.js';
import { createPlayActivities } from './play.activities.js';
import { createPlayFollowUpActivities } from './play-follow-up.activities.js';
import { createRenewalSchedulerActivities } from './renewal-scheduler.activities.js';
import { createWinBackActivities } from './win-back.activities.js';
import type { PlayStarter } from '../plays/play-starter.service.js';
import type { PlayTemplateCatalog } from '../plays/play-template-catalog.js';
import type { PlayTriggers } from '../plays/play-triggers.js';
import { createScoringActivities } from './scoring.activities.js';
import { createWiringCheckActivities } from './wiring-check.activities.js';

/** Services activities need, taken from the worker's Nest application context. */
export interface ActivityDeps {
  scoring: ScoringService;
  orm: MikroORM;
  starter: PlayStarter;
  templates: PlayTemplateCatalog;
  triggers: PlayTriggers;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createWiringCheckActivities(),
    ...createScoringActivities(deps.scoring),
    ...createPlayActivities(deps.orm),
    ...createPlayFollowUpActivities(deps.orm),
    ...createWinBackActivities(deps.orm),
    ...createRenewalSchedulerActivities(deps.orm, deps.starter, deps.templates, deps.triggers),
  };
}

export type Activities = ReturnType<typeof createActivities>;
