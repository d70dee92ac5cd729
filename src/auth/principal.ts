import type { Permission, Role } from './roles.js';
import { ACCOUNT_SCOPED_ROLES, permissionsOf } from './roles.js';

/** The authenticated caller of a request. */
export interface Principal {
  kind: 'user' | 'api-key' | 'platform';
  /** The firm every query is scoped to (null only for the platform operator). */
  tenantId: string | null;
  /** Stable id: the user id / token subject, or the API key id. */
  subject: string;
  /** Shown in audit logs and play histories. */
  name: string;
  roles: Role[];
  /** The firm person this user is (links an account manager to their accounts). */
  personId: string | null;
  /** Requests per minute allowed for this credential (API keys may override the default). */
  rateLimitPerMinute?: number;
}

export function can(principal: Principal, permission: Permission): boolean {
  return permissionsOf(principal.roles).has(permission);
}

/** True when the principal sees only the accounts they serve. Any wider role lifts the limit. */
export function isAccountScoped(principal: Principal): boolean {
  return principal.roles.length > 0 && principal.roles.every((role) => ACCOUNT_SCOPED_ROLES.includes(role));
}
