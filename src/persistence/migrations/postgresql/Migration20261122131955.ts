import { Migration } from '@mikro-orm/migrations';

export class Migration20261122131955 extends Migration {

  override name = 'Migration20261122131955';

  override up(): void | Promise<void> {
    this.addSql(`create table "account_health" ("tenant_id" varchar(64) not null, "account_id" uuid not null, "snapshot_id" uuid not null, "score" int not null, "band" varchar(20) not null, "tier" int not null, "tier_below_since" date null, "stage" int not null, "signal_count" int not null, "critical_signal_count" int not null, "protocols" jsonb not null, "recent_scores" jsonb not null, "computed_at" timestamptz not null, "checked_at" timestamptz not null, primary key ("tenant_id", "account_id"));`);
    this.addSql(`create index "account_health_tenant_id_score_index" on "account_health" ("tenant_id", "score");`);

    this.addSql(`create table "active_rule_sets" ("tenant_id" varchar(64) not null, "kind" varchar(32) not null, "version" int not null, "revision" int not null, "activated_at" timestamptz not null, "activated_by" varchar(200) not null, primary key ("tenant_id", "kind"));`);

    this.addSql(`create table "escalation_records" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "protocol_id" varchar(80) not null, "protocol_name" varchar(120) not null, "snapshot_id" uuid not null, "fired_at" timestamptz not null, "outcomes" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "escalation_records_tenant_id_index" on "escalation_records" ("tenant_id");`);
    this.addSql(`create index "escalation_records_account_id_index" on "escalation_records" ("account_id");`);
    this.addSql(`create index "escalation_records_tenant_id_account_id_protocol_i_7e025_index" on "escalation_records" ("tenant_id", "account_id", "protocol_id", "fired_at");`);

    this.addSql(`create table "health_snapshots" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "computed_at" timestamptz not null, "trigger" text not null, "score" int not null, "band" varchar(20) not null, "components" jsonb not null, "tier" int not null, "tier_name" varchar(80) not null, "raw_tier" int not null, "tier_below_since" date null, "tier_reasons" jsonb not null, "stage" int not null, "stage_name" varchar(80) not null, "tenure_band" varchar(20) not null, "signals" jsonb not null, "protocols" jsonb not null, "cadence" jsonb not null, "facts" jsonb not null, "rule_versions" jsonb not null, "previous_snapshot_id" uuid null, "score_delta" int null, "delta" jsonb null, primary key ("id"));`);
    this.addSql(`create index "health_snapshots_tenant_id_index" on "health_snapshots" ("tenant_id");`);
    this.addSql(`create index "health_snapshots_account_id_index" on "health_snapshots" ("account_id");`);
    this.addSql(`create index "health_snapshots_tenant_id_account_id_computed_at_index" on "health_snapshots" ("tenant_id", "account_id", "computed_at");`);
    this.addSql(`create index "health_snapshots_tenant_id_computed_at_index" on "health_snapshots" ("tenant_id", "computed_at");`);

    this.addSql(`create table "play_commands" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "play" varchar(40) not null, "action" varchar(20) not null default 'start', "reason" text not null, "source" varchar(40) not null, "source_ref" varchar(200) not null, "idempotency_key" varchar(300) not null, "payload" jsonb not null, "status" text not null default 'pending', "attempts" int not null default 0, "last_error" text null, "dispatched_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "play_commands_tenant_id_index" on "play_commands" ("tenant_id");`);
    this.addSql(`create index "play_commands_account_id_index" on "play_commands" ("account_id");`);
    this.addSql(`create index "play_commands_status_created_at_index" on "play_commands" ("status", "created_at");`);
    this.addSql(`alter table "play_commands" add constraint "play_commands_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "rule_audit_entries" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(32) not null, "action" text not null, "version" int not null, "from_version" int null, "actor" varchar(200) not null, "reason" text null, "changes" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "rule_audit_entries_tenant_id_index" on "rule_audit_entries" ("tenant_id");`);
    this.addSql(`create index "rule_audit_entries_tenant_id_created_at_index" on "rule_audit_entries" ("tenant_id", "created_at");`);

    this.addSql(`create table "rule_set_versions" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(32) not null, "version" int not null, "status" text not null, "document" jsonb not null, "hash" varchar(64) not null, "based_on_version" int null, "created_by" varchar(200) not null, "published_at" timestamptz null, "published_by" varchar(200) null, "publish_reason" text null, primary key ("id"));`);
    this.addSql(`create index "rule_set_versions_tenant_id_index" on "rule_set_versions" ("tenant_id");`);
    this.addSql(`alter table "rule_set_versions" add constraint "rule_set_versions_tenant_id_kind_version_unique" unique ("tenant_id", "kind", "version");`);

    this.addSql(`alter table "health_snapshots" add constraint "health_snapshots_trigger_check" check ("trigger" in ('event', 'schedule', 'publish', 'manual', 'import'));`);

    this.addSql(`alter table "play_commands" add constraint "play_commands_status_check" check ("status" in ('pending', 'dispatched', 'failed'));`);

    this.addSql(`alter table "rule_audit_entries" add constraint "rule_audit_entries_action_check" check ("action" in ('draft_submitted', 'published', 'rolled_back', 'publish_rejected'));`);

    this.addSql(`alter table "rule_set_versions" add constraint "rule_set_versions_status_check" check ("status" in ('draft', 'published'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "account_health" cascade;`);
    this.addSql(`drop table if exists "active_rule_sets" cascade;`);
    this.addSql(`drop table if exists "escalation_records" cascade;`);
    this.addSql(`drop table if exists "health_snapshots" cascade;`);
    this.addSql(`drop table if exists "play_commands" cascade;`);
    this.addSql(`drop table if exists "rule_audit_entries" cascade;`);
    this.addSql(`drop table if exists "rule_set_versions" cascade;`);
  }

}
