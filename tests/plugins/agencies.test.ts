import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import type { FactValue } from '../../src/facts/fact-definition.js';
import type { DemoAccountView } from '../../src/plugin-api/index.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { RECOVERY_STEPS, recoveryParameters } from '../../workflows/shared/recovery.contract.js';
import { agencyAttributesSchema } from '../../plugins/agencies/src/attributes.js';
import { agencyDemoAttributes } from '../../plugins/agencies/src/demo-attributes.js';
import { describeResults, resultsDigest } from '../../plugins/agencies/src/results-digest.activity.js';
import { conclusions, daysAgo, daysAhead, instantDaysAgo, startPluginKit, type PluginKit } from './plugin-kit.js';

type Snapshot = Awaited<ReturnType<PluginKit['health']>>;

const PLUGIN_SIGNALS = ['agencies-quiet-between-campaigns', 'agencies-retainer-idle', 'agencies-creative-stale', 'agencies-team-turnover', 'agencies-results-report-lapsed', 'agencies-campaign-underperforming'];
const AGENCY_FACTS = [
  'agencies.daysBetweenCampaigns',
  'agencies.nextCampaignPlanned',
  'agencies.retainerNoticeDays',
  'agencies.monthToMonthRetainer',
  'agencies.accountTeamChanges12m',
  'agencies.daysSinceNewConcept',
  'agencies.daysSinceResultsReport',
  'agencies.campaignKpiAttainmentPct',
  'agencies.latestCampaignName',
  'agencies.latestCampaignKpi',
];
/** Attributes of a client that is looked after well: a fresh concept, a recent report, a campaign on target. */
const WELL_KEPT = { lastNewConceptOn: daysAgo(40), lastResultsReportOn: daysAgo(20), latestCampaign: { name: 'Spring launch campaign', kpi: 'qualified leads', attainmentPct: 104 } };

interface Story {
  industry?: string;
  /** Days since the last held touchpoint. */
  silentDays: number;
  /** 'ended': the latest campaign ended `endedDaysAgo` days ago; 'running': one is under way. */
  campaign: 'ended' | 'running';
  endedDaysAgo?: number;
  /** false: a one-off project client (tier 1) instead of a retainer. */
  retainer?: boolean;
  noticeDays?: number;
  nextPlanned?: boolean;
  attributes?: Record<string, unknown>;
}

function plugin(snapshot: Snapshot) {
  const c = conclusions(snapshot);
  return { signals: c.signals.filter((id) => id.startsWith('agencies-')), healthRules: c.healthRules.filter((id) => id.startsWith('agencies-')), protocols: c.protocols.filter((id) => id.startsWith('agencies-')) };
}
const signal = (snapshot: Snapshot, id: string) => snapshot.signals.find((s) => s.id === id);
const rule = (snapshot: Snapshot, component: string, id: string) => snapshot.components.find((c) => c.id === component)?.rules.find((r) => r.id === id);

/**
 * The agencies plugin through the real HTTP app on SQLite: fixture clients built with the API, rescored,
 * and their snapshots read back; the same data on accounts of other industries; a seeded demo portfolio.
 */
describe('agencies plugin', () => {
  let kit: PluginKit;
  let installed: InstalledPlugins;
  const ids: Record<string, string> = {};
  const snapshots: Record<string, Snapshot> = {};
  const facts: Record<string, Record<string, FactValue>> = {};

  /** A client with a retainer (or a one-off project), its campaigns and its touchpoints, all through the API. */
  async function client(name: string, s: Story): Promise<string> {
    const id = await kit.account({ name, industry: s.industry ?? 'agency', attributes: { agencies: s.attributes ?? WELL_KEPT } });
    const ended = s.endedDaysAgo ?? 50;
    const contractId =
      s.retainer === false
        ? await kit.create('contracts', { accountId: id, kind: 'project', title: 'Website redesign', value: 30_000, annualValue: 30_000, startDate: daysAgo(ended + 60), endDate: daysAgo(ended) })
        : await kit.create('contracts', { accountId: id, kind: 'retainer', title: 'Creative retainer', value: 120_000, annualValue: 120_000, startDate: daysAgo(300), endDate: daysAhead(65), noticePeriodDays: s.noticeDays ?? 30 });
    await kit.create('engagements', { accountId: id, contractId, name: 'Holiday campaign', serviceLine: 'Creative', budget: 20_000, actualCost: 19_000, startDate: daysAgo(260), plannedEndDate: daysAgo(200), actualEndDate: daysAgo(200), status: 'completed' });
    if (s.campaign === 'running') {
      await kit.create('engagements', { accountId: id, contractId, name: 'Summer campaign', serviceLine: 'Media Buying', budget: 25_000, actualCost: 9_000, startDate: daysAgo(20), plannedEndDate: daysAhead(35), status: 'active' });
    } else {
      await kit.create('engagements', { accountId: id, contractId, name: 'Spring launch campaign', serviceLine: 'Digital', budget: 25_000, actualCost: 24_000, startDate: daysAgo(ended + 56), plannedEndDate: daysAgo(ended), actualEndDate: daysAgo(ended), status: 'completed' });
    }
    if (s.nextPlanned) await kit.create('engagements', { accountId: id, contractId, name: 'Back-to-school campaign', serviceLine: 'Digital', budget: 25_000, startDate: daysAhead(14), plannedEndDate: daysAhead(70), status: 'planned' });
    // Otherwise a sound relationship (so the agency conclusions are not drowned by core ones): three
    // engaged stakeholders, a promoter, invoices paid on time.
    const people = [
      await kit.create('stakeholders', { accountId: id, name: 'Dana Reyes', title: 'CMO', role: 'decision_maker', seniority: 'c_level', strength: 'strong', metInPerson: true }),
      await kit.create('stakeholders', { accountId: id, name: 'Chris Okafor', title: 'Brand Director', role: 'champion', seniority: 'director', strength: 'strong' }),
      await kit.create('stakeholders', { accountId: id, name: 'Sam Lindqvist', title: 'Campaign Manager', role: 'user', seniority: 'manager', strength: 'developing' }),
    ];
    // Intense during the campaign, then the silence.
    const contacts: [number, string, string][] = [[s.silentDays + 30, 'executive', 'Campaign results review'], [s.silentDays + 15, 'strategic', 'Audience insight session'], [s.silentDays, 'operational', 'Campaign stand-up']];
    for (const [i, [d, kind, summary]] of contacts.entries()) {
      await kit.create('touchpoints', { accountId: id, stakeholderId: people[i], kind, channel: 'video', direction: 'outbound', occurredAt: instantDaysAgo(d), responseTimeHours: 6, summary });
    }
    await kit.create('survey-responses', { accountId: id, stakeholderId: people[0], kind: 'nps', score: 9, respondedAt: instantDaysAgo(s.silentDays + 20) });
    await kit.create('survey-responses', { accountId: id, stakeholderId: people[1], kind: 'csat', score: 5, respondedAt: instantDaysAgo(s.silentDays + 20) });
    const invoices = s.retainer === false ? [[ended + 10, 30_000]] : [20, 50, 80, 110, 140, 170].map((d) => [d, 10_000]);
    for (const [d, amount] of invoices) await kit.create('invoices', { accountId: id, contractId, amount, issuedOn: daysAgo(d), dueOn: daysAgo(d - 15), paidOn: daysAgo(d - 15) });
    return id;
  }

  /** Team history: `departures` people left the team at the given days ago and were replaced. */
  async function team(accountId: string, departedDaysAgo: number[]): Promise<void> {
    const person = (n: number) => kit.create('people', { name: `Account Manager ${accountId.slice(0, 4)}-${n}`, email: `am-${accountId.slice(0, 8)}-${n}@agency.example`, title: 'manager' });
    let from = daysAgo(1500);
    for (const [n, departed] of departedDaysAgo.entries()) {
      await kit.create('team-assignments', { accountId, personId: await person(n), role: 'account_lead', fromDate: from, toDate: daysAgo(departed) });
      from = daysAgo(departed);
    }
    await kit.create('team-assignments', { accountId, personId: await person(departedDaysAgo.length), role: 'account_lead', fromDate: from });
  }

  beforeAll(async () => {
    kit = await startPluginKit();
    // Fixtures are written record by record; event-driven rescoring would score (and escalate on) half-built
    // accounts, and the coordination of client contacts would then hold back the tasks under test. This file
    // rescores explicitly once every account is complete.
    await kit.app.app.get(RescoreOnActivity).onApplicationShutdown();
    installed = await installPlugins();
    const quiet: Story = { silentDays: 45, campaign: 'ended' };
    ids.quiet = await client('Brightwave Beverages', quiet);
    ids.quietConsulting = await client('Brightwave Consulting Client', { ...quiet, industry: 'consulting' });
    ids.quietOther = await client('Brightwave Other Client', { ...quiet, industry: 'other' }); // no plugin serves 'other': core rules only
    ids.silent29 = await client('Edge Twenty-Nine Foods', { silentDays: 29, campaign: 'ended' });
    ids.silent30 = await client('Edge Thirty Foods', { silentDays: 30, campaign: 'ended' });
    ids.running = await client('Mid-Campaign Motors', { silentDays: 45, campaign: 'running' });
    ids.project = await client('One-Off Outfitters', { silentDays: 45, campaign: 'ended', retainer: false });
    ids.idle = await client('Idle Retainer Insurance', { silentDays: 10, campaign: 'ended', endedDaysAgo: 70 });
    ids.idlePlanned = await client('Planned Retainer Insurance', { silentDays: 10, campaign: 'ended', endedDaysAgo: 70, nextPlanned: true });
    const stale = { lastNewConceptOn: daysAgo(120), lastResultsReportOn: daysAgo(46), latestCampaign: { name: 'Spring launch campaign', kpi: 'qualified leads', attainmentPct: 79 } };
    ids.stale = await client('Stale Ideas Cosmetics', { silentDays: 5, campaign: 'running', attributes: stale });
    ids.staleConsulting = await client('Stale Ideas Consulting Client', { silentDays: 5, campaign: 'running', attributes: stale, industry: 'consulting' });
    ids.fresh = await client('Fresh Ideas Cosmetics', {
      silentDays: 5,
      campaign: 'running',
      attributes: { lastNewConceptOn: daysAgo(119), lastResultsReportOn: daysAgo(45), latestCampaign: { name: 'Summer campaign', kpi: 'ROAS', attainmentPct: 80 } },
    });
    ids.future = await client('Future Dates Cosmetics', { silentDays: 5, campaign: 'running', attributes: { lastNewConceptOn: daysAhead(3), lastResultsReportOn: daysAhead(3) } });
    ids.turnover = await client('Revolving Door Retail', { silentDays: 5, campaign: 'running' });
    await team(ids.turnover, [300, 90]);
    ids.oneChange = await client('Steady Hands Retail', { silentDays: 5, campaign: 'running' });
    await team(ids.oneChange, [500, 90]);
    ids.atRisk = await client('Month-to-Month Media', { silentDays: 45, campaign: 'ended', attributes: { ...WELL_KEPT, latestCampaign: { name: 'Trade show campaign', kpi: 'engaged sessions', attainmentPct: 70 } } });
    ids.atRiskLongNotice = await client('Ninety-Day Notice Media', { silentDays: 45, campaign: 'ended', noticeDays: 90, attributes: { ...WELL_KEPT, latestCampaign: { name: 'Trade show campaign', kpi: 'engaged sessions', attainmentPct: 70 } } });
    await kit.rescore(...Object.values(ids));
    for (const [key, id] of Object.entries(ids)) {
      snapshots[key] = await kit.health(id);
      facts[key] = await kit.facts(id);
    }
  });
  afterAll(() => kit?.close());

  describe('quiet between campaigns', () => {
    it('an agency client silent 45 days since its last campaign ended raises the signal, loses engagement points and gets an account-lead task', async () => {
      const s = snapshots.quiet;
      expect(facts.quiet).toMatchObject({ 'agencies.daysBetweenCampaigns': 50, 'agencies.nextCampaignPlanned': false, 'agencies.monthToMonthRetainer': true, 'agencies.retainerNoticeDays': 30, daysSinceLastContact: 45, activeEngagements: 0 });
      expect(signal(s, 'agencies-quiet-between-campaigns')).toMatchObject({ severity: 'high', category: 'behavioural', explanation: 'No campaign running (the last ended 50 days ago) and no contact for 45 days' });
      expect(rule(s, 'engagement', 'agencies-quiet-between-campaigns')).toMatchObject({ points: -8, reason: 'no campaign running and no contact for 45 days' });
      const engagement = (snapshot: Snapshot) => snapshot.components.find((c) => c.id === 'engagement')!.points;
      expect(engagement(s)).toBe(engagement(snapshots.quietOther) - 8); // the same data under the core rules alone
      expect(plugin(s).protocols).toEqual(['agencies-quiet-between-campaigns']);
      expect(s.ruleVersions['agencies.signals']).toMatchObject({ version: 0 });
      const tasks = await kit.app.call('GET', `/api/v1/tasks?accountId=${ids.quiet}&source=escalation`);
      expect(tasks.body.items.map((t: { title: string; ownerRole: string }) => [t.ownerRole, t.title])).toContainEqual(['account_lead', 'Bring the client a fresh idea and plan the next campaign: silent 45 days between campaigns']);
    });

    it('fires from 30 days of silence, not 29', () => {
      expect(facts.silent29.daysSinceLastContact).toBe(29);
      expect(facts.silent30.daysSinceLastContact).toBe(30);
      expect(plugin(snapshots.silent29).signals).not.toContain('agencies-quiet-between-campaigns');
      expect(plugin(snapshots.silent29).healthRules).not.toContain('agencies-quiet-between-campaigns');
      expect(plugin(snapshots.silent30).signals).toContain('agencies-quiet-between-campaigns');
      expect(plugin(snapshots.silent30).healthRules).toContain('agencies-quiet-between-campaigns');
    });

    it('is not raised while a campaign is running, nor for a one-off project client between projects', () => {
      expect(facts.running['agencies.daysBetweenCampaigns']).toBeNull();
      expect(plugin(snapshots.running).signals).not.toContain('agencies-quiet-between-campaigns');
      expect(plugin(snapshots.running).protocols).not.toContain('agencies-quiet-between-campaigns');
      // Tier 1 project clients: minimal outreach between projects is the norm (DOMAIN.md section 7).
      expect(snapshots.project.tier).toBe(1);
      expect(facts.project).toMatchObject({ 'agencies.daysBetweenCampaigns': 50, hasRetainer: false, 'agencies.monthToMonthRetainer': false, 'agencies.retainerNoticeDays': null });
      expect(plugin(snapshots.project).signals).not.toContain('agencies-quiet-between-campaigns');
    });

    it('the same data on a consulting account draws none of the agency conclusions and has no agency facts', () => {
      const s = snapshots.quietConsulting;
      expect(plugin(s)).toEqual({ signals: [], healthRules: [], protocols: [] });
      for (const name of AGENCY_FACTS) expect(facts.quietConsulting[name], name).toBeNull();
      expect(s.ruleVersions['agencies.signals']).toBeUndefined();
      expect(s.ruleVersions['agencies.health']).toBeUndefined();
      expect(facts.quietConsulting.daysSinceLastContact).toBe(45);
    });

    it('keeps the monthly operational touchpoint due between campaigns for recurring agency clients (cadence override)', () => {
      const operational = (s: Snapshot) => s.cadence.find((c) => c.touchpointKind === 'operational');
      expect(snapshots.quiet.tier).toBe(2);
      expect(operational(snapshots.quiet)).toMatchObject({ everyDays: 30, applicable: true, overdue: true, daysSinceLast: 45 });
      // The core cadence asks for it only during active work.
      expect(snapshots.quietOther.tier).toBe(2);
      expect(operational(snapshots.quietOther)).toMatchObject({ applicable: false, overdue: false });
    });
  });

  it('a retainer with no campaign for 60+ days and none planned is idle; a planned next campaign clears it', () => {
    expect(facts.idle).toMatchObject({ 'agencies.daysBetweenCampaigns': 70, 'agencies.nextCampaignPlanned': false });
    expect(signal(snapshots.idle, 'agencies-retainer-idle')?.explanation).toBe('Retainer running with no campaign for 70 days and none planned');
    expect(plugin(snapshots.idle).signals).not.toContain('agencies-quiet-between-campaigns'); // in touch 10 days ago
    expect(facts.idlePlanned['agencies.nextCampaignPlanned']).toBe(true);
    expect(plugin(snapshots.idlePlanned).signals).not.toContain('agencies-retainer-idle');
    expect(plugin(snapshots.quiet).signals).not.toContain('agencies-retainer-idle'); // 50 days: not yet
  });

  describe('creative, reporting and campaign results (account attributes)', () => {
    it('stale creative, a lapsed report and a campaign below 80% of target raise signals, health deductions and a delivery task', () => {
      const s = snapshots.stale;
      expect(facts.stale).toMatchObject({ 'agencies.daysSinceNewConcept': 120, 'agencies.daysSinceResultsReport': 46, 'agencies.campaignKpiAttainmentPct': 79, 'agencies.latestCampaignName': 'Spring launch campaign', 'agencies.latestCampaignKpi': 'qualified leads' });
      expect(plugin(s).signals).toEqual(['agencies-campaign-underperforming', 'agencies-creative-stale', 'agencies-results-report-lapsed']);
      expect(signal(s, 'agencies-creative-stale')?.explanation).toBe('No new creative concept for 120 days');
      expect(signal(s, 'agencies-results-report-lapsed')?.explanation).toBe('Last results report 46 days ago');
      expect(signal(s, 'agencies-campaign-underperforming')).toMatchObject({ severity: 'high', explanation: 'Spring launch campaign reached 79% of its qualified leads target' });
      expect(rule(s, 'satisfaction', 'agencies-campaign-underperforming')?.points).toBe(-5);
      expect(rule(s, 'satisfaction', 'agencies-results-reported')).toBeUndefined();
      expect(rule(s, 'relationship', 'agencies-creative-stale')).toBeUndefined(); // the health deduction waits for 180 days
      expect(plugin(s).protocols).toEqual(['agencies-campaign-underperforming']);
    });

    it('just inside every threshold: no signal, and a recent report earns satisfaction points', () => {
      expect(facts.fresh).toMatchObject({ 'agencies.daysSinceNewConcept': 119, 'agencies.daysSinceResultsReport': 45, 'agencies.campaignKpiAttainmentPct': 80 });
      expect(plugin(snapshots.fresh).signals).toEqual([]);
      expect(rule(snapshots.fresh, 'satisfaction', 'agencies-results-reported')).toBeUndefined(); // 45 days: not recent
      expect(rule(snapshots.running, 'satisfaction', 'agencies-results-reported')).toMatchObject({ points: 3, reason: 'results report 20 days ago' });
    });

    it('dates after today are not evidence yet (null), and the same attributes on a consulting account do nothing', () => {
      expect(facts.future['agencies.daysSinceNewConcept']).toBeNull();
      expect(facts.future['agencies.daysSinceResultsReport']).toBeNull();
      expect(plugin(snapshots.staleConsulting)).toEqual({ signals: [], healthRules: [], protocols: [] });
      expect(facts.staleConsulting['agencies.campaignKpiAttainmentPct']).toBeNull();
    });

    it('the attributes schema refuses nonsense and changes nothing', async () => {
      const bad = await kit.app.call('POST', '/api/v1/accounts', { name: 'Bad Data Agency Client', industry: 'agency', clientSince: daysAgo(900), attributes: { agencies: { lastNewConceptOn: 'last spring', latestCampaign: { name: 'X', kpi: 'ROAS', attainmentPct: -5 } } } });
      expect(bad.status).toBe(400);
      expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.attributes.agencies.lastNewConceptOn', 'body.attributes.agencies.latestCampaign.attainmentPct']);
    });
  });

  describe('account-team stability', () => {
    it('two people leaving the team within 12 months raise turnover: signal, relationship deduction, executive-sponsor task', async () => {
      const s = snapshots.turnover;
      expect(facts.turnover['agencies.accountTeamChanges12m']).toBe(2);
      expect(signal(s, 'agencies-team-turnover')).toMatchObject({ severity: 'high', explanation: '2 people left the account team in 12 months' });
      expect(rule(s, 'relationship', 'agencies-team-turnover')?.points).toBe(-5);
      expect(plugin(s).protocols).toEqual(['agencies-team-turnover']);
      const tasks = await kit.app.call('GET', `/api/v1/tasks?accountId=${ids.turnover}&source=escalation`);
      expect(tasks.body.items.map((t: { title: string; ownerRole: string }) => [t.ownerRole, t.title])).toContainEqual(['executive_sponsor', 'Introduce the new account team in person and commit to its stability (2 departures in 12 months)']);
    });

    it('one departure in 12 months (another 500 days ago) is not turnover', () => {
      expect(facts.oneChange['agencies.accountTeamChanges12m']).toBe(1);
      expect(plugin(snapshots.oneChange).signals).not.toContain('agencies-team-turnover');
    });
  });

  describe('month-to-month client silent and unconvinced', () => {
    it('starts the recovery play before health falls below 40', async () => {
      const s = snapshots.atRisk;
      expect(plugin(s).protocols).toEqual(['agencies-campaign-underperforming', 'agencies-month-to-month-at-risk', 'agencies-quiet-between-campaigns']);
      expect(s.score).toBeGreaterThanOrEqual(40);
      const commands = await kit.app.orm.em.fork().find(PlayCommand, { tenantId: kit.tenant, accountId: ids.atRisk, sourceRef: { $like: 'agencies-%' } });
      expect(commands.map((c) => [c.play, c.reason])).toEqual([
        ['recovery', "month-to-month retainer (30 days' notice) silent 45 days between campaigns; latest campaign at 70% of target, last results report 20 days ago"],
      ]);
    });

    it('not when the retainer needs 90 days notice', async () => {
      expect(facts.atRiskLongNotice['agencies.monthToMonthRetainer']).toBe(false);
      expect(plugin(snapshots.atRiskLongNotice).protocols).not.toContain('agencies-month-to-month-at-risk');
      expect(await kit.app.orm.em.fork().count(PlayCommand, { tenantId: kit.tenant, accountId: ids.atRiskLongNotice, sourceRef: { $like: 'agencies-%' } })).toBe(0);
    });
  });

  describe('agency recovery play', () => {
    it('replaces the core recovery template for agency accounts only', () => {
      expect(installed.templates.latest('recovery', { industry: 'agency' }).id).toBe('agencies.recovery');
      expect(installed.templates.latest('recovery', { industry: 'other' }).id).toBe('recovery-default');
      expect(installed.templates.latest('recovery', { industry: 'consulting' }).id).not.toBe('agencies.recovery');
      expect(installed.templates.latest('recovery', { industry: 'agency', enabledPlugins: ['consulting'] }).id).toBe('recovery-default');
    });

    it('gives the recovery workflow every parameter and step it reads, in a valid order', () => {
      const template = installed.templates.latest('recovery', { industry: 'agency' });
      // No parameter falls back to a default: each is present and in range.
      expect(recoveryParameters(template.parameters)).toEqual({ diagnosticWithinDays: 5, followUpEveryDays: 7, followUpDueInDays: 2, recoveredAbove: 60, sustainedDays: 30, horizonDays: 90, escalationDueInDays: 2 });
      const stepIds = template.steps.map((s) => s.id);
      expect(stepIds.indexOf(RECOVERY_STEPS.diagnostic)).toBeGreaterThan(-1);
      expect(stepIds.indexOf(RECOVERY_STEPS.plan)).toBeGreaterThan(stepIds.indexOf(RECOVERY_STEPS.diagnostic));
      expect(stepIds).toEqual(expect.arrayContaining(['creative-refresh-workshop', 'next-campaign-plan', 'team-stability-commitment']));
      // The only automated step runs an activity the plugin registers.
      expect(template.steps.filter((s) => s.activity).map((s) => s.activity)).toEqual(['agencies.resultsDigest']);
      expect(installed.plugins.find((p) => p.id === 'agencies')?.activities).toEqual(['agencies.resultsDigest']);
    });

    it('the results digest activity records what the campaigns delivered, from the database', async () => {
      const log = pino({ level: 'silent' });
      const { summary } = await resultsDigest({ tenantId: kit.tenant, accountId: ids.atRisk, workflowId: 'wf-test', stepId: 'results-digest', parameters: { resultsDigestDays: 365 } }, { orm: kit.app.orm, log });
      expect(summary).toBe(
        'Results digest: 2 campaigns in the last 365 days (none running); latest result: Trade show campaign at 70% of its engaged sessions target; last new creative concept 40 days ago; last results report 20 days ago; no next campaign planned.',
      );
      const running = await resultsDigest({ tenantId: kit.tenant, accountId: ids.idlePlanned, workflowId: 'wf-test', stepId: 'results-digest', parameters: { resultsDigestDays: 100 } }, { orm: kit.app.orm, log });
      expect(running.summary).toMatch(/^Results digest: 1 campaign in the last 100 days \(none running\);.*; next campaign planned\.$/);
    });

    it('describes overruns and missing data plainly (pure)', () => {
      const text = describeResults({
        windowDays: 365,
        today: '2025-06-30',
        daysSince: () => 0,
        nextPlanned: false,
        campaigns: [
          { name: 'A', plannedEnd: '2025-03-01', actualEnd: '2025-03-20', status: 'completed', budget: 10, actualCost: 12 },
          { name: 'B', plannedEnd: '2025-06-01', actualEnd: null, status: 'active', budget: 10, actualCost: 5 },
        ],
      });
      expect(text).toBe('Results digest: 2 campaigns in the last 365 days (1 running, 1 over budget, 2 late); no campaign result recorded; no new creative concept recorded; no results report recorded; no next campaign planned.');
    });
  });

  describe('demo portfolio', () => {
    it('sample attributes follow the account story and fit the schema', () => {
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      const engagement = (name: string, start: string, end: string | null, plannedEnd: string, status: 'completed' | 'active' | 'planned') => ({ name, serviceLine: 'Digital', startDate: start, plannedEndDate: plannedEnd, actualEndDate: end, status, budget: 10_000, actualCost: 9_000 });
      const view = {
        account: { id: 'a', industry: 'agency' },
        asOf: '2025-06-30',
        random,
        contracts: [{ kind: 'retainer', startDate: '2024-07-01', endDate: '2025-12-31' }],
        engagements: [engagement('Spring launch campaign 2025', '2025-03-03', '2025-05-05', '2025-05-05', 'completed'), engagement('Summer campaign 2025', '2025-07-14', null, '2025-09-08', 'planned')],
        touchpoints: [{ kind: 'operational', channel: 'video', outcome: 'held', occurredAt: new Date('2025-05-15T10:00:00Z') }],
        serviceIssues: [],
        teamAssignments: [],
        people: new Map(),
      } as unknown as DemoAccountView;
      const attributes = agencyDemoAttributes(view)!;
      expect(agencyAttributesSchema.safeParse(attributes).success).toBe(true);
      expect(attributes.latestCampaign?.name).toBe('Spring launch campaign 2025'); // not the planned one
      expect(attributes.lastResultsReportOn).toBe('2025-05-15'); // reported in the last held review: the client went quiet after it
      expect(attributes.lastNewConceptOn! < '2025-03-03').toBe(true);
      expect(agencyDemoAttributes({ ...view, engagements: [] })).toBeUndefined();
    });

    it('agency accounts silent 45+ days between campaigns raise the quiet signal', async () => {
      const asOf = new Date();
      // The default demo (what ./retention start seeds): the portfolio is generated for today, and its
      // story of an agency quiet between campaigns draws 45-48 days of silence.
      await seedDemoPortfolio(kit.app.orm, { tenantId: 'demo', asOf, accounts: 200, decorate: (p, day) => addPluginDemoAttributes(installed, p, day) });
      const rescored = await kit.app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: 'demo' });
      expect(rescored.status).toBe(200);
      const em = kit.app.orm.em.fork();
      const agencies = await em.find(Account, { tenantId: 'demo', industry: 'agency', status: { $ne: 'churned' } });
      const latest = new Map<string, HealthSnapshot>();
      for (const s of await em.find(HealthSnapshot, { tenantId: 'demo', accountId: { $in: agencies.map((a) => a.id) } }, { orderBy: { computedAt: 'asc' } })) latest.set(s.accountId, s);
      const between = (s: HealthSnapshot, silentDays: number) => typeof s.facts['agencies.daysBetweenCampaigns'] === 'number' && (s.facts.daysSinceLastContact as number) >= silentDays && s.tier >= 2;
      const silent45 = [...latest.values()].filter((s) => between(s, 45));
      expect(silent45.length, 'the demo has recurring agency clients silent 45+ days between campaigns').toBeGreaterThanOrEqual(1);
      // Every recurring agency client between campaigns and silent for a billing cycle raises it (the story's 43-48 days included).
      for (const s of [...latest.values()].filter((s) => between(s, 30))) {
        expect(s.signals.find((x) => x.id === 'agencies-quiet-between-campaigns'), `account ${s.accountId}`).toMatchObject({ severity: 'high' });
      }
      // The sample data is plausible: agencies with campaigns carry attributes, and no plugin signal fires on most of them.
      expect(agencies.filter((a) => a.attributes?.agencies).length / agencies.length).toBeGreaterThan(0.8);
      const shares = Object.fromEntries(PLUGIN_SIGNALS.map((id) => [id, [...latest.values()].filter((s) => s.signals.some((x) => x.id === id)).length / latest.size]));
      for (const [id, share] of Object.entries(shares)) expect(share, id).toBeLessThan(0.4);
    });
  });
});
