import { Migration } from '@mikro-orm/migrations';

export class Migration20261122130926 extends Migration {

  override name = 'Migration20261122130926';

  override up(): void | Promise<void> {
    this.addSql(`create table \`accounts\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`external_ref\` text null, \`name\` text not null, \`industry\` text check (\`industry\` in ('consulting', 'legal', 'accounting', 'agency', 'technology', 'other')) not null, \`segment\` text null, \`region\` text null, \`status\` text check (\`status\` in ('active', 'churned', 'won_back')) not null default 'active', \`client_since\` date not null, \`churned_at\` date null, \`churn_reason\` text check (\`churn_reason\` in ('taken_for_granted', 'inconsistent_service_or_team_changes', 'competitor_better_value', 'budget_cuts_or_restructuring', 'key_contact_left', 'other')) null, \`churn_notes\` text null, \`attributes\` json null);`);
    this.addSql(`create index \`accounts_tenant_id_index\` on \`accounts\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`accounts_tenant_id_external_ref_unique\` on \`accounts\` (\`tenant_id\`, \`external_ref\`);`);

    this.addSql(`create table \`account_plans\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`objectives\` json not null, \`relationship_strategy\` text not null, \`risks\` json not null, \`owner_person_id\` text null, \`reviewed_on\` date null);`);
    this.addSql(`create index \`account_plans_tenant_id_index\` on \`account_plans\` (\`tenant_id\`);`);
    this.addSql(`create index \`account_plans_account_id_index\` on \`account_plans\` (\`account_id\`);`);
    this.addSql(`create unique index \`account_plans_tenant_id_account_id_unique\` on \`account_plans\` (\`tenant_id\`, \`account_id\`);`);

    this.addSql(`create table \`contracts\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`external_ref\` text null, \`kind\` text check (\`kind\` in ('retainer', 'project', 'matter', 'engagement_letter')) not null, \`title\` text not null, \`value\` numeric(14,2) not null, \`annual_value\` numeric(14,2) not null, \`currency\` text not null default 'USD', \`start_date\` date not null, \`end_date\` date null, \`notice_period_days\` integer not null default 0, \`auto_renew\` integer not null default false, \`renewal_status\` text check (\`renewal_status\` in ('not_started', 'in_progress', 'renewed', 'expanded', 'shrunk', 'lost')) not null default 'not_started');`);
    this.addSql(`create index \`contracts_tenant_id_index\` on \`contracts\` (\`tenant_id\`);`);
    this.addSql(`create index \`contracts_account_id_index\` on \`contracts\` (\`account_id\`);`);
    this.addSql(`create unique index \`contracts_tenant_id_external_ref_unique\` on \`contracts\` (\`tenant_id\`, \`external_ref\`);`);

    this.addSql(`create table \`engagements\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`contract_id\` text null, \`name\` text not null, \`service_line\` text not null, \`budget\` numeric(14,2) not null, \`actual_cost\` numeric(14,2) not null default 0, \`start_date\` date not null, \`planned_end_date\` date not null, \`actual_end_date\` date null, \`status\` text check (\`status\` in ('planned', 'active', 'on_hold', 'completed', 'cancelled')) not null default 'active');`);
    this.addSql(`create index \`engagements_tenant_id_index\` on \`engagements\` (\`tenant_id\`);`);
    this.addSql(`create index \`engagements_account_id_index\` on \`engagements\` (\`account_id\`);`);
    this.addSql(`create index \`engagements_contract_id_index\` on \`engagements\` (\`contract_id\`);`);

    this.addSql(`create table \`ingested_events\` (\`tenant_id\` text not null, \`event_id\` text not null, \`type\` text not null, \`payload_hash\` text not null, \`account_id\` text null, \`entity_id\` text null, \`received_at\` datetime not null, primary key (\`tenant_id\`, \`event_id\`));`);

    this.addSql(`create table \`invoices\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`contract_id\` text null, \`number\` text null, \`amount\` numeric(14,2) not null, \`currency\` text not null default 'USD', \`issued_on\` date not null, \`due_on\` date not null, \`paid_on\` date null);`);
    this.addSql(`create index \`invoices_tenant_id_index\` on \`invoices\` (\`tenant_id\`);`);
    this.addSql(`create index \`invoices_account_id_index\` on \`invoices\` (\`account_id\`);`);
    this.addSql(`create index \`invoices_tenant_id_account_id_issued_on_index\` on \`invoices\` (\`tenant_id\`, \`account_id\`, \`issued_on\`);`);

    this.addSql(`create table \`observations\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`kind\` text check (\`kind\` in ('competitor_mentioned', 'new_executive', 'exploring_options', 'second_opinion', 'rfp_issued', 'comparison_questions', 'discount_request', 'unbundling_request', 'rate_pushback', 'refused_multi_month_commitment', 'tone_shift', 'no_strategic_input_requested', 'other')) not null, \`executive_seat\` text check (\`executive_seat\` in ('sponsor', 'procurement', 'other')) null, \`tone\` text check (\`tone\` in ('positive', 'neutral', 'critical')) null, \`competitor\` text null, \`detail\` text null, \`source\` text check (\`source\` in ('person', 'integration')) not null default 'person', \`recorded_by\` text null, \`observed_at\` datetime not null);`);
    this.addSql(`create index \`observations_tenant_id_index\` on \`observations\` (\`tenant_id\`);`);
    this.addSql(`create index \`observations_account_id_index\` on \`observations\` (\`account_id\`);`);
    this.addSql(`create index \`observations_tenant_id_account_id_observed_at_index\` on \`observations\` (\`tenant_id\`, \`account_id\`, \`observed_at\`);`);

    this.addSql(`create table \`opportunities\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`kind\` text check (\`kind\` in ('cross_sell', 'upsell', 'cross_organisation')) not null, \`title\` text not null, \`service_line\` text null, \`expected_value\` numeric(14,2) not null, \`stage\` text check (\`stage\` in ('identified', 'qualified', 'proposed', 'negotiating', 'won', 'lost')) not null default 'identified', \`expected_close_date\` date null);`);
    this.addSql(`create index \`opportunities_tenant_id_index\` on \`opportunities\` (\`tenant_id\`);`);
    this.addSql(`create index \`opportunities_account_id_index\` on \`opportunities\` (\`account_id\`);`);

    this.addSql(`create table \`people\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`email\` text not null, \`title\` text check (\`title\` in ('partner', 'principal', 'director', 'manager', 'senior', 'associate', 'staff')) not null, \`practice_area\` text null, \`departure_kind\` text check (\`departure_kind\` in ('retirement', 'promotion', 'role_change', 'departure')) null, \`departure_date\` date null);`);
    this.addSql(`create index \`people_tenant_id_index\` on \`people\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`people_tenant_id_email_unique\` on \`people\` (\`tenant_id\`, \`email\`);`);

    this.addSql(`create table \`service_issues\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`title\` text not null, \`severity\` text check (\`severity\` in ('low', 'medium', 'high', 'critical')) not null, \`is_complaint\` integer not null default false, \`category\` text null, \`opened_at\` datetime not null, \`resolved_at\` datetime null);`);
    this.addSql(`create index \`service_issues_tenant_id_index\` on \`service_issues\` (\`tenant_id\`);`);
    this.addSql(`create index \`service_issues_account_id_index\` on \`service_issues\` (\`account_id\`);`);

    this.addSql(`create table \`stakeholders\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`name\` text not null, \`title\` text null, \`email\` text null, \`role\` text check (\`role\` in ('decision_maker', 'champion', 'influencer', 'user', 'blocker')) not null, \`seniority\` text check (\`seniority\` in ('c_level', 'vp', 'director', 'manager', 'staff')) not null, \`strength\` text check (\`strength\` in ('strong', 'developing', 'weak', 'at_risk')) not null, \`met_in_person\` integer not null default false, \`reaches_out_proactively\` integer not null default false, \`is_firm_alumnus\` integer not null default false, \`departed_at\` date null);`);
    this.addSql(`create index \`stakeholders_tenant_id_index\` on \`stakeholders\` (\`tenant_id\`);`);
    this.addSql(`create index \`stakeholders_account_id_index\` on \`stakeholders\` (\`account_id\`);`);

    this.addSql(`create table \`survey_responses\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`stakeholder_id\` text null, \`kind\` text check (\`kind\` in ('nps', 'csat')) not null, \`score\` integer not null, \`responded_at\` datetime not null, \`comment\` text null);`);
    this.addSql(`create index \`survey_responses_tenant_id_index\` on \`survey_responses\` (\`tenant_id\`);`);
    this.addSql(`create index \`survey_responses_account_id_index\` on \`survey_responses\` (\`account_id\`);`);
    this.addSql(`create index \`survey_responses_tenant_id_account_id_responded_at_index\` on \`survey_responses\` (\`tenant_id\`, \`account_id\`, \`responded_at\`);`);

    this.addSql(`create table \`tasks\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text null, \`title\` text not null, \`description\` text null, \`owner_person_id\` text null, \`owner_role\` text check (\`owner_role\` in ('account_lead', 'executive_sponsor', 'partner', 'delivery_lead', 'specialist', 'program_owner', 'client_success')) not null, \`due_on\` date null, \`status\` text check (\`status\` in ('open', 'in_progress', 'done', 'cancelled')) not null default 'open', \`source\` text check (\`source\` in ('manual', 'escalation', 'play', 'import', 'integration')) not null default 'manual', \`source_ref\` text null, \`completed_at\` datetime null);`);
    this.addSql(`create index \`tasks_tenant_id_index\` on \`tasks\` (\`tenant_id\`);`);
    this.addSql(`create index \`tasks_tenant_id_status_due_on_index\` on \`tasks\` (\`tenant_id\`, \`status\`, \`due_on\`);`);
    this.addSql(`create index \`tasks_tenant_id_account_id_index\` on \`tasks\` (\`tenant_id\`, \`account_id\`);`);
    this.addSql(`create unique index \`tasks_tenant_id_source_ref_unique\` on \`tasks\` (\`tenant_id\`, \`source_ref\`);`);

    this.addSql(`create table \`team_assignments\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`person_id\` text not null, \`role\` text check (\`role\` in ('executive_sponsor', 'account_lead', 'delivery_lead', 'specialist')) not null, \`from_date\` date not null, \`to_date\` date null);`);
    this.addSql(`create index \`team_assignments_tenant_id_index\` on \`team_assignments\` (\`tenant_id\`);`);
    this.addSql(`create index \`team_assignments_account_id_index\` on \`team_assignments\` (\`account_id\`);`);
    this.addSql(`create index \`team_assignments_person_id_index\` on \`team_assignments\` (\`person_id\`);`);

    this.addSql(`create table \`tenants\` (\`id\` text not null primary key, \`name\` text not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`touchpoints\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`stakeholder_id\` text null, \`person_id\` text null, \`kind\` text check (\`kind\` in ('executive', 'operational', 'strategic', 'maintenance')) not null, \`channel\` text check (\`channel\` in ('meeting', 'video', 'call', 'email', 'event', 'dinner', 'other')) not null, \`direction\` text check (\`direction\` in ('outbound', 'inbound')) not null, \`outcome\` text check (\`outcome\` in ('held', 'cancelled', 'rescheduled', 'no_response')) not null default 'held', \`occurred_at\` datetime not null, \`response_time_hours\` double null, \`summary\` text null);`);
    this.addSql(`create index \`touchpoints_tenant_id_index\` on \`touchpoints\` (\`tenant_id\`);`);
    this.addSql(`create index \`touchpoints_account_id_index\` on \`touchpoints\` (\`account_id\`);`);
    this.addSql(`create index \`touchpoints_tenant_id_account_id_occurred_at_index\` on \`touchpoints\` (\`tenant_id\`, \`account_id\`, \`occurred_at\`);`);

    this.addSql(`create table \`wallet_estimates\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`annual_spend\` numeric(14,2) not null, \`currency\` text not null default 'USD', \`as_of\` date not null, \`service_areas\` json null, \`source\` text null);`);
    this.addSql(`create index \`wallet_estimates_tenant_id_index\` on \`wallet_estimates\` (\`tenant_id\`);`);
    this.addSql(`create index \`wallet_estimates_account_id_index\` on \`wallet_estimates\` (\`account_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`accounts\`;`);
    this.addSql(`drop table if exists \`account_plans\`;`);
    this.addSql(`drop table if exists \`contracts\`;`);
    this.addSql(`drop table if exists \`engagements\`;`);
    this.addSql(`drop table if exists \`ingested_events\`;`);
    this.addSql(`drop table if exists \`invoices\`;`);
    this.addSql(`drop table if exists \`observations\`;`);
    this.addSql(`drop table if exists \`opportunities\`;`);
    this.addSql(`drop table if exists \`people\`;`);
    this.addSql(`drop table if exists \`service_issues\`;`);
    this.addSql(`drop table if exists \`stakeholders\`;`);
    this.addSql(`drop table if exists \`survey_responses\`;`);
    this.addSql(`drop table if exists \`tasks\`;`);
    this.addSql(`drop table if exists \`team_assignments\`;`);
    this.addSql(`drop table if exists \`tenants\`;`);
    this.addSql(`drop table if exists \`touchpoints\`;`);
    this.addSql(`drop table if exists \`wallet_estimates\`;`);
  }

}
