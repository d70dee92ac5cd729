import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conclusions, daysAgo, startPluginKit, type PluginKit } from './plugin-kit.js';

/**
 * A third party's plugin, installed as an npm package (tests/fixtures/plugin-package, a devDependency)
 * outside plugins/, is loaded only because configuration names it (PLUGIN_PACKAGES), and then
 * behaves like a bundled one: its attributes schema guards writes, its facts, operator and rule
 * pack judge the accounts of its industry.
 */
describe('a plugin package named in PLUGIN_PACKAGES', () => {
  let kit: PluginKit;
  beforeAll(async () => {
    kit = await startPluginKit({ PLUGINS_DIR: mkdtempSync(join(tmpdir(), 'no-bundled-plugins-')), PLUGIN_PACKAGES: '@acme/retention-plugin-architecture' });
  });
  afterAll(() => kit?.close());

  it('is listed with its contributions', async () => {
    const res = await kit.app.call('GET', '/api/v1/plugins');
    expect(res.status).toBe(200);
    expect(res.body.plugins).toHaveLength(1);
    expect(res.body.plugins[0]).toMatchObject({ id: 'architecture', version: '1.2.0', origin: 'package @acme/retention-plugin-architecture', industries: ['other'], facts: ['architecture.daysPastPermitDecision', 'architecture.permitsInProgress'], operators: ['architecture.between'], rulePacks: ['architecture.signals'], accountAttributes: true });
  });

  it('validates its account attributes with its own schema and changes nothing on bad input', async () => {
    const bad = await kit.app.call('POST', '/api/v1/accounts', { name: 'Bad Permits Ltd', industry: 'other', clientSince: daysAgo(900), attributes: { architecture: { permitsInProgress: -1 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ path: 'body.attributes.architecture.permitsInProgress' });
    const unknown = await kit.app.call('POST', '/api/v1/accounts', { name: 'Ad Hoc Ltd', industry: 'other', clientSince: daysAgo(900), attributes: { favouriteColour: 'blue' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0].path).toBe('body.attributes.favouriteColour');
    const list = await kit.app.call('GET', '/api/v1/accounts?limit=10');
    expect(list.body.total).toBe(0);
  });

  it('raises its signal on an account of its industry, and not on the same data in another industry', async () => {
    const attributes = { architecture: { permitDecisionDue: daysAgo(40), permitsInProgress: 2 } };
    const own = await kit.account({ name: 'Studio Permits Ltd', industry: 'other', attributes });
    const other = await kit.account({ name: 'Law Permits LLP', industry: 'legal', attributes });
    await kit.rescore(own, other);
    const mine = await kit.health(own);
    expect(conclusions(mine).signals).toContain('architecture-permit-overdue');
    expect(mine.signals.find((s) => s.id === 'architecture-permit-overdue')!.explanation).toBe('the permit decision is 40 days overdue');
    expect(mine.ruleVersions['architecture.signals']).toMatchObject({ version: 0 });
    const theirs = await kit.health(other);
    expect(conclusions(theirs).signals).not.toContain('architecture-permit-overdue');
    expect(theirs.ruleVersions['architecture.signals']).toBeUndefined();
    expect((await kit.facts(other))['architecture.permitsInProgress']).toBeNull();
  });
});
