import type { MikroORM } from '@mikro-orm/core';
import type { Role } from '../../auth/roles.js';
import { hashPassword } from '../../auth/secrets.js';
import { User } from '../../auth/user.entity.js';
import { TeamAssignment } from '../../relationships/team-assignment.entity.js';

/** The demo's shared sign-in password (printed by ./retention start; a demo, never a real firm). */
export const DEMO_PASSWORD = 'retention-demo';

const DEMO_USERS: { email: string; name: string; roles: Role[]; personFromRole?: 'account_lead' | 'executive_sponsor' }[] = [
  { email: 'admin@demo.test', name: 'Demo Admin', roles: ['admin'] },
  { email: 'owner@demo.test', name: 'Demo Program Owner', roles: ['program_owner'] },
  { email: 'partner@demo.test', name: 'Demo Partner', roles: ['partner'], personFromRole: 'executive_sponsor' },
  { email: 'manager@demo.test', name: 'Demo Account Manager', roles: ['account_manager'], personFromRole: 'account_lead' },
  { email: 'viewer@demo.test', name: 'Demo Viewer', roles: ['viewer'] },
];

/**
 * One user per role for the demo firm (idempotent by email). The partner and the account manager are
 * linked to the firm person who holds that team role on the most accounts, so their views have data.
 */
export async function seedDemoUsers(orm: MikroORM, tenantId: string): Promise<number> {
  const em = orm.em.fork();
  const existing = new Set((await em.find(User, { tenantId }, { fields: ['email'] })).map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (!missing.length) return 0;
  const assignments = await em.find(TeamAssignment, { tenantId, toDate: null }, { fields: ['personId', 'role'] });
  const busiest = (role: string): string | null => {
    const counts = new Map<string, number>();
    for (const a of assignments) if (a.role === role) counts.set(a.personId, (counts.get(a.personId) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    for (const u of missing) tx.create(User, { tenantId, email: u.email, name: u.name, roles: u.roles, passwordHash, personId: u.personFromRole ? busiest(u.personFromRole) : null, disabledAt: null });
  });
  return missing.length;
}
