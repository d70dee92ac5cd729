import type {
  CONTRACT_KINDS,
  OBSERVATION_KINDS,
  PERSON_TITLES,
  RELATIONSHIP_STRENGTHS,
  SENIORITIES,
  STAKEHOLDER_ROLES,
  TEAM_ROLES,
  TOUCHPOINT_CHANNELS,
  TOUCHPOINT_KINDS,
  TOUCHPOINT_OUTCOMES,
} from '../../domain/vocabulary.js';
import type { DemoAccountProfile, DemoStory, Tier } from './profiles.js';
import {
  addMonths,
  businessDay,
  dayAt,
  dayFromParts,
  isoDay,
  monthOf,
  type Rng,
  yearOf,
} from './random.js';
import type { Roster, RosterMember } from './roster.js';
import type { ContractRow, DemoPortfolio, EngagementRow, ObservationRow, StakeholderRow, TouchpointRow } from './rows.js';
import {
  CHURN_NOTES,
  ISSUE_TEMPLATES,
  MAINTENANCE_SUMMARIES,
  NPS_COMMENTS,
  OPERATIONAL_SUMMARIES,
  PLAN_OBJECTIVES,
  PLAN_RISKS,
  PROJECT_TOPICS,
  STRATEGIC_SUMMARIES,
  WALLET_SOURCES,
} from './texts.js';
import { CLIENT_TITLES, COMPETITORS, PersonNamer, PROCUREMENT_TITLES, SERVICE_LINES, slug, emailLocal } from './word-lists.js';

type Title = (typeof PERSON_TITLES)[number];
type TeamRole = (typeof TEAM_ROLES)[number];
type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
type Seniority = (typeof SENIORITIES)[number];
type Strength = (typeof RELATIONSHIP_STRENGTHS)[number];
type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];
type Channel = (typeof TOUCHPOINT_CHANNELS)[number];
type Outcome = (typeof TOUCHPOINT_OUTCOMES)[number];
type ContractKind = (typeof CONTRACT_KINDS)[number];
type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** Shared state of one generation run. */
export interface GenerationContext {
  tenantId: string;
  asOfDay: number;
  ids: (kind: string, ...key: (string | number)[]) => string;
  roster: Roster;
  out: DemoPortfolio;
}

/** Per-account instructions decided at portfolio level (quotas, stories that must exist). */
export interface AccountDirectives {
  quietDays: number | null;
  unpaidOverdue: boolean;
  retiringPartnerLead: boolean;
}

interface Assignment {
  person: RosterMember;
  role: TeamRole;
  from: number;
  to: number | null;
}

interface StakeholderState {
  row: StakeholderRow;
  from: number;
  to: number | null;
}

interface Segment {
  start: number;
  /** Exclusive. */
  end: number;
  /** Whether the relationship ends (churn) at `end`. */
  ends: boolean;
}

interface ContractLine {
  row: ContractRow;
  start: number;
  end: number;
  months: number;
  billingMonths: 1 | 3;
  variable: boolean;
  billUntil: number;
  segment: Segment;
}

interface ActivityWindow {
  start: number;
  end: number;
  intense: boolean;
}

interface RetainerPlan {
  kind: ContractKind;
  share: number;
  termMonths: number;
  billingMonths: 1 | 3;
  autoRenewP: number;
}

interface ProjectPlan {
  kind: ContractKind;
  share: number;
  streams: number;
  months: [number, number];
  gapDays: [number, number];
}

const TIER_TENURE_YEARS: Record<Tier, [number, number]> = { 1: [0.5, 2.5], 2: [1, 7], 3: [2.5, 12], 4: [5.5, 20] };
const LEAD_TITLES: Record<Tier, Title[]> = { 1: ['manager', 'senior', 'director'], 2: ['manager', 'director', 'principal'], 3: ['partner', 'principal', 'director'], 4: ['partner'] };
const LEGAL_LEAD_TITLES: Record<Tier, Title[]> = { 1: ['senior', 'associate', 'principal'], 2: ['partner', 'principal', 'senior'], 3: ['partner'], 4: ['partner'] };
const DELIVERY_TITLES: Title[] = ['manager', 'senior', 'director', 'associate'];
const SPONSOR_TITLES: Title[] = ['partner', 'principal'];

/** Touchpoint cadence by tier in days (DOMAIN.md section 7); `opIdle` null = no operational contact between projects. */
const CADENCE: Record<Tier, { op: number; opIdle: number | null; strat: number; exec: number | null; maint: number | null }> = {
  1: { op: 14, opIdle: null, strat: 150, exec: null, maint: null },
  2: { op: 30, opIdle: 75, strat: 91, exec: 182, maint: 182 },
  3: { op: 7, opIdle: 30, strat: 30, exec: 91, maint: 60 },
  4: { op: 4, opIdle: 14, strat: 14, exec: 91, maint: 30 },
};

function ramp(day: number, from: number, to: number): number {
  if (day <= from) return 0;
  if (day >= to) return 1;
  return (day - from) / (to - from);
}

export function roundMoney(amount: number): number {
  if (amount < 20_000) return Math.max(100, Math.round(amount / 100) * 100);
  if (amount < 200_000) return Math.round(amount / 500) * 500;
  return Math.round(amount / 1000) * 1000;
}

/** Saturday and Sunday move back to Friday, so a date never crosses an upper bound. */
function weekdayBack(day: number): number {
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day - 2;
  return day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Generates the whole history of one account into the context's portfolio. */
export class AccountHistory {
  private readonly asOf: number;
  private readonly tier: Tier;
  private readonly industry: DemoAccountProfile['industry'];
  private readonly counters = new Map<string, number>();
  private readonly stories = new Set<DemoStory>();
  private readonly code: string;

  private clientSince = 0;
  private historyStart = 0;
  private churnDay: number | null = null;
  private winbackDay: number | null = null;
  private silenceFrom: number | null = null;
  /** Churned accounts go quiet for a few weeks before they formally leave. */
  private preChurnSilence = 0;
  private segments: Segment[] = [];
  private growth = 1;
  private readonly team: Assignment[] = [];
  private readonly stakeholders: StakeholderState[] = [];
  private readonly lines: ContractLine[] = [];
  private readonly activity: ActivityWindow[] = [];
  private readonly engagementRows: EngagementRow[] = [];
  private retainer: RetainerPlan | null = null;
  private projects: ProjectPlan | null = null;
  private domain = '';
  private readonly pendingObservations: { kind: ObservationKind; day: number; seat?: 'sponsor' | 'procurement' | 'other'; detail: string }[] = [];

  constructor(
    private readonly ctx: GenerationContext,
    private readonly profile: DemoAccountProfile,
    private readonly directives: AccountDirectives,
    private readonly rng: Rng,
  ) {
    this.asOf = ctx.asOfDay;
    this.tier = profile.tier;
    this.industry = profile.industry;
    this.code = pad(profile.index + 1, 5);
  }

  build(): DemoStory[] {
    this.planContracts();
    this.planTimeline();
    this.domain = `${slug(this.profile.name) || `client${this.code}`}.example`;
    this.buildAccountRow();
    this.buildTeam();
    this.buildStakeholders();
    for (const segment of this.segments) {
      if (this.retainer) this.retainerChain(segment, this.retainer);
      if (this.projects) for (let s = 0; s < this.projects.streams; s++) this.projectStream(segment, this.projects, s);
      if (this.industry === 'agency' && this.retainer) this.campaigns(segment);
      if (this.industry === 'accounting' && this.retainer) this.taxSeasons(segment);
    }
    this.finishEngagements();
    this.buildInvoices();
    this.buildTouchpoints();
    this.buildSurveys();
    this.buildServiceIssues();
    this.buildObservations();
    this.buildOpportunities();
    this.buildAccountPlan();
    this.buildWalletEstimates();
    this.buildTasks();
    return [...this.stories].sort();
  }

  // ------------------------------------------------------------------------------------------
  // helpers

  private id(kind: string): string {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    return this.ctx.ids(kind, this.profile.index, n);
  }

  private seq(kind: string): number {
    const n = (this.counters.get(`seq:${kind}`) ?? 0) + 1;
    this.counters.set(`seq:${kind}`, n);
    return n;
  }

  private base(day: number, updatedDay = day) {
    const created = Math.min(day, this.asOf);
    return {
      tenantId: this.ctx.tenantId,
      createdAt: dayAt(created),
      updatedAt: dayAt(Math.max(created, Math.min(updatedDay, this.asOf))),
    };
  }

  private accountBase(day: number, updatedDay = day) {
    return { ...this.base(day, updatedDay), accountId: this.profile.accountId };
  }

  /** How far the account has slid at a day: 0 = normal behaviour, 1 = full warning pattern. */
  private decline(day: number): number {
    if (this.churnDay !== null && day < this.churnDay) return ramp(day, this.churnDay - 200, this.churnDay - 60);
    if (this.winbackDay !== null) return 0;
    if (this.profile.health === 'cooling') return ramp(day, this.asOf - 100, this.asOf - 20);
    if (this.profile.health === 'at_risk') return ramp(day, this.asOf - 210, this.asOf - 90);
    return 0;
  }

  private live(day: number): boolean {
    return this.segments.some((s) => day >= s.start && day < s.end);
  }

  private segmentOf(day: number): Segment | undefined {
    return this.segments.find((s) => day >= s.start && day < s.end);
  }

  private valueAt(day: number): number {
    const reference = this.profile.status === 'churned' && this.churnDay !== null ? this.churnDay : this.asOf;
    return this.profile.targetAnnualValue * Math.pow(this.growth, (day - reference) / 365);
  }

  private moment(day: number): Date {
    return dayAt(day, this.rng.int(8 * 4, 17 * 4) * 15);
  }

  // ------------------------------------------------------------------------------------------
  // plan and timeline

  private planContracts(): void {
    const t = this.tier;
    switch (this.industry) {
      case 'consulting':
        this.projects = {
          kind: 'project',
          share: 1,
          streams: t >= 4 ? 3 : t === 3 ? 2 : 1,
          months: t === 1 ? [2, 5] : t === 2 ? [3, 6] : t === 3 ? [4, 9] : [6, 12],
          gapDays: t === 1 ? [30, 90] : t === 2 ? [10, 50] : t === 3 ? [0, 30] : [0, 14],
        };
        break;
      case 'legal':
        if (t === 1) {
          this.projects = { kind: 'matter', share: 1, streams: 1, months: [2, 8], gapDays: [30, 90] };
        } else {
          this.retainer = { kind: 'engagement_letter', share: 0.35, termMonths: t === 4 ? 24 : 12, billingMonths: 1, autoRenewP: 0.2 };
          this.projects = { kind: 'matter', share: 0.65, streams: t === 2 ? 1 : t === 3 ? 2 : 3, months: [3, 14], gapDays: [0, 45] };
        }
        break;
      case 'accounting':
        this.retainer = { kind: 'retainer', share: t === 1 ? 1 : 0.7, termMonths: 12, billingMonths: 3, autoRenewP: 0.5 };
        if (t >= 2) this.projects = { kind: 'project', share: 0.3, streams: 1, months: [2, 5], gapDays: t === 2 ? [60, 150] : t === 3 ? [30, 90] : [0, 45] };
        break;
      case 'agency':
        if (t === 1) {
          this.projects = { kind: 'project', share: 1, streams: 1, months: [2, 3], gapDays: [30, 90] };
        } else {
          this.retainer = { kind: 'retainer', share: t === 2 ? 1 : 0.85, termMonths: 12, billingMonths: 1, autoRenewP: 0.3 };
          if (t >= 3) this.projects = { kind: 'project', share: 0.15, streams: 1, months: [2, 4], gapDays: [45, 120] };
        }
        break;
      case 'technology':
        if (t === 1) {
          this.projects = { kind: 'project', share: 1, streams: 1, months: [2, 5], gapDays: [30, 90] };
        } else {
          const term = t === 2 ? 12 : t === 3 ? this.rng.pick([12, 24]) : this.rng.pick([24, 36]);
          this.retainer = { kind: 'retainer', share: 0.5, termMonths: term, billingMonths: 1, autoRenewP: 0.35 };
          this.projects = { kind: 'project', share: 0.5, streams: t === 4 ? 2 : 1, months: [3, 9], gapDays: [0, 60] };
        }
        break;
    }
  }

  private planTimeline(): void {
    const rng = this.rng;
    const asOf = this.asOf;
    const { status, health } = this.profile;
    if (status === 'churned') this.churnDay = asOf - rng.int(20, 720);
    if (status === 'won_back') {
      this.churnDay = asOf - rng.int(420, 700);
      this.winbackDay = Math.min(asOf - 60, this.churnDay + rng.int(110, 270));
    }
    const [minYears, maxYears] = TIER_TENURE_YEARS[this.tier];
    let tenureDays = Math.round(rng.float(minYears, maxYears) * 365);
    if (status === 'active' && this.tier <= 2 && health === 'healthy' && rng.chance(0.1)) {
      tenureDays = rng.int(45, 330);
      this.stories.add('new_client');
    }
    if (this.churnDay !== null) {
      tenureDays = Math.max(tenureDays, 200);
      if (this.retainer) {
        // Retainer clients leave by not renewing: the churn day falls on a term boundary.
        const terms = Math.max(1, Math.round(tenureDays / 30.4 / this.retainer.termMonths));
        this.clientSince = addMonths(this.churnDay, -terms * this.retainer.termMonths);
      } else {
        this.clientSince = this.churnDay - tenureDays;
      }
    } else {
      this.clientSince = asOf - tenureDays;
    }
    const windowStart = Math.min(asOf - rng.int(760, 1095), (this.churnDay ?? asOf) - 400);
    this.historyStart = Math.max(this.clientSince, windowStart);

    this.growth =
      status !== 'active' ? rng.float(0.97, 1.03) : health === 'healthy' ? rng.float(1.03, 1.14) : health === 'cooling' ? rng.float(0.99, 1.02) : rng.float(0.86, 0.95);

    if (this.churnDay !== null) {
      this.segments.push({ start: this.clientSince, end: this.churnDay, ends: true });
      if (this.winbackDay !== null) this.segments.push({ start: this.winbackDay, end: asOf, ends: false });
      this.preChurnSilence = rng.int(10, 45);
    } else {
      this.segments.push({ start: this.clientSince, end: asOf, ends: false });
    }
    if (status === 'active' && health === 'at_risk') this.silenceFrom = asOf - rng.int(62, 110);
    if (this.directives.quietDays !== null) this.silenceFrom = asOf - this.directives.quietDays + 1;
  }

  private buildAccountRow(): void {
    const p = this.profile;
    const statusDay = this.winbackDay ?? this.churnDay ?? this.clientSince;
    const notes =
      p.churnReason === null
        ? null
        : `${this.rng.pick(CHURN_NOTES[p.churnReason])}${this.winbackDay !== null ? ` Returned on ${isoDay(this.winbackDay)} after a win-back proposal addressing the exit reasons.` : ''}`;
    this.ctx.out.accounts.push({
      id: p.accountId,
      ...this.base(this.clientSince, statusDay),
      externalRef: `CRM-${this.code}`,
      name: p.name,
      industry: p.industry,
      segment: p.segment,
      region: p.region,
      status: p.status,
      clientSince: isoDay(this.clientSince),
      churnedAt: this.churnDay === null ? null : isoDay(this.churnDay),
      churnReason: p.churnReason,
      churnNotes: notes,
      attributes: null,
    });
  }

  // ------------------------------------------------------------------------------------------
  // firm team

  private candidates(industry: string, titles: Title[], from: number, exclude: RosterMember[]): RosterMember[] {
    return this.ctx.roster.members.filter(
      (m) => m.industry === industry && titles.includes(m.title) && !exclude.includes(m) && (m.departureDay === null || m.departureDay > from + 60),
    );
  }

  private choose(cands: RosterMember[]): RosterMember | undefined {
    let best: RosterMember | undefined;
    let bestScore = Infinity;
    for (const m of cands) {
      const score = m.load + this.rng.float(0, 3);
      if (score < bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  }

  private pickPerson(titles: Title[], from: number, exclude: RosterMember[], industry: string = this.industry): RosterMember {
    const found =
      this.choose(this.candidates(industry, titles, from, exclude)) ??
      // Executive sponsors stay partner-level: borrow a partner from another practice before going junior.
      (titles === SPONSOR_TITLES
        ? this.choose(this.ctx.roster.members.filter((m) => m.industry !== 'firm' && titles.includes(m.title) && !exclude.includes(m) && m.departureDay === null))
        : undefined) ??
      this.choose(this.candidates(industry, ['partner', 'principal', 'director', 'manager', 'senior', 'associate'], from, exclude)) ??
      this.choose(this.ctx.roster.members.filter((m) => !exclude.includes(m) && m.industry !== 'firm'));
    if (!found) throw new Error('roster has no one to assign');
    found.load++;
    return found;
  }

  private assign(person: RosterMember, role: TeamRole, from: number, to: number | null): void {
    this.team.push({ person, role, from, to });
  }

  private buildTeam(): void {
    const rng = this.rng;
    for (const segment of this.segments) {
      const from = segment === this.segments[0] ? Math.max(this.clientSince, this.asOf - rng.int(3 * 365, 8 * 365)) : segment.start;
      const to = segment.ends ? segment.end : null;
      const retiring = this.ctx.roster.byTag('retiring_legal_partner');
      let lead: RosterMember;
      if (this.directives.retiringPartnerLead && retiring && segment === this.segments[this.segments.length - 1]) {
        lead = retiring;
        lead.load++;
        this.stories.add('retiring_partner_lead');
      } else {
        lead = this.pickPerson((this.industry === 'legal' ? LEGAL_LEAD_TITLES : LEAD_TITLES)[this.tier], from, []);
      }
      this.assign(lead, 'account_lead', from, to);
      const taken = [lead];
      if (this.tier >= 3) {
        let sponsor: RosterMember;
        if (this.industry === 'legal' && retiring && lead !== retiring && rng.chance(0.5) && !segment.ends) {
          sponsor = retiring;
          this.stories.add('retiring_partner_lead');
        } else {
          sponsor = this.pickPerson(SPONSOR_TITLES, from, taken);
        }
        this.assign(sponsor, 'executive_sponsor', from, to);
        taken.push(sponsor);
      }
      const delivery = this.pickPerson(DELIVERY_TITLES, from, taken);
      this.assign(delivery, 'delivery_lead', Math.max(from, segment.start), to);
      taken.push(delivery);
      if (this.tier >= 2 && rng.chance(this.tier === 4 ? 0.8 : 0.35)) {
        const crossIndustry = rng.chance(0.5) ? rng.pick(['consulting', 'legal', 'accounting', 'agency', 'technology'].filter((i) => i !== this.industry)) : this.industry;
        const specialist = this.pickPerson(['director', 'manager', 'senior', 'principal'], from, taken, crossIndustry);
        this.assign(specialist, 'specialist', Math.max(from, segment.start + rng.int(0, 400)), to);
        taken.push(specialist);
      }
      // Legal succession: the junior partner builds the relationship years before taking over.
      const successor = this.ctx.roster.byTag('legal_successor');
      if (successor && retiring && taken.includes(retiring) && !segment.ends && rng.chance(0.65)) {
        this.assign(successor, 'specialist', Math.max(from, this.asOf - rng.int(90, 540)), null);
      }
    }
    // Team changes: people who left hand over; some accounts rotate their lead.
    const changeP = this.profile.churnReason === 'inconsistent_service_or_team_changes' ? 1 : this.profile.health === 'cooling' ? 0.2 : 0.08;
    const leadAssignment = this.team.find((a) => a.role === 'account_lead');
    if (leadAssignment && rng.chance(changeP)) {
      const end = leadAssignment.to ?? this.asOf;
      const earliest = Math.max(leadAssignment.from + 90, this.historyStart + 30);
      if (end - 60 > earliest) this.handover(leadAssignment, rng.int(earliest, end - 60), 'team_change');
    }
    for (const assignment of [...this.team]) {
      const departure = assignment.person.departureDay;
      if (departure !== null && departure < this.asOf && assignment.from < departure && (assignment.to === null || assignment.to > departure)) {
        this.handover(assignment, departure, 'team_change');
      }
    }
    for (const assignment of this.team) {
      const departure = assignment.person.departureDay;
      if (assignment.to === null && departure !== null && departure > this.asOf && (assignment.role === 'account_lead' || assignment.role === 'executive_sponsor')) {
        this.stories.add('owner_departing');
      }
    }
    for (const a of this.team) {
      this.ctx.out.teamAssignments.push({
        id: this.id('team_assignment'),
        ...this.accountBase(a.from, a.to ?? a.from),
        personId: a.person.id,
        role: a.role,
        fromDate: isoDay(a.from),
        toDate: a.to === null ? null : isoDay(a.to),
      });
    }
  }

  private handover(assignment: Assignment, day: number, story: DemoStory): void {
    const oldTo = assignment.to;
    assignment.to = day;
    const titles = assignment.role === 'account_lead' ? (this.industry === 'legal' ? LEGAL_LEAD_TITLES : LEAD_TITLES)[this.tier] : assignment.role === 'executive_sponsor' ? SPONSOR_TITLES : DELIVERY_TITLES;
    const exclude = this.team.filter((a) => a.to === null || a.to > day).map((a) => a.person);
    const successor = this.pickPerson(titles, day, [...exclude, assignment.person], assignment.role === 'specialist' ? assignment.person.industry : this.industry);
    this.team.push({ person: successor, role: assignment.role, from: day, to: oldTo });
    if (assignment.role === 'account_lead' || assignment.role === 'delivery_lead') this.stories.add(story);
  }

  private teamAt(role: TeamRole, day: number): RosterMember | undefined {
    let fallback: RosterMember | undefined;
    for (const a of this.team) {
      if (a.from <= day && (a.to === null || day < a.to)) {
        if (a.role === role) return a.person;
        if (a.role === 'account_lead') fallback = a.person;
      }
    }
    return fallback ?? this.team[0]?.person;
  }

  // ------------------------------------------------------------------------------------------
  // stakeholders

  private buildStakeholders(): void {
    const rng = this.rng;
    const { health, status } = this.profile;
    const namer = new PersonNamer();
    const singleThreaded =
      (this.tier === 1 && rng.chance(0.6)) || (this.tier === 2 && rng.chance(health === 'healthy' ? 0.06 : 0.3));
    const count = singleThreaded ? 1 : this.tier === 1 ? 2 : this.tier === 2 ? rng.int(2, 4) : this.tier === 3 ? rng.int(4, 6) : rng.int(6, 8);
    if (count === 1) this.stories.add('single_threaded');
    const roles: StakeholderRole[] = count === 1 ? [this.tier === 1 ? 'decision_maker' : 'champion'] : ['decision_maker', 'champion'];
    let blocker = this.tier >= 3 && rng.chance(0.3);
    while (roles.length < count) {
      if (blocker) {
        roles.push('blocker');
        blocker = false;
      } else roles.push(rng.weighted([['influencer', 45], ['user', 55]] as const));
    }
    const first = this.segments[0];
    const trajectory = status === 'churned' ? 'at_risk' : health;
    for (const role of roles) {
      const seniority = this.seniorityFor(role);
      const introducedLate = role !== 'decision_maker' && role !== 'champion' && rng.chance(0.5);
      const latestIntro = trajectory === 'healthy' ? this.asOf - 30 : (this.churnDay ?? this.asOf) - 180;
      const from = introducedLate && latestIntro > first.start + 60 ? rng.int(first.start + 30, latestIntro) : first.start;
      this.addStakeholder(namer, role, seniority, this.strengthFor(role, trajectory), from, null, false);
    }
    // Consulting alumni network: a former employee of the firm now works at the client.
    if (this.industry === 'consulting' && rng.chance(0.18)) {
      const candidate = this.stakeholders.find((s) => s.row.role === 'champion' || s.row.role === 'influencer') ?? this.stakeholders[0];
      candidate.row.isFirmAlumnus = true;
      this.stories.add('firm_alumnus');
    }
    // Departed champion: the classic "champion leaving" risk.
    const champion = this.stakeholders.find((s) => s.row.role === 'champion');
    const departP =
      this.profile.churnReason === 'key_contact_left' ? 1 : status !== 'active' ? 0.1 : health === 'at_risk' ? 0.4 : health === 'cooling' ? 0.1 : 0.02;
    if (champion && rng.chance(departP)) {
      const anchor = this.churnDay ?? this.asOf;
      const departed = Math.max(champion.from + 60, anchor - (this.churnDay !== null ? rng.int(45, 150) : rng.int(20, 150)));
      if (departed < anchor) {
        champion.to = departed;
        champion.row.departedAt = isoDay(departed);
        champion.row.updatedAt = dayAt(departed);
        this.stories.add('departed_champion');
        if (trajectory === 'healthy' && departed + 30 < this.asOf) {
          this.addStakeholder(namer, 'champion', champion.row.seniority, 'developing', departed + rng.int(14, 30), null, false);
        }
      }
    }
    // New executive in the sponsor's or procurement's seat.
    const newExecP = this.profile.churnReason === 'key_contact_left' || this.profile.churnReason === 'budget_cuts_or_restructuring' ? 0.8 : status !== 'active' ? 0.1 : health === 'at_risk' ? 0.35 : health === 'cooling' ? 0.08 : 0.02;
    if (rng.chance(newExecP)) {
      const anchor = this.churnDay ?? this.asOf;
      const seat = rng.chance(0.55) ? 'sponsor' : 'procurement';
      const from = anchor - rng.int(30, 140);
      if (from > first.start + 60) {
        const s = this.addStakeholder(namer, seat === 'sponsor' ? 'decision_maker' : 'blocker', seat === 'sponsor' ? 'c_level' : 'vp', 'weak', from, seat === 'procurement' ? rng.pick(PROCUREMENT_TITLES) : null, false);
        this.stories.add('new_executive');
        this.pendingObservations.push({ kind: 'new_executive', day: from + rng.int(3, 25), seat, detail: `New ${s.row.title} joined: ${s.row.name}` });
      }
    }
    this.ctx.out.stakeholders.push(...this.stakeholders.map((s) => s.row));
  }

  private seniorityFor(role: StakeholderRole): Seniority {
    const t = this.tier;
    const rng = this.rng;
    switch (role) {
      case 'decision_maker':
        return t >= 3 ? rng.weighted([['c_level', 80], ['vp', 20]] as const) : t === 2 ? rng.weighted([['c_level', 35], ['vp', 45], ['director', 20]] as const) : rng.weighted([['c_level', 20], ['vp', 30], ['director', 50]] as const);
      case 'champion':
        return t >= 3 ? rng.weighted([['vp', 55], ['director', 45]] as const) : rng.weighted([['vp', 25], ['director', 50], ['manager', 25]] as const);
      case 'influencer':
        return rng.weighted([['c_level', t === 4 ? 20 : 5], ['vp', 30], ['director', 50], ['manager', 15]] as const);
      case 'blocker':
        return rng.weighted([['vp', 40], ['director', 60]] as const);
      default:
        return rng.weighted([['director', 10], ['manager', 50], ['staff', 40]] as const);
    }
  }

  private strengthFor(role: StakeholderRole, trajectory: DemoAccountProfile['health']): Strength {
    const rng = this.rng;
    if (role === 'blocker') return rng.weighted([['weak', 50], ['at_risk', 50]] as const);
    if (trajectory === 'healthy') {
      if (role === 'champion') return rng.weighted([['strong', 75], ['developing', 25]] as const);
      if (role === 'decision_maker') return rng.weighted([['strong', 45], ['developing', 45], ['weak', 10]] as const);
      return rng.weighted([['strong', 30], ['developing', 50], ['weak', 20]] as const);
    }
    if (trajectory === 'cooling') {
      if (role === 'champion') return rng.weighted([['strong', 35], ['developing', 50], ['weak', 15]] as const);
      if (role === 'decision_maker') return rng.weighted([['strong', 15], ['developing', 50], ['weak', 35]] as const);
      return rng.weighted([['strong', 15], ['developing', 45], ['weak', 40]] as const);
    }
    if (role === 'champion') return rng.weighted([['developing', 30], ['weak', 50], ['at_risk', 20]] as const);
    if (role === 'decision_maker') return rng.weighted([['developing', 20], ['weak', 50], ['at_risk', 30]] as const);
    return rng.weighted([['developing', 30], ['weak', 50], ['at_risk', 20]] as const);
  }

  private addStakeholder(
    namer: PersonNamer,
    role: StakeholderRole,
    seniority: Seniority,
    strength: Strength,
    from: number,
    title: string | null,
    alumnus: boolean,
  ): StakeholderState {
    const rng = this.rng;
    const { full } = namer.next(rng);
    const metInPerson = rng.chance(strength === 'strong' ? 0.9 : strength === 'developing' ? 0.6 : 0.3);
    const proactive = rng.chance(strength === 'strong' ? (this.profile.health === 'healthy' ? 0.6 : 0.3) : 0.08);
    const row: StakeholderRow = {
      id: this.id('stakeholder'),
      ...this.accountBase(from),
      name: full,
      title: title ?? rng.pick(CLIENT_TITLES[this.industry][seniority]),
      email: `${emailLocal(full)}@${this.domain}`,
      role,
      seniority,
      strength,
      metInPerson,
      reachesOutProactively: proactive,
      isFirmAlumnus: alumnus,
      departedAt: null,
    };
    const state: StakeholderState = { row, from, to: null };
    this.stakeholders.push(state);
    return state;
  }

  private stakeholderFor(kind: TouchpointKind, day: number): StakeholderRow | null {
    const active = this.stakeholders.filter((s) => s.from <= day && (s.to === null || day < s.to));
    if (active.length === 0) return null;
    const preferred = active.filter((s) => {
      const { role, seniority } = s.row;
      switch (kind) {
        case 'executive':
          return role === 'decision_maker' || seniority === 'c_level' || seniority === 'vp';
        case 'operational':
          return role === 'user' || role === 'champion' || seniority === 'manager' || seniority === 'director';
        case 'strategic':
          return role === 'champion' || role === 'influencer' || role === 'decision_maker';
        default:
          return role !== 'blocker';
      }
    });
    const pool = preferred.length > 0 ? preferred : active;
    return this.rng.weighted(pool.map((s) => [s.row, s.row.strength === 'strong' ? 3 : s.row.strength === 'developing' ? 2 : 1] as const));
  }

  // ------------------------------------------------------------------------------------------
  // contracts, engagements

  private contractTitle(kind: ContractKind, start: number, topic?: string): string {
    const year = yearOf(start);
    switch (kind) {
      case 'retainer':
        return this.industry === 'agency'
          ? `Creative and media retainer ${year}`
          : this.industry === 'accounting'
            ? `Audit and tax compliance ${year}`
            : this.industry === 'technology'
              ? `Managed services agreement ${year}`
              : `Advisory retainer ${year}`;
      case 'engagement_letter':
        return `Outside general counsel engagement letter ${year}`;
      default:
        return `${topic ?? 'Engagement'} ${year}`;
    }
  }

  private addContract(
    segment: Segment,
    kind: ContractKind,
    title: string,
    start: number,
    end: number,
    months: number,
    value: number,
    opts: { billingMonths: 1 | 3; variable: boolean; autoRenew: boolean; notice: number; renewalStatus: ContractRow['renewalStatus'] },
  ): ContractLine {
    const row: ContractRow = {
      id: this.id('contract'),
      ...this.accountBase(Math.max(segment.start, start - 14), Math.min(end, this.asOf - 1)),
      externalRef: `CT-${this.code}-${pad(this.seq('contract'), 3)}`,
      kind,
      title,
      value,
      // Annual contract value: the whole value for terms up to a year, the per-year share of longer ones.
      annualValue: months <= 12 ? value : Math.round((value * 12) / months),
      currency: 'USD',
      startDate: isoDay(start),
      endDate: isoDay(end),
      noticePeriodDays: opts.notice,
      autoRenew: opts.autoRenew,
      renewalStatus: opts.renewalStatus,
    };
    this.ctx.out.contracts.push(row);
    const line: ContractLine = { row, start, end, months, billingMonths: opts.billingMonths, variable: opts.variable, billUntil: end, segment };
    this.lines.push(line);
    return line;
  }

  private currentRenewalStatus(end: number, autoRenew: boolean): ContractRow['renewalStatus'] {
    if (end <= this.asOf) return 'not_started';
    const daysLeft = end - this.asOf;
    if (autoRenew) return 'not_started';
    const p = this.profile.health === 'at_risk' ? 0.8 : 0.55;
    if (daysLeft <= 120 && this.rng.chance(p)) return 'in_progress';
    if (daysLeft <= 200 && this.rng.chance(0.2)) return 'in_progress';
    return 'not_started';
  }

  private retainerChain(segment: Segment, plan: RetainerPlan): void {
    const rng = this.rng;
    const autoRenew = rng.chance(plan.autoRenewP);
    const notice = rng.pick([30, 60, 90]);
    const chain: { start: number; end: number; annual: number }[] = [];
    for (let k = 0; k < 200; k++) {
      const start = addMonths(segment.start, k * plan.termMonths);
      let end = addMonths(segment.start, (k + 1) * plan.termMonths);
      if (start >= segment.end) break;
      if (segment.ends && end > segment.end) end = segment.end;
      if (end <= this.historyStart) continue;
      chain.push({ start, end, annual: this.valueAt(start) * plan.share });
    }
    chain.forEach((c, i) => {
      const next = chain[i + 1];
      const last = i === chain.length - 1;
      let status: ContractRow['renewalStatus'];
      if (!last) {
        const ratio = next.annual / c.annual;
        status = ratio > 1.06 ? 'expanded' : ratio < 0.97 ? 'shrunk' : 'renewed';
      } else if (segment.ends) {
        status = 'lost';
      } else {
        status = this.currentRenewalStatus(c.end, autoRenew);
      }
      const months = Math.max(1, Math.round((c.end - c.start) / 30.44));
      const value = roundMoney((c.annual * months) / 12);
      const line = this.addContract(segment, plan.kind, this.contractTitle(plan.kind, c.start), c.start, c.end, months, value, {
        billingMonths: plan.billingMonths,
        variable: plan.kind === 'engagement_letter',
        autoRenew,
        notice,
        renewalStatus: status,
      });
      if (this.industry === 'technology' || this.industry === 'legal') {
        const serviceLine = this.industry === 'technology' ? rng.pick(['Managed Services', 'Support']) : 'Corporate';
        const name = this.industry === 'technology' ? `Managed services ${yearOf(c.start)}-${yearOf(c.end)}` : `General counsel advisory ${yearOf(c.start)}`;
        this.addEngagement(line, name, serviceLine, roundMoney(value * 0.95), c.start, c.end, false, false);
      }
    });
  }

  private projectStream(segment: Segment, plan: ProjectPlan, stream: number): void {
    const rng = this.rng;
    const { health, status } = this.profile;
    const [dMin, dMax] = plan.months;
    const [gMin, gMax] = plan.gapDays;
    const meanDays = ((dMin + dMax) / 2) * 30.44;
    const utilisation = meanDays / (meanDays + (gMin + gMax) / 2);
    const monthlyRate = (this.profile.targetAnnualValue * plan.share) / plan.streams / 12 / utilisation;
    let cursor = segment.start >= this.historyStart ? segment.start + (stream === 0 ? 0 : rng.int(10, 90)) : this.historyStart - rng.int(0, 150);
    let startLimit = segment.end;
    if (!segment.ends && status === 'active') {
      if (health === 'healthy' && this.tier >= 2 && rng.chance(0.35)) startLimit = this.asOf + 45;
      if (health === 'at_risk') startLimit = this.asOf - rng.int(30, 100);
    }
    const topics = PROJECT_TOPICS[this.industry];
    let last: ContractLine | null = null;
    for (let guard = 0; guard < 400 && cursor < startLimit; guard++) {
      const start = businessDay(cursor);
      let months = rng.int(dMin, dMax);
      let end = addMonths(start, months);
      if (segment.ends && end > segment.end) {
        if (segment.end - start < 45) break;
        end = segment.end;
        months = Math.max(1, Math.round((end - start) / 30.44));
      }
      const shrink = status === 'active' && health !== 'healthy' && start >= this.asOf - 120 ? 0.65 : 1;
      const growthFactor = this.valueAt(start) / this.profile.targetAnnualValue;
      const value = roundMoney(monthlyRate * months * growthFactor * shrink * rng.float(0.85, 1.15));
      const [topic, serviceLine] = rng.pick(topics);
      const title = this.contractTitle(plan.kind, start, topic);
      const isLast = segment.ends && end >= segment.end;
      const renewal: ContractRow['renewalStatus'] = end <= this.asOf ? (isLast ? 'lost' : 'renewed') : this.currentRenewalStatus(end, false);
      const line = this.addContract(segment, plan.kind, title, start, end, months, value, {
        billingMonths: 1,
        variable: plan.kind === 'matter',
        autoRenew: false,
        notice: 0,
        renewalStatus: renewal,
      });
      this.addEngagement(line, title.replace(/ \d{4}$/, ''), serviceLine, value, start, end, true, true);
      last = line;
      cursor = end + rng.int(gMin, gMax);
    }
    // A finished project with no follow-on yet: winning the next engagement has not started.
    if (last && !segment.ends && last.end <= this.asOf) last.row.renewalStatus = 'not_started';
  }

  /** Agency retainers run campaigns: intense weeks, then quiet gaps. */
  private campaigns(segment: Segment): void {
    const rng = this.rng;
    const quietDays = this.directives.quietDays;
    const stopBy = quietDays !== null ? this.asOf - quietDays - 2 : segment.end;
    let cursor = Math.max(segment.start, this.historyStart - rng.int(0, 60));
    const topics = PROJECT_TOPICS.agency;
    for (let guard = 0; guard < 200 && cursor < Math.min(segment.end, stopBy); guard++) {
      const start = businessDay(cursor);
      let end = start + rng.int(6, 10) * 7;
      let cutShort = false;
      if (end > stopBy && quietDays !== null) {
        if (stopBy - start < 21) break;
        end = stopBy;
        cutShort = true;
      }
      if (segment.ends && end > segment.end) end = segment.end;
      const line = this.lines.find((l) => l.segment === segment && l.row.kind === 'retainer' && l.start <= start && start < l.end);
      const [topic, serviceLine] = rng.pick(topics);
      const budget = roundMoney(((line?.row.annualValue ?? this.profile.targetAnnualValue) * (end - start)) / 365);
      this.addEngagement(line ?? null, `${topic} ${yearOf(start)}`, serviceLine, budget, start, end, false, true, cutShort);
      cursor = end + rng.int(3, 8) * 7;
    }
    if (quietDays !== null) {
      // The next campaign is signed and planned: the silence is between campaigns, not a loss.
      const start = this.asOf + rng.int(10, 25);
      const line = this.lines.find((l) => l.segment === segment && l.row.kind === 'retainer' && l.start <= start && start < l.end) ?? this.lines.find((l) => l.row.kind === 'retainer' && l.end > this.asOf);
      const [topic, serviceLine] = rng.pick(topics);
      this.addEngagement(line ?? null, `${topic} ${yearOf(start)}`, serviceLine, roundMoney(this.profile.targetAnnualValue / 6), start, start + 56, false, true);
      this.stories.add('quiet_between_campaigns');
    }
  }

  /** Accounting retainers: the audit and tax returns each spring are the natural checkpoints. */
  private taxSeasons(segment: Segment): void {
    const rng = this.rng;
    const from = Math.max(segment.start, this.historyStart);
    for (let year = yearOf(from); year <= yearOf(segment.end); year++) {
      const items: [string, string, number, number, number][] = [
        [`FY${year - 1} year-end audit`, 'Audit', dayFromParts(year, 0, 10), dayFromParts(year, 3, 10), 0.5],
        [`${year - 1} tax returns`, 'Tax', dayFromParts(year, 1, 1), rng.chance(0.2) ? dayFromParts(year, 9, 15) : dayFromParts(year, 3, 15), 0.3],
      ];
      for (const [name, serviceLine, start, plannedEnd, share] of items) {
        if (start < from || start >= segment.end || start >= this.asOf + 30) continue;
        const line = this.lines.find((l) => l.segment === segment && l.row.kind === 'retainer' && l.start <= start && start < l.end);
        const budget = roundMoney((line?.row.annualValue ?? this.profile.targetAnnualValue) * share);
        this.addEngagement(line ?? null, name, serviceLine, budget, start, segment.ends ? Math.min(plannedEnd, segment.end) : plannedEnd, false, true);
      }
    }
  }

  private addEngagement(
    line: ContractLine | null,
    name: string,
    serviceLine: string,
    budget: number,
    start: number,
    plannedEnd: number,
    allowCancel: boolean,
    intense: boolean,
    endsAsPlanned = false,
  ): void {
    const rng = this.rng;
    const p = this.decline(Math.min(plannedEnd, this.asOf));
    const segmentEnd = line?.segment.ends ? line.segment.end : null;
    const forcedOver = this.profile.status === 'active' && this.profile.health === 'at_risk' && plannedEnd > this.asOf - 200 && rng.chance(0.6);
    const over = forcedOver || rng.chance(0.05 + 0.35 * p);
    const late = !endsAsPlanned && rng.chance(0.12 + 0.35 * p) ? rng.int(5, 20 + Math.round(40 * p)) : 0;
    let status: EngagementRow['status'];
    let actualEnd: number | null = null;
    let actualCost: number;
    if (start > this.asOf - 1) {
      status = 'planned';
      actualCost = 0;
    } else if (allowCancel && plannedEnd < this.asOf && rng.chance(0.03)) {
      status = 'cancelled';
      actualEnd = start + Math.round((plannedEnd - start) * rng.float(0.3, 0.7));
      actualCost = Math.round(budget * ((actualEnd - start) / Math.max(1, plannedEnd - start)) * rng.float(0.9, 1.05));
      if (line) line.billUntil = actualEnd;
    } else {
      let end = plannedEnd + late;
      if (segmentEnd !== null && end > segmentEnd) end = segmentEnd;
      if (end < this.asOf) {
        status = 'completed';
        actualEnd = end;
        actualCost = Math.round(budget * (over ? rng.float(1.1, 1.45) : rng.float(0.82, 1.02)));
      } else {
        const onHoldP = this.profile.health === 'cooling' ? 0.15 : this.profile.health === 'at_risk' ? 0.35 : 0.02;
        status = rng.chance(onHoldP) && this.profile.status === 'active' ? 'on_hold' : 'active';
        const progress = Math.min(1.1, (this.asOf - start) / Math.max(1, plannedEnd - start));
        actualCost = Math.round(budget * progress * (over ? rng.float(1.15, 1.5) : rng.float(0.85, 1.02)));
      }
    }
    if (over && actualCost > budget && this.profile.status === 'active' && (actualEnd ?? this.asOf) > this.asOf - 200) this.stories.add('over_budget');
    const row: EngagementRow = {
      id: this.id('engagement'),
      ...this.accountBase(Math.max(start - 7, line?.segment.start ?? start), actualEnd ?? this.asOf - 1),
      contractId: line?.row.id ?? null,
      name,
      serviceLine,
      budget,
      actualCost,
      startDate: isoDay(start),
      plannedEndDate: isoDay(plannedEnd),
      actualEndDate: actualEnd === null ? null : isoDay(actualEnd),
      status,
    };
    this.engagementRows.push(row);
    this.activity.push({ start, end: actualEnd ?? Math.max(plannedEnd, this.asOf), intense });
  }

  private finishEngagements(): void {
    this.engagementRows.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    this.ctx.out.engagements.push(...this.engagementRows);
  }

  // ------------------------------------------------------------------------------------------
  // invoices

  private buildInvoices(): void {
    const rng = this.rng;
    const terms = this.industry === 'agency' ? 15 : this.tier === 1 && rng.chance(0.3) ? 45 : 30;
    const drafts: { line: ContractLine; issued: number; amount: number }[] = [];
    for (const line of this.lines) {
      const periods = Math.max(1, Math.ceil(line.months / line.billingMonths));
      const perPeriod = line.row.value / periods;
      for (let k = 0; k < periods; k++) {
        const periodStart = addMonths(line.start, k * line.billingMonths);
        const periodEnd = Math.min(addMonths(line.start, (k + 1) * line.billingMonths), line.end);
        if (periodStart >= line.billUntil) break;
        const issued = weekdayBack(Math.min(periodEnd, line.billUntil));
        if (issued >= this.asOf || issued < this.historyStart) continue;
        if (line.segment.ends && issued > line.segment.end) continue;
        const variability = line.variable ? rng.float(0.75, 1.25) : 1;
        const spend = 1 - 0.3 * this.decline(issued);
        drafts.push({ line, issued, amount: Math.max(100, Math.round(perPeriod * variability * spend)) });
      }
    }
    drafts.sort((a, b) => a.issued - b.issued || (a.line.row.id < b.line.row.id ? -1 : 1));
    // The unpaid, overdue story: the last invoices due 35+ days ago were never paid.
    const unpaid = new Set<number>();
    if (this.directives.unpaidOverdue) {
      const overdue = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.issued + terms <= this.asOf - 35 && d.issued >= this.asOf - 160);
      for (const { i } of overdue.slice(-rng.int(1, 2))) unpaid.add(i);
      if (unpaid.size > 0) this.stories.add('unpaid_overdue');
    }
    drafts.forEach((d, i) => {
      const due = d.issued + terms;
      const p = this.decline(d.issued);
      const bucket = rng.weighted([
        ['early', 60 * (1 - p) + 12 * p],
        ['on_time', 25 * (1 - p) + 18 * p],
        ['late', 12 * (1 - p) + 40 * p],
        ['very_late', 2.8 * (1 - p) + 20 * p],
        ['over_30', 0.1 * (1 - p) + 6 * p],
      ] as const);
      const lateness = bucket === 'early' ? -rng.int(1, Math.min(20, terms - 1)) : bucket === 'on_time' ? 0 : bucket === 'late' ? rng.int(1, 15) : bucket === 'very_late' ? rng.int(16, 30) : rng.int(31, 75);
      const paid = due + lateness;
      const paidOn = unpaid.has(i) || paid >= this.asOf ? null : paid;
      this.ctx.out.invoices.push({
        id: this.id('invoice'),
        ...this.accountBase(d.issued, paidOn ?? d.issued),
        contractId: d.line.row.id,
        number: `INV-${this.code}-${pad(i + 1, 4)}`,
        amount: d.amount,
        currency: 'USD',
        issuedOn: isoDay(d.issued),
        dueOn: isoDay(due),
        paidOn: paidOn === null ? null : isoDay(paidOn),
      });
    });
  }

  // ------------------------------------------------------------------------------------------
  // touchpoints

  private activeWork(day: number): { active: boolean; intense: boolean } {
    let active = false;
    let intense = false;
    for (const w of this.activity) {
      if (day >= w.start && day < w.end) {
        active = true;
        if (w.intense) intense = true;
      }
    }
    return { active, intense };
  }

  private buildTouchpoints(): void {
    const rng = this.rng;
    const cadence = CADENCE[this.tier];
    const drafts: Omit<TouchpointRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'accountId'>[] = [];
    const emit = (kind: TouchpointKind, day: number, opts: { channel?: Channel; summary?: string; outcome?: Outcome; direction?: 'outbound' | 'inbound' } = {}): void => {
      day = weekdayBack(day);
      if (day < this.historyStart || !this.live(day) || day >= this.asOf) return;
      if (this.silenceFrom !== null && day >= this.silenceFrom) return;
      if (this.churnDay !== null && this.winbackDay === null && day >= this.churnDay - this.preChurnSilence) return;
      if (this.churnDay !== null && this.winbackDay !== null && day < this.churnDay && day >= this.churnDay - this.preChurnSilence) return;
      drafts.push(this.touchpoint(kind, day, opts));
    };
    for (const segment of this.segments) {
      const start = Math.max(segment.start, this.historyStart);
      const end = segment.end;
      if (start >= end) continue;
      // Operational: during active work, at the tier's cadence.
      for (let day = start + rng.int(0, cadence.op); day < end; ) {
        const work = this.activeWork(day);
        const slow = 1 + 1.5 * this.decline(day);
        let interval: number | null = work.active ? cadence.op : cadence.opIdle;
        if (interval !== null && this.industry === 'agency') interval = work.intense ? Math.max(3, Math.round(interval / 2)) : interval * 3;
        if (interval !== null && this.industry === 'accounting' && monthOf(day) <= 3) interval = Math.max(3, Math.round(interval * 0.6));
        if (interval === null) {
          day += 7;
          continue;
        }
        emit('operational', day);
        day += Math.max(1, Math.round(interval * rng.float(0.75, 1.25) * slow));
      }
      for (const [kind, every] of [['strategic', cadence.strat], ['executive', cadence.exec], ['maintenance', cadence.maint]] as const) {
        if (every === null) continue;
        for (let day = start + rng.int(0, every); day < end; ) {
          if (kind !== 'strategic' || this.tier > 1 || rng.chance(0.6)) emit(kind, day);
          day += Math.max(1, Math.round(every * rng.float(0.75, 1.25) * (1 + 1.5 * this.decline(day))));
        }
      }
      for (let year = yearOf(start); year <= yearOf(end); year++) {
        emit('maintenance', dayFromParts(year, 11, rng.int(8, 18)), { channel: 'other', summary: 'Holiday card', outcome: 'held', direction: 'outbound' });
        if (this.tier >= 3) {
          emit('executive', dayFromParts(year, 0, 12) + rng.int(0, 40), { channel: 'meeting', summary: 'Annual strategic planning session (half day)', direction: 'outbound' });
          const dinners = this.tier === 4 ? rng.int(2, 4) : rng.int(0, 1);
          for (let i = 0; i < dinners; i++) emit('executive', dayFromParts(year, rng.int(0, 11), rng.int(1, 28)), { channel: 'dinner', summary: 'Executive dinner', direction: 'outbound' });
        }
      }
    }
    // Win-back play between the loss and the return (DOMAIN.md section 8).
    if (this.churnDay !== null && this.winbackDay !== null) {
      const steps: [number, string][] = [
        [this.churnDay + rng.int(90, 110), 'How is the new arrangement working? (win-back check-in)'],
        [this.churnDay + rng.int(120, 150) < this.winbackDay - 25 ? this.churnDay + rng.int(120, 150) : this.winbackDay - 40, 'Shared a relevant insight, no pitch'],
        [this.winbackDay - rng.int(10, 25), 'Improvement proposal addressing why they left'],
      ];
      for (const [day, summary] of steps) {
        const d = weekdayBack(day);
        if (d > this.churnDay && d < this.winbackDay) drafts.push(this.touchpoint('strategic', d, { summary, outcome: 'held', direction: 'outbound', channel: 'meeting' }));
      }
    }
    if (this.directives.quietDays !== null) {
      const day = this.asOf - this.directives.quietDays;
      drafts.push(this.touchpoint('operational', day, { summary: 'Campaign wrap-up: results report reviewed', outcome: 'held', direction: 'outbound', channel: 'video' }));
    }
    // At-risk silence: the only recent activity is unanswered outreach.
    if (this.profile.status === 'active' && this.profile.health === 'at_risk' && this.silenceFrom !== null && rng.chance(0.5)) {
      const attempts = rng.int(1, 3);
      for (let i = 0; i < attempts; i++) {
        const day = weekdayBack(rng.int(this.silenceFrom, this.asOf - 2));
        if (day >= this.silenceFrom) drafts.push(this.touchpoint('operational', day, { channel: 'email', outcome: 'no_response', direction: 'outbound', summary: 'Follow-up on open items (no reply)' }));
      }
    }
    drafts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    for (const d of drafts) {
      this.ctx.out.touchpoints.push({
        id: this.id('touchpoint'),
        tenantId: this.ctx.tenantId,
        createdAt: d.occurredAt,
        updatedAt: d.occurredAt,
        accountId: this.profile.accountId,
        ...d,
      });
    }
  }

  private touchpoint(
    kind: TouchpointKind,
    day: number,
    opts: { channel?: Channel; summary?: string; outcome?: Outcome; direction?: 'outbound' | 'inbound' },
  ): Omit<TouchpointRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'accountId'> {
    const rng = this.rng;
    const p = this.decline(day);
    const channel: Channel =
      opts.channel ??
      (kind === 'executive'
        ? rng.weighted([['meeting', 65], ['video', 35]] as const)
        : kind === 'operational'
          ? rng.weighted([['video', 45], ['call', 25], ['meeting', 15], ['email', 15]] as const)
          : kind === 'strategic'
            ? rng.weighted([['email', 40], ['video', 20], ['event', 15], ['meeting', 15], ['call', 10]] as const)
            : rng.weighted([['call', 50], ['email', 35], ['other', 15]] as const));
    const inboundP = (kind === 'operational' ? 0.3 : kind === 'strategic' ? 0.15 : kind === 'maintenance' ? 0.08 : 0.03) * (1 - 0.8 * p);
    const direction = opts.direction ?? (rng.chance(inboundP) ? 'inbound' : 'outbound');
    let outcome: Outcome =
      opts.outcome ??
      (direction === 'inbound'
        ? 'held'
        : rng.weighted([
            ['held', 0.91 - 0.34 * p],
            ['rescheduled', 0.04 + 0.1 * p],
            ['cancelled', 0.03 + 0.12 * p],
            ['no_response', 0.02 + 0.12 * p],
          ] as const));
    if (outcome === 'no_response' && channel !== 'email' && channel !== 'call') outcome = 'cancelled';
    let responseTimeHours: number | null = null;
    if (direction === 'outbound' && outcome === 'held' && (channel === 'email' || channel === 'call')) {
      const median = 4 * (1 + 6 * p);
      responseTimeHours = Math.round(Math.min(336, Math.max(0.1, median * Math.exp(rng.normal(0, 0.7)))) * 10) / 10;
    }
    const role: TeamRole =
      kind === 'executive'
        ? 'executive_sponsor'
        : kind === 'operational'
          ? rng.chance(0.7)
            ? 'delivery_lead'
            : 'account_lead'
          : kind === 'strategic' && rng.chance(0.3)
            ? 'specialist'
            : 'account_lead';
    const person = this.teamAt(role, day);
    const stakeholder = this.stakeholderFor(kind, day);
    let summary = opts.summary ?? this.summaryFor(kind);
    if (outcome === 'cancelled') summary += ' (cancelled by client)';
    else if (outcome === 'rescheduled') summary += ' (rescheduled by client)';
    else if (outcome === 'no_response' && !opts.summary) summary += ' (no reply)';
    return {
      stakeholderId: stakeholder?.id ?? null,
      personId: person?.id ?? null,
      kind,
      channel,
      direction,
      outcome,
      occurredAt: this.moment(day),
      responseTimeHours,
      summary,
    };
  }

  private summaryFor(kind: TouchpointKind): string {
    const rng = this.rng;
    switch (kind) {
      case 'operational':
        return rng.pick(OPERATIONAL_SUMMARIES[this.industry]);
      case 'executive':
        return this.tier >= 3 ? 'Quarterly business review' : 'Semi-annual business review';
      case 'strategic':
        return rng.pick(STRATEGIC_SUMMARIES);
      default:
        return rng.pick(MAINTENANCE_SUMMARIES);
    }
  }

  // ------------------------------------------------------------------------------------------
  // surveys, issues, observations

  private surveyRespondent(day: number): string | null {
    const active = this.stakeholders.filter((s) => s.from <= day && (s.to === null || day < s.to) && (s.row.role === 'decision_maker' || s.row.role === 'champion'));
    return active.length > 0 ? this.rng.pick(active).row.id : null;
  }

  private npsScore(p: number): number {
    const rng = this.rng;
    return rng.chance(p)
      ? rng.weighted([[8, 5], [7, 18], [6, 25], [5, 20], [4, 15], [3, 10], [2, 7]] as const)
      : rng.weighted([[10, 25], [9, 32], [8, 22], [7, 12], [6, 5], [5, 3], [4, 1]] as const);
  }

  private csatScore(p: number): number {
    const rng = this.rng;
    return rng.chance(p) ? rng.weighted([[4, 20], [3, 45], [2, 25], [1, 10]] as const) : rng.weighted([[5, 48], [4, 42], [3, 8], [2, 2]] as const);
  }

  private addSurvey(kind: 'nps' | 'csat', day: number, score: number): void {
    const rng = this.rng;
    const band = kind === 'nps' ? (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor') : score >= 5 ? 'promoter' : score >= 4 ? 'passive' : 'detractor';
    const comment = rng.chance(band === 'detractor' ? 0.7 : 0.3) ? rng.pick(NPS_COMMENTS[band]) : null;
    const at = this.moment(day);
    this.ctx.out.surveyResponses.push({
      id: this.id('survey'),
      tenantId: this.ctx.tenantId,
      createdAt: at,
      updatedAt: at,
      accountId: this.profile.accountId,
      stakeholderId: this.surveyRespondent(day),
      kind,
      score,
      respondedAt: at,
      comment,
    });
  }

  private surveyAllowed(day: number): boolean {
    if (day < this.historyStart || day >= this.asOf || !this.live(day)) return false;
    if (this.silenceFrom !== null && day >= this.silenceFrom && this.directives.quietDays === null) return false;
    if (this.churnDay !== null && day < this.churnDay && day >= this.churnDay - this.preChurnSilence) return false;
    return true;
  }

  private buildSurveys(): void {
    const rng = this.rng;
    const days: { kind: 'nps' | 'csat'; day: number }[] = [];
    if (this.tier >= 2) {
      for (let day = this.historyStart + rng.int(20, 180); day < this.asOf; day += rng.int(160, 200)) days.push({ kind: 'nps', day });
    }
    if (this.tier >= 3) {
      for (let day = this.historyStart + rng.int(10, 90); day < this.asOf; day += rng.int(80, 100)) days.push({ kind: 'csat', day });
    }
    for (const e of this.engagementRows) {
      if (e.status === 'completed' && e.actualEndDate && rng.chance(this.tier === 1 ? 0.4 : 0.5)) {
        const end = Math.round(new Date(`${e.actualEndDate}T00:00:00Z`).getTime() / 86_400_000);
        days.push({ kind: 'csat', day: end + rng.int(3, 14) });
      }
    }
    days.sort((a, b) => a.day - b.day || (a.kind < b.kind ? -1 : 1));
    for (const { kind, day } of days) {
      if (!this.surveyAllowed(day)) continue;
      const p = this.decline(day);
      if (!rng.chance(0.85 - 0.35 * p)) continue;
      this.addSurvey(kind, day, kind === 'nps' ? this.npsScore(p) : this.csatScore(p));
    }
    // At-risk accounts: the last NPS before the silence is a detractor; so was the last one
    // before a churned client left. Cooling accounts: a recent, lukewarm answer.
    const { status, health } = this.profile;
    if (status === 'active' && health === 'at_risk' && this.silenceFrom !== null) {
      const day = this.silenceFrom - rng.int(5, 40);
      if (day > this.historyStart) this.addSurvey('nps', day, rng.int(2, 6));
    }
    if (status === 'active' && health === 'cooling' && this.tier >= 2 && rng.chance(0.6)) {
      this.addSurvey('nps', this.asOf - rng.int(10, 80), rng.weighted([[8, 25], [7, 35], [6, 25], [5, 15]] as const));
    }
    if (this.churnDay !== null && this.tier >= 2) {
      const day = this.churnDay - this.preChurnSilence - rng.int(10, 60);
      if (day > this.historyStart) this.addSurvey('nps', day, rng.int(3, 6));
    }
  }

  private buildServiceIssues(): void {
    const rng = this.rng;
    const templates = ISSUE_TEMPLATES[this.industry];
    const addIssue = (day: number, severity: 'low' | 'medium' | 'high' | 'critical', complaint: boolean, resolveWithin: number | null): void => {
      const [title, category] = rng.pick(templates);
      const opened = dayAt(day, rng.int(8 * 4, 18 * 4) * 15);
      const resolvedDay = resolveWithin === null ? null : day + resolveWithin;
      const resolved = resolvedDay === null || resolvedDay >= this.asOf ? null : dayAt(resolvedDay, rng.int(8 * 4, 18 * 4) * 15);
      this.ctx.out.serviceIssues.push({
        id: this.id('service_issue'),
        tenantId: this.ctx.tenantId,
        createdAt: opened,
        updatedAt: resolved ?? opened,
        accountId: this.profile.accountId,
        title,
        severity,
        isComplaint: complaint,
        category,
        openedAt: opened,
        resolvedAt: resolved,
      });
    };
    const { health, status } = this.profile;
    const perYear = (status === 'active' ? (health === 'healthy' ? 0.3 : health === 'cooling' ? 0.5 : 0.7) : 0.6) * (1 + 0.3 * (this.tier - 1));
    const years = Math.max(0, ((this.churnDay ?? this.asOf) - this.historyStart) / 365);
    const issues = Math.floor(perYear * years + rng.next());
    const end = (this.churnDay ?? this.asOf) - 1;
    for (let i = 0; i < issues; i++) {
      const day = weekdayBack(rng.int(this.historyStart, end));
      if (!this.live(day) || day >= this.asOf) continue;
      const p = this.decline(day);
      const severity = rng.weighted([['low', 40 - 20 * p], ['medium', 40], ['high', 15 + 20 * p], ['critical', 5 + 10 * p]] as const);
      addIssue(day, severity, rng.chance(0.15 + 0.45 * p), rng.int(1, 21));
    }
    if (status === 'active' && health === 'cooling' && rng.chance(0.4)) {
      addIssue(weekdayBack(this.asOf - rng.int(10, 85)), 'medium', rng.chance(0.4), rng.chance(0.5) ? rng.int(3, 20) : null);
    }
    if (status === 'active' && health === 'at_risk') {
      const day = weekdayBack(this.asOf - rng.int(20, 85));
      addIssue(day, rng.weighted([['high', 65], ['critical', 35]] as const), true, rng.chance(0.5) ? rng.int(10, 40) : null);
      this.stories.add('recent_complaint');
    }
    if (this.churnDay !== null && this.profile.churnReason === 'inconsistent_service_or_team_changes') {
      for (let i = 0; i < 2; i++) addIssue(weekdayBack(this.churnDay - rng.int(40, 200)), 'high', true, rng.int(5, 30));
    }
  }

  private buildObservations(): void {
    const rng = this.rng;
    const { health, status, churnReason } = this.profile;
    const lead = (day: number) => this.teamAt('account_lead', day)?.name ?? null;
    const competitors = COMPETITORS[this.industry];
    const add = (kind: ObservationKind, day: number, extra: Partial<Pick<ObservationRow, 'executiveSeat' | 'tone' | 'competitor' | 'detail' | 'source'>> = {}): void => {
      day = weekdayBack(day);
      if (day < this.historyStart || day >= this.asOf) return;
      const at = dayAt(day, rng.int(8 * 4, 18 * 4) * 15);
      const source = extra.source ?? 'person';
      this.ctx.out.observations.push({
        id: this.id('observation'),
        tenantId: this.ctx.tenantId,
        createdAt: at,
        updatedAt: at,
        accountId: this.profile.accountId,
        kind,
        executiveSeat: extra.executiveSeat ?? null,
        tone: extra.tone ?? null,
        competitor: extra.competitor ?? null,
        detail: extra.detail ?? null,
        source,
        recordedBy: source === 'integration' ? 'CRM sync' : lead(day),
        observedAt: at,
      });
    };
    for (const o of this.pendingObservations) add(o.kind, o.day, { executiveSeat: o.seat ?? null, detail: o.detail });

    const signal = (kind: ObservationKind, day: number): void => {
      switch (kind) {
        case 'competitor_mentioned':
          this.stories.add('competitor_mentioned');
          return add(kind, day, { competitor: rng.pick(competitors), detail: 'Client mentioned a proposal from another firm' });
        case 'tone_shift':
          return add(kind, day, { tone: health === 'cooling' ? 'neutral' : rng.pick(['neutral', 'critical'] as const), detail: 'Emails have become short and formal' });
        case 'rfp_issued':
          return add(kind, day, { source: 'integration', detail: 'RFP for our service line published on the client procurement portal; we are the incumbent' });
        case 'exploring_options':
          return add(kind, day, { detail: 'Sponsor said they are "exploring options" for next year' });
        case 'second_opinion':
          return add(kind, day, { detail: 'Client is getting a second opinion on our recommendation' });
        case 'comparison_questions':
          return add(kind, day, { detail: 'Asked how our rates compare with the market' });
        case 'discount_request':
          return add(kind, day, { detail: 'Asked for a 10-15% discount at renewal' });
        case 'unbundling_request':
          return add(kind, day, { detail: 'Asked to unbundle the retainer into pay-as-you-go items' });
        case 'rate_pushback':
          return add(kind, day, { detail: 'Pushed back on the standard rate increase' });
        case 'refused_multi_month_commitment':
          return add(kind, day, { detail: 'Declined a 12-month commitment; wants month-to-month' });
        case 'no_strategic_input_requested':
          return add(kind, day, { detail: 'Planning cycle ran without asking for our input' });
        default:
          return add(kind, day, { detail: 'Noted in account review' });
      }
    };

    if (status === 'active' && health === 'at_risk') {
      signal('competitor_mentioned', this.asOf - rng.int(10, 120));
      const extra = rng.sample(['exploring_options', 'second_opinion', 'rfp_issued', 'comparison_questions', 'discount_request', 'rate_pushback', 'refused_multi_month_commitment', 'tone_shift', 'no_strategic_input_requested'] as const, rng.int(1, 3));
      for (const kind of extra) signal(kind, this.asOf - rng.int(5, 150));
    } else if (status === 'active' && health === 'cooling') {
      const extra = rng.sample(['tone_shift', 'rate_pushback', 'discount_request', 'no_strategic_input_requested', 'unbundling_request', 'comparison_questions'] as const, rng.int(0, 2));
      for (const kind of extra) signal(kind, this.asOf - rng.int(5, 90));
    } else if (status === 'active' && rng.chance(0.08)) {
      add('tone_shift', this.asOf - rng.int(10, 300), { tone: 'positive', detail: 'Sponsor praised the team in front of their board' });
    }
    if (this.churnDay !== null) {
      const before = (min: number, max: number) => this.churnDay! - rng.int(min, max);
      switch (churnReason) {
        case 'taken_for_granted':
          signal('no_strategic_input_requested', before(60, 200));
          add('tone_shift', before(40, 150), { tone: 'neutral', detail: 'Client said they hear from us only when invoices are due' });
          break;
        case 'inconsistent_service_or_team_changes':
          add('tone_shift', before(40, 120), { tone: 'critical', detail: 'Frustrated about another change of account lead' });
          break;
        case 'competitor_better_value':
          signal('competitor_mentioned', before(60, 180));
          signal(rng.pick(['comparison_questions', 'rfp_issued', 'second_opinion'] as const), before(20, 90));
          break;
        case 'budget_cuts_or_restructuring':
          signal('discount_request', before(60, 180));
          signal('refused_multi_month_commitment', before(20, 90));
          break;
        case 'key_contact_left':
          add('other', before(20, 60), { detail: 'Successor to our champion has not taken a meeting yet' });
          break;
        default:
          add('other', before(30, 120), { detail: 'Client announced it is being acquired' });
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // growth, planning

  private buildOpportunities(): void {
    const rng = this.rng;
    const { health, status } = this.profile;
    if (status === 'churned') return;
    const chance = health === 'healthy' ? 0.5 : health === 'cooling' ? 0.25 : 0.1;
    const open = rng.chance(chance) ? (this.tier >= 3 && rng.chance(0.5) ? 2 : 1) : 0;
    const closed = this.tier >= 2 && rng.chance(0.3) ? 1 : 0;
    const value = this.profile.targetAnnualValue;
    for (let i = 0; i < open + closed; i++) {
      const isClosed = i >= open;
      const kind = rng.weighted([['cross_sell', 45], ['upsell', 40], ['cross_organisation', 15]] as const);
      const otherIndustry = rng.pick(['consulting', 'legal', 'accounting', 'agency', 'technology'].filter((x) => x !== this.industry));
      const serviceLine = kind === 'cross_sell' ? rng.pick(SERVICE_LINES[otherIndustry]) : rng.pick(SERVICE_LINES[this.industry]);
      const title =
        kind === 'cross_sell'
          ? `Introduce ${serviceLine.toLowerCase()} services`
          : kind === 'upsell'
            ? `Expand ${serviceLine.toLowerCase()} scope`
            : `${rng.pick(['European', 'Asia-Pacific', 'Retail', 'Commercial', 'Consumer', 'Industrial'])} division: ${serviceLine.toLowerCase()}`;
      const identified = this.asOf - rng.int(isClosed ? 200 : 20, isClosed ? 500 : 200);
      const stage = isClosed ? rng.weighted([['won', 60], ['lost', 40]] as const) : rng.weighted([['identified', 35], ['qualified', 30], ['proposed', 20], ['negotiating', 15]] as const);
      const close = isClosed ? identified + rng.int(60, 180) : this.asOf + rng.int(30, 270);
      this.ctx.out.opportunities.push({
        id: this.id('opportunity'),
        ...this.accountBase(Math.max(identified, this.historyStart), isClosed ? Math.min(close, this.asOf - 1) : identified + rng.int(0, 15)),
        kind,
        title,
        serviceLine,
        expectedValue: roundMoney(value * rng.float(0.1, 0.5)),
        stage,
        expectedCloseDate: isoDay(Math.min(close, isClosed ? this.asOf - 1 : close)),
      });
    }
  }

  private buildAccountPlan(): void {
    const rng = this.rng;
    const { health, status } = this.profile;
    if (this.tier < 3 || status === 'churned') return;
    const lead = this.teamAt('account_lead', this.asOf - 1);
    const reviewed =
      health === 'healthy' ? this.asOf - rng.int(10, 150) : health === 'cooling' ? this.asOf - rng.int(150, 400) : rng.chance(0.3) ? null : this.asOf - rng.int(200, 500);
    const risks = rng.sample(PLAN_RISKS, rng.int(1, 3)).map((r) => ({ ...r }));
    if (lead && lead.departureDay !== null && lead.departureDay > this.asOf) {
      risks.unshift({
        risk: `Relationship owner ${lead.name} leaves the role on ${isoDay(lead.departureDay)}`,
        mitigation: 'Phase in the successor with joint meetings and an overlap period; tell the client early',
      });
    }
    const created = Math.max(this.historyStart, (reviewed ?? this.asOf - 400) - rng.int(30, 400));
    this.ctx.out.accountPlans.push({
      id: this.id('account_plan'),
      ...this.accountBase(created, reviewed ?? created),
      objectives: rng.sample(PLAN_OBJECTIVES, rng.int(3, 4)),
      relationshipStrategy:
        this.tier === 4
          ? 'Executive ownership with quarterly business reviews, an annual joint planning day and an innovation workstream; every function we serve has a named owner on both sides.'
          : 'Partner-level ownership with quarterly executive check-ins, an annual strategic session and at least three active stakeholder threads beyond the champion.',
      risks,
      ownerPersonId: lead?.id ?? null,
      reviewedOn: reviewed === null ? null : isoDay(reviewed),
    });
  }

  private buildWalletEstimates(): void {
    const rng = this.rng;
    if (this.profile.status === 'churned') return;
    if (this.tier === 1 && !rng.chance(0.3)) return;
    const share = this.tier === 1 ? rng.float(0.3, 0.8) : this.tier === 2 ? rng.float(0.2, 0.6) : rng.float(0.25, 0.65);
    const estimates = this.tier >= 3 ? 2 : 1;
    const lines = SERVICE_LINES[this.industry];
    for (let i = 0; i < estimates; i++) {
      const day = this.asOf - rng.int(30, 300) - i * 365;
      if (day < this.historyStart) continue;
      const spend = (this.valueAt(day) / share) * rng.float(0.95, 1.05);
      this.ctx.out.walletEstimates.push({
        id: this.id('wallet_estimate'),
        ...this.accountBase(day),
        annualSpend: roundMoney(spend),
        currency: 'USD',
        asOf: isoDay(day),
        serviceAreas: rng.sample(lines, rng.int(2, 4)),
        source: rng.pick(WALLET_SOURCES),
      });
    }
  }

  private buildTasks(): void {
    const rng = this.rng;
    if (this.profile.status === 'churned' || this.tier < 3 || !rng.chance(0.12)) return;
    const lead = this.teamAt('account_lead', this.asOf - 1);
    const created = this.asOf - rng.int(1, 20);
    const title = rng.pick(['Prepare the quarterly business review pack', 'Schedule the annual strategic planning session', 'Update the stakeholder map after the reorganisation', 'Send the value recap ahead of renewal']);
    this.ctx.out.tasks.push({
      id: this.id('task'),
      ...this.base(created),
      accountId: this.profile.accountId,
      title,
      description: null,
      ownerPersonId: lead?.id ?? null,
      ownerRole: 'account_lead',
      dueOn: isoDay(this.asOf + rng.int(3, 21)),
      status: rng.weighted([['open', 70], ['in_progress', 30]] as const),
      source: 'manual',
      sourceRef: null,
      completedAt: null,
    });
  }
}
