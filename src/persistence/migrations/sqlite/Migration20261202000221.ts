import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000221 extends Migration {

  override name = 'Migration20261202000221';

  override up(): void | Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`role\` text not null, \`secret_hash\` text not null, \`rate_limit_per_minute\` integer null, \`created_by\` text not null, \`revoked_at\` datetime null);`);
    this.addSql(`create index \`api_keys_tenant_id_index\` on \`api_keys\` (\`tenant_id\`);`);

    this.addSql(`create table \`audit_log\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`at\` datetime not null, \`actor_kind\` text not null, \`actor_id\` text not null, \`actor_name\` text not null, \`action\` text not null, \`resource\` text not null, \`resource_id\` text null, \`before\` json null, \`after\` json null, \`request\` text null, \`request_id\` text null);`);
    this.addSql(`create index \`audit_log_tenant_id_at_index\` on \`audit_log\` (\`tenant_id\`, \`at\`);`);
    this.addSql(`create index \`audit_log_tenant_id_resource_resource_id_index\` on \`audit_log\` (\`tenant_id\`, \`resource\`, \`resource_id\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`name\` text not null, \`password_hash\` text null, \`roles\` json not null, \`person_id\` text null, \`disabled_at\` datetime null);`);
    this.addSql(`create index \`users_tenant_id_index\` on \`users\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`users_tenant_id_email_unique\` on \`users\` (\`tenant_id\`, \`email\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`api_keys\`;`);
    this.addSql(`drop table if exists \`audit_log\`;`);
    this.addSql(`drop table if exists \`users\`;`);
  }

}
