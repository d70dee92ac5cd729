import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000222 extends Migration {

  override name = 'Migration20261202000222';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_keys" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(120) not null, "role" varchar(40) not null, "secret_hash" varchar(64) not null, "rate_limit_per_minute" int null, "created_by" varchar(200) not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_keys_tenant_id_index" on "api_keys" ("tenant_id");`);

    this.addSql(`create table "audit_log" ("id" uuid not null, "tenant_id" varchar(64) not null, "at" timestamptz not null, "actor_kind" varchar(20) not null, "actor_id" varchar(200) not null, "actor_name" varchar(200) not null, "action" varchar(40) not null, "resource" varchar(60) not null, "resource_id" varchar(300) null, "before" jsonb null, "after" jsonb null, "request" varchar(300) null, "request_id" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "audit_log_tenant_id_at_index" on "audit_log" ("tenant_id", "at");`);
    this.addSql(`create index "audit_log_tenant_id_resource_resource_id_index" on "audit_log" ("tenant_id", "resource", "resource_id");`);

    this.addSql(`create table "users" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(200) not null, "password_hash" varchar(300) null, "roles" jsonb not null, "person_id" uuid null, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "users_tenant_id_index" on "users" ("tenant_id");`);
    this.addSql(`alter table "users" add constraint "users_tenant_id_email_unique" unique ("tenant_id", "email");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
  }

}
