// Composes every activity the worker registers. Activities are the only place workflows
// reach side effects, so their dependencies (services, repositories) are injected here.
import { createWiringCheckActivities } from './wiring-check.activities.js';

/** Dependencies activity factories need; grows as activities with side effects are added. */
export interface ActivityDeps {}

export function createActivities(_deps: ActivityDeps = {}) {
  return {
    ...createWiringCheckActivities(),
  };
}

export type Activities = ReturnType<typeof createActivities>;
