import { Migration } from '@mikro-orm/migrations';

export class Migration20261122135418 extends Migration {

  override name = 'Migration20261122135418';

  override up(): void | Promise<void> {
    this.addSql(`create table "play_instances" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_id" uuid not null, "workflow_id" varchar(300) not null, "play" varchar(40) not null, "template_id" varchar(80) null, "template_version" int null, "status" text not null default 'running', "attention" varchar(20) not null default 'normal', "outcome" varchar(80) null, "reason" text null, "started_at" timestamptz not null, "closed_at" timestamptz null, "last_event" text null, primary key ("id"));`);
    this.addSql(`create index "play_instances_tenant_id_index" on "play_instances" ("tenant_id");`);
    this.addSql(`create index "play_instances_account_id_index" on "play_instances" ("account_id");`);
    this.addSql(`create index "play_instances_tenant_id_account_id_status_index" on "play_instances" ("tenant_id", "account_id", "status");`);
    this.addSql(`alter table "play_instances" add constraint "play_instances_tenant_id_workflow_id_unique" unique ("tenant_id", "workflow_id");`);

    this.addSql(`alter table "play_instances" add constraint "play_instances_status_check" check ("status" in ('running', 'completed', 'cancelled', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "play_instances" cascade;`);
  }

}
