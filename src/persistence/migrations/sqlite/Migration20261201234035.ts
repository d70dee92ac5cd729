import { Migration } from '@mikro-orm/migrations';

export class Migration20261201234035 extends Migration {

  override name = 'Migration20261201234035';

  override up(): void | Promise<void> {
    this.addSql(`create table \`acquisition_costs\` (\`id\` text not null primary key, \`tenant_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`period\` text not null, \`period_start\` date not null, \`period_end\` date not null, \`partner_hours\` numeric(12,2) not null, \`hourly_rate\` numeric(14,2) not null, \`marketing_spend\` numeric(14,2) not null, \`proposal_costs\` numeric(14,2) not null, \`other_costs\` numeric(14,2) not null default 0, \`clients_won\` integer null, \`gross_margin\` numeric(5,4) not null, \`expected_years\` numeric(6,2) not null, \`retention_program_cost\` numeric(14,2) null);`);
    this.addSql(`create index \`acquisition_costs_tenant_id_index\` on \`acquisition_costs\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`acquisition_costs_tenant_id_period_unique\` on \`acquisition_costs\` (\`tenant_id\`, \`period\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`acquisition_costs\`;`);
  }

}
