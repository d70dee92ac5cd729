import type { DEPARTURE_KINDS, PERSON_TITLES } from '../../domain/vocabulary.js';
import { dayAt, isoDay, type Rng } from './random.js';
import type { PersonRow } from './rows.js';
import { emailLocal, PersonNamer } from './word-lists.js';

export const DEMO_INDUSTRIES = ['consulting', 'legal', 'accounting', 'agency', 'technology'] as const;
export type DemoIndustry = (typeof DEMO_INDUSTRIES)[number];
type Title = (typeof PERSON_TITLES)[number];
type DepartureKind = (typeof DEPARTURE_KINDS)[number];

export const FIRM_EMAIL_DOMAIN = 'democonsulting.example';

/** Named roles in the roster that the generator's stories refer to. */
export type RosterTag =
  | 'program_owner'
  | 'managing_partner'
  | 'retiring_legal_partner'
  | 'legal_successor'
  | 'retiring_tax_partner'
  | 'leaving_agency_manager'
  | 'former_agency_manager'
  | 'promoted_technology_director';

interface PlanEntry {
  industry: DemoIndustry | 'firm';
  practice: string;
  title: Title;
  tag?: RosterTag;
  /** Days from asOf of a recorded future (or past) change of role. */
  departure?: { kind: DepartureKind; days: (rng: Rng) => number };
}

/**
 * The firm: a multi-practice professional-services group whose practices mirror the five
 * industries (an account's industry says which practice serves it). About 36 people for a
 * 200-account portfolio; the untagged entries are repeated for larger portfolios so that
 * each lead keeps a plausible book of accounts.
 */
const ROSTER_PLAN: PlanEntry[] = [
  { industry: 'firm', practice: 'Client Success', title: 'principal', tag: 'program_owner' },
  { industry: 'firm', practice: 'Client Success', title: 'manager' },

  { industry: 'consulting', practice: 'Strategy Consulting', title: 'partner', tag: 'managing_partner' },
  { industry: 'consulting', practice: 'Operations Consulting', title: 'partner' },
  { industry: 'consulting', practice: 'Strategy Consulting', title: 'principal' },
  { industry: 'consulting', practice: 'Operations Consulting', title: 'director' },
  { industry: 'consulting', practice: 'Strategy Consulting', title: 'director' },
  { industry: 'consulting', practice: 'Strategy Consulting', title: 'manager' },
  { industry: 'consulting', practice: 'Operations Consulting', title: 'manager' },
  { industry: 'consulting', practice: 'Transformation', title: 'manager' },
  { industry: 'consulting', practice: 'Operations Consulting', title: 'senior' },

  // Relationship partner retiring in about three years: the multi-year legal succession case.
  {
    industry: 'legal',
    practice: 'Corporate Law',
    title: 'partner',
    tag: 'retiring_legal_partner',
    departure: { kind: 'retirement', days: (rng) => rng.int(1000, 1120) },
  },
  { industry: 'legal', practice: 'Corporate Law', title: 'partner', tag: 'legal_successor' },
  { industry: 'legal', practice: 'Litigation', title: 'partner' },
  { industry: 'legal', practice: 'Employment Law', title: 'principal' },
  { industry: 'legal', practice: 'Litigation', title: 'senior' },
  { industry: 'legal', practice: 'Corporate Law', title: 'senior' },
  { industry: 'legal', practice: 'Employment Law', title: 'associate' },

  { industry: 'accounting', practice: 'Audit & Assurance', title: 'partner' },
  {
    industry: 'accounting',
    practice: 'Tax',
    title: 'partner',
    tag: 'retiring_tax_partner',
    departure: { kind: 'retirement', days: (rng) => rng.int(400, 560) },
  },
  { industry: 'accounting', practice: 'Advisory', title: 'director' },
  { industry: 'accounting', practice: 'Audit & Assurance', title: 'manager' },
  { industry: 'accounting', practice: 'Tax', title: 'manager' },
  { industry: 'accounting', practice: 'Tax', title: 'senior' },

  { industry: 'agency', practice: 'Creative & Brand', title: 'partner' },
  { industry: 'agency', practice: 'Digital Marketing', title: 'director' },
  { industry: 'agency', practice: 'Client Services', title: 'director' },
  {
    industry: 'agency',
    practice: 'Client Services',
    title: 'manager',
    tag: 'leaving_agency_manager',
    departure: { kind: 'departure', days: (rng) => rng.int(35, 55) },
  },
  { industry: 'agency', practice: 'Digital Marketing', title: 'manager' },
  {
    industry: 'agency',
    practice: 'Client Services',
    title: 'manager',
    tag: 'former_agency_manager',
    departure: { kind: 'departure', days: (rng) => -rng.int(200, 260) },
  },

  { industry: 'technology', practice: 'Implementation', title: 'partner' },
  {
    industry: 'technology',
    practice: 'Managed Services',
    title: 'director',
    tag: 'promoted_technology_director',
    departure: { kind: 'promotion', days: (rng) => rng.int(100, 140) },
  },
  { industry: 'technology', practice: 'Implementation', title: 'director' },
  { industry: 'technology', practice: 'Cloud & Data', title: 'manager' },
  { industry: 'technology', practice: 'Managed Services', title: 'manager' },
  { industry: 'technology', practice: 'Implementation', title: 'senior' },
];

export interface RosterMember {
  id: string;
  name: string;
  industry: DemoIndustry | 'firm';
  practice: string;
  title: Title;
  tag: RosterTag | null;
  /** Day of the recorded change (past or future), null when none is recorded. */
  departureDay: number | null;
  /** Accounts assigned so far (load balancing). */
  load: number;
}

export interface Roster {
  members: RosterMember[];
  rows: PersonRow[];
  byTag(tag: RosterTag): RosterMember | undefined;
}

export function buildRoster(
  rng: Rng,
  tenantId: string,
  ids: (kind: string, ...key: (string | number)[]) => string,
  asOfDay: number,
  accounts: number,
): Roster {
  const namer = new PersonNamer();
  const copies = Math.max(1, Math.round(accounts / 200));
  const members: RosterMember[] = [];
  const rows: PersonRow[] = [];
  const createdAt = dayAt(asOfDay - 1100);
  let n = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const entry of ROSTER_PLAN) {
      if (copy > 0 && entry.tag) continue;
      const { full } = namer.next(rng);
      const departureDay = entry.departure ? asOfDay + entry.departure.days(rng) : null;
      const member: RosterMember = {
        id: ids('person', n),
        name: full,
        industry: entry.industry,
        practice: entry.practice,
        title: entry.title,
        tag: entry.tag ?? null,
        departureDay,
        load: 0,
      };
      members.push(member);
      rows.push({
        id: member.id,
        tenantId,
        createdAt,
        updatedAt: createdAt,
        name: full,
        email: `${emailLocal(full)}@${FIRM_EMAIL_DOMAIN}`,
        title: entry.title,
        practiceArea: entry.practice,
        departureKind: entry.departure?.kind ?? null,
        departureDate: departureDay === null ? null : isoDay(departureDay),
      });
      n++;
    }
  }
  return {
    members,
    rows,
    byTag: (tag) => members.find((m) => m.tag === tag),
  };
}
