// Composes every activity the worker registers. Activities are the only place workflows
// reach side effects, so their dependencies (services, repositories) are injected here.
import type { ScoringService } from '../scoring/scoring.service.js';
import { createScoringActivities } from './scoring.activities.js';
import { createWiringCheckActivities } from './wiring-check.activities.js';

/** Services activities need, taken from the worker's Nest application context. */
export interface ActivityDeps {
  scoring: ScoringService;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createWiringCheckActivities(),
    ...createScoringActivities(deps.scoring),
  };
}

export type Activities = ReturnType<typeof createActivities>;
