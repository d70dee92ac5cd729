import { Account } from '../accounts/account.entity.js';
import { accountCreateSchema, requireChurnDetails } from '../accounts/account.schema.js';
import { contractCreateSchema, engagementCreateSchema, invoiceCreateSchema, opportunityCreateSchema, walletEstimateCreateSchema } from '../commercial/commercial.schemas.js';
import { Contract } from '../commercial/contract.entity.js';
import { Engagement } from '../commercial/engagement.entity.js';
import { Invoice } from '../commercial/invoice.entity.js';
import { Opportunity } from '../commercial/opportunity.entity.js';
import { WalletEstimate } from '../commercial/wallet-estimate.entity.js';
import { observationCreateSchema, serviceIssueCreateSchema, surveyResponseCreateSchema, surveyResponseUpdateSchema, touchpointCreateSchema } from '../interactions/interaction.schemas.js';
import { Observation } from '../interactions/observation.entity.js';
import { ServiceIssue } from '../interactions/service-issue.entity.js';
import { SurveyResponse } from '../interactions/survey-response.entity.js';
import { Touchpoint } from '../interactions/touchpoint.entity.js';
import { AccountPlan } from '../planning/account-plan.entity.js';
import { accountPlanCreateSchema } from '../planning/account-plan.schema.js';
import { Person } from '../relationships/person.entity.js';
import { personCreateSchema, stakeholderCreateSchema, teamAssignmentCreateSchema } from '../relationships/relationship.schemas.js';
import { Stakeholder } from '../relationships/stakeholder.entity.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { Task } from '../tasks/task.entity.js';
import { taskCreateSchema } from '../tasks/task.schema.js';
import { patchSchemaOf } from './patch-schema.js';
import type { ReferenceCheck, ResourceDefinition } from './resource-definition.js';

const account: ReferenceCheck = { field: 'accountId', entity: Account, label: 'account' };
const stakeholder: ReferenceCheck = { field: 'stakeholderId', entity: Stakeholder, label: 'stakeholder' };
const person = (field: string): ReferenceCheck => ({ field, entity: Person, label: 'person' });
const contract: ReferenceCheck = { field: 'contractId', entity: Contract, label: 'contract' };

/** Account-owned history: same shape of definition, differing only in names, schema and order. */
function history(
  path: string,
  singular: string,
  entity: ResourceDefinition['entity'],
  create: Parameters<typeof patchSchemaOf>[0],
  orderField: string,
  extra: { references?: ReferenceCheck[]; filters?: string[] } = {},
): ResourceDefinition {
  return {
    path,
    singular,
    entity,
    create,
    update: patchSchemaOf(create, ['accountId']),
    references: [account, ...(extra.references ?? [])],
    filters: ['accountId', ...(extra.filters ?? [])],
    orderBy: { [orderField]: 'desc' },
    accountScoped: true,
  };
}

export const accountResource: ResourceDefinition = {
  path: 'accounts',
  singular: 'account',
  entity: Account,
  create: accountCreateSchema.superRefine(requireChurnDetails),
  update: patchSchemaOf(accountCreateSchema),
  references: [],
  filters: ['industry', 'status', 'segment', 'region', 'externalRef'],
  orderBy: { name: 'asc' },
  accountScoped: false,
};

export const personResource: ResourceDefinition = {
  path: 'people',
  singular: 'person',
  entity: Person,
  create: personCreateSchema,
  update: patchSchemaOf(personCreateSchema),
  references: [],
  filters: ['title', 'email', 'practiceArea'],
  orderBy: { name: 'asc' },
  accountScoped: false,
};

export const taskResource: ResourceDefinition = {
  path: 'tasks',
  singular: 'task',
  entity: Task,
  create: taskCreateSchema,
  update: patchSchemaOf(taskCreateSchema, ['accountId', 'source', 'sourceRef']),
  references: [{ ...account }, person('ownerPersonId')],
  filters: ['accountId', 'status', 'ownerRole', 'ownerPersonId', 'source'],
  orderBy: { dueOn: 'asc' },
  accountScoped: true,
};

/** Every CRUD resource of the ingestion API, in the order the docs list them. */
export const RESOURCES: ResourceDefinition[] = [
  accountResource,
  history('stakeholders', 'stakeholder', Stakeholder, stakeholderCreateSchema, 'name', { filters: ['role', 'seniority', 'strength'] }),
  personResource,
  history('team-assignments', 'team assignment', TeamAssignment, teamAssignmentCreateSchema, 'fromDate', { references: [person('personId')], filters: ['personId', 'role'] }),
  history('contracts', 'contract', Contract, contractCreateSchema, 'startDate', { filters: ['kind', 'renewalStatus', 'externalRef'] }),
  history('engagements', 'engagement', Engagement, engagementCreateSchema, 'startDate', { references: [contract], filters: ['status', 'serviceLine', 'contractId'] }),
  history('invoices', 'invoice', Invoice, invoiceCreateSchema, 'issuedOn', { references: [contract], filters: ['contractId'] }),
  history('touchpoints', 'touchpoint', Touchpoint, touchpointCreateSchema, 'occurredAt', { references: [stakeholder, person('personId')], filters: ['kind', 'outcome', 'channel'] }),
  {
    ...history('survey-responses', 'survey response', SurveyResponse, surveyResponseUpdateSchema, 'respondedAt', { references: [stakeholder], filters: ['kind'] }),
    create: surveyResponseCreateSchema,
    update: surveyResponseUpdateSchema.refine((v) => Object.keys(v).length > 0, { message: 'expected at least one field to change' }),
  },
  history('service-issues', 'service issue', ServiceIssue, serviceIssueCreateSchema, 'openedAt', { filters: ['severity', 'isComplaint'] }),
  history('observations', 'observation', Observation, observationCreateSchema, 'observedAt', { filters: ['kind', 'source'] }),
  history('opportunities', 'opportunity', Opportunity, opportunityCreateSchema, 'expectedValue', { filters: ['kind', 'stage'] }),
  history('account-plans', 'account plan', AccountPlan, accountPlanCreateSchema, 'updatedAt', { references: [person('ownerPersonId')] }),
  history('wallet-estimates', 'wallet estimate', WalletEstimate, walletEstimateCreateSchema, 'asOf'),
  taskResource,
];

export function resourceByPath(path: string): ResourceDefinition | undefined {
  return RESOURCES.find((r) => r.path === path);
}
