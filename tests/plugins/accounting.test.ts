import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { generatePortfolio } from '../../src/persistence/demo/generate-portfolio.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { pluginContributionsOf, selectRows, type FactValues } from '../../src/plugin-api/index.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { testDialects } from '../support/test-databases.js';
import AccountingPlugin from '../../plugins/accounting/src/index.js';
import { accountingAttributesSchema } from '../../plugins/accounting/src/attributes.js';
import { withinNextDays } from '../../plugins/accounting/src/deadline.operators.js';
import { deriveFilingDeadlines } from '../../plugins/accounting/src/filing-deadlines.js';
import { nextFiscalYearEnd, parseMonthDay } from '../../plugins/accounting/src/fiscal-calendar.js';
import { seasonRecap } from '../../plugins/accounting/src/season-recap.activities.js';
import { serviceKindOf } from '../../plugins/accounting/src/service-lines.js';
import { conclusions, daysAgo, daysAhead, startPluginKit, type PluginKit } from './plugin-kit.js';

const contributions = pluginContributionsOf(AccountingPlugin)!;
const FACTS = contributions.facts!.flatMap((p) => p.facts.map((f) => f.name));
/** The host's view of this plugin alone (demo decoration without the other plugins). */
const ONLY_ACCOUNTING = { plugins: [{ id: 'accounting', industries: ['accounting'], contributions }] } as unknown as Pick<InstalledPlugins, 'plugins'>;

// Tax season = January 1 to April 30 of the current year (the current one, or the last one once over).
const now = new Date();
const YEAR = now.getUTCFullYear();
const TODAY = daysAgo(0);
const SEASON_START = Date.UTC(YEAR, 0, 1);
/** An instant in this year's tax season, never in the future. */
const inSeason = (hours: number) => new Date(Math.min(SEASON_START + hours * 3_600_000, Date.now() - 60_000)).toISOString();
/** A past day of this year's season (null on January 1, when the season has no past day yet). */
const PAST_SEASON_DAY = TODAY > `${YEAR}-04-30` ? `${YEAR}-04-15` : TODAY > `${YEAR}-01-01` ? daysAgo(1) : null;
/** A later day, on or before today, to end an engagement late. */
const LATE_END = TODAY > `${YEAR}-04-30` ? `${YEAR}-04-20` : TODAY;
/** 'MM-DD' of the day n days ahead: a fiscal year end exactly n days away. */
const fyeIn = (n: number) => daysAhead(n).slice(5);

describe('accounting plugin: operator, calendar, classification, demo data, template', () => {
  it('withinNextDays matches a days-until fact from 0 to N inclusive, and only whole days 1-366 as N', () => {
    expect([0, 30, 60].map((d) => withinNextDays.evaluate(d, 60))).toEqual([true, true, true]);
    expect([61, -1, -30].map((d) => withinNextDays.evaluate(d, 60))).toEqual([false, false, false]);
    const schema = withinNextDays.value as { safeParse(v: unknown): { success: boolean } };
    expect([1, 60, 366].map((v) => schema.safeParse(v).success)).toEqual([true, true, true]);
    expect([0, -5, 1.5, 367, '60', null].map((v) => schema.safeParse(v).success)).toEqual([false, false, false, false, false, false]);
  });

  it('fiscal year ends are real month-days; the next one is on or after the date; 02-29 is the last day of February', () => {
    expect(parseMonthDay('12-31')).toEqual({ month: 12, day: 31 });
    expect(parseMonthDay('02-29')).toEqual({ month: 2, day: 29 });
    expect(['02-30', '04-31', '13-01', '00-10', '12-00', '1-31', '12-31x'].map(parseMonthDay)).toEqual(Array(7).fill(undefined));
    expect(nextFiscalYearEnd('12-31', '2026-12-31')).toBe('2026-12-31');
    expect(nextFiscalYearEnd('06-30', '2026-07-01')).toBe('2027-06-30');
    expect(nextFiscalYearEnd('02-29', '2026-03-01')).toBe('2027-02-28');
    expect(nextFiscalYearEnd('02-29', '2027-03-01')).toBe('2028-02-29');
  });

  it('classifies service lines as advisory or compliance (advisory keywords win)', () => {
    expect(['Advisory', 'Forensic Accounting', 'Tax planning', 'Transaction Advisory'].map(serviceKindOf)).toEqual(Array(4).fill('advisory'));
    expect(['Audit', 'Tax', 'Payroll', 'Assurance'].map(serviceKindOf)).toEqual(Array(4).fill('compliance'));
    expect(serviceKindOf('Litigation')).toBeUndefined();
  });

  it('derives a filing calendar from the fiscal year end', () => {
    const calendarYear = deriveFilingDeadlines('12-31', '2026-03-01', { extension: false, payroll: true });
    expect(calendarYear).toEqual(
      expect.arrayContaining([
        { name: '2025 W-2 and 1099 filings', dueOn: '2026-01-31' },
        { name: 'FY2025 corporate tax return', dueOn: '2026-04-15' },
        { name: 'FY2026 estimated tax payment Q1', dueOn: '2026-04-15' },
        { name: 'FY2025 audited financial statements to lenders', dueOn: '2026-04-30' },
        { name: 'FY2026 estimated tax payment Q4', dueOn: '2026-12-15' },
        { name: '2026 W-2 and 1099 filings', dueOn: '2027-01-31' },
      ]),
    );
    expect(calendarYear.every((d) => d.dueOn >= '2026-01-15' && d.dueOn <= '2027-03-01')).toBe(true);
    expect(calendarYear.map((d) => d.dueOn)).toEqual(calendarYear.map((d) => d.dueOn).sort());
    const onExtension = deriveFilingDeadlines('06-30', '2026-03-01', { extension: true, payroll: false });
    expect(onExtension).toEqual(expect.arrayContaining([{ name: 'FY2025 corporate tax return (extended)', dueOn: '2026-04-15' }, { name: 'FY2026 corporate tax return extension request', dueOn: '2026-10-15' }]));
    expect(onExtension.some((d) => d.name.includes('W-2'))).toBe(false);
    expect(deriveFilingDeadlines('02-29', '2027-03-01', { extension: false, payroll: false })).toContainEqual({ name: 'FY2027 corporate tax return', dueOn: '2027-06-15' });
  });

  it('demo attributes are valid, deterministic and fit each client story', () => {
    const asOf = '2026-03-10';
    const decorate = () => {
      const portfolio = generatePortfolio({ tenantId: 'demo', seed: 7, asOf: new Date(`${asOf}T00:00:00Z`), accounts: 150 });
      addPluginDemoAttributes(ONLY_ACCOUNTING, portfolio, asOf); // throws when the plugin's schema refuses them
      return portfolio;
    };
    const portfolio = decorate();
    expect(JSON.stringify(decorate().accounts)).toBe(JSON.stringify(portfolio.accounts));
    const clients = portfolio.accounts.filter((a) => a.industry === 'accounting');
    expect(clients.length).toBeGreaterThan(15);
    expect(portfolio.accounts.filter((a) => a.industry !== 'accounting').every((a) => !a.attributes?.accounting)).toBe(true);
    const yearEnds = clients.map((a) => (a.attributes!.accounting as { fiscalYearEnd: string }).fiscalYearEnd);
    expect(yearEnds.filter((y) => y === '12-31').length / yearEnds.length).toBeGreaterThan(0.5);
    expect(new Set(yearEnds).size).toBeGreaterThan(1);
    const extensions = new Set<boolean>();
    for (const account of clients) {
      const attributes = accountingAttributesSchema.parse(account.attributes!.accounting);
      if (account.status === 'churned') {
        expect(attributes.filingDeadlines).toEqual([]);
        continue;
      }
      expect(attributes.filingDeadlines.length).toBeGreaterThan(3);
      expect(attributes.filingDeadlines.every((d) => d.dueOn >= '2026-01-24' && d.dueOn <= '2027-03-10')).toBe(true);
      const taxWork = portfolio.engagements.filter((e) => e.accountId === account.id && e.serviceLine === 'Tax').sort((x, y) => (x.startDate < y.startDate ? -1 : 1));
      const extension = taxWork.length > 0 && ['09', '10'].includes(taxWork.at(-1)!.plannedEndDate.slice(5, 7));
      expect(attributes.filingDeadlines.some((d) => d.name.includes('extension request'))).toBe(extension);
      extensions.add(extension);
    }
    expect(extensions.size).toBe(2); // both stories occur
  });

  it('on the seeded demo portfolio, the facts tell a plausible story and agree on every configured database', async () => {
    const asOf = new Date('2026-03-20T10:00:00Z'); // in the tax season
    const results: string[] = [];
    for (const dialect of testDialects()) {
      const db = await dialect.create();
      const orm = await openOrm(db.config);
      try {
        await orm.migrator.up();
        const em = orm.em.fork();
        em.create(Tenant, { id: 'demo', name: 'Demo LLP' });
        await em.flush();
        await seedDemoPortfolio(orm, { tenantId: 'demo', asOf, accounts: 250, decorate: (portfolio, day) => addPluginDemoAttributes(ONLY_ACCOUNTING, portfolio, day) });
        const ids = (await selectRows<{ id: string }>(em, "select id from accounts where tenant_id = :tenantId and industry = 'accounting' and status <> 'churned' order by id", { tenantId: 'demo' })).map((r) => String(r.id));
        const facts = new Map<string, Partial<FactValues>>(ids.map((id) => [id, {}]));
        for (const provider of contributions.facts!) for (const [id, values] of await provider.compute({ em, tenantId: 'demo', accountIds: ids, asOf })) Object.assign(facts.get(id)!, values);
        const rows = [...facts.values()];
        const share = (predicate: (f: Partial<FactValues>) => boolean) => rows.filter(predicate).length / rows.length;
        expect(rows.length).toBeGreaterThan(20);
        expect(rows.every((f) => typeof f['accounting.daysToFiscalYearEnd'] === 'number' && typeof f['accounting.daysToNextFilingDeadline'] === 'number')).toBe(true);
        // Compliance-only clients are common but not the rule; some relationships are advisory.
        expect(share((f) => f['accounting.complianceOnly'] === true)).toBeGreaterThan(0.1);
        expect(share((f) => f['accounting.complianceOnly'] === true)).toBeLessThan(0.7);
        expect(share((f) => Number(f['accounting.advisoryRevenueShare']) >= 0.25)).toBeGreaterThan(0.1);
        // Annual letters: a minority end within 60 days; some tax-season trouble, not everywhere.
        expect(share((f) => typeof f['accounting.daysToEngagementLetterEnd'] === 'number' && f['accounting.daysToEngagementLetterEnd'] <= 60)).toBeLessThan(0.4);
        expect(share((f) => Number(f['accounting.taxSeasonIssues']) + Number(f['accounting.taxSeasonLateDeliveries']) > 0)).toBeGreaterThan(0);
        expect(share((f) => Number(f['accounting.taxSeasonIssues']) >= 2 || Number(f['accounting.taxSeasonLateDeliveries']) >= 1)).toBeLessThan(0.5);
        results.push(JSON.stringify([...facts.entries()]));
      } finally {
        await orm.close(true);
        await db.drop();
      }
    }
    expect(new Set(results).size).toBe(1);
  });

  it('replaces the core renewal template for accounting accounts only, with every parameter the renewal play reads', async () => {
    const installed = await installPlugins();
    const template = installed.templates.latest('renewal', { industry: 'accounting' });
    expect(template.id).toBe('accounting.renewal');
    expect(installed.templates.latest('renewal', { industry: 'other' }).id).toBe('renewal-default');
    expect(installed.templates.latest('renewal', { industry: 'accounting', enabledPlugins: [] }).id).toBe('renewal-default');
    // The scheduler starts the play leadDays before the end; the workflow waits decisionGraceDays after it.
    const { leadDays, decisionGraceDays } = template.parameters;
    expect(typeof leadDays === 'number' && typeof decisionGraceDays === 'number').toBe(true);
    expect(Math.max(...template.steps.map((s) => s.due.beforeAnchorDays ?? 0))).toBeLessThan(leadDays as number);
    expect(template.steps.at(-1)).toMatchObject({ id: 'decision', due: { beforeAnchorDays: 0 }, wait: 'none' });
    expect(template.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['season-debrief', 'advisory-proposal', 'letter-issued']));
    expect(installed.plugins.find((p) => p.id === 'accounting')!.activities).toEqual(['accounting.seasonRecap']);
    expect(template.steps[0]).toMatchObject({ id: 'season-recap', activity: 'accounting.seasonRecap' });
  });
});

describe('accounting plugin on accounts built through the API', () => {
  let kit: PluginKit;
  beforeAll(async () => {
    kit = await startPluginKit();
  });
  afterAll(() => kit?.close());

  const accounting = (name: string, attributes?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    kit.account({ name, industry: 'accounting', ...(attributes ? { attributes: { accounting: attributes } } : {}), ...extra });
  /** An open-ended retainer of $100K a year: tier 2 (recurring), and no letter end date. */
  const tier2 = (accountId: string) => kit.create('contracts', { accountId, kind: 'retainer', title: 'Outsourced accounting', value: 100000, annualValue: 100000, startDate: daysAgo(900) });
  const engagement = (accountId: string, serviceLine: string, budget: number, startDaysAgo: number, extra: Record<string, unknown> = {}) =>
    kit.create('engagements', { accountId, name: `${serviceLine} engagement`, serviceLine, budget, startDate: daysAgo(startDaysAgo), plannedEndDate: daysAgo(Math.max(0, startDaysAgo - 60)), actualEndDate: daysAgo(Math.max(0, startDaysAgo - 60)), status: 'completed', ...extra });
  const issue = (accountId: string, openedAt: string) => kit.create('service-issues', { accountId, title: 'Return filed on extension without notice', severity: 'medium', openedAt });
  const escalations = async (accountId: string) => (await kit.app.call('GET', `/api/v1/escalations?accountId=${accountId}`)).body.items as { protocolId: string; outcomes: { title?: string }[] }[];

  it('is listed with its contributions', async () => {
    const res = await kit.app.call('GET', '/api/v1/plugins');
    expect(res.body.plugins.find((p: { id: string }) => p.id === 'accounting')).toMatchObject({
      version: '1.0.0',
      industries: ['accounting'],
      facts: FACTS,
      operators: ['accounting.withinNextDays'],
      activities: ['accounting.seasonRecap'],
      rulePacks: ['accounting.cadence', 'accounting.escalation', 'accounting.health', 'accounting.signals'],
      playTemplates: ['accounting.renewal'],
      accountAttributes: true,
    });
  });

  it('refuses bad attributes with the field path and creates nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fiscalYearEnd: '02-30' }, 'body.attributes.accounting.fiscalYearEnd'],
      [{ fiscalYearEnd: '2026-12-31' }, 'body.attributes.accounting.fiscalYearEnd'],
      [{ filingDeadlines: [{ name: 'Corporate tax return', dueOn: '2026-02-30' }] }, 'body.attributes.accounting.filingDeadlines.0.dueOn'],
      [{ filingDeadlines: [{ name: '', dueOn: '2026-04-15' }] }, 'body.attributes.accounting.filingDeadlines.0.name'],
      [{ filingDeadlines: Array.from({ length: 25 }, () => ({ name: 'Estimate', dueOn: '2026-04-15' })) }, 'body.attributes.accounting.filingDeadlines'],
      [{ fiscalYearEnd: '12-31', favouriteColour: 'blue' }, 'body.attributes.accounting'],
    ];
    for (const [attributes, path] of cases) {
      const res = await kit.app.call('POST', '/api/v1/accounts', { name: 'Bad Books Ltd', industry: 'accounting', clientSince: daysAgo(900), attributes: { accounting: attributes } });
      expect(res.status, JSON.stringify(attributes)).toBe(400);
      expect(res.body.issues[0].path).toBe(path);
    }
    expect((await kit.app.call('GET', '/api/v1/accounts?limit=10')).body.total).toBe(0);
    const good = await kit.app.call('POST', '/api/v1/accounts', { name: 'Good Books Ltd', industry: 'accounting', clientSince: daysAgo(900), attributes: { accounting: { fiscalYearEnd: '02-29' } } });
    expect(good.status).toBe(201);
    expect(good.body.attributes).toEqual({ accounting: { fiscalYearEnd: '02-29', filingDeadlines: [] } });
  });

  it('opens the year-end planning checkpoint when the fiscal year end is 60 to 90 days away (not at 59 or 91)', async () => {
    const days = [59, 60, 75, 90, 91];
    const ids = await Promise.all(days.map((d) => accounting(`Year End ${d} Inc`, { fiscalYearEnd: fyeIn(d) })));
    const none = await accounting('No Year End Inc');
    await kit.rescore(...ids, none);
    for (const [i, d] of days.entries()) {
      expect((await kit.facts(ids[i]))['accounting.daysToFiscalYearEnd']).toBe(d);
      expect(conclusions(await kit.health(ids[i])).protocols.includes('accounting-year-end-planning'), `${d} days`).toBe(d >= 60 && d <= 90);
    }
    expect((await kit.facts(none))['accounting.daysToFiscalYearEnd']).toBeNull();
    // The once-a-year task is created even though the core's below-40 partner task contacts the client first.
    const fired = (await escalations(ids[2])).find((r) => r.protocolId === 'accounting-year-end-planning');
    expect(fired?.outcomes[0]).toMatchObject({ title: 'Year-end planning meeting: the fiscal year ends in 75 days', contactsClient: false });
    expect(fired?.outcomes[0]).not.toHaveProperty('suppressed');
    const tasks = (await kit.app.call('GET', `/api/v1/tasks?accountId=${ids[2]}&source=escalation`)).body.items as { title: string; ownerRole: string }[];
    expect(tasks).toContainEqual(expect.objectContaining({ title: 'Year-end planning meeting: the fiscal year ends in 75 days', ownerRole: 'account_lead' }));
    // Conditions that stay true do not fire again: a rescore adds no second record.
    await kit.rescore(ids[2]);
    expect((await escalations(ids[2])).filter((r) => r.protocolId === 'accounting-year-end-planning')).toHaveLength(1);
  });

  it('flags compliance-only recurring clients and rewards an advisory share of 25% or more', async () => {
    const complianceOnly = await accounting('Compliance Only Corp');
    await tier2(complianceOnly);
    await engagement(complianceOnly, 'Audit', 50000, 200);
    await engagement(complianceOnly, 'Tax', 20000, 100);
    const quarter = await accounting('Quarter Advisory Corp');
    await tier2(quarter);
    await engagement(quarter, 'Audit', 60000, 200);
    await engagement(quarter, 'Advisory', 20000, 100);
    const belowQuarter = await accounting('Some Advisory Corp');
    await tier2(belowQuarter);
    await engagement(belowQuarter, 'Audit', 61000, 200);
    await engagement(belowQuarter, 'Forensic Accounting', 19000, 100);
    await kit.rescore(complianceOnly, quarter, belowQuarter);

    const flagged = await kit.health(complianceOnly);
    expect(flagged.tier).toBe(2);
    expect(await kit.facts(complianceOnly)).toMatchObject({ 'accounting.complianceOnly': true, 'accounting.advisoryRevenueShare': 0 });
    const c = conclusions(flagged);
    expect(c.signals).toContain('accounting-compliance-vendor');
    expect(flagged.signals.find((s) => s.id === 'accounting-compliance-vendor')!.explanation).toMatch(/^Only compliance work \(audit, tax, payroll\) in the last 24 months from a client of [\d.]+ years: no advisory relationship$/);
    expect(flagged.components.find((x) => x.id === 'relationship')!.rules).toContainEqual(expect.objectContaining({ id: 'accounting-compliance-only', points: -3 }));
    expect(c.healthRules).not.toContain('accounting-advisory-relationship');
    expect(c.protocols).toContain('accounting-propose-advisory');
    const task = (await escalations(complianceOnly)).find((r) => r.protocolId === 'accounting-propose-advisory');
    expect(task?.outcomes[0].title).toMatch(/^Propose an advisory conversation: [\d.]+ years of compliance-only work$/);

    const advisor = await kit.health(quarter);
    expect(await kit.facts(quarter)).toMatchObject({ 'accounting.complianceOnly': false, 'accounting.advisoryRevenueShare': 0.25 });
    expect(advisor.components.find((x) => x.id === 'relationship')!.rules).toContainEqual(expect.objectContaining({ id: 'accounting-advisory-relationship', points: 4 }));
    expect(conclusions(advisor).signals).not.toContain('accounting-compliance-vendor');
    expect(conclusions(advisor).protocols).not.toContain('accounting-propose-advisory');

    const some = await kit.health(belowQuarter);
    expect((await kit.facts(belowQuarter))['accounting.advisoryRevenueShare']).toBe(0.24);
    expect(conclusions(some).healthRules.filter((id) => id.startsWith('accounting-'))).toEqual([]);
  });

  it('looks at 24 months of work, recurring clients of two years or more only', async () => {
    const build = async (name: string, advisoryDaysAgo: number | null, options: { tier2?: boolean; clientSince?: string; advisoryStatus?: string } = {}) => {
      const id = await accounting(name, undefined, options.clientSince ? { clientSince: options.clientSince } : {});
      if (options.tier2 !== false) await tier2(id);
      await engagement(id, 'Tax', 20000, 100);
      if (advisoryDaysAgo !== null) await engagement(id, 'Advisory', 15000, advisoryDaysAgo, options.advisoryStatus ? { status: options.advisoryStatus } : {});
      return id;
    };
    const inside = await build('Advisory 729 Days Ago', 729);
    const outside = await build('Advisory 730 Days Ago', 730);
    const cancelled = await build('Advisory Cancelled', 100, { advisoryStatus: 'cancelled' });
    const transactional = await build('Small Compliance Client', null, { tier2: false });
    const young = await build('Young Compliance Client', null, { clientSince: daysAgo(700) });
    const idle = await accounting('No Work Yet');
    await kit.rescore(inside, outside, cancelled, transactional, young, idle);

    expect((await kit.facts(inside))['accounting.complianceOnly']).toBe(false);
    expect((await kit.facts(inside))['accounting.advisoryRevenueShare']).toBe(0.43);
    for (const id of [outside, cancelled]) {
      expect((await kit.facts(id))['accounting.complianceOnly']).toBe(true);
      expect(conclusions(await kit.health(id)).signals).toContain('accounting-compliance-vendor');
    }
    // Compliance-only too, but a transactional client (tier 1) or one of 23 months is not flagged.
    for (const id of [transactional, young]) {
      expect((await kit.facts(id))['accounting.complianceOnly']).toBe(true);
      const c = conclusions(await kit.health(id));
      expect([...c.signals, ...c.healthRules, ...c.protocols].filter((x) => x.startsWith('accounting-compliance') || x === 'accounting-propose-advisory')).toEqual([]);
    }
    expect((await kit.facts(transactional))['accounting.advisoryRevenueShare']).toBe(0);
    const none = await kit.facts(idle);
    expect([none['accounting.complianceOnly'], none['accounting.advisoryRevenueShare']]).toEqual([false, null]);
  });

  it('judges the tax season: two service issues make a bad season, one does not, and issues before January 1 do not count', async () => {
    const two = await accounting('Two Season Issues LLC');
    await issue(two, inSeason(24));
    await issue(two, inSeason(48));
    const one = await accounting('One Season Issue LLC');
    await issue(one, inSeason(24));
    await issue(one, new Date(SEASON_START - 3_600_000).toISOString());
    await kit.rescore(two, one);

    const bad = await kit.health(two);
    expect((await kit.facts(two))['accounting.taxSeasonIssues']).toBe(2);
    expect(bad.signals.find((s) => s.id === 'accounting-tax-season-quality')).toMatchObject({ severity: 'high', explanation: '2 service issue(s) and 0 late delivery(ies) in the tax season (January to April)' });
    expect(bad.components.find((x) => x.id === 'satisfaction')!.rules).toContainEqual(expect.objectContaining({ id: 'accounting-bad-tax-season', points: -5 }));
    const ok = await kit.health(one);
    expect((await kit.facts(one))['accounting.taxSeasonIssues']).toBe(1);
    expect(conclusions(ok).signals).not.toContain('accounting-tax-season-quality');
    expect(conclusions(ok).healthRules).not.toContain('accounting-bad-tax-season');
  });

  it.skipIf(PAST_SEASON_DAY === null)('judges the tax season: one late delivery makes a bad season; on-time work and work due outside the season do not', async () => {
    const seasonDay = PAST_SEASON_DAY!;
    const start = `${YEAR - 1}-11-01`;
    const endedLate = await accounting('Ended Late LLC');
    await kit.create('engagements', { accountId: endedLate, name: 'Tax returns', serviceLine: 'Tax', budget: 20000, startDate: start, plannedEndDate: seasonDay, actualEndDate: LATE_END, status: 'completed' });
    const stillOpen = await accounting('Still Open LLC');
    await kit.create('engagements', { accountId: stillOpen, name: 'Year-end audit', serviceLine: 'Audit', budget: 40000, startDate: start, plannedEndDate: seasonDay, status: 'active' });
    const onTime = await accounting('On Time LLC');
    await kit.create('engagements', { accountId: onTime, name: 'Tax returns', serviceLine: 'Tax', budget: 20000, startDate: start, plannedEndDate: seasonDay, actualEndDate: seasonDay, status: 'completed' });
    await kit.create('engagements', { accountId: onTime, name: 'December close', serviceLine: 'Audit', budget: 5000, startDate: start, plannedEndDate: `${YEAR - 1}-12-20`, actualEndDate: `${YEAR - 1}-12-28`, status: 'completed' });
    await kit.rescore(endedLate, stillOpen, onTime);

    for (const id of [endedLate, stillOpen]) {
      const h = await kit.health(id);
      expect((await kit.facts(id))['accounting.taxSeasonLateDeliveries']).toBe(1);
      expect(h.signals.find((s) => s.id === 'accounting-tax-season-quality')?.explanation).toBe('0 service issue(s) and 1 late delivery(ies) in the tax season (January to April)');
      expect(conclusions(h).healthRules).toContain('accounting-bad-tax-season');
    }
    expect((await kit.facts(stillOpen))['accounting.lateComplianceEngagements']).toBe(1);
    expect((await kit.facts(endedLate))['accounting.lateComplianceEngagements']).toBe(0);
    const fine = await kit.health(onTime);
    expect((await kit.facts(onTime))['accounting.taxSeasonLateDeliveries']).toBe(0);
    expect(conclusions(fine).signals).not.toContain('accounting-tax-season-quality');
  });

  it('raises the letter renewal 60 days before an undecided engagement letter ends', async () => {
    const letter = (accountId: string, endInDays: number, extra: Record<string, unknown> = {}) =>
      kit.create('contracts', { accountId, kind: 'engagement_letter', title: 'Audit and tax engagement letter', value: 30000, annualValue: 30000, startDate: daysAgo(365 - endInDays), endDate: daysAhead(endInDays), ...extra });
    const at60 = await accounting('Letter 60 Days');
    await letter(at60, 60);
    const at61 = await accounting('Letter 61 Days');
    await letter(at61, 61);
    const inProgress = await accounting('Letter In Progress');
    await letter(inProgress, 30, { renewalStatus: 'in_progress' });
    const renewed = await accounting('Letter Renewed');
    await letter(renewed, 30, { renewalStatus: 'renewed' });
    const followed = await accounting('Letter Followed');
    await letter(followed, 30);
    await kit.create('contracts', { accountId: followed, kind: 'engagement_letter', title: 'Next engagement letter', value: 32000, annualValue: 32000, startDate: daysAhead(31), endDate: daysAhead(396) });
    const retainer = await accounting('Compliance Retainer');
    await letter(retainer, 45, { kind: 'retainer' });
    const project = await accounting('Advisory Project');
    await letter(project, 45, { kind: 'project' });
    await kit.rescore(at60, at61, inProgress, renewed, followed, retainer, project);

    const due = await kit.health(at60);
    expect((await kit.facts(at60))['accounting.daysToEngagementLetterEnd']).toBe(60);
    expect(due.signals.find((s) => s.id === 'accounting-engagement-letter-ending')?.explanation).toBe('The engagement letter ends in 60 days and is not renewed yet');
    expect(conclusions(due).protocols).toContain('accounting-letter-renewal-due');
    expect((await escalations(at60)).find((r) => r.protocolId === 'accounting-letter-renewal-due')?.outcomes[0].title).toBe('Issue the renewal engagement letter: the current one ends in 60 days');
    for (const [id, days] of [[inProgress, 30], [retainer, 45]] as const) {
      expect((await kit.facts(id))['accounting.daysToEngagementLetterEnd']).toBe(days);
      expect(conclusions(await kit.health(id)).signals).toContain('accounting-engagement-letter-ending');
    }
    const early = await kit.health(at61);
    expect((await kit.facts(at61))['accounting.daysToEngagementLetterEnd']).toBe(61);
    expect(conclusions(early).signals).not.toContain('accounting-engagement-letter-ending');
    expect(conclusions(early).protocols).not.toContain('accounting-letter-renewal-due');
    for (const id of [renewed, followed, project]) {
      expect((await kit.facts(id))['accounting.daysToEngagementLetterEnd']).toBeNull();
      expect(conclusions(await kit.health(id)).signals).not.toContain('accounting-engagement-letter-ending');
    }
  });

  it('puts a filing deadline at risk when it is 14 days away and compliance work is past its planned end', async () => {
    const build = async (name: string, dueInDays: number, serviceLine: string) => {
      const id = await accounting(name, { filingDeadlines: [{ name: 'FY corporate tax return', dueOn: daysAhead(dueInDays) }, { name: 'Q3 estimate', dueOn: daysAgo(1) }] });
      await kit.create('engagements', { accountId: id, name: `${serviceLine} work`, serviceLine, budget: 10000, startDate: daysAgo(90), plannedEndDate: daysAgo(3), status: 'active' });
      return id;
    };
    const atRisk = await build('Deadline 14 Days', 14, 'Tax');
    const later = await build('Deadline 15 Days', 15, 'Tax');
    const advisoryLate = await build('Late Advisory Only', 14, 'Advisory');
    const passed = await accounting('Deadline Passed', { filingDeadlines: [{ name: 'Q3 estimate', dueOn: daysAgo(1) }] });
    await kit.rescore(atRisk, later, advisoryLate, passed);

    const risk = await kit.health(atRisk);
    expect(await kit.facts(atRisk)).toMatchObject({ 'accounting.daysToNextFilingDeadline': 14, 'accounting.nextFilingDeadlineName': 'FY corporate tax return', 'accounting.lateComplianceEngagements': 1 });
    expect(risk.signals.find((s) => s.id === 'accounting-filing-deadline-at-risk')).toMatchObject({ severity: 'high', explanation: 'FY corporate tax return is due in 14 days with 1 compliance engagement(s) past their planned end' });
    expect(conclusions(risk).protocols).toContain('accounting-filing-deadline-at-risk');
    for (const id of [later, advisoryLate]) {
      const c = conclusions(await kit.health(id));
      expect(c.signals).not.toContain('accounting-filing-deadline-at-risk');
      expect(c.protocols).not.toContain('accounting-filing-deadline-at-risk');
    }
    expect((await kit.facts(advisoryLate))['accounting.lateComplianceEngagements']).toBe(0);
    const gone = await kit.facts(passed);
    expect([gone['accounting.daysToNextFilingDeadline'], gone['accounting.nextFilingDeadlineName']]).toEqual([null, null]);
  });

  describe('the same data on an accounting and on a legal account', () => {
    let mine: string;
    let theirs: string;
    beforeAll(async () => {
      const populate = async (name: string, industry: string) => {
        const id = await kit.account({ name, industry, attributes: { accounting: { fiscalYearEnd: fyeIn(75), filingDeadlines: [{ name: 'FY corporate tax return', dueOn: daysAhead(10) }] } } });
        await kit.create('contracts', { accountId: id, kind: 'engagement_letter', title: 'Engagement letter', value: 120000, annualValue: 120000, startDate: daysAgo(335), endDate: daysAhead(30) });
        await engagement(id, 'Audit', 60000, 200);
        await kit.create('engagements', { accountId: id, name: 'Tax returns', serviceLine: 'Tax', budget: 30000, startDate: daysAgo(90), plannedEndDate: daysAgo(3), status: 'active' });
        await issue(id, inSeason(24));
        await issue(id, inSeason(48));
        return id;
      };
      mine = await populate('Same Data Accounting', 'accounting');
      theirs = await populate('Same Data Legal', 'legal');
      await kit.rescore(mine, theirs);
    });

    it('the accounting account gets every conclusion of the plugin', async () => {
      const h = await kit.health(mine);
      const c = conclusions(h);
      expect(h.tier).toBe(2);
      expect(c.signals).toEqual(expect.arrayContaining(['accounting-compliance-vendor', 'accounting-tax-season-quality', 'accounting-engagement-letter-ending', 'accounting-filing-deadline-at-risk']));
      expect(c.healthRules).toEqual(expect.arrayContaining(['accounting-bad-tax-season', 'accounting-compliance-only']));
      expect(c.protocols).toEqual(expect.arrayContaining(['accounting-year-end-planning', 'accounting-propose-advisory', 'accounting-letter-renewal-due', 'accounting-filing-deadline-at-risk']));
      for (const kind of ['signals', 'health', 'escalation', 'cadence']) expect(h.ruleVersions[`accounting.${kind}`], kind).toMatchObject({ version: 0 });
      // Cadence pack: a recurring client is due an annual year-end planning meeting (executive).
      expect(h.cadence).toContainEqual(expect.objectContaining({ touchpointKind: 'executive', everyDays: 365 }));
    });

    it('the legal account gets none, and the plugin facts are null for it', async () => {
      const h = await kit.health(theirs);
      const c = conclusions(h);
      expect([...c.signals, ...c.healthRules, ...c.protocols].filter((id) => id.startsWith('accounting-'))).toEqual([]);
      for (const kind of ['signals', 'health', 'escalation', 'cadence']) expect(h.ruleVersions[`accounting.${kind}`]).toBeUndefined();
      const facts = await kit.facts(theirs);
      for (const name of FACTS) expect(facts[name], name).toBeNull();
      expect(h.cadence.find((x) => x.touchpointKind === 'executive' && x.everyDays === 365)).toBeUndefined();
    });

    it('the season recap activity of the renewal play summarises the accounting account', async () => {
      const { summary } = await seasonRecap({ tenantId: kit.tenant, accountId: mine, workflowId: 'renewal-test', stepId: 'season-recap', parameters: {} }, { orm: kit.app.orm, log: createLogger('silent', 'test') });
      expect(summary).toMatch(new RegExp(`^${YEAR} tax season \\(Jan-Apr\\): 2 service issues, \\d+ late deliver(y|ies); advisory share of the work in 24 months 0% \\(compliance only\\); fiscal year ends in 75 days; next filing \\(FY corporate tax return\\) due in 10 days; engagement letter ends in 30 days without a renewal yet$`));
    });
  });

  it('asks transactional clients for a proactive insight at least once a year (cadence pack)', async () => {
    const small = await accounting('Small Cadence Client');
    const smallLegal = await kit.account({ name: 'Small Legal Client', industry: 'legal' });
    await kit.rescore(small, smallLegal);
    const mine = await kit.health(small);
    expect(mine.tier).toBe(1);
    expect(mine.cadence).toContainEqual(expect.objectContaining({ touchpointKind: 'strategic', everyDays: 365, overdue: true }));
    expect((await kit.health(smallLegal)).cadence.find((x) => x.touchpointKind === 'strategic' && x.everyDays === 365)).toBeUndefined();
  });
});
