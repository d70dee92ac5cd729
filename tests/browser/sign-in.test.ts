// Signing in to the console in a real browser against the real service: deep links wait behind the
// sign-in page, wrong passwords are refused, a user created by an admin signs in and lands where they
// asked; roles shape what is offered (a viewer gets no rule authoring, no task actions, no Admin);
// an admin manages users and API keys in /admin; signing out forgets the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAccount, createTenant } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { consolePage, launchBrowser, screenshot } from './console-kit.js';

const TENANT = 'signin';
const T = { tenant: TENANT };
/** What Chromium logs for the deliberate 401s (wrong password, refused token): the only console errors allowed. */
const UNAUTHORIZED = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
const until = <T>(read: () => Promise<T> | T, timeout = 10_000) => expect.poll(read, { timeout });
const storedSession = (page: Page) => page.evaluate(() => localStorage.getItem('retention.session'));

describe('console sign-in and roles', () => {
  let app: TestApp;
  let browser: Browser;
  let person: { id: string; name: string };

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await createTenant(app, TENANT);
    const created = await app.call('POST', '/api/v1/people', { name: 'Quinn Partner', email: 'quinn@signin.test', title: 'partner' }, T);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    person = created.body;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('sends a signed-out deep link to the sign-in page, refuses a wrong password, then lands on the page asked for', async () => {
    const user = await app.call('POST', '/api/v1/users', { email: 'Quinn@Signin.test', name: 'Quinn Partner', password: 'quinn-correct-horse', roles: ['partner'], personId: person.id }, T);
    expect(user.status, JSON.stringify(user.body)).toBe(201);

    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, signedOut: true });
    await page.goto(`${app.url}/console/accounts?sort=name`);
    await until(() => page.url()).toBe(`${app.url}/console/login?next=${encodeURIComponent('/accounts?sort=name')}`);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.getByRole('navigation', { name: 'Main' }).count(), 'no signed-in navigation on the sign-in page').toBe(0);
    await screenshot(page, 'login');

    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Firm').fill(TENANT);
    await form.getByLabel('Email').fill('quinn@signin.test');
    await form.getByLabel('Password').fill('not-the-password');
    await page.keyboard.press('Enter');
    await until(() => form.getByRole('alert').textContent()).toBe('Wrong firm, email or password.');
    expect(await form.getByLabel('Password').inputValue(), 'the wrong password is cleared').toBe('');
    expect(await form.getByLabel('Password').evaluate((el) => el.matches(':focus')), 'focus is back on the password').toBe(true);
    expect(await form.getByLabel('Email').inputValue()).toBe('quinn@signin.test');
    expect(await storedSession(page)).toBeNull();

    await form.getByLabel('Password').fill('quinn-correct-horse');
    await page.keyboard.press('Enter');
    await until(() => page.url()).toBe(`${app.url}/console/accounts?sort=name`);
    await until(() => page.locator('h1').textContent()).toBe('Accounts');
    const signedIn = page.getByRole('group', { name: 'Signed in' });
    expect(await signedIn.getByRole('link').textContent()).toBe(`Quinn Partner @ ${TENANT}`);
    const stored = JSON.parse((await storedSession(page))!);
    expect(stored.user).toEqual({ id: user.body.id, email: 'quinn@signin.test', name: 'Quinn Partner', roles: ['partner'], personId: person.id, tenant: TENANT });
    expect(Date.parse(stored.expiresAt)).toBeGreaterThan(Date.now());

    // The session page says who and what; a partner may act on tasks but has no Admin view.
    await signedIn.getByRole('link').click();
    await until(() => page.locator('h1').textContent()).toBe('Your session');
    const who = page.getByRole('region', { name: 'Signed in as' });
    await until(() => who.textContent()).toContain('Quinn Partner · your tasks');
    expect(await who.textContent()).toContain('quinn@signin.test');
    expect(await page.getByRole('region', { name: 'Roles' }).textContent()).toContain('Partner');
    expect(await page.getByRole('region', { name: 'What you can do' }).textContent()).toContain('tasks.act');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(errors).toEqual([UNAUTHORIZED]);
    await context.close();
  });

  it('shows a viewer rule sets read only, tasks without actions and no Admin view; a program owner gets the actions', async () => {
    const base = (await app.call('GET', '/api/v1/rule-sets/health/versions/0', undefined, T)).body.document;
    const draft = await app.call('POST', '/api/v1/rule-sets/health/drafts', { document: { ...base, bands: { ...base.bands, intervention: base.bands.intervention + 2 } } }, T);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const version = draft.body.version as number;
    const accountId = await createAccount(app, { name: 'Initech Partners' }, TENANT);
    expect((await app.call('POST', '/api/v1/tasks', { accountId, title: 'Call the new CFO', ownerRole: 'account_lead' }, T)).status).toBe(201);

    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, actor: 'Vic Viewer', role: 'viewer' });
    await page.goto(`${app.url}/console/rules/health?version=${version}`);
    const actions = page.getByRole('group', { name: `Actions for version ${version}` });
    await actions.getByRole('button', { name: 'Download JSON' }).waitFor();
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Download JSON']);
    expect(await actions.textContent()).toContain('Read only for your role (Viewer)');
    await screenshot(page, 'rules-viewer');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Accounts', 'Rules', 'Task inbox']);

    // A shared "edit" link opens read only for a viewer, with the reason, and no editor.
    await page.goto(`${app.url}/console/rules/health?edit=0`);
    await until(() => page.getByRole('note').textContent()).toContain('Drafting a rule set needs the Program owner or Admin role');
    await page.getByRole('group', { name: 'Actions for version 0' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

    await page.goto(`${app.url}/console/inbox`);
    const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: /Call the new CFO/ });
    await until(() => row.count()).toBe(1);
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('note').textContent()).toContain('Completing and reassigning tasks needs');

    await page.goto(`${app.url}/console/admin`);
    await until(() => page.getByRole('note').textContent()).toContain('Managing users and API keys needs the Admin role');
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // The same views for a program owner do offer the actions (so the viewer's absence is the role's doing).
    const owner = await consolePage(browser, { tenant: TENANT, actor: 'Olga Owner', role: 'program_owner' });
    await owner.page.goto(`${app.url}/console/rules/health?version=${version}`);
    const ownerActions = owner.page.getByRole('group', { name: `Actions for version ${version}` });
    await ownerActions.getByRole('button', { name: `Publish v${version}…` }).waitFor();
    expect(await ownerActions.getByRole('button').allTextContents()).toEqual([`New draft from v${version}`, `Simulate v${version}`, `Publish v${version}…`, 'Download JSON']);
    expect(await owner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(owner.errors).toEqual([]);
    await owner.context.close();

    // An account manager has no firm-wide dashboard: the console opens on their accounts instead.
    const manager = await consolePage(browser, { tenant: TENANT, actor: 'Max Manager', role: 'account_manager' });
    await manager.page.goto(`${app.url}/console/`);
    await until(() => manager.page.url()).toBe(`${app.url}/console/accounts`);
    expect(await manager.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Accounts', 'Rules', 'Task inbox']);
    expect(manager.errors).toEqual([]);
    await manager.context.close();
  });

  it('lets an admin create and disable a user and create an API key whose token works until it is revoked', async () => {
    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, actor: 'Ada Admin' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto(`${app.url}/console/settings`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await until(() => page.url()).toBe(`${app.url}/console/admin`);
    await until(() => page.locator('h1').textContent()).toBe('Admin');

    // A user: email, name, password, roles, person link; Enter submits.
    const newUser = page.getByRole('form', { name: 'New user' });
    await newUser.getByLabel('Email', { exact: true }).fill('nora@signin.test');
    await newUser.getByLabel('Name', { exact: true }).fill('Nora Owner');
    await newUser.getByLabel('Initial password').fill('short');
    await newUser.getByRole('checkbox', { name: /^Program owner/ }).check();
    await newUser.getByRole('checkbox', { name: /^Viewer/ }).uncheck();
    await newUser.getByLabel('Person in the firm').selectOption({ label: `${person.name} (partner) — also quinn@signin.test` });
    await newUser.getByLabel('Email', { exact: true }).press('Enter');
    await until(() => newUser.getByText('at least 12 characters').count()).toBe(1); // checked before sending
    await newUser.getByLabel('Initial password').fill('nora-secret-password');
    await newUser.getByLabel('Initial password').press('Enter');
    const users = page.getByRole('table', { name: 'Users' });
    const nora = users.getByRole('row', { name: /nora@signin\.test/ });
    await until(() => nora.count()).toBe(1);
    expect(await nora.textContent()).toContain('Program owner');
    expect(await nora.getByRole('link', { name: person.name }).getAttribute('href')).toBe(`/console/inbox?owner=${person.id}`);
    const login = () => app.call('POST', '/api/v1/auth/login', { tenant: TENANT, email: 'nora@signin.test', password: 'nora-secret-password' }, { credential: 'none' });
    const signedIn = await login();
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ name: 'Nora Owner', roles: ['program_owner'], personId: person.id });

    // An API key: the token is shown once, copies to the clipboard and works against the API.
    const newKey = page.getByRole('form', { name: 'New API key' });
    await newKey.getByLabel('Key name').fill('CRM sync');
    await newKey.getByLabel('Role').selectOption({ label: 'Integration' });
    await newKey.getByLabel('Requests per minute').fill('600');
    await newKey.getByRole('button', { name: 'Create API key' }).click();
    const tokenField = page.getByLabel('New API key token');
    await tokenField.waitFor();
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^rk_/);
    await page.getByRole('button', { name: 'Copy token' }).click();
    await until(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    // (the test's tsconfig has no DOM lib: the browser's clipboard is typed here)
    expect(await page.evaluate(() => (navigator as unknown as { clipboard: { readText(): Promise<string> } }).clipboard.readText())).toBe(token);
    const withKey = () => fetch(`${app.url}/api/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    const listed = await withKey();
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: { name: string }[] }).items.map((a) => a.name)).toContain('Initech Partners');
    const keys = page.getByRole('table', { name: 'API keys' });
    const crm = keys.getByRole('row', { name: /CRM sync/ });
    await until(() => crm.count()).toBe(1);
    expect(await crm.textContent()).toContain('Integration');
    expect(await crm.textContent()).toContain('600');
    await screenshot(page, 'admin');

    // Done forgets the token; the list never shows it again.
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('New API key token').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(token);

    // Revoking takes two steps; then the token is refused.
    await crm.getByRole('button', { name: 'Revoke' }).click();
    await crm.getByRole('button', { name: 'Confirm revoke' }).click();
    await until(() => crm.textContent()).toContain('revoked');
    expect((await withKey()).status).toBe(401);

    // Disabling a user stops their sign-in; the admin cannot disable themself by accident.
    await nora.getByRole('button', { name: 'Disable' }).click();
    await until(() => nora.textContent()).toContain('disabled');
    expect((await login()).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs out to the sign-in page and forgets the token; a refused token asks to sign in again', async () => {
    const { page, context, errors } = await consolePage(browser, { tenant: TENANT, signedOut: true });
    // A `next` pointing elsewhere is ignored: after signing in the console opens on its own home.
    await page.goto(`${app.url}/console/login?next=${encodeURIComponent('//evil.example/steal')}`);
    const form = page.getByRole('form', { name: 'Sign in' });
    expect(await form.getByLabel('Firm').inputValue(), 'a new browser knows no firm yet').toBe('');
    await form.getByLabel('Firm').fill(TENANT);
    await form.getByLabel('Email').fill('quinn@signin.test');
    await form.getByLabel('Password').fill('quinn-correct-horse');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await until(() => page.url()).toBe(`${app.url}/console/`);
    const token = JSON.parse((await storedSession(page))!).token as string;
    expect(token.length).toBeGreaterThan(20);

    await page.getByRole('group', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
    await until(() => page.url()).toBe(`${app.url}/console/login`);
    expect(await page.getByRole('status').textContent()).toBe('You signed out.');
    const everything = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
    expect(everything).not.toContain(token);
    expect(await storedSession(page)).toBeNull();
    expect(await form.getByLabel('Firm').inputValue(), 'the firm is remembered for the next sign-in').toBe(TENANT);
    // Back to a view: the sign-in page again.
    await page.goto(`${app.url}/console/inbox`);
    await until(() => page.url()).toBe(`${app.url}/console/login?next=%2Finbox`);
    expect(errors).toEqual([]);
    await context.close();

    // A stored token the service refuses (expired, disabled user, forged) ends the session on the first call.
    const stale = await consolePage(browser, { tenant: TENANT, signedOut: true });
    await stale.context.addInitScript(() => {
      if (!sessionStorage.getItem('planted')) {
        sessionStorage.setItem('planted', '1');
        localStorage.setItem('retention.session', JSON.stringify({ token: 'forged.token.value', user: { id: 'x', name: 'Mallory', email: 'm@signin.test', roles: ['admin'], personId: null, tenant: 'signin' } }));
      }
    });
    await stale.page.goto(`${app.url}/console/rules?x=1`);
    await until(() => stale.page.url()).toBe(`${app.url}/console/login?next=${encodeURIComponent('/rules?x=1')}`);
    expect(await stale.page.getByRole('status').textContent()).toBe('Your session has ended: sign in again.');
    expect(await storedSession(stale.page)).toBeNull();
    expect(stale.errors).toEqual([UNAUTHORIZED]);
    await stale.context.close();
  });
});
