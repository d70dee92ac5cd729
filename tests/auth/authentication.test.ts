// Who may call at all: tokens (the service's own sign-in and their failure modes), API keys, the platform key, rate limits.
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { TEST_JWT_SECRET, tokenFor } from '../support/test-credentials.js';
import { createTenant } from '../api/fixtures.js';

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const forge = (claims: Record<string, unknown>, options: { key?: Uint8Array; issuer?: string; audience?: string; expires?: number } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('forged').setIssuer(options.issuer ?? 'retention-platform').setAudience(options.audience ?? 'retention-api').setExpirationTime(options.expires ?? Math.floor(Date.now() / 1000) + 60).sign(options.key ?? secret);

describe.each(testDialects())('authentication ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app, 'acme');
    await createTenant(app, 'globex');
  });
  afterAll(async () => app?.close());

  const accounts = (options: Parameters<TestApp['call']>[3]) => app.call('GET', '/api/v1/accounts', undefined, options);

  it('refuses requests without credentials with 401 and a Bearer challenge; public routes stay open', async () => {
    const res = await accounts({ credential: 'none' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toMatchObject({ error: 'unauthorized' });
    for (const path of ['/health', '/openapi.json', '/docs']) expect((await app.call('GET', path, undefined, { credential: 'none' })).status, path).not.toBe(401);
  });

  it('refuses forged, expired, foreign and malformed tokens', async () => {
    const claims = { tenant: 'acme', roles: ['admin'] };
    const cases: [string, string][] = [
      ['wrong key', await forge(claims, { key: new TextEncoder().encode('another-secret-that-is-long-enough-0123456789') })],
      ['expired', await forge(claims, { expires: Math.floor(Date.now() / 1000) - 10 })],
      ['unknown issuer', await forge(claims, { issuer: 'https://evil.example' })],
      ['wrong audience', await forge(claims, { audience: 'another-api' })],
      ['no roles', await forge({ tenant: 'acme' })],
      ['unknown role', await forge({ tenant: 'acme', roles: ['superuser'] })],
      ['malformed', 'not.a.jwt'],
      ['alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'retention-platform', aud: 'retention-api', sub: 'x' })).toString('base64url')}.`],
    ];
    for (const [name, token] of cases) {
      const res = await accounts({ credential: token });
      expect(res.status, name).toBe(401);
    }
    expect((await app.call('GET', '/api/v1/accounts', undefined, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, credential: 'none' })).status).toBe(401);
  });

  it('binds the firm to the credential: another firm in the header is refused, whatever the header says the data is the caller\'s', async () => {
    const mismatch = await accounts({ tenant: 'acme', headers: { 'x-tenant-id': 'globex' } });
    expect(mismatch.status).toBe(403);
    const withoutHeader = await app.call('GET', '/api/v1/accounts', undefined, { credential: await tokenFor({ tenant: 'globex' }), tenant: 'globex', headers: {} });
    expect(withoutHeader.status).toBe(200);
  });

  it('signs people in with a password, refuses wrong ones the same way, and stops disabled users even with a valid token', async () => {
    const created = await app.call('POST', '/api/v1/users', { email: 'Pat@Acme.test', name: 'Pat Owner', password: 'correct horse battery', roles: ['program_owner'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const login = await app.call('POST', '/api/v1/auth/login', { tenant: 'acme', email: 'pat@acme.test', password: 'correct horse battery' }, { credential: 'none' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ name: 'Pat Owner', roles: ['program_owner'], tenant: 'acme' });
    const me = await app.call('GET', '/api/v1/auth/me', undefined, { credential: login.body.token });
    expect(me.body).toMatchObject({ kind: 'user', tenantId: 'acme', name: 'Pat Owner', roles: ['program_owner'] });
    expect(me.body.permissions).toContain('rules.publish');
    expect(me.body.permissions).not.toContain('access.manage');
    const wrong = await app.call('POST', '/api/v1/auth/login', { tenant: 'acme', email: 'pat@acme.test', password: 'wrong password!!' }, { credential: 'none' });
    const unknown = await app.call('POST', '/api/v1/auth/login', { tenant: 'globex', email: 'pat@acme.test', password: 'correct horse battery' }, { credential: 'none' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
    const disabled = await app.call('PATCH', `/api/v1/users/${created.body.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await app.call('GET', '/api/v1/auth/me', undefined, { credential: login.body.token })).status).toBe(401);
    const again = await app.call('POST', '/api/v1/auth/login', { tenant: 'acme', email: 'pat@acme.test', password: 'correct horse battery' }, { credential: 'none' });
    expect(again.status).toBe(401);
  });

  it('applies a role change at once, even to tokens issued before it, and keeps one active admin', async () => {
    const created = await app.call('POST', '/api/v1/users', { email: 'rae@acme.test', name: 'Rae Admin', password: 'another long password', roles: ['admin'] });
    const { token } = (await app.call('POST', '/api/v1/auth/login', { tenant: 'acme', email: 'rae@acme.test', password: 'another long password' }, { credential: 'none' })).body;
    expect((await app.call('GET', '/api/v1/users', undefined, { credential: token })).status).toBe(200);
    // The firm's only admin user cannot be demoted or disabled.
    expect((await app.call('PATCH', `/api/v1/users/${created.body.id}`, { roles: ['viewer'] })).status).toBe(409);
    expect((await app.call('PATCH', `/api/v1/users/${created.body.id}`, { disabled: true })).status).toBe(409);
    await app.call('POST', '/api/v1/users', { email: 'sol@acme.test', name: 'Sol Admin', roles: ['admin'] });
    expect((await app.call('PATCH', `/api/v1/users/${created.body.id}`, { roles: ['viewer'] })).status).toBe(200);
    expect((await app.call('GET', '/api/v1/users', undefined, { credential: token })).status).toBe(403);
    expect((await app.call('GET', '/api/v1/auth/me', undefined, { credential: token })).body.roles).toEqual(['viewer']);
  });

  it('issues API keys shown once, stores only a hash, and refuses revoked or tampered keys', async () => {
    const created = await app.call('POST', '/api/v1/api-keys', { name: 'crm-sync', role: 'integration' }, { actor: 'Ada Admin' });
    expect(created.status).toBe(201);
    const { token, id } = created.body;
    expect(token).toMatch(/^rk_[0-9a-f]{32}_/);
    expect(created.body.createdBy).toBe('Ada Admin');
    const listed = await app.call('GET', '/api/v1/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(token.split('_')[2]);
    expect(listed.body.items.find((k: { id: string }) => k.id === id)).not.toHaveProperty('secretHash');
    expect((await app.call('GET', '/api/v1/accounts', undefined, { credential: token })).status).toBe(200);
    expect((await app.call('GET', '/api/v1/accounts', undefined, { credential: 'none', headers: { 'x-api-key': token } })).status).toBe(200);
    // An integration key ingests but cannot publish rules.
    expect((await app.call('POST', '/api/v1/rule-sets/tier/rollback', { toVersion: 0, reason: 'nope' }, { credential: token })).status).toBe(403);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await app.call('GET', '/api/v1/accounts', undefined, { credential: tampered })).status).toBe(401);
    expect((await app.call('DELETE', `/api/v1/api-keys/${id}`)).body.revokedAt).not.toBeNull();
    expect((await app.call('GET', '/api/v1/accounts', undefined, { credential: token })).status).toBe(401);
  });

  it('limits requests per credential with 429 and Retry-After', async () => {
    const { token } = (await app.call('POST', '/api/v1/api-keys', { name: 'tiny', role: 'integration', rateLimitPerMinute: 3 })).body;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['call']>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await app.call('GET', '/api/v1/accounts', undefined, { credential: token });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.body).toMatchObject({ error: 'too_many_requests' });
    // Other credentials are not affected.
    expect((await accounts({})).status).toBe(200);
  });

  it('slows password guessing: the 11th sign-in attempt in a minute for one user gets 429', async () => {
    const attempts: number[] = [];
    for (let i = 0; i < 11; i++) attempts.push((await app.call('POST', '/api/v1/auth/login', { tenant: 'globex', email: `guess@globex.test`, password: `guess-${i}` }, { credential: 'none' })).status);
    expect(attempts.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(attempts[10]).toBe(429);
  });

  it('lets only the platform key create firms, and the platform key cannot read a firm\'s data', async () => {
    expect((await app.call('POST', '/api/v1/tenants', { id: 'initech', name: 'Initech' }, { tenant: 'acme' })).status).toBe(403);
    expect((await app.call('POST', '/api/v1/tenants', { id: 'initech', name: 'Initech' }, { tenant: null, credential: 'none', headers: { 'x-platform-key': 'x'.repeat(40) } })).status).toBe(401);
    expect((await app.call('POST', '/api/v1/tenants', { id: 'initech', name: 'Initech' }, { tenant: null })).status).toBe(201);
    expect((await app.call('GET', '/api/v1/accounts', undefined, { tenant: null })).status).toBe(403);
  });
});

describe('secrets in logs', () => {
  it('redacts credentials wherever they appear in a log record', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = createLogger('trace', 'test', sink);
    log.info({ req: { headers: { authorization: 'Bearer SECRET-1', 'x-api-key': 'SECRET-2', 'x-platform-key': 'SECRET-3' } }, body: { password: 'SECRET-4' }, user: { passwordHash: 'SECRET-5' }, key: { secretHash: 'SECRET-6', token: 'SECRET-7' }, config: { AUTH_JWT_SECRET: 'SECRET-8', DATABASE_URL: 'postgres://u:SECRET-9@h/db' } }, 'request');
    const out = lines.join('');
    expect(out).toContain('<redacted>');
    for (let i = 1; i <= 9; i++) expect(out).not.toContain(`SECRET-${i}`);
  });
});
