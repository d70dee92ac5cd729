import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000446 extends Migration {

  override name = 'Migration20261202000446';

  override up(): void | Promise<void> {
    this.addSql(`create table "event_field_versions" ("tenant_id" varchar(64) not null, "entity_id" varchar(64) not null, "field" varchar(64) not null, "occurred_at" timestamptz not null, "event_id" varchar(200) not null, primary key ("tenant_id", "entity_id", "field"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "event_field_versions" cascade;`);
  }

}
