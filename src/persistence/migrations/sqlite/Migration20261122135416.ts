import { Migration } from '@mikro-orm/migrations';

export class Migration20261122135416 extends Migration {

  override name = 'Migration20261122135416';

  override up(): void | Promise<void> {
    this.addSql(`create table \`play_instances\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`account_id\` text not null, \`workflow_id\` text not null, \`play\` text not null, \`template_id\` text null, \`template_version\` integer null, \`status\` text check (\`status\` in ('running', 'completed', 'cancelled', 'failed')) not null default 'running', \`attention\` text not null default 'normal', \`outcome\` text null, \`reason\` text null, \`started_at\` datetime not null, \`closed_at\` datetime null, \`last_event\` text null);`);
    this.addSql(`create index \`play_instances_tenant_id_index\` on \`play_instances\` (\`tenant_id\`);`);
    this.addSql(`create index \`play_instances_account_id_index\` on \`play_instances\` (\`account_id\`);`);
    this.addSql(`create index \`play_instances_tenant_id_account_id_status_index\` on \`play_instances\` (\`tenant_id\`, \`account_id\`, \`status\`);`);
    this.addSql(`create unique index \`play_instances_tenant_id_workflow_id_unique\` on \`play_instances\` (\`tenant_id\`, \`workflow_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`play_instances\`;`);
  }

}
