// Credentials of the test apps: a fixed signing secret and platform key, and tokens minted for any firm and role.
import { signLocalToken } from '../../src/auth/token-issuer.js';
import type { Role } from '../../src/auth/roles.js';

export const TEST_JWT_SECRET = 'test-secret-of-the-retention-platform-0123456789';
export const TEST_PLATFORM_KEY = 'test-platform-key-of-the-retention-platform-0123';

export interface Caller {
  tenant: string;
  role?: Role;
  roles?: Role[];
  /** The name audit logs and play histories record. */
  actor?: string;
  personId?: string | null;
  subject?: string;
}

/** A Bearer token as the service's own sign-in would issue it. */
export async function tokenFor(caller: Caller): Promise<string> {
  const roles = caller.roles ?? [caller.role ?? 'admin'];
  const { token } = await signLocalToken(new TextEncoder().encode(TEST_JWT_SECRET), {
    sub: caller.subject ?? `test-${caller.actor ?? roles.join('-')}`,
    tenant: caller.tenant,
    roles,
    name: caller.actor ?? 'test',
    personId: caller.personId ?? null,
  }, 60);
  return token;
}

/** Headers for a raw fetch as `caller` (tenant header included, as clients usually send it). */
export async function authHeaders(caller: Caller): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(caller)}`, 'x-tenant-id': caller.tenant };
}
