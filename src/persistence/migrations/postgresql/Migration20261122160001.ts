import { Migration } from '@mikro-orm/migrations';

export class Migration20261122160001 extends Migration {

  override name = 'Migration20261122160001';

  override up(): void | Promise<void> {
    this.addSql(`alter table "tenants" add column "plugins" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "tenants" drop column "plugins";`);
  }

}
