import { Migration } from '@mikro-orm/migrations';

export class Migration20261122130928 extends Migration {

  override name = 'Migration20261122130928';

  override up(): void | Promise<void> {
    this.addSql(`create table "accounts" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "external_ref" varchar(120) null, "name" varchar(200) not null, "industry" text not null, "segment" varchar(80) null, "region" varchar(80) null, "status" text not null default 'active', "client_since" date not null, "churned_at" date null, "churn_reason" text null, "churn_notes" text null, "attributes" jsonb null, primary key ("id"));`);
    this.addSql(`create index "accounts_tenant_id_index" on "accounts" ("tenant_id");`);
    this.addSql(`alter table "accounts" add constraint "accounts_tenant_id_external_ref_unique" unique ("tenant_id", "external_ref");`);

    this.addSql(`create table "account_plans" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "objectives" jsonb not null, "relationship_strategy" text not null, "risks" jsonb not null, "owner_person_id" uuid null, "reviewed_on" date null, primary key ("id"));`);
    this.addSql(`create index "account_plans_tenant_id_index" on "account_plans" ("tenant_id");`);
    this.addSql(`create index "account_plans_account_id_index" on "account_plans" ("account_id");`);
    this.addSql(`alter table "account_plans" add constraint "account_plans_tenant_id_account_id_unique" unique ("tenant_id", "account_id");`);

    this.addSql(`create table "contracts" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "external_ref" varchar(120) null, "kind" text not null, "title" varchar(200) not null, "value" numeric(14,2) not null, "annual_value" numeric(14,2) not null, "currency" varchar(3) not null default 'USD', "start_date" date not null, "end_date" date null, "notice_period_days" int not null default 0, "auto_renew" boolean not null default false, "renewal_status" text not null default 'not_started', primary key ("id"));`);
    this.addSql(`create index "contracts_tenant_id_index" on "contracts" ("tenant_id");`);
    this.addSql(`create index "contracts_account_id_index" on "contracts" ("account_id");`);
    this.addSql(`alter table "contracts" add constraint "contracts_tenant_id_external_ref_unique" unique ("tenant_id", "external_ref");`);

    this.addSql(`create table "engagements" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "contract_id" uuid null, "name" varchar(200) not null, "service_line" varchar(120) not null, "budget" numeric(14,2) not null, "actual_cost" numeric(14,2) not null default 0, "start_date" date not null, "planned_end_date" date not null, "actual_end_date" date null, "status" text not null default 'active', primary key ("id"));`);
    this.addSql(`create index "engagements_tenant_id_index" on "engagements" ("tenant_id");`);
    this.addSql(`create index "engagements_account_id_index" on "engagements" ("account_id");`);
    this.addSql(`create index "engagements_contract_id_index" on "engagements" ("contract_id");`);

    this.addSql(`create table "ingested_events" ("tenant_id" varchar(64) not null, "event_id" varchar(200) not null, "type" varchar(80) not null, "payload_hash" varchar(64) not null, "account_id" uuid null, "entity_id" varchar(64) null, "received_at" timestamptz not null, primary key ("tenant_id", "event_id"));`);

    this.addSql(`create table "invoices" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "contract_id" uuid null, "number" varchar(60) null, "amount" numeric(14,2) not null, "currency" varchar(3) not null default 'USD', "issued_on" date not null, "due_on" date not null, "paid_on" date null, primary key ("id"));`);
    this.addSql(`create index "invoices_tenant_id_index" on "invoices" ("tenant_id");`);
    this.addSql(`create index "invoices_account_id_index" on "invoices" ("account_id");`);
    this.addSql(`create index "invoices_tenant_id_account_id_issued_on_index" on "invoices" ("tenant_id", "account_id", "issued_on");`);

    this.addSql(`create table "observations" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "kind" text not null, "executive_seat" text null, "tone" text null, "competitor" varchar(200) null, "detail" text null, "source" text not null default 'person', "recorded_by" varchar(200) null, "observed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "observations_tenant_id_index" on "observations" ("tenant_id");`);
    this.addSql(`create index "observations_account_id_index" on "observations" ("account_id");`);
    this.addSql(`create index "observations_tenant_id_account_id_observed_at_index" on "observations" ("tenant_id", "account_id", "observed_at");`);

    this.addSql(`create table "opportunities" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "kind" text not null, "title" varchar(200) not null, "service_line" varchar(120) null, "expected_value" numeric(14,2) not null, "stage" text not null default 'identified', "expected_close_date" date null, primary key ("id"));`);
    this.addSql(`create index "opportunities_tenant_id_index" on "opportunities" ("tenant_id");`);
    this.addSql(`create index "opportunities_account_id_index" on "opportunities" ("account_id");`);

    this.addSql(`create table "people" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "email" varchar(254) not null, "title" text not null, "practice_area" varchar(120) null, "departure_kind" text null, "departure_date" date null, primary key ("id"));`);
    this.addSql(`create index "people_tenant_id_index" on "people" ("tenant_id");`);
    this.addSql(`alter table "people" add constraint "people_tenant_id_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`create table "service_issues" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "title" varchar(200) not null, "severity" text not null, "is_complaint" boolean not null default false, "category" varchar(80) null, "opened_at" timestamptz not null, "resolved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "service_issues_tenant_id_index" on "service_issues" ("tenant_id");`);
    this.addSql(`create index "service_issues_account_id_index" on "service_issues" ("account_id");`);

    this.addSql(`create table "stakeholders" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "name" varchar(200) not null, "title" varchar(200) null, "email" varchar(254) null, "role" text not null, "seniority" text not null, "strength" text not null, "met_in_person" boolean not null default false, "reaches_out_proactively" boolean not null default false, "is_firm_alumnus" boolean not null default false, "departed_at" date null, primary key ("id"));`);
    this.addSql(`create index "stakeholders_tenant_id_index" on "stakeholders" ("tenant_id");`);
    this.addSql(`create index "stakeholders_account_id_index" on "stakeholders" ("account_id");`);

    this.addSql(`create table "survey_responses" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "stakeholder_id" uuid null, "kind" text not null, "score" int not null, "responded_at" timestamptz not null, "comment" text null, primary key ("id"));`);
    this.addSql(`create index "survey_responses_tenant_id_index" on "survey_responses" ("tenant_id");`);
    this.addSql(`create index "survey_responses_account_id_index" on "survey_responses" ("account_id");`);
    this.addSql(`create index "survey_responses_tenant_id_account_id_responded_at_index" on "survey_responses" ("tenant_id", "account_id", "responded_at");`);

    this.addSql(`create table "tasks" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid null, "title" varchar(300) not null, "description" text null, "owner_person_id" uuid null, "owner_role" text not null, "due_on" date null, "status" text not null default 'open', "source" text not null default 'manual', "source_ref" varchar(300) null, "completed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "tasks_tenant_id_index" on "tasks" ("tenant_id");`);
    this.addSql(`create index "tasks_tenant_id_status_due_on_index" on "tasks" ("tenant_id", "status", "due_on");`);
    this.addSql(`create index "tasks_tenant_id_account_id_index" on "tasks" ("tenant_id", "account_id");`);
    this.addSql(`alter table "tasks" add constraint "tasks_tenant_id_source_ref_unique" unique ("tenant_id", "source_ref");`);

    this.addSql(`create table "team_assignments" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "person_id" uuid not null, "role" text not null, "from_date" date not null, "to_date" date null, primary key ("id"));`);
    this.addSql(`create index "team_assignments_tenant_id_index" on "team_assignments" ("tenant_id");`);
    this.addSql(`create index "team_assignments_account_id_index" on "team_assignments" ("account_id");`);
    this.addSql(`create index "team_assignments_person_id_index" on "team_assignments" ("person_id");`);

    this.addSql(`create table "tenants" ("id" varchar(64) not null, "name" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "touchpoints" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "stakeholder_id" uuid null, "person_id" uuid null, "kind" text not null, "channel" text not null, "direction" text not null, "outcome" text not null default 'held', "occurred_at" timestamptz not null, "response_time_hours" double precision null, "summary" text null, primary key ("id"));`);
    this.addSql(`create index "touchpoints_tenant_id_index" on "touchpoints" ("tenant_id");`);
    this.addSql(`create index "touchpoints_account_id_index" on "touchpoints" ("account_id");`);
    this.addSql(`create index "touchpoints_tenant_id_account_id_occurred_at_index" on "touchpoints" ("tenant_id", "account_id", "occurred_at");`);

    this.addSql(`create table "wallet_estimates" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "annual_spend" numeric(14,2) not null, "currency" varchar(3) not null default 'USD', "as_of" date not null, "service_areas" jsonb null, "source" varchar(200) null, primary key ("id"));`);
    this.addSql(`create index "wallet_estimates_tenant_id_index" on "wallet_estimates" ("tenant_id");`);
    this.addSql(`create index "wallet_estimates_account_id_index" on "wallet_estimates" ("account_id");`);

    this.addSql(`alter table "accounts" add constraint "accounts_industry_check" check ("industry" in ('consulting', 'legal', 'accounting', 'agency', 'technology', 'other'));`);
    this.addSql(`alter table "accounts" add constraint "accounts_status_check" check ("status" in ('active', 'churned', 'won_back'));`);
    this.addSql(`alter table "accounts" add constraint "accounts_churn_reason_check" check ("churn_reason" in ('taken_for_granted', 'inconsistent_service_or_team_changes', 'competitor_better_value', 'budget_cuts_or_restructuring', 'key_contact_left', 'other'));`);

    this.addSql(`alter table "contracts" add constraint "contracts_kind_check" check ("kind" in ('retainer', 'project', 'matter', 'engagement_letter'));`);
    this.addSql(`alter table "contracts" add constraint "contracts_renewal_status_check" check ("renewal_status" in ('not_started', 'in_progress', 'renewed', 'expanded', 'shrunk', 'lost'));`);

    this.addSql(`alter table "engagements" add constraint "engagements_status_check" check ("status" in ('planned', 'active', 'on_hold', 'completed', 'cancelled'));`);

    this.addSql(`alter table "observations" add constraint "observations_kind_check" check ("kind" in ('competitor_mentioned', 'new_executive', 'exploring_options', 'second_opinion', 'rfp_issued', 'comparison_questions', 'discount_request', 'unbundling_request', 'rate_pushback', 'refused_multi_month_commitment', 'tone_shift', 'no_strategic_input_requested', 'other'));`);
    this.addSql(`alter table "observations" add constraint "observations_executive_seat_check" check ("executive_seat" in ('sponsor', 'procurement', 'other'));`);
    this.addSql(`alter table "observations" add constraint "observations_tone_check" check ("tone" in ('positive', 'neutral', 'critical'));`);
    this.addSql(`alter table "observations" add constraint "observations_source_check" check ("source" in ('person', 'integration'));`);

    this.addSql(`alter table "opportunities" add constraint "opportunities_kind_check" check ("kind" in ('cross_sell', 'upsell', 'cross_organisation'));`);
    this.addSql(`alter table "opportunities" add constraint "opportunities_stage_check" check ("stage" in ('identified', 'qualified', 'proposed', 'negotiating', 'won', 'lost'));`);

    this.addSql(`alter table "people" add constraint "people_title_check" check ("title" in ('partner', 'principal', 'director', 'manager', 'senior', 'associate', 'staff'));`);
    this.addSql(`alter table "people" add constraint "people_departure_kind_check" check ("departure_kind" in ('retirement', 'promotion', 'role_change', 'departure'));`);

    this.addSql(`alter table "service_issues" add constraint "service_issues_severity_check" check ("severity" in ('low', 'medium', 'high', 'critical'));`);

    this.addSql(`alter table "stakeholders" add constraint "stakeholders_role_check" check ("role" in ('decision_maker', 'champion', 'influencer', 'user', 'blocker'));`);
    this.addSql(`alter table "stakeholders" add constraint "stakeholders_seniority_check" check ("seniority" in ('c_level', 'vp', 'director', 'manager', 'staff'));`);
    this.addSql(`alter table "stakeholders" add constraint "stakeholders_strength_check" check ("strength" in ('strong', 'developing', 'weak', 'at_risk'));`);

    this.addSql(`alter table "survey_responses" add constraint "survey_responses_kind_check" check ("kind" in ('nps', 'csat'));`);

    this.addSql(`alter table "tasks" add constraint "tasks_owner_role_check" check ("owner_role" in ('account_lead', 'executive_sponsor', 'partner', 'delivery_lead', 'specialist', 'program_owner', 'client_success'));`);
    this.addSql(`alter table "tasks" add constraint "tasks_status_check" check ("status" in ('open', 'in_progress', 'done', 'cancelled'));`);
    this.addSql(`alter table "tasks" add constraint "tasks_source_check" check ("source" in ('manual', 'escalation', 'play', 'import', 'integration'));`);

    this.addSql(`alter table "team_assignments" add constraint "team_assignments_role_check" check ("role" in ('executive_sponsor', 'account_lead', 'delivery_lead', 'specialist'));`);

    this.addSql(`alter table "touchpoints" add constraint "touchpoints_kind_check" check ("kind" in ('executive', 'operational', 'strategic', 'maintenance'));`);
    this.addSql(`alter table "touchpoints" add constraint "touchpoints_channel_check" check ("channel" in ('meeting', 'video', 'call', 'email', 'event', 'dinner', 'other'));`);
    this.addSql(`alter table "touchpoints" add constraint "touchpoints_direction_check" check ("direction" in ('outbound', 'inbound'));`);
    this.addSql(`alter table "touchpoints" add constraint "touchpoints_outcome_check" check ("outcome" in ('held', 'cancelled', 'rescheduled', 'no_response'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "accounts" cascade;`);
    this.addSql(`drop table if exists "account_plans" cascade;`);
    this.addSql(`drop table if exists "contracts" cascade;`);
    this.addSql(`drop table if exists "engagements" cascade;`);
    this.addSql(`drop table if exists "ingested_events" cascade;`);
    this.addSql(`drop table if exists "invoices" cascade;`);
    this.addSql(`drop table if exists "observations" cascade;`);
    this.addSql(`drop table if exists "opportunities" cascade;`);
    this.addSql(`drop table if exists "people" cascade;`);
    this.addSql(`drop table if exists "service_issues" cascade;`);
    this.addSql(`drop table if exists "stakeholders" cascade;`);
    this.addSql(`drop table if exists "survey_responses" cascade;`);
    this.addSql(`drop table if exists "tasks" cascade;`);
    this.addSql(`drop table if exists "team_assignments" cascade;`);
    this.addSql(`drop table if exists "tenants" cascade;`);
    this.addSql(`drop table if exists "touchpoints" cascade;`);
    this.addSql(`drop table if exists "wallet_estimates" cascade;`);
  }

}
