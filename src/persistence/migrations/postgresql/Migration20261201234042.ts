import { Migration } from '@mikro-orm/migrations';

export class Migration20261201234042 extends Migration {

  override name = 'Migration20261201234042';

  override up(): void | Promise<void> {
    this.addSql(`create table "acquisition_costs" ("id" uuid not null, "tenant_id" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "period" varchar(7) not null, "period_start" date not null, "period_end" date not null, "partner_hours" numeric(12,2) not null, "hourly_rate" numeric(14,2) not null, "marketing_spend" numeric(14,2) not null, "proposal_costs" numeric(14,2) not null, "other_costs" numeric(14,2) not null default 0, "clients_won" int null, "gross_margin" numeric(5,4) not null, "expected_years" numeric(6,2) not null, "retention_program_cost" numeric(14,2) null, primary key ("id"));`);
    this.addSql(`create index "acquisition_costs_tenant_id_index" on "acquisition_costs" ("tenant_id");`);
    this.addSql(`alter table "acquisition_costs" add constraint "acquisition_costs_tenant_id_period_unique" unique ("tenant_id", "period");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "acquisition_costs" cascade;`);
  }

}
