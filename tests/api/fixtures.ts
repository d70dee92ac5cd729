import type { TestApp } from '../support/test-app.js';

export async function createTenant(app: TestApp, id = 'acme'): Promise<void> {
  const res = await app.call('POST', '/api/v1/tenants', { id, name: `${id} LLP` }, { tenant: null });
  if (res.status !== 201) throw new Error(`tenant ${id}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function createAccount(app: TestApp, overrides: Record<string, unknown> = {}, tenant = 'acme'): Promise<string> {
  const res = await app.call('POST', '/api/v1/accounts', { name: 'Globex Corp', industry: 'legal', clientSince: '2022-03-01', ...overrides }, { tenant });
  if (res.status !== 201) throw new Error(`account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const touchpoint = (accountId: string, extra: Record<string, unknown> = {}) => ({
  accountId,
  kind: 'strategic',
  channel: 'meeting',
  direction: 'outbound',
  occurredAt: '2026-10-01T09:00:00Z',
  ...extra,
});

export async function count(app: TestApp, path: string, tenant = 'acme', query = ''): Promise<number> {
  const res = await app.call('GET', `/api/v1/${path}?limit=1${query}`, undefined, { tenant });
  return res.body.total as number;
}
