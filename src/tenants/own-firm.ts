import { NotFound } from '../api/api-errors.js';

/** A firm id in a path must be the caller's own: another firm looks exactly like a missing one. */
export function assertOwnFirm(pathId: string, callerTenantId: string): void {
  if (pathId !== callerTenantId) throw new NotFound(`tenant ${pathId} not found`);
}
