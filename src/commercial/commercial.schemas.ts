import { z } from 'zod';
import { CONTRACT_KINDS, ENGAGEMENT_STATUSES, OPPORTUNITY_KINDS, OPPORTUNITY_STAGES, RENEWAL_STATUSES } from '../domain/vocabulary.js';
import { currency, isoDate, money, shortText, uuid } from '../api/zod-fields.js';

export const contractCreateSchema = z.strictObject({
  accountId: uuid(),
  externalRef: shortText(120).nullish(),
  kind: z.enum(CONTRACT_KINDS),
  title: shortText(),
  value: money(),
  annualValue: money(),
  currency: currency().default('USD'),
  startDate: isoDate(),
  endDate: isoDate().nullish(),
  noticePeriodDays: z.number().int().min(0).max(3650).default(0),
  autoRenew: z.boolean().default(false),
  renewalStatus: z.enum(RENEWAL_STATUSES).default('not_started'),
});

export const engagementCreateSchema = z.strictObject({
  accountId: uuid(),
  contractId: uuid().nullish(),
  name: shortText(),
  serviceLine: shortText(120),
  budget: money(),
  actualCost: money().default(0),
  startDate: isoDate(),
  plannedEndDate: isoDate(),
  actualEndDate: isoDate().nullish(),
  status: z.enum(ENGAGEMENT_STATUSES).default('active'),
});

export const invoiceCreateSchema = z.strictObject({
  accountId: uuid(),
  contractId: uuid().nullish(),
  number: shortText(60).nullish(),
  amount: money(),
  currency: currency().default('USD'),
  issuedOn: isoDate(),
  dueOn: isoDate(),
  paidOn: isoDate().nullish(),
});

export const opportunityCreateSchema = z.strictObject({
  accountId: uuid(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: shortText(),
  serviceLine: shortText(120).nullish(),
  expectedValue: money(),
  stage: z.enum(OPPORTUNITY_STAGES).default('identified'),
  expectedCloseDate: isoDate().nullish(),
});

export const walletEstimateCreateSchema = z.strictObject({
  accountId: uuid(),
  annualSpend: money(),
  currency: currency().default('USD'),
  asOf: isoDate(),
  serviceAreas: z.array(shortText(120)).max(50).nullish(),
  source: shortText().nullish(),
});
