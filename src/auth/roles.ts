/**
 * Who may do what. Roles are per firm (tenant); API keys for integrations carry one role too.
 * Deny by default: a permission not listed for a role is refused, a route without a policy is refused.
 */
export const ROLES = ['admin', 'program_owner', 'partner', 'account_manager', 'viewer', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'accounts.read', // accounts and their history, health, facts, plays (account managers: their accounts only)
  'portfolio.read', // firm-wide lists that cannot be narrowed to some accounts (escalation records, play commands)
  'accounts.write', // CRUD on accounts and history rows (account managers: their accounts only)
  'ingest', // batch events and bulk import
  'rules.read',
  'rules.author', // validate, draft, simulate, backtest
  'rules.publish', // publish, roll back
  'plays.act', // start, cancel, signal plays
  'tasks.act', // complete, reassign tasks
  'scoring.rescore',
  'metrics.read',
  'metrics.inputs', // CAC and programme cost inputs
  'plugins.manage', // per-firm plugin enablement
  'audit.read',
  'access.manage', // users and API keys
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['accounts.read', 'portfolio.read', 'rules.read', 'metrics.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  program_owner: [...READ_ALL, 'accounts.write', 'ingest', 'rules.author', 'rules.publish', 'plays.act', 'tasks.act', 'scoring.rescore', 'metrics.inputs'],
  partner: [...READ_ALL, 'plays.act', 'tasks.act'],
  account_manager: ['accounts.read', 'accounts.write', 'rules.read', 'plays.act', 'tasks.act'],
  viewer: READ_ALL,
  integration: ['accounts.read', 'accounts.write', 'ingest'],
};

/** Roles whose account access is limited to the accounts they serve (object-level checks apply). */
export const ACCOUNT_SCOPED_ROLES: readonly Role[] = ['account_manager'];

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
