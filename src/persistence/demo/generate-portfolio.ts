import { AccountHistory, roundMoney, type AccountDirectives, type GenerationContext } from './account-history.js';
import type { DemoAccountProfile, DemoAccountStatus, DemoChurnReason, Health, Tier } from './profiles.js';
import { dayAt, dayOf, isoDay, nameUuid, quotaLabels, Rng } from './random.js';
import { buildRoster, DEMO_INDUSTRIES, type DemoIndustry } from './roster.js';
import type { DemoPortfolio } from './rows.js';
import { CompanyNamer, REGION_WEIGHTS, SECTORS } from './word-lists.js';

export type { DemoPortfolio } from './rows.js';
export type { DemoAccountProfile, Health, Tier } from './profiles.js';
export { tierOfAnnualValue, TIER_LOWER_BOUNDS } from './profiles.js';

export const DEFAULT_DEMO_ACCOUNTS = 200;
export const MAX_DEMO_ACCOUNTS = 100_000;

export interface GeneratePortfolioOptions {
  /** Tenant the rows belong to; part of every id, so two tenants never share a primary key. */
  tenantId: string;
  seed: number | string;
  /** The portfolio's "today": history ends the day before, renewals and plans look ahead from it. */
  asOf: Date;
  accounts: number;
}

/** Industry mix (DOMAIN.md section 10 plugins) and tier mix by annual value (about 40/35/20/5 %). */
const INDUSTRY_WEIGHTS: readonly (readonly [DemoIndustry, number])[] = [
  ['consulting', 24],
  ['legal', 20],
  ['accounting', 20],
  ['agency', 16],
  ['technology', 20],
];
const TIER_WEIGHTS: readonly (readonly [Tier, number])[] = [
  [1, 40],
  [2, 35],
  [3, 20],
  [4, 5],
];
const HEALTH_WEIGHTS: readonly (readonly [Health, number])[] = [
  ['healthy', 70],
  ['cooling', 20],
  ['at_risk', 10],
];
/** Why clients leave (DOMAIN.md section 5): 35/25/20/10/10 %. */
const CHURN_REASON_WEIGHTS: readonly (readonly [DemoChurnReason, number])[] = [
  ['taken_for_granted', 35],
  ['inconsistent_service_or_team_changes', 25],
  ['competitor_better_value', 20],
  ['budget_cuts_or_restructuring', 10],
  ['key_contact_left', 10],
];
/** Small clients churn more often than anchors. */
const CHURN_TIER_WEIGHT: Record<Tier, number> = { 1: 4, 2: 3, 3: 1.5, 4: 0.3 };
/** Annual value bands the contracts are sized to, kept clear of the tier boundaries. */
const TIER_VALUE_RANGE: Record<Tier, [number, number]> = {
  1: [8_000, 30_000],
  2: [60_000, 180_000],
  3: [240_000, 900_000],
  4: [1_150_000, 3_200_000],
};

function emptyPortfolio(): DemoPortfolio {
  return {
    people: [],
    accounts: [],
    stakeholders: [],
    teamAssignments: [],
    contracts: [],
    engagements: [],
    invoices: [],
    touchpoints: [],
    surveyResponses: [],
    serviceIssues: [],
    observations: [],
    opportunities: [],
    accountPlans: [],
    walletEstimates: [],
    tasks: [],
  };
}

function validate(opts: GeneratePortfolioOptions): void {
  if (!opts.tenantId || opts.tenantId.length > 64) throw new Error('tenantId must be 1-64 characters');
  if (!Number.isInteger(opts.accounts) || opts.accounts < 0 || opts.accounts > MAX_DEMO_ACCOUNTS) {
    throw new Error(`accounts must be an integer between 0 and ${MAX_DEMO_ACCOUNTS}`);
  }
  dayOf(opts.asOf); // throws on an invalid date
}

/** Picks k indices, each with probability proportional to its weight (Efraimidis-Spirakis). */
function weightedSample(rng: Rng, indices: number[], weight: (i: number) => number, k: number): number[] {
  return indices
    .map((i) => ({ i, key: Math.pow(rng.next(), 1 / Math.max(1e-9, weight(i))) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i);
}

/**
 * The demo portfolio plus the generator's intent per account (tier, health, stories). Pure and
 * deterministic: the same tenantId + seed + asOf + accounts yields identical rows, ids included.
 */
export function generatePortfolioWithProfiles(opts: GeneratePortfolioOptions): { portfolio: DemoPortfolio; profiles: DemoAccountProfile[] } {
  const portfolio = emptyPortfolio();
  let profiles: DemoAccountProfile[] = [];
  for (const slice of portfolioSlices(opts, Number.MAX_SAFE_INTEGER)) {
    for (const key of Object.keys(portfolio) as (keyof DemoPortfolio)[]) (portfolio[key] as unknown[]).push(...slice.portfolio[key]);
    profiles = slice.profiles;
  }
  return { portfolio, profiles };
}

/**
 * The same portfolio in slices of at most `accountsPerSlice` accounts, each with all the rows of
 * its accounts (the firm's people come with the first slice, portfolio-level tasks with the
 * last), so a large portfolio (100,000 accounts, ~14 million rows) is generated and inserted in
 * bounded memory. Concatenated, the slices equal generatePortfolio's rows, order included.
 */
export function* portfolioSlices(opts: GeneratePortfolioOptions, accountsPerSlice: number): Generator<{ portfolio: DemoPortfolio; profiles: DemoAccountProfile[] }> {
  validate(opts);
  const n = opts.accounts;
  const asOfDay = dayOf(opts.asOf);
  const seed = String(opts.seed);
  const root = new Rng(`demo-portfolio/v1/${seed}/${isoDay(asOfDay)}`);
  const ids = (kind: string, ...key: (string | number)[]) => nameUuid('demo-portfolio', opts.tenantId, seed, kind, ...key);
  const first = emptyPortfolio();
  const roster = buildRoster(root.fork('roster'), opts.tenantId, ids, asOfDay, n);
  first.people.push(...roster.rows);
  const ctx: GenerationContext = { tenantId: opts.tenantId, asOfDay, ids, roster, out: first };

  // Portfolio-level quotas: the mix is exact, not left to chance.
  const plan = root.fork('plan');
  const industries = quotaLabels(plan, n, INDUSTRY_WEIGHTS);
  const tiers = quotaLabels(plan, n, TIER_WEIGHTS);
  const all = Array.from({ length: n }, (_, i) => i);
  const statuses: DemoAccountStatus[] = all.map(() => 'active');
  const churnedCount = Math.round(n * 0.05);
  const wonBackCount = n >= 20 ? Math.max(1, Math.round(n * 0.01)) : 0;
  const leavers = weightedSample(plan, all, (i) => CHURN_TIER_WEIGHT[tiers[i]], churnedCount + wonBackCount);
  leavers.forEach((i, k) => (statuses[i] = k < churnedCount ? 'churned' : 'won_back'));
  const churned = all.filter((i) => statuses[i] === 'churned');
  const reasons = quotaLabels(plan, churned.length, CHURN_REASON_WEIGHTS);
  const churnReasons: (DemoChurnReason | null)[] = all.map(() => null);
  churned.forEach((i, k) => (churnReasons[i] = reasons[k]));
  for (const i of all) if (statuses[i] === 'won_back') churnReasons[i] = plan.weighted(CHURN_REASON_WEIGHTS);

  const healths: Health[] = all.map((i) => (statuses[i] === 'churned' ? 'at_risk' : 'healthy'));
  const active = all.filter((i) => statuses[i] === 'active');
  const healthLabels = quotaLabels(plan, active.length, HEALTH_WEIGHTS);
  active.forEach((i, k) => (healths[i] = healthLabels[k]));

  // Stories that must exist in every demo: an agency quiet for 45+ days between campaigns, a couple of
  // unpaid overdue invoices, a legal partner retiring in ~3 years who owns legal relationships.
  const directives: AccountDirectives[] = all.map(() => ({ quietDays: null, unpaidOverdue: false, retiringPartnerLead: false }));
  const quietCandidates = active.filter((i) => industries[i] === 'agency' && tiers[i] >= 2 && healths[i] === 'healthy');
  for (const i of plan.sample(quietCandidates, Math.max(1, Math.round(n / 100)))) directives[i].quietDays = plan.int(45, 48);
  const atRisk = active.filter((i) => healths[i] === 'at_risk');
  const billable = (i: number) => tiers[i] >= 2 && industries[i] !== 'consulting';
  const payers = [...plan.shuffle(atRisk.filter(billable)), ...plan.shuffle(atRisk.filter((i) => !billable(i)))];
  for (const i of payers.slice(0, Math.max(2, Math.round(atRisk.length * 0.1)))) directives[i].unpaidOverdue = true;
  const legal = active.filter((i) => industries[i] === 'legal' && tiers[i] >= 2);
  for (const i of legal) if (plan.chance(0.5)) directives[i].retiringPartnerLead = true;
  if (legal.length > 0 && !legal.some((i) => directives[i].retiringPartnerLead)) directives[legal[0]].retiringPartnerLead = true;

  const namer = new CompanyNamer();
  const profiles: DemoAccountProfile[] = all.map((i) => {
    const sector = plan.pick(SECTORS);
    const [lo, hi] = TIER_VALUE_RANGE[tiers[i]];
    return {
      index: i,
      accountId: ids('account', i),
      name: namer.next(plan, sector.nouns),
      industry: industries[i],
      segment: sector.segment,
      region: plan.weighted(REGION_WEIGHTS),
      tier: tiers[i],
      targetAnnualValue: roundMoney(plan.logUniform(lo, hi)),
      health: healths[i],
      status: statuses[i],
      churnReason: churnReasons[i],
      stories: [],
    };
  });

  for (let from = 0; from < profiles.length; from += accountsPerSlice) {
    for (const profile of profiles.slice(from, from + accountsPerSlice)) {
      profile.stories = new AccountHistory(ctx, profile, directives[profile.index], root.fork('account', profile.index)).build();
    }
    if (from + accountsPerSlice < profiles.length) {
      yield { portfolio: ctx.out, profiles };
      ctx.out = emptyPortfolio();
    }
  }
  const out = ctx.out;

  // A program-level task: plan the retiring partner's succession (DOMAIN.md section 8).
  const retiring = roster.byTag('retiring_legal_partner');
  const owner = roster.byTag('program_owner');
  if (retiring && retiring.departureDay !== null && n > 0) {
    const created = dayAt(asOfDay - 14);
    out.tasks.push({
      id: ids('task', 'succession', retiring.id),
      tenantId: opts.tenantId,
      createdAt: created,
      updatedAt: created,
      accountId: null,
      title: `Draft the succession plan for ${retiring.name}'s client relationships`,
      description: `${retiring.name} retires on ${isoDay(retiring.departureDay)}. Map every relationship, name successors and plan a multi-year overlap.`,
      ownerPersonId: owner?.id ?? null,
      ownerRole: 'program_owner',
      dueOn: isoDay(asOfDay + 30),
      status: 'open',
      source: 'manual',
      sourceRef: null,
      completedAt: null,
    });
  }
  yield { portfolio: out, profiles };
}

/** The demo portfolio's rows, one array per entity (see `generatePortfolioWithProfiles`). */
export function generatePortfolio(opts: GeneratePortfolioOptions): DemoPortfolio {
  return generatePortfolioWithProfiles(opts).portfolio;
}

export { DEMO_INDUSTRIES };
