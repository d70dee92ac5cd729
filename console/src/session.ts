// Who the console acts as. Until sign-in exists (issue 7) the tenant and the actor name
// recorded in audit logs are chosen here and kept in localStorage.
const TENANT_KEY = 'retention.tenant';
const ACTOR_KEY = 'retention.actor';

export const session = {
  tenant(): string {
    return localStorage.getItem(TENANT_KEY) || 'demo';
  },
  actor(): string {
    return localStorage.getItem(ACTOR_KEY) || 'console';
  },
  set(tenant: string, actor: string): void {
    localStorage.setItem(TENANT_KEY, tenant);
    localStorage.setItem(ACTOR_KEY, actor);
  },
};
