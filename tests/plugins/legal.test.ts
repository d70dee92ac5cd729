import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { generatePortfolio } from '../../src/persistence/demo/generate-portfolio.js';
import type { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { OVERLAP_STEP_ID, readSuccessionParameters } from '../../workflows/shared/succession.contract.js';
import { legalAttributesSchema } from '../../plugins/legal/src/attributes.js';
import { conclusions, daysAgo, daysAhead, instantDaysAgo, startPluginKit, type PluginKit } from './plugin-kit.js';

/**
 * The legal plugin on the real HTTP app and a real SQLite database: fixture law-firm clients built
 * through the API, rescored, and the snapshot read back. The same data on a consulting client must
 * produce none of the plugin's conclusions.
 */
describe('legal plugin', () => {
  let kit: PluginKit;
  let installed: InstalledPlugins;
  let people = 0;
  beforeAll(async () => {
    kit = await startPluginKit();
    installed = await installPlugins();
  });
  afterAll(() => kit?.close());

  const person = (title: string, extra: Record<string, unknown> = {}) => kit.create('people', { name: `${title} ${++people}`, email: `p${people}@firm.example`, title, ...extra });
  /**
   * Records (or lifts, with null) a retirement. This kit runs without Temporal: any write on an
   * account whose lead or sponsor has a recorded departure starts its succession play at once,
   * and each such start waits 10 s for the unreachable server. So retirements are recorded after
   * the account's data (changing a person touches no account) and lifted while more is added.
   */
  const retire = async (personId: string, inDays: number | null) => {
    const res = await kit.app.call('PATCH', `/api/v1/people/${personId}`, inDays === null ? { departureKind: null, departureDate: null } : { departureKind: 'retirement', departureDate: daysAhead(inDays) }, { tenant: kit.tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const assign = (accountId: string, personId: string, role: string, fromDate = daysAgo(2000)) => kit.create('team-assignments', { accountId, personId, role, fromDate });
  const touch = (accountId: string, personId: string, ago: number, outcome = 'held') =>
    kit.create('touchpoints', { accountId, personId, kind: 'strategic', channel: 'meeting', direction: 'outbound', outcome, occurredAt: instantDaysAgo(ago) });
  /** Two accounts, one legal and one consulting, that receive the same data from `build`. */
  const twins = async (name: string, build: (accountId: string) => Promise<void>, attributes?: Record<string, unknown>) => {
    const legal = await kit.account({ name: `${name} (legal)`, industry: 'legal', ...(attributes ? { attributes } : {}) });
    const consulting = await kit.account({ name: `${name} (consulting)`, industry: 'consulting', ...(attributes ? { attributes } : {}) });
    await build(legal);
    await build(consulting);
    return { legal, consulting };
  };
  const legalIds = (snapshot: HealthSnapshot) => {
    const c = conclusions(snapshot);
    return [...c.signals, ...c.healthRules, ...c.protocols, ...snapshot.tierReasons.map((r) => r.id)].filter((id) => id.startsWith('legal-'));
  };
  const rule = (snapshot: HealthSnapshot, component: string, id: string) => snapshot.components.find((c) => c.id === component)!.rules.find((r) => r.id === id);
  const expectUntouched = async (accountId: string) => {
    const snapshot = await kit.health(accountId);
    expect(legalIds(snapshot)).toEqual([]);
    expect(snapshot.ruleVersions['legal.signals']).toBeUndefined();
    expect(snapshot.ruleVersions['legal.health']).toBeUndefined();
    const facts = await kit.facts(accountId);
    const mine = Object.entries(facts).filter(([name]) => name.startsWith('legal.'));
    expect(mine.length).toBe(12);
    expect(mine.filter(([, value]) => value !== null)).toEqual([]);
  };

  describe('partner succession', () => {
    let retiring: string;
    let accounts: { legal: string; consulting: string };
    beforeAll(async () => {
      retiring = await person('partner', { practiceArea: 'Corporate' });
      const associate = await person('associate');
      accounts = await twins('Halden Industries', async (id) => {
        await assign(id, retiring, 'account_lead');
        await assign(id, associate, 'delivery_lead');
        // An associate in every meeting is no successor: only a partner or principal is.
        for (const ago of [10, 40, 70]) await touch(id, associate, ago);
        await touch(id, retiring, 20);
      });
      await retire(retiring, 730);
      await kit.rescore(accounts.legal, accounts.consulting);
    });

    it('a relationship partner retiring in two years with no successor engaged: high signal, relationship deduction and a partner task to name a junior partner', async () => {
      const facts = await kit.facts(accounts.legal);
      expect(facts).toMatchObject({ 'legal.relationshipPartnerRetiresInDays': 730, 'legal.successorPartnerEngaged': false });
      const snapshot = await kit.health(accounts.legal);
      const signal = snapshot.signals.find((s) => s.id === 'legal-retiring-partner-no-successor');
      expect(signal).toMatchObject({ severity: 'high', category: 'relationship', explanation: 'The relationship partner retires in 730 days and no junior partner is building the relationship yet' });
      expect(rule(snapshot, 'relationship', 'legal-partner-retiring-no-successor')).toMatchObject({ points: -6, reason: 'relationship partner retires in 730 days, no successor engaged' });
      expect(snapshot.protocols).toContain('legal-name-successor-partner');
      expect(snapshot.ruleVersions['legal.signals']).toMatchObject({ version: 0 });
      const tasks = await kit.app.call('GET', `/api/v1/tasks?accountId=${accounts.legal}&source=escalation`, undefined, { tenant: kit.tenant });
      const task = (tasks.body.items as { title: string; ownerRole: string }[]).find((t) => t.title.startsWith('Name a junior partner'));
      expect(task).toMatchObject({ ownerRole: 'partner', title: 'Name a junior partner to build the relationship: the relationship partner retires in 730 days' });
    });

    it('the same people and data on a consulting client: none of it, plugin facts null', async () => {
      await expectUntouched(accounts.consulting);
      const tasks = await kit.app.call('GET', `/api/v1/tasks?accountId=${accounts.consulting}&source=escalation`, undefined, { tenant: kit.tenant });
      expect((tasks.body.items as { title: string }[]).filter((t) => t.title.startsWith('Name a junior partner'))).toEqual([]);
    });

    it('a junior partner on the team needs two held meetings with the client in 180 days to count as the successor', async () => {
      const junior = await person('partner', { practiceArea: 'Corporate' });
      await retire(retiring, null);
      await assign(accounts.legal, junior, 'specialist', daysAgo(200));
      await touch(accounts.legal, junior, 30);
      await touch(accounts.legal, junior, 35, 'cancelled');
      await touch(accounts.legal, junior, 190); // outside the 180-day window
      await retire(retiring, 730);
      await kit.rescore(accounts.legal);
      expect((await kit.facts(accounts.legal))['legal.successorPartnerEngaged']).toBe(false);
      expect(conclusions(await kit.health(accounts.legal)).signals).toContain('legal-retiring-partner-no-successor');

      await retire(retiring, null);
      await touch(accounts.legal, junior, 5);
      await retire(retiring, 730);
      await kit.rescore(accounts.legal);
      expect(await kit.facts(accounts.legal)).toMatchObject({ 'legal.relationshipPartnerRetiresInDays': 730, 'legal.successorPartnerEngaged': true });
      const snapshot = await kit.health(accounts.legal);
      expect(legalIds(snapshot).filter((id) => id.includes('successor') || id.includes('retiring'))).toEqual([]);
    });

    it('three years is the horizon: 1095 days out raises it, 1096 does not; only partners in the lead or sponsor seat count', async () => {
      const at = async (name: string, title: string, days: number, role = 'account_lead') => {
        const id = await kit.account({ name, industry: 'legal' });
        const who = await person(title);
        await assign(id, who, role);
        await retire(who, days);
        return id;
      };
      const edge = await at('Marston Holdings', 'partner', 1095);
      const beyond = await at('Greer Shipping', 'partner', 1096);
      const sponsor = await at('Ashby Foods', 'partner', 400, 'executive_sponsor');
      const specialist = await at('Lowell Mining', 'partner', 400, 'specialist');
      const director = await at('Crane Retail', 'director', 400);
      await kit.rescore(edge, beyond, sponsor, specialist, director);

      expect((await kit.facts(edge))['legal.relationshipPartnerRetiresInDays']).toBe(1095);
      expect(conclusions(await kit.health(edge))).toMatchObject({ signals: expect.arrayContaining(['legal-retiring-partner-no-successor']), protocols: expect.arrayContaining(['legal-name-successor-partner']) });
      expect(await kit.facts(beyond)).toMatchObject({ 'legal.relationshipPartnerRetiresInDays': 1096, 'legal.successorPartnerEngaged': false });
      expect(legalIds(await kit.health(beyond))).toEqual([]);
      expect(conclusions(await kit.health(sponsor)).signals).toContain('legal-retiring-partner-no-successor');
      for (const id of [specialist, director]) expect(await kit.facts(id)).toMatchObject({ 'legal.relationshipPartnerRetiresInDays': null, 'legal.successorPartnerEngaged': null });
    });

    it('one partner holding 80% of the client contact is a single-partner dependency; 60% or an associate is not; under 5 touchpoints says nothing', async () => {
      const build = async (name: string, counts: [string, number][]) => {
        const id = await kit.account({ name, industry: 'legal' });
        let ago = 1;
        for (const [title, n] of counts) {
          const who = await person(title);
          await assign(id, who, title === 'partner' ? 'account_lead' : 'delivery_lead');
          for (let i = 0; i < n; i++) await touch(id, who, (ago += 20));
        }
        return id;
      };
      const dependent = await build('Caldwell Energy', [['partner', 4], ['associate', 1]]);
      const shared = await build('Byrne Logistics', [['partner', 3], ['associate', 2]]);
      const associate = await build('Rowe Media', [['associate', 4], ['partner', 1]]);
      const few = await build('Whitmore Tools', [['partner', 4]]);
      await kit.rescore(dependent, shared, associate, few);

      expect(await kit.facts(dependent)).toMatchObject({ 'legal.topPersonTouchpointSharePct': 80, 'legal.topPersonTitle': 'partner' });
      const signal = (await kit.health(dependent)).signals.find((s) => s.id === 'legal-single-partner-dependency');
      expect(signal).toMatchObject({ severity: 'medium', explanation: 'One partner held 80% of the client contact in 12 months' });
      expect((await kit.facts(shared))['legal.topPersonTouchpointSharePct']).toBe(60);
      expect(await kit.facts(associate)).toMatchObject({ 'legal.topPersonTouchpointSharePct': 80, 'legal.topPersonTitle': 'associate' });
      expect(await kit.facts(few)).toMatchObject({ 'legal.topPersonTouchpointSharePct': null, 'legal.topPersonTitle': null });
      for (const id of [shared, associate, few]) expect(conclusions(await kit.health(id)).signals).not.toContain('legal-single-partner-dependency');
    });
  });

  describe('conflict checks (account.attributes.legal)', () => {
    const checks = [
      { matter: 'Acquisition of a family-owned supplier', practiceArea: 'M&A', raisedOn: daysAgo(110), status: 'declined', decidedOn: daysAgo(100), note: 'the firm acts for the seller' },
      { matter: 'Claim against a former distributor', practiceArea: 'Litigation', raisedOn: daysAgo(420), status: 'declined', decidedOn: daysAgo(400) },
      { matter: 'Lease exit for the regional office', raisedOn: daysAgo(60), status: 'cleared', decidedOn: daysAgo(58) },
      { matter: 'Export control voluntary disclosure', practiceArea: 'Regulatory', raisedOn: daysAgo(14), status: 'pending' },
    ];

    it('a matter declined for a conflict in 12 months and a check pending 14 days: competitive and behavioural signals and a debrief task; not on a consulting client', async () => {
      const { legal, consulting } = await twins('Greer Pharma', async () => undefined, { legal: { conflictChecks: checks } });
      await kit.rescore(legal, consulting);
      expect(await kit.facts(legal)).toMatchObject({ 'legal.pendingConflictChecks': 1, 'legal.oldestPendingConflictCheckDays': 14, 'legal.conflictDeclines12m': 1 });
      const snapshot = await kit.health(legal);
      expect(snapshot.signals.find((s) => s.id === 'legal-conflict-declined-work')).toMatchObject({ category: 'competitive', severity: 'medium', explanation: '1 matter(s) declined for a conflict in 12 months went to another firm' });
      expect(snapshot.signals.find((s) => s.id === 'legal-conflict-check-stalled')).toMatchObject({ severity: 'low', explanation: 'A conflict check has been pending for 14 days (1 pending)' });
      expect(snapshot.protocols).toContain('legal-conflict-decline-debrief');
      await expectUntouched(consulting);
    });

    it('13 days pending is not stalled yet; a decline 400 days ago is history; no record is no data (null), an empty record is 0', async () => {
      const recent = await kit.account({ name: 'Lowell Labs', industry: 'legal', attributes: { legal: { conflictChecks: [checks[1], { ...checks[3], raisedOn: daysAgo(13) }] } } });
      const none = await kit.account({ name: 'Ashby Textiles', industry: 'legal' });
      const empty = await kit.account({ name: 'Crane Robotics', industry: 'legal', attributes: { legal: { conflictChecks: [] } } });
      await kit.rescore(recent, none, empty);
      expect(await kit.facts(recent)).toMatchObject({ 'legal.pendingConflictChecks': 1, 'legal.oldestPendingConflictCheckDays': 13, 'legal.conflictDeclines12m': 0 });
      expect(legalIds(await kit.health(recent)).filter((id) => id.includes('conflict'))).toEqual([]);
      expect(await kit.facts(none)).toMatchObject({ 'legal.pendingConflictChecks': null, 'legal.conflictDeclines12m': null, 'legal.oldestPendingConflictCheckDays': null });
      expect(await kit.facts(empty)).toMatchObject({ 'legal.pendingConflictChecks': 0, 'legal.conflictDeclines12m': 0, 'legal.oldestPendingConflictCheckDays': null });
    });

    it('invalid conflict checks are refused with the path of each problem, and nothing is written', async () => {
      const res = await kit.app.call('POST', '/api/v1/accounts', {
        name: 'Bad Checks LLP', industry: 'legal', clientSince: daysAgo(900),
        attributes: { legal: { conflictChecks: [{ matter: 'X', raisedOn: daysAgo(10), status: 'declined' }, { matter: 'Y', raisedOn: daysAgo(10), status: 'pending', decidedOn: daysAgo(5) }], flags: true } },
      }, { tenant: kit.tenant });
      expect(res.status).toBe(400);
      expect((res.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['body.attributes.legal', 'body.attributes.legal.conflictChecks.0.decidedOn', 'body.attributes.legal.conflictChecks.1.decidedOn'].sort());
      const list = await kit.app.call('GET', '/api/v1/accounts?industry=legal&limit=200', undefined, { tenant: kit.tenant });
      expect((list.body.items as { name: string }[]).map((a) => a.name)).not.toContain('Bad Checks LLP');
    });
  });

  describe('practice areas, retainer vs matter work, tier', () => {
    it('a long-standing retainer client in 3 practice areas: promoted to tier 3, relationship award, the engagement letter counts as commitment; the same data on a consulting client stays tier 2', async () => {
      const { legal, consulting } = await twins('Whitmore Group', async (id) => {
        await kit.create('contracts', { accountId: id, kind: 'engagement_letter', title: 'General retainer', value: 150000, annualValue: 150000, startDate: daysAgo(200), endDate: daysAhead(165) });
        const matter = (name: string, serviceLine: string, start: number, end: number | null, status = 'completed') =>
          kit.create('engagements', { accountId: id, name, serviceLine, budget: 50000, startDate: daysAgo(start), plannedEndDate: daysAgo(end ?? -90), actualEndDate: end === null ? null : daysAgo(end), status: end === null ? 'active' : status });
        await matter('Supplier arbitration', 'Litigation', 100, null);
        await matter('Class action defence', 'litigation ', 900, 400); // same area, other spelling
        await matter('Board governance review', 'Corporate', 800, 729); // ended inside 24 months
        await matter('Executive compensation plan', 'Employment', 300, 200);
        await matter('Headquarters lease renegotiation', 'Real Estate', 900, 731); // ended before the window
        await matter('Trademark portfolio review', 'Intellectual Property', 60, 50, 'cancelled');
      });
      await kit.rescore(legal, consulting);
      expect(await kit.facts(legal)).toMatchObject({ 'legal.practiceAreas24m': 3, 'legal.hasStandingRetainer': true, 'legal.matterOnly': false, 'legal.activeMatters': 0, hasRetainer: false });
      const snapshot = await kit.health(legal);
      expect(snapshot.tier).toBe(3);
      expect(snapshot.tierReasons.map((r) => r.id)).toEqual(['tier-2', 'legal-institutional-client']);
      expect(rule(snapshot, 'relationship', 'legal-multi-practice')).toMatchObject({ points: 3, reason: '3 practice areas in 24 months' });
      expect(rule(snapshot, 'financial', 'committed')).toMatchObject({ points: 5, reason: 'retainer, standing engagement or multi-year commitment' });
      expect(snapshot.signals.map((s) => s.id)).not.toContain('legal-single-practice-area');

      const other = await kit.health(consulting);
      expect(other.tier).toBe(2);
      expect(rule(other, 'financial', 'committed')).toBeUndefined();
      await expectUntouched(consulting);
    });

    it('a tier 2 client in a single practice area is a cross-sell opening; a matter-only client whose last matter ends in 60 days (not 61) is flagged', async () => {
      const single = await kit.account({ name: 'Marston Retail', industry: 'legal' });
      await kit.create('contracts', { accountId: single, kind: 'retainer', title: 'Employment retainer', value: 80000, annualValue: 80000, startDate: daysAgo(100), endDate: daysAhead(265) });
      await kit.create('engagements', { accountId: single, name: 'Works council consultation', serviceLine: 'Employment', budget: 40000, startDate: daysAgo(90), plannedEndDate: daysAhead(30) });
      const ending = (days: number) => async (id: string) => {
        await kit.create('contracts', { accountId: id, kind: 'matter', title: 'Patent infringement defence', value: 120000, annualValue: 120000, startDate: daysAgo(300), endDate: daysAhead(days) });
        await kit.create('contracts', { accountId: id, kind: 'matter', title: 'Supplier arbitration', value: 30000, annualValue: 30000, startDate: daysAgo(200), endDate: daysAhead(days - 20) });
      };
      const in60 = await kit.account({ name: 'Caldwell Chemicals', industry: 'legal' });
      const in61 = await kit.account({ name: 'Byrne Devices', industry: 'legal' });
      await ending(60)(in60);
      await ending(61)(in61);
      await kit.rescore(single, in60, in61);

      expect(await kit.facts(single)).toMatchObject({ 'legal.practiceAreas24m': 1, 'legal.hasStandingRetainer': true, 'legal.matterOnly': false });
      const singleSnapshot = await kit.health(single);
      expect(singleSnapshot.tier).toBe(2);
      expect(singleSnapshot.signals.find((s) => s.id === 'legal-single-practice-area')).toMatchObject({ severity: 'low', category: 'competitive' });

      expect(await kit.facts(in60)).toMatchObject({ 'legal.matterOnly': true, 'legal.activeMatters': 2, 'legal.daysToLastMatterEnd': 60, 'legal.hasStandingRetainer': false });
      const flagged = (await kit.health(in60)).signals.find((s) => s.id === 'legal-last-matter-ending');
      expect(flagged).toMatchObject({ severity: 'medium', explanation: 'No retainer and the last of 2 open matter(s) ends in 60 days' });
      expect((await kit.facts(in61))['legal.daysToLastMatterEnd']).toBe(61);
      expect(conclusions(await kit.health(in61)).signals).not.toContain('legal-last-matter-ending');
    });
  });

  describe('succession template', () => {
    it('a legal client gets the multi-year legal.succession template, a consulting client the core one', () => {
      expect(installed.templates.latest('succession', { industry: 'legal' }).id).toBe('legal.succession');
      expect(installed.templates.latest('succession', { industry: 'consulting' }).id).toBe('succession-default');
      expect(installed.templates.latest('succession', { industry: 'legal', enabledPlugins: [] }).id).toBe('succession-default');
    });

    it('every parameter the succession workflow reads is valid, and the steps are listed in the order they fall due', () => {
      const template = installed.templates.latest('succession', { industry: 'legal' });
      const { parameters, problems } = readSuccessionParameters(template);
      expect(problems).toEqual([]);
      expect(parameters).toMatchObject({ leadDays: 1095, overlapDays: 365, openAheadDays: 30 });
      expect(template.steps.map((s) => s.id)).toContain(OVERLAP_STEP_ID);
      // The workflow opens steps in template order: a step due earlier must not wait behind a later one.
      const offsetOf = (s: (typeof template.steps)[number]) => (s.id === OVERLAP_STEP_ID ? parameters.overlapDays : s.due.beforeAnchorDays !== undefined ? s.due.beforeAnchorDays : -(s.due.afterAnchorDays ?? 0));
      for (const skip of [parameters.skipForOwnerDeparture, parameters.skipForChampionDeparture]) {
        const offsets = template.steps.filter((s) => !skip.includes(s.id)).map(offsetOf);
        expect(offsets).toEqual([...offsets].sort((a, b) => b - a));
      }
      expect(template.steps[0]).toMatchObject({ id: 'name-junior-partner', ownerRole: 'partner' });
    });
  });

  it('demo attributes: deterministic conflict checks, valid against the schema, on legal demo accounts only', () => {
    const make = () => {
      const portfolio = generatePortfolio({ tenantId: 'demo', seed: 42, asOf: new Date('2025-06-30T00:00:00Z'), accounts: 200 });
      addPluginDemoAttributes({ plugins: installed.plugins.filter((p) => p.id === 'legal') }, portfolio, '2025-06-30');
      return portfolio.accounts;
    };
    const accounts = make();
    const withChecks = accounts.filter((a) => a.attributes?.legal);
    expect(withChecks.length).toBeGreaterThan(3);
    expect(withChecks.every((a) => a.industry === 'legal' && a.status !== 'churned')).toBe(true);
    const all = withChecks.flatMap((a) => legalAttributesSchema.parse(a.attributes!.legal).conflictChecks ?? []);
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['cleared', 'declined', 'pending']));
    expect(all.every((c) => c.raisedOn <= '2025-06-30' && (c.decidedOn ?? c.raisedOn) <= '2025-06-30')).toBe(true);
    expect(make().map((a) => a.attributes)).toEqual(accounts.map((a) => a.attributes));
  });
});
