import type {
  ACCOUNT_STATUSES,
  CHURN_REASONS,
  CONTRACT_KINDS,
  DEPARTURE_KINDS,
  ENGAGEMENT_STATUSES,
  EXECUTIVE_SEATS,
  INDUSTRIES,
  ISSUE_SEVERITIES,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STAGES,
  PERSON_TITLES,
  RELATIONSHIP_STRENGTHS,
  RENEWAL_STATUSES,
  SENIORITIES,
  STAKEHOLDER_ROLES,
  SURVEY_KINDS,
  TASK_OWNER_ROLES,
  TASK_SOURCES,
  TASK_STATUSES,
  TEAM_ROLES,
  TONES,
  TOUCHPOINT_CHANNELS,
  TOUCHPOINT_DIRECTIONS,
  TOUCHPOINT_KINDS,
  TOUCHPOINT_OUTCOMES,
} from '../../domain/vocabulary.js';
import type { PlanRisk } from '../../planning/account-plan.entity.js';

/**
 * Plain rows of the demo portfolio, one interface per entity with exactly the entity's property
 * names. `date` properties are 'YYYY-MM-DD' strings, `datetime` properties are Date objects
 * (what MikroORM hands back for them). The seeder passes these to `em.insertMany`, so a required
 * entity property that is renamed or retyped fails the type-check there; the demo-portfolio test
 * also compares each row's keys with the entity metadata.
 */

type Of<T extends readonly unknown[]> = T[number];

interface BaseRow {
  id: string;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
}

interface AccountOwnedRow extends BaseRow {
  accountId: string;
}

export interface AccountRow extends BaseRow {
  externalRef: string | null;
  name: string;
  industry: Of<typeof INDUSTRIES>;
  segment: string | null;
  region: string | null;
  status: Of<typeof ACCOUNT_STATUSES>;
  clientSince: string;
  churnedAt: string | null;
  churnReason: Of<typeof CHURN_REASONS> | null;
  churnNotes: string | null;
  attributes: Record<string, unknown> | null;
}

export interface StakeholderRow extends AccountOwnedRow {
  name: string;
  title: string | null;
  email: string | null;
  role: Of<typeof STAKEHOLDER_ROLES>;
  seniority: Of<typeof SENIORITIES>;
  strength: Of<typeof RELATIONSHIP_STRENGTHS>;
  metInPerson: boolean;
  reachesOutProactively: boolean;
  isFirmAlumnus: boolean;
  departedAt: string | null;
}

export interface PersonRow extends BaseRow {
  name: string;
  email: string;
  title: Of<typeof PERSON_TITLES>;
  practiceArea: string | null;
  departureKind: Of<typeof DEPARTURE_KINDS> | null;
  departureDate: string | null;
}

export interface TeamAssignmentRow extends AccountOwnedRow {
  personId: string;
  role: Of<typeof TEAM_ROLES>;
  fromDate: string;
  toDate: string | null;
}

export interface ContractRow extends AccountOwnedRow {
  externalRef: string | null;
  kind: Of<typeof CONTRACT_KINDS>;
  title: string;
  value: number;
  annualValue: number;
  currency: string;
  startDate: string;
  endDate: string | null;
  noticePeriodDays: number;
  autoRenew: boolean;
  renewalStatus: Of<typeof RENEWAL_STATUSES>;
}

export interface EngagementRow extends AccountOwnedRow {
  contractId: string | null;
  name: string;
  serviceLine: string;
  budget: number;
  actualCost: number;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  status: Of<typeof ENGAGEMENT_STATUSES>;
}

export interface InvoiceRow extends AccountOwnedRow {
  contractId: string | null;
  number: string | null;
  amount: number;
  currency: string;
  issuedOn: string;
  dueOn: string;
  paidOn: string | null;
}

export interface TouchpointRow extends AccountOwnedRow {
  stakeholderId: string | null;
  personId: string | null;
  kind: Of<typeof TOUCHPOINT_KINDS>;
  channel: Of<typeof TOUCHPOINT_CHANNELS>;
  direction: Of<typeof TOUCHPOINT_DIRECTIONS>;
  outcome: Of<typeof TOUCHPOINT_OUTCOMES>;
  occurredAt: Date;
  responseTimeHours: number | null;
  summary: string | null;
}

export interface SurveyResponseRow extends AccountOwnedRow {
  stakeholderId: string | null;
  kind: Of<typeof SURVEY_KINDS>;
  score: number;
  respondedAt: Date;
  comment: string | null;
}

export interface ServiceIssueRow extends AccountOwnedRow {
  title: string;
  severity: Of<typeof ISSUE_SEVERITIES>;
  isComplaint: boolean;
  category: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

export interface ObservationRow extends AccountOwnedRow {
  kind: Of<typeof OBSERVATION_KINDS>;
  executiveSeat: Of<typeof EXECUTIVE_SEATS> | null;
  tone: Of<typeof TONES> | null;
  competitor: string | null;
  detail: string | null;
  source: Of<typeof OBSERVATION_SOURCES>;
  recordedBy: string | null;
  observedAt: Date;
}

export interface OpportunityRow extends AccountOwnedRow {
  kind: Of<typeof OPPORTUNITY_KINDS>;
  title: string;
  serviceLine: string | null;
  expectedValue: number;
  stage: Of<typeof OPPORTUNITY_STAGES>;
  expectedCloseDate: string | null;
}

export interface AccountPlanRow extends AccountOwnedRow {
  objectives: string[];
  relationshipStrategy: string;
  risks: PlanRisk[];
  ownerPersonId: string | null;
  reviewedOn: string | null;
}

export interface WalletEstimateRow extends AccountOwnedRow {
  annualSpend: number;
  currency: string;
  asOf: string;
  serviceAreas: string[] | null;
  source: string | null;
}

export interface TaskRow extends BaseRow {
  accountId: string | null;
  title: string;
  description: string | null;
  ownerPersonId: string | null;
  ownerRole: Of<typeof TASK_OWNER_ROLES>;
  dueOn: string | null;
  status: Of<typeof TASK_STATUSES>;
  source: Of<typeof TASK_SOURCES>;
  sourceRef: string | null;
  completedAt: Date | null;
}

/** The generated rows, one array per entity, in a foreign-key-friendly insertion order. */
export interface DemoPortfolio {
  people: PersonRow[];
  accounts: AccountRow[];
  stakeholders: StakeholderRow[];
  teamAssignments: TeamAssignmentRow[];
  contracts: ContractRow[];
  engagements: EngagementRow[];
  invoices: InvoiceRow[];
  touchpoints: TouchpointRow[];
  surveyResponses: SurveyResponseRow[];
  serviceIssues: ServiceIssueRow[];
  observations: ObservationRow[];
  opportunities: OpportunityRow[];
  accountPlans: AccountPlanRow[];
  walletEstimates: WalletEstimateRow[];
  tasks: TaskRow[];
}

export type DemoEntityKey = keyof DemoPortfolio;

export const DEMO_ENTITY_KEYS: readonly DemoEntityKey[] = [
  'people',
  'accounts',
  'stakeholders',
  'teamAssignments',
  'contracts',
  'engagements',
  'invoices',
  'touchpoints',
  'surveyResponses',
  'serviceIssues',
  'observations',
  'opportunities',
  'accountPlans',
  'walletEstimates',
  'tasks',
];

export type DemoCounts = Record<DemoEntityKey, number>;

export function countRows(portfolio: DemoPortfolio): DemoCounts {
  return Object.fromEntries(DEMO_ENTITY_KEYS.map((key) => [key, portfolio[key].length])) as DemoCounts;
}
