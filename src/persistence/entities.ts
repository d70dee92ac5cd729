import { Account } from '../accounts/account.entity.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Contract } from '../commercial/contract.entity.js';
import { Engagement } from '../commercial/engagement.entity.js';
import { Invoice } from '../commercial/invoice.entity.js';
import { Opportunity } from '../commercial/opportunity.entity.js';
import { WalletEstimate } from '../commercial/wallet-estimate.entity.js';
import { IngestedEvent } from '../ingestion/ingested-event.entity.js';
import { EventFieldVersion } from '../ingestion/event-field-version.entity.js';
import { Observation } from '../interactions/observation.entity.js';
import { ServiceIssue } from '../interactions/service-issue.entity.js';
import { SurveyResponse } from '../interactions/survey-response.entity.js';
import { Touchpoint } from '../interactions/touchpoint.entity.js';
import { AccountPlan } from '../planning/account-plan.entity.js';
import { Person } from '../relationships/person.entity.js';
import { Stakeholder } from '../relationships/stakeholder.entity.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { Task } from '../tasks/task.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { ActiveRuleSet } from '../rules/registry/active-rule-set.entity.js';
import { RuleAuditEntry } from '../rules/registry/rule-audit-entry.entity.js';
import { RuleSetVersion } from '../rules/registry/rule-set-version.entity.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import { HealthSnapshot } from '../scoring/health-snapshot.entity.js';
import { EscalationRecord } from '../escalations/escalation-record.entity.js';
import { PlayCommand } from '../escalations/play-command.entity.js';
import { PlayInstance } from '../plays/play-instance.entity.js';
import { AcquisitionCost } from '../metrics/acquisition-costs/acquisition-cost.entity.js';

/** Every entity the ORM knows; the migrations are generated from exactly this list. */
export const ENTITIES = [
  Tenant,
  Account,
  Stakeholder,
  Person,
  TeamAssignment,
  Contract,
  Engagement,
  Invoice,
  Opportunity,
  WalletEstimate,
  Touchpoint,
  SurveyResponse,
  ServiceIssue,
  Observation,
  AccountPlan,
  Task,
  IngestedEvent,
  EventFieldVersion,
  RuleSetVersion,
  ActiveRuleSet,
  RuleAuditEntry,
  HealthSnapshot,
  AccountHealth,
  EscalationRecord,
  PlayCommand,
  PlayInstance,
  AcquisitionCost,
  User,
  ApiKey,
  AuditEntry,
];
