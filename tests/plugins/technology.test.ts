import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../src/persistence/demo/generate-portfolio.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { technologyAttributes } from '../../plugins/technology/src/attributes.js';
import { withinNextDays } from '../../plugins/technology/src/within-next-days.operator.js';
import { conclusions, daysAgo, daysAhead, instantDaysAgo, startPluginKit, type PluginKit } from './plugin-kit.js';

const HOUR = 3_600_000;
/** 'YYYY-MM' n months before the current UTC month (rescoring runs as of now). */
const monthsAgo = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
};
const usage = (...points: [monthsBack: number, activeUsers: number][]) => points.map(([back, activeUsers]) => ({ month: monthsAgo(back), activeUsers }));
const TECH_FACTS = [
  'technology.licensedSeats', 'technology.activeUsers', 'technology.adoptionPct', 'technology.usageDataAgeMonths', 'technology.adoptionTrendPct', 'technology.slaBreaches90d',
  'technology.openIssuesPastSla', 'technology.daysSinceGoLive', 'technology.inHandover', 'technology.supportTouchpointsSinceGoLive', 'technology.daysToNextRelease', 'technology.nextReleaseName',
];
const onlyTechnology = (ids: string[]) => ids.filter((id) => id.startsWith('technology-'));

describe('technology plugin: pure parts', () => {
  it('technology.withinNextDays matches 0..N days inclusive, never a date already past, and takes whole days only', () => {
    expect([-1, 0, 44, 45, 46].map((days) => withinNextDays.evaluate(days, 45))).toEqual([false, true, true, true, false]);
    const schema = withinNextDays.value as { safeParse(v: unknown): { success: boolean } };
    expect([45, 0, 3650].map((v) => schema.safeParse(v).success)).toEqual([true, true, true]);
    expect([-1, 4.5, 3651, '45', { days: 45 }].map((v) => schema.safeParse(v).success)).toEqual([false, false, false, false, false]);
  });

  it('the attributes schema refuses repeated months, more than 24 months, inverted SLA targets; fills SLA defaults', () => {
    const twice = technologyAttributes.safeParse({ usage: [{ month: '2026-01', activeUsers: 5 }, { month: '2026-01', activeUsers: 6 }] });
    expect(twice.success).toBe(false);
    expect(twice.error!.issues[0]).toMatchObject({ path: ['usage', 1, 'month'], message: 'month 2026-01 appears twice' });
    const months = Array.from({ length: 25 }, (_, i) => ({ month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, activeUsers: 1 }));
    expect(technologyAttributes.safeParse({ usage: months }).success).toBe(false);
    expect(technologyAttributes.safeParse({ usage: months.slice(1) }).success).toBe(true);
    expect(technologyAttributes.safeParse({ usage: [{ month: '2026-13', activeUsers: 1 }] }).success).toBe(false);
    expect(technologyAttributes.safeParse({ slaHours: { critical: 48, high: 24 } }).success).toBe(false);
    expect(technologyAttributes.parse({ slaHours: { critical: 4 } }).slaHours).toEqual({ critical: 4, high: 24, medium: 72, low: 168 });
    expect(technologyAttributes.safeParse({ seats: 10 }).success).toBe(false);
  });

  it('demo attributes fit the schema, are deterministic and tell varied stories (healthy, low, declining; go-live from implementations)', async () => {
    const installed = await installPlugins();
    const build = () => {
      const portfolio = generatePortfolio({ tenantId: 'demo', seed: 7, asOf: new Date('2026-11-15T00:00:00Z'), accounts: 120 });
      addPluginDemoAttributes(installed, portfolio, '2026-11-15'); // validates with the plugin's schema, throws otherwise
      return portfolio;
    };
    const portfolio = build();
    const tech = portfolio.accounts.filter((a) => a.industry === 'technology');
    expect(tech.length).toBeGreaterThan(10);
    expect(portfolio.accounts.filter((a) => a.industry !== 'technology').every((a) => !a.attributes?.technology)).toBe(true);
    const attributes = tech.map((a) => technologyAttributes.parse(a.attributes!.technology));
    expect(build().accounts.filter((a) => a.industry === 'technology').map((a) => a.attributes!.technology)).toEqual(tech.map((a) => a.attributes!.technology));
    const latest = attributes.filter((a) => a.usage.length).map((a) => ({ a, last: a.usage.at(-1)! }));
    const adoption = latest.map(({ a, last }) => (last.activeUsers / a.licensedSeats!) * 100);
    expect(adoption.some((p) => p < 40)).toBe(true);
    expect(adoption.some((p) => p >= 70)).toBe(true);
    const declining = latest.filter(({ a, last }) => {
      const earlier = a.usage.at(-4);
      return earlier && (last.activeUsers - earlier.activeUsers) / earlier.activeUsers <= -0.2;
    });
    expect(declining.length).toBeGreaterThan(0);
    expect(attributes.some((a) => a.goLiveOn)).toBe(true);
    expect(attributes.some((a) => a.releases.some((r) => r.on >= '2026-11-15'))).toBe(true);
  });
});

describe('technology plugin on the real app (technology accounts built through the API)', () => {
  let kit: PluginKit;
  let installed: InstalledPlugins;
  beforeAll(async () => {
    kit = await startPluginKit();
    installed = await installPlugins();
  });
  afterAll(() => kit?.close());

  const account = (name: string, technology: Record<string, unknown>, industry = 'technology') => kit.account({ name, industry, attributes: { technology } });
  /** A service issue opened at `openedAt`, resolved `resolvedAfterMs` later (null: still open). */
  const issue = (accountId: string, severity: string, openedAt: Date, resolvedAfterMs: number | null) =>
    kit.create('service-issues', { accountId, title: `${severity} ticket`, severity, category: 'support', openedAt: openedAt.toISOString(), resolvedAt: resolvedAfterMs === null ? null : new Date(openedAt.getTime() + resolvedAfterMs).toISOString() });
  const opened = (daysBack: number) => new Date(Date.parse(instantDaysAgo(daysBack)));
  const escalations = async (accountId: string) => (await kit.app.call('GET', `/api/v1/escalations?accountId=${accountId}`)).body.items as { protocolId: string; outcomes: { type: string; title?: string; play?: string }[] }[];

  it('adoption: 39% of seats is low and 40% is not; -20% over three months is falling and -18.8% is not; stale or ramp-up data raises nothing', async () => {
    const low = await account('Thirty-Nine Percent Inc', { licensedSeats: 100, usage: usage([3, 48], [1, 45], [0, 39]) });
    const forty = await account('Forty Percent Inc', { licensedSeats: 100, usage: usage([3, 50], [0, 40]) });
    const strong = await account('Seventy Percent Inc', { licensedSeats: 200, usage: usage([3, 140], [0, 140]) });
    const stale = await account('Stale Usage Inc', { licensedSeats: 100, usage: usage([7, 40], [4, 20]) });
    const rampUp = await account('Just Live Inc', { licensedSeats: 100, usage: usage([0, 20]), goLiveOn: daysAgo(29) });
    await kit.rescore(low, forty, strong, stale, rampUp);

    const lowFacts = await kit.facts(low);
    expect(lowFacts).toMatchObject({ 'technology.adoptionPct': 39, 'technology.activeUsers': 39, 'technology.licensedSeats': 100, 'technology.usageDataAgeMonths': 0, 'technology.adoptionTrendPct': -18.8 });
    const lowHealth = await kit.health(low);
    expect(onlyTechnology(conclusions(lowHealth).signals)).toEqual(['technology-low-adoption']);
    expect(lowHealth.signals.find((s) => s.id === 'technology-low-adoption')).toMatchObject({ severity: 'high', explanation: '39 of 100 licensed seats active (39%): the client is paying for software it does not use' });
    expect(lowHealth.components.find((c) => c.id === 'engagement')!.rules.find((r) => r.id === 'technology-low-adoption')).toMatchObject({ points: -8 });
    expect(lowHealth.ruleVersions['technology.signals']).toMatchObject({ version: 0 });

    expect(await kit.facts(forty)).toMatchObject({ 'technology.adoptionPct': 40, 'technology.adoptionTrendPct': -20 });
    const fortyHealth = await kit.health(forty);
    expect(onlyTechnology(conclusions(fortyHealth).signals)).toEqual(['technology-adoption-falling']);
    expect(fortyHealth.signals.find((s) => s.id === 'technology-adoption-falling')).toMatchObject({ severity: 'medium', explanation: 'active users -20% against three months earlier (40 now)' });
    expect(onlyTechnology(conclusions(fortyHealth).healthRules)).toEqual([]);

    const strongHealth = await kit.health(strong);
    expect(onlyTechnology(conclusions(strongHealth).signals)).toEqual([]);
    expect(strongHealth.components.find((c) => c.id === 'engagement')!.rules.find((r) => r.id === 'technology-strong-adoption')).toMatchObject({ points: 6, reason: '70% of licensed seats active' });

    expect(await kit.facts(stale)).toMatchObject({ 'technology.adoptionPct': 20, 'technology.usageDataAgeMonths': 4, 'technology.adoptionTrendPct': -50 });
    expect(onlyTechnology(conclusions(await kit.health(stale)).signals)).toEqual([]);
    expect(onlyTechnology(conclusions(await kit.health(rampUp)).signals)).toEqual([]);
  });

  it('SLA: resolved exactly at the SLA hour is met, one minute later is breached; open issues count until asOf; the 90-day window and custom SLA hours apply', async () => {
    const support = await account('Ticket Storm Inc', { licensedSeats: 50, usage: usage([0, 40]) });
    await issue(support, 'critical', opened(10), 8 * HOUR); // met, exactly at the boundary
    await issue(support, 'critical', opened(11), 8 * HOUR + 60_000); // breached by a minute
    await issue(support, 'high', opened(20), 24 * HOUR); // met
    await issue(support, 'medium', opened(30), 73 * HOUR); // breached
    await issue(support, 'low', opened(100), 500 * HOUR); // breached, but opened before the 90-day window
    await issue(support, 'low', opened(8), null); // open for 192 h > 168 h: breached and past its SLA now
    await issue(support, 'low', opened(6), null); // open for 144 h: within its SLA
    const premium = await account('Premium Support Inc', { slaHours: { critical: 4 } });
    await issue(premium, 'critical', opened(5), 5 * HOUR); // 5 h > 4 h contractual
    await issue(premium, 'high', opened(5), 24 * HOUR); // default high target still applies
    await kit.rescore(support, premium);

    expect(await kit.facts(support)).toMatchObject({ 'technology.slaBreaches90d': 3, 'technology.openIssuesPastSla': 1 });
    const health = await kit.health(support);
    expect(onlyTechnology(conclusions(health).signals)).toEqual(['technology-sla-breaches']);
    expect(health.signals.find((s) => s.id === 'technology-sla-breaches')).toMatchObject({ severity: 'high', category: 'high_risk', explanation: '3 service issues in 90 days resolved outside the SLA' });
    expect(health.components.find((c) => c.id === 'satisfaction')!.rules.filter((r) => r.id.startsWith('technology-'))).toMatchObject([{ id: 'technology-sla-breaches', points: -7 }]);
    expect(onlyTechnology(health.protocols)).toEqual(['technology-issue-past-sla', 'technology-sla-breaches']);
    const fired = await escalations(support);
    expect(fired.find((r) => r.protocolId === 'technology-sla-breaches')!.outcomes.map((o) => o.title)).toEqual([
      'Root-cause the 3 SLA breaches of the last 90 days and write a fix plan with owners and dates',
      "Call the client's admins about the 3 SLA breaches: acknowledge, own it, share the fix plan",
    ]);
    const tasks = (await kit.app.call('GET', `/api/v1/tasks?accountId=${support}&ownerRole=delivery_lead`)).body.items as { title: string; source: string }[];
    expect(tasks.map((t) => t.title).sort()).toEqual(['Resolve or escalate the 1 open service issue(s) past their SLA', 'Root-cause the 3 SLA breaches of the last 90 days and write a fix plan with owners and dates']);

    expect(await kit.facts(premium)).toMatchObject({ 'technology.slaBreaches90d': 1, 'technology.openIssuesPastSla': 0 });
    const premiumHealth = await kit.health(premium);
    expect(onlyTechnology(conclusions(premiumHealth).signals)).toEqual([]);
    expect(premiumHealth.components.find((c) => c.id === 'satisfaction')!.rules.find((r) => r.id === 'technology-sla-breach')).toMatchObject({ points: -3, reason: '1 SLA breach in 90 days' });
    expect(onlyTechnology(premiumHealth.protocols)).toEqual([]);
  });

  it('handover: 30 days after go-live without a support touchpoint is a gap (29 is not); one held support touchpoint since go-live closes it; go-live ahead starts the handover play', async () => {
    const gap = await account('Silent After Go-Live Inc', { goLiveOn: daysAgo(30) });
    const early = await account('Day 29 Inc', { goLiveOn: daysAgo(29) });
    const served = await account('Supported Inc', { goLiveOn: daysAgo(45) });
    const touch = (accountId: string, daysBack: number, kind: string, outcome: string) => kit.create('touchpoints', { accountId, kind, channel: 'video', direction: 'outbound', outcome, occurredAt: instantDaysAgo(daysBack) });
    await touch(served, 60, 'operational', 'held'); // before go-live: implementation, not support
    await touch(served, 20, 'operational', 'cancelled');
    await touch(served, 10, 'strategic', 'held');
    await touch(served, 12, 'operational', 'held');
    await touch(gap, 40, 'operational', 'held'); // before go-live
    const upcoming = await account('Going Live Soon Inc', { goLiveOn: daysAhead(7) });
    const longAgo = await account('Live For Years Inc', { goLiveOn: daysAgo(800) });
    await kit.rescore(gap, early, served, upcoming, longAgo);

    expect(await kit.facts(gap)).toMatchObject({ 'technology.daysSinceGoLive': 30, 'technology.inHandover': true, 'technology.supportTouchpointsSinceGoLive': 0 });
    const gapHealth = await kit.health(gap);
    expect(onlyTechnology(conclusions(gapHealth).signals)).toEqual(['technology-handover-gap']);
    expect(gapHealth.signals.find((s) => s.id === 'technology-handover-gap')!.explanation).toBe('went live 30 days ago and no support touchpoint has been held since');
    expect(onlyTechnology(gapHealth.protocols)).toEqual(['technology-handover-gap']);
    expect((await escalations(gap)).find((r) => r.protocolId === 'technology-handover-gap')!.outcomes[0].title).toBe("Hold the support handover meeting with the client's admins: live for 30 days and no support touchpoint yet");

    expect(onlyTechnology(conclusions(await kit.health(early)).signals)).toEqual([]);
    expect(await kit.facts(served)).toMatchObject({ 'technology.daysSinceGoLive': 45, 'technology.supportTouchpointsSinceGoLive': 1 });
    expect(onlyTechnology(conclusions(await kit.health(served)).signals)).toEqual([]);

    expect(await kit.facts(upcoming)).toMatchObject({ 'technology.daysSinceGoLive': -7, 'technology.inHandover': false, 'technology.supportTouchpointsSinceGoLive': null });
    expect(onlyTechnology((await kit.health(upcoming)).protocols)).toEqual(['technology-go-live-handover']);
    const commands = (await kit.app.call('GET', `/api/v1/play-commands?accountId=${upcoming}`)).body.items as { play: string; reason: string }[];
    expect(commands.filter((c) => c.play === 'onboarding')).toEqual([expect.objectContaining({ reason: 'go-live: implementation-to-support handover' })]);

    expect(await kit.facts(longAgo)).toMatchObject({ 'technology.daysSinceGoLive': 800, 'technology.inHandover': false, 'technology.supportTouchpointsSinceGoLive': null });
  });

  it('a release within 45 days while the contract ends within 365 days is a renewal moment for the account lead (46 or 366 days is not)', async () => {
    const contract = (accountId: string, endsIn: number) => kit.create('contracts', { accountId, kind: 'retainer', title: 'Managed services', value: 240_000, annualValue: 120_000, startDate: daysAgo(700), endDate: daysAhead(endsIn) });
    const moment = await account('Release Moment Inc', { releases: [{ name: 'Platform 2026.1', on: daysAgo(60) }, { name: 'Platform 2026.3', on: daysAhead(120) }, { name: 'Platform 2026.2', on: daysAhead(45) }] });
    await contract(moment, 365);
    const releaseTooFar = await account('Release Later Inc', { releases: [{ name: 'Platform 2026.2', on: daysAhead(46) }] });
    await contract(releaseTooFar, 200);
    const renewalTooFar = await account('Renewal Later Inc', { releases: [{ name: 'Platform 2026.2', on: daysAhead(10) }] });
    await contract(renewalTooFar, 366);
    await kit.rescore(moment, releaseTooFar, renewalTooFar);

    expect(await kit.facts(moment)).toMatchObject({ 'technology.daysToNextRelease': 45, 'technology.nextReleaseName': 'Platform 2026.2', daysToContractEnd: 365 });
    expect(onlyTechnology((await kit.health(moment)).protocols)).toEqual(['technology-release-renewal-moment']);
    const record = (await escalations(moment)).find((r) => r.protocolId === 'technology-release-renewal-moment')!;
    expect(record.outcomes[0]).toMatchObject({ type: 'task', title: 'Use the Platform 2026.2 release briefing (in 45 days) as a renewal conversation: the contract ends in 365 days' });
    expect(onlyTechnology((await kit.health(releaseTooFar)).protocols)).toEqual([]);
    expect(await kit.facts(renewalTooFar)).toMatchObject({ 'technology.daysToNextRelease': 10, daysToContractEnd: 366 });
    expect(onlyTechnology((await kit.health(renewalTooFar)).protocols)).toEqual([]);
  });

  it('the same data on an agency account: technology facts are null and no technology signal, health rule, protocol or pack applies', async () => {
    const data = { licensedSeats: 100, usage: usage([3, 60], [0, 30]), goLiveOn: daysAgo(40), releases: [{ name: 'Platform 2026.2', on: daysAhead(20) }] };
    const [tech, agency] = [await account('Same Data Tech Inc', data), await account('Same Data Agency Ltd', data, 'agency')];
    for (const id of [tech, agency]) {
      await issue(id, 'critical', opened(10), 9 * HOUR);
      await issue(id, 'high', opened(12), 30 * HOUR);
      await kit.create('contracts', { accountId: id, kind: 'retainer', title: 'Retainer', value: 100_000, annualValue: 100_000, startDate: daysAgo(300), endDate: daysAhead(65) });
    }
    await kit.rescore(tech, agency);

    const techHealth = await kit.health(tech);
    expect(onlyTechnology(conclusions(techHealth).signals)).toEqual(['technology-adoption-falling', 'technology-handover-gap', 'technology-low-adoption', 'technology-sla-breaches']);
    expect(onlyTechnology(conclusions(techHealth).healthRules)).toEqual(['technology-low-adoption', 'technology-sla-breaches']);
    expect(onlyTechnology(techHealth.protocols)).toEqual(['technology-handover-gap', 'technology-release-renewal-moment', 'technology-sla-breaches']);

    const agencyHealth = await kit.health(agency);
    const mine = conclusions(agencyHealth);
    expect(onlyTechnology([...mine.signals, ...mine.healthRules, ...mine.protocols])).toEqual([]);
    for (const kind of ['signals', 'health', 'escalation']) expect(agencyHealth.ruleVersions[`technology.${kind}`]).toBeUndefined();
    const agencyFacts = await kit.facts(agency);
    for (const fact of TECH_FACTS) expect(agencyFacts[fact], fact).toBeNull();
  });

  it('onboarding of a technology account runs the handover template; other industries keep theirs', () => {
    const template = installed.templates.latest('onboarding', { industry: 'technology' });
    expect(template).toMatchObject({ id: 'technology.onboarding', plugin: 'technology', industries: ['technology'] });
    expect(installed.templates.latest('onboarding', { industry: 'other' }).id).toBe('onboarding-default');
    expect(installed.templates.latest('onboarding', { industry: 'agency' }).id).not.toBe('technology.onboarding');
    expect(installed.templates.latest('onboarding', { industry: 'technology', enabledPlugins: [] }).id).toBe('onboarding-default');
    // The parameters the onboarding workflow reads stay meaningful: the first-result step exists and beats the promise.
    const first = template.steps.find((s) => s.id === template.parameters.firstResultStep);
    expect(first?.due.afterStartDays).toBeLessThan(Number(template.parameters.promisedFirstResultDays));
    expect(template.steps.filter((s) => s.activity)).toEqual([expect.objectContaining({ id: 'adoption-baseline', activity: 'technology.adoptionBaseline' })]);
    expect(installed.plugins.find((p) => p.id === 'technology')?.activities).toEqual(['technology.adoptionBaseline']);
  });
});
