import { Migration } from '@mikro-orm/migrations';

export class Migration20261122131954 extends Migration {

  override name = 'Migration20261122131954';

  override up(): void | Promise<void> {
    this.addSql(`create table \`account_health\` (\`tenant_id\` text not null, \`account_id\` text not null, \`snapshot_id\` text not null, \`score\` integer not null, \`band\` text not null, \`tier\` integer not null, \`tier_below_since\` date null, \`stage\` integer not null, \`signal_count\` integer not null, \`critical_signal_count\` integer not null, \`protocols\` json not null, \`recent_scores\` json not null, \`computed_at\` datetime not null, \`checked_at\` datetime not null, primary key (\`tenant_id\`, \`account_id\`));`);
    this.addSql(`create index \`account_health_tenant_id_score_index\` on \`account_health\` (\`tenant_id\`, \`score\`);`);

    this.addSql(`create table \`active_rule_sets\` (\`tenant_id\` text not null, \`kind\` text not null, \`version\` integer not null, \`revision\` integer not null, \`activated_at\` datetime not null, \`activated_by\` text not null, primary key (\`tenant_id\`, \`kind\`));`);

    this.addSql(`create table \`escalation_records\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`protocol_id\` text not null, \`protocol_name\` text not null, \`snapshot_id\` text not null, \`fired_at\` datetime not null, \`outcomes\` json not null);`);
    this.addSql(`create index \`escalation_records_tenant_id_index\` on \`escalation_records\` (\`tenant_id\`);`);
    this.addSql(`create index \`escalation_records_account_id_index\` on \`escalation_records\` (\`account_id\`);`);
    this.addSql(`create index \`escalation_records_tenant_id_account_id_protocol_id_fired_at_index\` on \`escalation_records\` (\`tenant_id\`, \`account_id\`, \`protocol_id\`, \`fired_at\`);`);

    this.addSql(`create table \`health_snapshots\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`computed_at\` datetime not null, \`trigger\` text check (\`trigger\` in ('event', 'schedule', 'publish', 'manual', 'import')) not null, \`score\` integer not null, \`band\` text not null, \`components\` json not null, \`tier\` integer not null, \`tier_name\` text not null, \`raw_tier\` integer not null, \`tier_below_since\` date null, \`tier_reasons\` json not null, \`stage\` integer not null, \`stage_name\` text not null, \`tenure_band\` text not null, \`signals\` json not null, \`protocols\` json not null, \`cadence\` json not null, \`facts\` json not null, \`rule_versions\` json not null, \`previous_snapshot_id\` text null, \`score_delta\` integer null, \`delta\` json null);`);
    this.addSql(`create index \`health_snapshots_tenant_id_index\` on \`health_snapshots\` (\`tenant_id\`);`);
    this.addSql(`create index \`health_snapshots_account_id_index\` on \`health_snapshots\` (\`account_id\`);`);
    this.addSql(`create index \`health_snapshots_tenant_id_account_id_computed_at_index\` on \`health_snapshots\` (\`tenant_id\`, \`account_id\`, \`computed_at\`);`);
    this.addSql(`create index \`health_snapshots_tenant_id_computed_at_index\` on \`health_snapshots\` (\`tenant_id\`, \`computed_at\`);`);

    this.addSql(`create table \`play_commands\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`play\` text not null, \`action\` text not null default 'start', \`reason\` text not null, \`source\` text not null, \`source_ref\` text not null, \`idempotency_key\` text not null, \`payload\` json not null, \`status\` text check (\`status\` in ('pending', 'dispatched', 'failed')) not null default 'pending', \`attempts\` integer not null default 0, \`last_error\` text null, \`dispatched_at\` datetime null);`);
    this.addSql(`create index \`play_commands_tenant_id_index\` on \`play_commands\` (\`tenant_id\`);`);
    this.addSql(`create index \`play_commands_account_id_index\` on \`play_commands\` (\`account_id\`);`);
    this.addSql(`create index \`play_commands_status_created_at_index\` on \`play_commands\` (\`status\`, \`created_at\`);`);
    this.addSql(`create unique index \`play_commands_tenant_id_idempotency_key_unique\` on \`play_commands\` (\`tenant_id\`, \`idempotency_key\`);`);

    this.addSql(`create table \`rule_audit_entries\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`action\` text check (\`action\` in ('draft_submitted', 'published', 'rolled_back', 'publish_rejected')) not null, \`version\` integer not null, \`from_version\` integer null, \`actor\` text not null, \`reason\` text null, \`changes\` json not null);`);
    this.addSql(`create index \`rule_audit_entries_tenant_id_index\` on \`rule_audit_entries\` (\`tenant_id\`);`);
    this.addSql(`create index \`rule_audit_entries_tenant_id_created_at_index\` on \`rule_audit_entries\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`rule_set_versions\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`version\` integer not null, \`status\` text check (\`status\` in ('draft', 'published')) not null, \`document\` json not null, \`hash\` text not null, \`based_on_version\` integer null, \`created_by\` text not null, \`published_at\` datetime null, \`published_by\` text null, \`publish_reason\` text null);`);
    this.addSql(`create index \`rule_set_versions_tenant_id_index\` on \`rule_set_versions\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`rule_set_versions_tenant_id_kind_version_unique\` on \`rule_set_versions\` (\`tenant_id\`, \`kind\`, \`version\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`account_health\`;`);
    this.addSql(`drop table if exists \`active_rule_sets\`;`);
    this.addSql(`drop table if exists \`escalation_records\`;`);
    this.addSql(`drop table if exists \`health_snapshots\`;`);
    this.addSql(`drop table if exists \`play_commands\`;`);
    this.addSql(`drop table if exists \`rule_audit_entries\`;`);
    this.addSql(`drop table if exists \`rule_set_versions\`;`);
  }

}
