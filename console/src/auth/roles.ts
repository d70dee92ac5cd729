// Role and permission names are the service's own (src/auth/roles.ts): imported as types so a renamed
// or added role fails the console's type-check instead of silently hiding a button.
import type { Permission, Role } from '../../../src/auth/roles';

export type { Permission, Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  program_owner: 'Program owner',
  partner: 'Partner',
  account_manager: 'Account manager',
  viewer: 'Viewer',
  integration: 'Integration',
};

/** What each role is for, shown where roles are chosen. */
export const ROLE_HINTS: Record<Role, string> = {
  admin: 'everything, including users and API keys',
  program_owner: 'rules (draft, publish), plays, tasks, CAC inputs, rescoring',
  partner: 'reads the whole portfolio; acts on plays and tasks',
  account_manager: 'their own accounts only; acts on plays and tasks',
  viewer: 'reads the portfolio, rules and metrics; changes nothing',
  integration: 'for API keys: reads and writes account data, ingests events',
};

/** Roles a person can hold (integration is meant for API keys). */
export const PERSON_ROLES: Role[] = ['admin', 'program_owner', 'partner', 'account_manager', 'viewer'];
export const API_KEY_ROLES: Role[] = ['integration', 'viewer', 'program_owner', 'partner', 'account_manager', 'admin'];

export const rolesText = (roles: readonly Role[]): string => roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
